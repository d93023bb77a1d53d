import OrderDeskCore

// The customer screen's forms and the move/add/change/disconnect order wizard: opening them, and saving
// what they return through the client. (Being built: the forms land with issue 4.)
extension DeskApp {
    /// `e` on the header: the customer's own fields.
    func openCustomerForm(_ header: CustomerHeader) { formsMissing() }
    /// `a` (location nil) or `e` in the locations pane.
    func openLocationForm(customerID: Int64, location: CustomerLocation?) { formsMissing() }
    /// `a` (contact nil) or `e` in the contacts pane.
    func openContactForm(customerID: Int64, contact: Contact?) { formsMissing() }
    /// `d` in the contacts pane: asks, then removes.
    func confirmRemoveContact(_ contact: Contact) { formsMissing() }
    /// `s` in the locations pane: request, schedule or record the site survey.
    func openSurveyForm(location: CustomerLocation) { formsMissing() }
    /// `a` (document nil: a new one of `kind`) or `e` in the documents pane; the LOA check runs as fields are typed.
    func openDocumentForm(customer: CustomerDetail, document: PortingDocument?, kind: PortingDocumentKind) { formsMissing() }
    /// `n`: a note on the customer's timeline.
    func openCustomerNoteForm(customerID: Int64) { formsMissing() }
    /// `o`: the order wizard, starting at the selected location when there is one.
    func openOrderWizard(customer: CustomerDetail, locationID: Int64?) { formsMissing() }

    private func formsMissing() {
        state.message = StatusMessage("The customer forms are not built yet.", isError: true)
    }
}

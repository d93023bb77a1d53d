import Foundation
import OrderDeskCore

// The customer screen's forms and the move/add/change/disconnect order wizard: opening them, and saving
// what they return through the client. A refused save keeps the form open with everything typed: the
// store's field errors go under their fields, a conflict reloads the record (its version, and its values in
// the fields not typed in) so Ctrl-S saves over the fresh version, anything else shows at the top.
extension DeskApp {
    /// `e` on the header: the customer's own fields.
    func openCustomerForm(_ header: CustomerHeader) {
        state.modal = .customerForm(.customer(CustomerFormState(header: header)))
    }

    /// `a` (location nil) or `e` in the locations pane.
    func openLocationForm(customerID: Int64, location: CustomerLocation?) {
        state.modal = .customerForm(.location(LocationFormState(customerID: customerID, location: location)))
    }

    /// `a` (contact nil) or `e` in the contacts pane.
    func openContactForm(customerID: Int64, contact: Contact?) {
        state.modal = .customerForm(.contact(ContactFormState(customerID: customerID, contact: contact)))
    }

    /// `d` in the contacts pane: asks, then removes.
    func confirmRemoveContact(_ contact: Contact) {
        state.modal = .customerForm(.removeContact(RemoveContactState(contact: contact)))
    }

    /// `s` in the locations pane: request, schedule or record the site survey. The customer's id lets a
    /// conflict reload the location and save over its fresh version.
    func openSurveyForm(location: CustomerLocation, customerID: Int64) {
        state.modal = .customerForm(.survey(SurveyFormState(location: location, customerID: customerID)))
    }

    /// `a` (document nil: a new one of `kind`) or `e` in the documents pane; the LOA check runs as fields are typed.
    func openDocumentForm(customer: CustomerDetail, document: PortingDocument?, kind: PortingDocumentKind) {
        let today = Day(unixSeconds: client.now())
        state.modal = .customerForm(.document(DocumentFormState(customer: customer, document: document, kind: kind, today: today)))
    }

    /// `n`: a note on the customer's timeline.
    func openCustomerNoteForm(customerID: Int64) {
        state.modal = .customerForm(.note(CustomerNoteFormState(customerID: customerID)))
    }

    /// `o`: the order wizard, starting at the selected location when there is one.
    func openOrderWizard(customer: CustomerDetail, locationID: Int64?) {
        state.modal = .orderWizard(OrderWizardState(customer: customer, locationID: locationID))
    }

    // MARK: Saving the forms

    /// Performs a form's save. On success the form closes, the footer confirms and the customer reloads.
    func saveCustomerRecord(_ save: CustomerSave) {
        guard case .customerForm(var modal) = state.modal else { return }
        do {
            let confirmation = try perform(save, modal: modal)
            state.modal = nil
            state.message = StatusMessage(confirmation)
            customerChanged()
        } catch {
            refuse(error, save: save, in: &modal)
        }
    }

    /// Saves through the client; returns the footer's confirmation.
    private func perform(_ save: CustomerSave, modal: CustomerFormModal) throws -> String {
        let customers = client.customers
        switch save {
        case let .customer(id, edit, version):
            let header = try customers.updateCustomer(id, edit, version)
            return "Customer \(header.name) saved."
        case let .location(customerID, locationID, edit, version):
            let location = try customers.saveLocation(customerID, locationID, edit, version)
            return "Location \(location.address.singleLine) \(locationID == nil ? "added" : "saved")."
        case let .contact(customerID, contactID, edit, version):
            let contact = try customers.saveContact(customerID, contactID, edit, version)
            return "Contact \(contact.name) \(contactID == nil ? "added" : "saved")."
        case .removeContact(let contact):
            try customers.deleteContact(contact.id, contact.version)
            return "Contact \(contact.name) removed."
        case let .survey(locationID, survey, version):
            let location = try customers.recordSurvey(locationID, survey, version)
            return "Site survey at \(location.address.street): \(location.survey.status.label)."
        case let .document(customerID, documentID, kind, receivedOn, loa, note, version):
            let document = try customers.saveDocument(customerID, documentID, kind, receivedOn, loa, note, version)
            var text = "\(document.kind.label) saved: " + (document.receivedOn.map { "received \($0.iso)" } ?? "missing")
            if case .document(let form) = modal, document.loa != nil {
                let names = form.mismatches.map(\.field.label)
                text += names.isEmpty ? ", matches the account." : "; does not match the account: " + names.joined(separator: ", ") + "."
            } else {
                text += "."
            }
            return text
        case let .note(customerID, text):
            try customers.addNote(customerID, text)
            return "Note added to the customer's timeline."
        }
    }

    private func refuse(_ error: Error, save: CustomerSave, in modal: inout CustomerFormModal) {
        var text = Self.describe(error)
        switch (error as? OrderDeskError, modal) {
        case (.recordConflict(_, let who, let at)?, .removeContact(let confirm)):
            // Nothing was typed: close, show the fresh contact, let the person decide again.
            state.modal = nil
            state.message = StatusMessage(
                "\(confirm.contact.name) was changed by \(who) at \(Timestamp.display(at)) after you opened it; "
                    + "nothing was removed. Check the contact and press d again.", isError: true)
            customerChanged()
            return
        case (_, .removeContact(var confirm)):
            confirm.error = text
            modal = .removeContact(confirm)
        case (.invalidFields(let errors)?, _):
            if var form = modal.form {
                Form.show(storeErrors: errors, in: &form)
                modal.form = form
            }
            text = "Not saved: fix the fields marked ✗."
        case (.recordConflict?, _):
            if let id = modal.customerID, let fresh = try? client.customers.detail(id) {
                if !modal.reloaded(from: fresh) { text += " It is no longer on the customer: Esc closes the form." }
            } else {
                text += " Close the form and open it again to save over the fresh version."
            }
            modal.form?.message = FormMessage(text)
            customerChanged()
        default:
            modal.form?.message = FormMessage(text)
        }
        state.modal = .customerForm(modal)
        state.message = StatusMessage(text, isError: true)
    }

    static func describe(_ error: Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    }

    // MARK: The order wizard

    /// Answers the wizard: price-book searches, the service in place, saving the draft and submitting it.
    func performWizard(_ request: OrderWizardRequest) {
        guard case .orderWizard(var wizard) = state.modal else { return }
        defer { if case .orderWizard = state.modal { state.modal = .orderWizard(wizard) } }
        let customers = client.customers
        switch request {
        case .searchPriceBook(let search):
            do {
                OrderWizard.priceBookLoaded(&wizard, try customers.priceBook(search), for: search)
            } catch {
                OrderWizard.priceBookFailed(&wizard, Self.describe(error))
            }
        case .loadServiceLines(let locationID):
            do {
                OrderWizard.serviceLinesLoaded(&wizard, try customers.serviceLines(locationID), locationID: locationID)
            } catch {
                wizard.errors = [Self.describe(error)]
            }
        case .create(let draft):
            do {
                let row = try customers.createOrder(draft)
                OrderWizard.saved(&wizard, row)
                state.message = StatusMessage("Draft order \(row.orderNumber) saved.")
                customerChanged()
            } catch OrderDeskError.invalidFields(let errors) {
                wizard.errors = errors.map(\.message)
            } catch {
                wizard.errors = [Self.describe(error)]
            }
        case .submit(let row):
            do {
                let submitted = try client.apply(.move(to: .submitted, input: TransitionInput()), row.id, row.version)
                state.modal = nil
                state.message = StatusMessage("Order \(submitted.orderNumber) submitted.")
            } catch {
                // The workflow said no: the draft stays saved, the wizard shows why until Esc.
                wizard.submitRefusal = Self.describe(error)
                state.message = StatusMessage("Draft order \(row.orderNumber) saved but not submitted: " + Self.describe(error),
                                              isError: true)
            }
            customerChanged()
        }
    }
}

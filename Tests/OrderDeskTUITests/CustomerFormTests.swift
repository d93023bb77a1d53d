import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// Each customer form through the desk: what Ctrl-S saves, and what a refusal from the store does.
struct CustomerFormTests {
    func form(_ app: DeskApp) -> FormState? {
        guard case .customerForm(let modal) = app.state.modal else { return nil }
        return modal.form
    }

    @Test func theCustomerFormSavesTheNormalizedFieldsWithTheVersionItLoaded() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        app.openCustomerForm(CustomerFormsFixture.header)
        app.render()
        app.press(.tab)
        app.press(.control("u"))
        app.type("  medium   business ")
        app.press(.tab, .right) // channel: direct → agent
        app.press(.tab, .control("u"))
        app.type("516.555.0100")
        app.press(.control("s"))
        #expect(app.state.modal == nil)
        let saved = recorder.savedCustomers.last
        #expect(saved?.version == 3)
        #expect(saved?.edit == CustomerEdit(name: "Café Roma LLC", segment: "medium business", channel: .agent,
                                            phone: "(516) 555-0100", ownerLogin: "dana.ruiz"))
        #expect(terminal.text().contains("Customer Café Roma LLC saved."))
    }

    @Test func aNewLocationIsRefusedUntilItsStateAndZIPAreRight() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        app.openLocationForm(customerID: 12, location: nil)
        app.render()
        app.type("1200 Old Country Rd")
        app.press(.tab)
        app.type("Plainview")
        app.press(.tab)
        app.type("ny")
        app.press(.tab)
        app.type("1180")
        app.press(.control("s"))
        #expect(recorder.calls.isEmpty, "nothing is sent while a field is wrong")
        #expect(form(app)?.focusedField?.key == "zip")
        #expect(terminal.text().contains("✗ '1180' is not a ZIP code"))
        app.type("3")
        app.press(.control("s"))
        #expect(app.state.modal == nil)
        #expect(recorder.savedLocations.last?.edit == LocationEdit(street: "1200 Old Country Rd", city: "Plainview",
                                                                   stateCode: "NY", zip: "11803"))
        #expect(recorder.savedLocations.last?.version == nil)
        #expect(app.state.message?.text == "Location 1200 Old Country Rd, Plainview, NY 11803 added.")
    }

    @Test func aContactWithABadEmailShowsTheErrorThenSavesOnceFixed() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        app.openContactForm(customerID: 12, contact: nil)
        app.render()
        #expect(terminal.text().contains("New contact"))
        app.type("Marco Bellini")
        app.press(.tab, .right, .right) // technical → signer → site access
        app.press(.tab, .tab)
        app.type("marco@caferoma")
        app.press(.tab)
        #expect(terminal.text().contains("✗ 'marco@caferoma' is not an email address: write it as"))
        #expect(form(app)?.field("email")?.error == "'marco@caferoma' is not an email address: write it as name@example.com.")
        app.press(.control("s"))
        #expect(recorder.savedContacts.isEmpty)
        app.type(".com")
        app.press(.control("s"))
        #expect(app.state.modal == nil)
        #expect(recorder.savedContacts.last?.edit == ContactEdit(name: "Marco Bellini", role: .siteAccess, phone: "",
                                                                 email: "marco@caferoma.com"))
        #expect(terminal.text().contains("Contact Marco Bellini added."))
    }

    @Test func aConflictKeepsWhatWasTypedTakesTheFreshVersionAndSavesOverIt() {
        let (app, terminal, _, recorder) = makeFormsDesk(size: (30, 100))
        app.openContactForm(customerID: 12, contact: CustomerFormsFixture.ana)
        app.render()
        app.press(.tab, .tab, .tab, .control("u"))
        app.type("ana.ruiz@caferoma.com")
        recorder.externalContactChange(21, phone: "(516) 555-0199") // Lee saves the contact meanwhile
        app.press(.control("s"))
        guard let refused = form(app), case .customerForm(.contact(let state))? = app.state.modal else {
            Issue.record("the contact form closed"); return
        }
        #expect(refused["email"] == "ana.ruiz@caferoma.com", "what was typed is kept")
        #expect(refused["phone"] == "(516) 555-0199", "a field not typed in takes the fresh value")
        #expect(state.version == 3, "works from the fresh version now")
        #expect(refused.message?.text.hasPrefix("The contact Ana Ruiz was changed by Lee Chen at") == true)
        #expect(terminal.text().contains("was changed by Lee Chen"))
        app.press(.control("s"))
        #expect(app.state.modal == nil)
        #expect(recorder.savedContacts.last?.version == 3)
        #expect(recorder.savedContacts.last?.edit.email == "ana.ruiz@caferoma.com")
        #expect(recorder.savedContacts.last?.edit.phone == "(516) 555-0199")
        #expect(recorder.calls == ["contact 21 Ana Ruiz", "contact 21 Ana Ruiz"])
    }

    @Test func aConflictOnTheCustomerKeepsTheTypedSegmentAndTakesTheNewName() {
        let (app, _, _, recorder) = makeFormsDesk()
        app.openCustomerForm(CustomerFormsFixture.header)
        app.render()
        app.press(.tab, .control("u"))
        app.type("enterprise")
        recorder.externalCustomerChange(name: "Café Roma Holdings LLC")
        app.press(.control("s"))
        #expect(form(app)?["name"] == "Café Roma Holdings LLC")
        #expect(form(app)?["segment"] == "enterprise")
        app.press(.control("s"))
        #expect(app.state.modal == nil)
        #expect(recorder.savedCustomers.last?.version == 4)
        #expect(recorder.detail.header.name == "Café Roma Holdings LLC")
        #expect(recorder.detail.header.segment == "enterprise")
    }

    @Test func theStoresFieldErrorsShowUnderTheFields() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        app.openCustomerForm(CustomerFormsFixture.header)
        app.render()
        recorder.refuseNext = OrderDeskError.invalidFields([FieldError(field: "owner", message: "'sam.o' is not an OrderDesk user.")])
        for _ in 0..<4 { app.press(.tab) }
        app.press(.control("u"))
        app.type("sam.o")
        app.press(.control("s"))
        #expect(form(app)?.field("owner")?.error == "'sam.o' is not an OrderDesk user.")
        #expect(form(app)?.focusedField?.key == "owner")
        #expect(terminal.text().contains("✗ 'sam.o' is not an OrderDesk user."))
        #expect(app.state.message?.text == "Not saved: fix the fields marked ✗.")
    }

    @Test func aForbiddenSaveSaysWhyAndTheFormStays() {
        let (app, terminal, _, recorder) = makeFormsDesk(size: (30, 100))
        app.openLocationForm(customerID: 12, location: CustomerFormsFixture.oak)
        app.render()
        recorder.refuseNext = OrderDeskError.forbidden(login: "dana.ruiz", role: .viewer, action: "change customers")
        app.type(" Suite 2")
        app.press(.control("s"))
        #expect(form(app)?["street"] == "40 Oak Ave Suite 2")
        #expect(form(app)?.message?.text == "dana.ruiz has the role viewer, which may not change customers. Ask an admin to change the role.")
        #expect(terminal.text().contains("which may not change customers"))
    }

    @Test func removingAContactAsksFirst() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        app.confirmRemoveContact(CustomerFormsFixture.tomas)
        app.render()
        #expect(terminal.text().contains("Remove Tomás Peña (technical)?"))
        app.press(.character("x"))
        #expect(app.state.modal != nil)
        app.press(.character("n"))
        #expect(app.state.modal == nil)
        #expect(recorder.removedContacts.isEmpty)
        app.confirmRemoveContact(CustomerFormsFixture.tomas)
        app.render()
        app.press(.character("y"))
        #expect(app.state.modal == nil)
        #expect(recorder.removedContacts == [22])
        #expect(app.state.message?.text == "Contact Tomás Peña removed.")
    }

    @Test func removingAContactSomeoneJustChangedRemovesNothing() {
        let (app, _, _, recorder) = makeFormsDesk()
        recorder.externalContactChange(21, phone: "(516) 555-0100")
        app.confirmRemoveContact(CustomerFormsFixture.ana)
        app.render()
        app.press(.character("y"))
        #expect(app.state.modal == nil)
        #expect(recorder.removedContacts.isEmpty)
        #expect(app.state.message?.text.contains("nothing was removed. Check the contact and press d again.") == true)
    }

    @Test func aSurveyShowsTheDateWhenScheduledAndTheResultWhenCompleted() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        app.openSurveyForm(location: CustomerFormsFixture.oak, customerID: 12)
        app.render()
        #expect(form(app)?["status"] == "requested")
        #expect(!terminal.text().contains("Survey date"))
        app.press(.right) // scheduled
        #expect(terminal.text().contains("Survey date"))
        app.press(.control("s"))
        #expect(form(app)?.field("date")?.error == "Survey date is required.")
        #expect(form(app)?.focusedField?.key == "date")
        app.type("2026-12-03")
        app.press(.control("s"))
        #expect(recorder.savedSurveys.last?.survey == SiteSurvey(status: .scheduled(Day(iso: "2026-12-03")!),
                                                                  note: "Ask for Marco at the back door"))
        #expect(app.state.message?.text == "Site survey at 40 Oak Ave: scheduled 2026-12-03.")

        app.openSurveyForm(location: recorder.detail.locations[1], customerID: 12)
        app.render()
        app.press(.right) // completed
        #expect(!terminal.text().contains("Survey date"))
        app.press(.tab)
        #expect(form(app)?.focusedField?.key == "result")
        app.press(.right, .right) // not feasible
        app.press(.tab, .control("u"))
        app.type("No conduit into the building")
        app.press(.control("s"))
        #expect(recorder.savedSurveys.last?.survey == SiteSurvey(status: .completed(.notFeasible), note: "No conduit into the building"))
    }

    @Test func aSurveyConflictReloadsTheLocationsVersion() {
        let (app, _, _, recorder) = makeFormsDesk()
        app.openSurveyForm(location: CustomerFormsFixture.oak, customerID: 12)
        app.render()
        app.press(.left) // requested → not needed
        recorder.externalLocationChange(2)
        app.press(.control("s"))
        guard case .customerForm(.survey(let state))? = app.state.modal else { Issue.record("closed"); return }
        #expect(state.version == 3)
        #expect(state.form["status"] == "not_needed")
        app.press(.control("s"))
        #expect(app.state.modal == nil)
        #expect(recorder.savedSurveys.last?.version == 3)
    }

    @Test func theLOACheckFlagsEachMismatchAsItIsTypedAndStillSaves() {
        let (app, terminal, _, recorder) = makeFormsDesk(size: (30, 100))
        app.openDocumentForm(customer: recorder.detail, document: nil, kind: .loa)
        app.render()
        #expect(terminal.text().contains("New LOA for Café Roma LLC"))
        #expect(!terminal.text().contains("Authorised name"), "the letter's fields show once it is received")
        app.press(.tab, .right) // received: yes
        #expect(form(app)?["received_on"] == "2026-11-18", "starts at today")
        app.press(.tab, .tab)
        app.type("Cafe Roma")
        #expect(form(app)?.field("authorized_name")?.notes == ["✗ does not match the account (account: Café Roma LLC)"])
        app.type(" L.L.C.")
        #expect(form(app)?.field("authorized_name")?.notes == [], "checked on every key")
        app.press(.tab)
        app.type("12 Main Street")
        app.press(.tab)
        app.type("11741")
        app.press(.tab)
        app.type("516 555 0143")
        let flagged = form(app)?.fields.filter { !$0.notes.isEmpty }.map(\.key)
        #expect(flagged == ["zip", "btn"])
        let text = terminal.text()
        #expect(text.contains("✗ does not match the account (account: 11714)"))
        #expect(text.contains("✗ does not match the account (account: (516) 555-0134)"))
        #expect(text.contains("2 of 4 fields do not match the account (ZIP, billing telephone number)"))
        app.press(.control("s"))
        #expect(app.state.modal == nil, "a mismatch does not stop the save")
        let saved = recorder.savedDocuments.last
        #expect(saved?.kind == .loa && saved?.receivedOn == Day(iso: "2026-11-18"))
        #expect(saved?.loa == LOADetails(authorizedName: "Cafe Roma L.L.C.", serviceAddress: "12 Main Street", zip: "11741",
                                         billingTelephoneNumber: "516 555 0143"))
        #expect(app.state.message?.text
            == "LOA saved: received 2026-11-18; does not match the account: ZIP, billing telephone number.")
    }

    @Test func aMissingCSRIsSavedWithoutADay() {
        let (app, _, _, recorder) = makeFormsDesk()
        app.openDocumentForm(customer: recorder.detail, document: CustomerFormsFixture.csr, kind: .csr)
        app.render()
        #expect(form(app)?.focusedField?.key == "received", "the kind of an existing document is fixed")
        app.press(.tab, .control("u")) // received stays "no": on to the note
        app.type("Asked again")
        app.press(.control("s"))
        #expect(recorder.savedDocuments.last?.receivedOn == nil)
        #expect(recorder.savedDocuments.last?.loa == nil)
        #expect(recorder.savedDocuments.last?.note == "Asked again")
        #expect(app.state.message?.text == "CSR saved: missing.")
    }

    @Test func aNoteNeedsTextAndKeepsItsLines() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        app.openCustomerNoteForm(customerID: 12)
        app.render()
        app.press(.control("s"))
        #expect(terminal.text().contains("✗ The note is empty: type something, or Esc to cancel."))
        app.type("Owner prefers email.")
        app.press(.enter)
        app.type("Closed Mondays.")
        app.press(.control("s"))
        #expect(recorder.notes == ["Owner prefers email.\nClosed Mondays."])
        #expect(app.state.message?.text == "Note added to the customer's timeline.")
    }
}

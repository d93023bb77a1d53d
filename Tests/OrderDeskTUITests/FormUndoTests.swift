import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// Ctrl-Z in the form widget: one step per run of typing in a field, choices too, back to the values as
/// loaded (and the dirty marker with them).
struct FormUndoTests {
    func contactForm(_ contact: Contact? = CustomerFormsFixture.ana) -> FormState { ContactFormState(customerID: 12, contact: contact).form }

    @discardableResult
    func press(_ form: inout FormState, _ keys: Key..., validate: Form.Validator = ContactForm.validate) -> FormEvent {
        var last = FormEvent.stay
        for key in keys { last = Form.update(&form, key, validate: validate) }
        return last
    }

    func type(_ form: inout FormState, _ text: String) {
        for c in text { _ = Form.update(&form, .character(c), validate: ContactForm.validate) }
    }

    @Test func aRunOfTypingInOneFieldIsOneStep() {
        var form = contactForm()
        type(&form, " Jr")
        press(&form, .backspace)
        type(&form, "r.")
        #expect(form["name"] == "Ana Ruiz Jr.")
        #expect(form.undoStack.count == 1)
        #expect(press(&form, .control("z")) == .edited)
        #expect(form["name"] == "Ana Ruiz")
        #expect(!form.isDirty, "back to the loaded value: not modified")
        #expect(press(&form, .control("z")) == .stay, "nothing more to undo")
    }

    @Test func leavingAFieldAndComingBackStartsANewStep() {
        var form = contactForm()
        type(&form, " A")
        press(&form, .tab, .backTab)
        type(&form, "B")
        #expect(form["name"] == "Ana Ruiz AB")
        press(&form, .control("z"))
        #expect(form["name"] == "Ana Ruiz A")
        #expect(form.isDirty)
        press(&form, .control("z"))
        #expect(form["name"] == "Ana Ruiz")
        #expect(!form.isDirty)
    }

    @Test func movingTheCursorIsNotAChange() {
        var form = contactForm()
        press(&form, .left, .left, .home, .end)
        #expect(form.undoStack.isEmpty)
        #expect(press(&form, .control("z")) == .stay)
    }

    @Test func stepsAcrossFieldsAndChoicesUndoNewestFirstAndTheFocusFollows() {
        var form = contactForm()
        type(&form, "x")                 // name
        press(&form, .tab, .right)       // role: billing → technical
        press(&form, .tab)
        type(&form, "9")                 // phone
        #expect(form["role"] == "technical")
        #expect(form.undoStack.count == 3)

        press(&form, .control("z"))
        #expect(form["phone"] == CustomerFormsFixture.ana.phone)
        #expect(form.focusedField?.key == "phone")
        press(&form, .control("z"))
        #expect(form["role"] == "billing")
        #expect(form.focusedField?.key == "role", "the focus goes to the field that changed back")
        #expect(form.isDirty, "the name is still changed")
        press(&form, .control("z"))
        #expect(form["name"] == "Ana Ruiz")
        #expect(form.focusedField?.key == "name")
        #expect(!form.isDirty)
    }

    @Test func aRunOfChoiceChangesInOneVisitIsOneStep() {
        var form = contactForm()
        press(&form, .tab, .right, .right, .right)
        #expect(form["role"] == "site_access")
        #expect(form.undoStack.count == 1)
        press(&form, .control("z"))
        #expect(form["role"] == "billing")
        #expect(!form.isDirty)
    }

    @Test func typingAfterAnUndoStartsANewStep() {
        var form = contactForm()
        type(&form, "1")
        press(&form, .control("z"))
        type(&form, "2")
        #expect(form["name"] == "Ana Ruiz2")
        press(&form, .control("z"))
        #expect(form["name"] == "Ana Ruiz")
        #expect(form.undoStack.isEmpty)
    }

    @Test func undoClearsAnErrorThatNoLongerApplies() {
        var form = contactForm()
        press(&form, .tab, .tab, .tab) // email
        type(&form, "@@")
        press(&form, .tab)
        #expect(form.field("email")?.error != nil)
        press(&form, .control("z"))
        #expect(form["email"] == "ana@caferoma.com")
        #expect(form.field("email")?.error == nil)
    }

    @Test func theHintOffersUndoOnlyWhenThereIsSomethingToUndo() {
        var form = contactForm()
        func drawn() -> String {
            let terminal = MemoryTerminal(rows: 24, columns: 100)
            Form.render(form, on: Canvas(terminal: terminal, theme: .builtInMono))
            return terminal.text()
        }
        #expect(!drawn().contains("Ctrl-Z undo"))
        type(&form, "x")
        #expect(drawn().contains("Ctrl-Z undo"))
    }

    @Test func aConflictReloadMakesTheFreshValueTheOneUndoGoesBackTo() {
        var form = contactForm()
        press(&form, .tab, .tab) // phone
        press(&form, .control("u"))
        type(&form, "(516) 555-0199")
        press(&form, .tab)       // email, untouched
        type(&form, "x")
        press(&form, .control("z"))
        // Someone else changed the email meanwhile; the phone typed here is kept.
        form.takeFresh(["name": "Ana Ruiz", "role": "billing", "phone": "(516) 555-0142", "email": "ana.ruiz@caferoma.com"])
        #expect(form["email"] == "ana.ruiz@caferoma.com")
        #expect(form["phone"] == "(516) 555-0199")
        press(&form, .control("z"))
        #expect(form["phone"] == "(516) 555-0142")
        #expect(form["email"] == "ana.ruiz@caferoma.com", "undo does not bring back the stale email")
        #expect(!form.isDirty)
    }

    /// The desk routes Ctrl-Z to the open customer form, so every form of the customer screen has it.
    @Test func ctrlZWorksInTheDesksCustomerForms() {
        let (app, _, _, _) = makeFormsDesk()
        app.openLocationForm(customerID: 12, location: CustomerFormsFixture.oak)
        app.type("x")
        guard case .customerForm(let modal)? = app.state.modal else { Issue.record("no form"); return }
        #expect(modal.form?.isDirty == true)
        app.press(.control("z"))
        guard case .customerForm(let after)? = app.state.modal else { Issue.record("no form"); return }
        #expect(after.form?.isDirty == false)
        app.press(.escape)
        #expect(app.state.modal == nil, "nothing changed: Esc closes without asking")
    }
}

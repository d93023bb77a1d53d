import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// The form widget on its own: a contact form and a location form driven key by key, with the domain's checks.
struct FormWidgetTests {
    func contactForm(_ contact: Contact? = nil) -> FormState { ContactFormState(customerID: 12, contact: contact).form }
    func locationForm() -> FormState { LocationFormState(customerID: 12, location: nil).form }

    @discardableResult
    func press(_ form: inout FormState, _ keys: Key..., validate: Form.Validator = ContactForm.validate) -> FormEvent {
        var last = FormEvent.stay
        for key in keys { last = Form.update(&form, key, validate: validate) }
        return last
    }

    func type(_ form: inout FormState, _ text: String, validate: Form.Validator = ContactForm.validate) {
        for c in text { _ = Form.update(&form, .character(c), validate: validate) }
    }

    func focusedKey(_ form: FormState) -> String { form.focusedField!.key }

    func drawn(_ form: FormState, rows: Int = 24, columns: Int = 80) -> (String, MemoryTerminal) {
        let terminal = MemoryTerminal(rows: rows, columns: columns)
        Form.render(form, on: Canvas(terminal: terminal, theme: .builtInMono))
        return (terminal.text(), terminal)
    }

    @Test func tabAndShiftTabVisitTheFieldsInOrderAndWrap() {
        var form = contactForm()
        var order = [focusedKey(form)]
        for _ in 0..<4 { press(&form, .tab); order.append(focusedKey(form)) }
        #expect(order == ["name", "role", "phone", "email", "name"])
        press(&form, .backTab)
        #expect(focusedKey(form) == "email", "Shift-Tab on the first field wraps to the last")
        press(&form, .up, .up)
        #expect(focusedKey(form) == "role")
        press(&form, .down)
        #expect(focusedKey(form) == "phone")
    }

    @Test func hiddenAndReadOnlyFieldsAreSkipped() {
        var form = contactForm()
        form.update("role") { $0.isReadOnly = true }
        form.update("phone") { $0.isHidden = true }
        press(&form, .tab)
        #expect(focusedKey(form) == "email")
        press(&form, .tab)
        #expect(focusedKey(form) == "name")
    }

    @Test func aFieldIsCheckedWhenItIsLeftNotWhileTyping() {
        var form = contactForm()
        press(&form, .tab, .tab, .tab) // email
        type(&form, "ana@@example")
        #expect(form.field("email")?.error == nil, "no message while typing")
        press(&form, .tab)
        #expect(form.field("email")?.error == "'ana@@example' is not an email address: write it as name@example.com.")
        // Back in the field, the message goes as soon as the value is fixed.
        press(&form, .backTab)
        press(&form, .control("u"))
        type(&form, "ana@caferoma.com")
        #expect(form.field("email")?.error == nil)
    }

    @Test func messagesForABadPhoneEmailZIPStateAndAMissingRequiredField() {
        var contact = contactForm()
        press(&contact, .tab, .tab) // phone
        type(&contact, "555-01")
        press(&contact, .tab)
        type(&contact, "ana at caferoma")
        press(&contact, .tab) // leaves email, wraps to the (empty, required) name
        press(&contact, .tab)
        #expect(contact.field("phone")?.error
            == "'555-01' is not a phone number: it has 5 digits, a number needs 10 (e.g. (516) 555-0142).")
        #expect(contact.field("email")?.error == "'ana at caferoma' is not an email address: write it as name@example.com.")
        #expect(contact.field("name")?.error == "Name is required.")

        var location = locationForm()
        let validate = LocationForm.validate
        press(&location, .tab, .tab, validate: validate) // state
        type(&location, "XY", validate: validate)
        press(&location, .tab, validate: validate)
        type(&location, "1171", validate: validate)
        press(&location, .tab, validate: validate)
        #expect(location.field("street")?.error == "Street is required.", "left blank on the way to the state")
        #expect(location.field("state_code")?.error == "'XY' is not a US state code: use the two-letter USPS code (NY, NJ, CA…).")
        #expect(location.field("zip")?.error == "'1171' is not a ZIP code: use 5 digits or ZIP+4 (11714 or 11714-2202).")
        #expect(press(&location, .control("s"), validate: validate) == .stay)
        #expect(location.focusedField?.key == "street", "Ctrl-S goes to the first bad field")
        #expect(location.field("city")?.error == "City is required.")
    }

    @Test func aDateFieldTakesOnlyARealDay() {
        var form = FormState(title: "Survey", fields: [.date("date", "Survey date", "", required: true), .text("note", "Note", "")])
        let none: Form.Validator = { _ in [] }
        type(&form, "2026-02-30x", validate: none)
        #expect(form["date"] == "2026-02-30", "letters do not go into a date")
        press(&form, .tab, validate: none)
        #expect(form.field("date")?.error == "'2026-02-30' is not a date: type it as YYYY-MM-DD (e.g. 2026-12-03).")
        press(&form, .backTab, .control("u"), validate: none)
        press(&form, .tab, validate: none)
        #expect(form.field("date")?.error == "Survey date is required.")
        press(&form, .backTab, validate: none)
        type(&form, "2026-12-03", validate: none)
        #expect(press(&form, .control("s"), validate: none) == .save)
    }

    @Test func ctrlSIsRefusedWhileInvalidAndJumpsToTheFirstBadField() {
        var form = contactForm()
        type(&form, "Ana Ruiz")
        press(&form, .tab, .tab, .tab) // email
        type(&form, "ana@")
        #expect(press(&form, .control("s")) == .stay)
        #expect(focusedKey(form) == "email")
        #expect(form.field("email")?.error != nil)
        let (text, _) = drawn(form)
        #expect(text.contains("✗ 'ana@' is not an email address"))
        #expect(text.contains("✗ 1 field to fix before saving."))
        type(&form, "caferoma.com")
        #expect(press(&form, .control("s")) == .save)
        #expect(ContactFormState(customerID: 12, contact: nil).form.isDirty == false)
    }

    @Test func theTitleSaysModifiedOnlyWhileAValueDiffersFromTheLoadedOne() {
        var form = contactForm(CustomerFormsFixture.ana)
        #expect(!drawn(form).0.contains("● modified"))
        type(&form, "x")
        #expect(form.isDirty)
        #expect(drawn(form).0.contains("Edit contact · Ana Ruiz ● modified"))
        press(&form, .backspace)
        #expect(!form.isDirty, "typing the old value back is not a change")
        press(&form, .tab, .right)
        #expect(form["role"] == "technical")
        #expect(form.isDirty)
        press(&form, .left)
        #expect(!form.isDirty)
    }

    @Test func escClosesACleanFormAndAsksAboutADirtyOne() {
        var clean = contactForm(CustomerFormsFixture.ana)
        #expect(press(&clean, .escape) == .close)

        var form = contactForm(CustomerFormsFixture.ana)
        type(&form, " Jr")
        #expect(press(&form, .escape) == .stay)
        #expect(form.confirmingDiscard)
        #expect(drawn(form).0.contains("Discard your changes? y/n"))
        #expect(press(&form, .character("x")) == .stay, "other keys do nothing while asking")
        #expect(press(&form, .character("n")) == .stay)
        #expect(!form.confirmingDiscard)
        #expect(form["name"] == "Ana Ruiz Jr", "n keeps everything typed")
        press(&form, .escape)
        #expect(press(&form, .escape) == .stay, "Esc while asking goes back to the form")
        #expect(!form.confirmingDiscard && form["name"] == "Ana Ruiz Jr")
        press(&form, .escape)
        #expect(press(&form, .character("y")) == .close)
    }

    @Test func aChoiceCyclesWithArrowsAndSpaceAndJumpsByLetter() {
        var form = contactForm()
        press(&form, .tab)
        #expect(form["role"] == "technical")
        press(&form, .right)
        #expect(form["role"] == "signer")
        press(&form, .character(" "))
        #expect(form["role"] == "site_access")
        press(&form, .right)
        #expect(form["role"] == "billing", "wraps around")
        press(&form, .left)
        #expect(form["role"] == "site_access")
        press(&form, .character("t"))
        #expect(form["role"] == "technical")
        let (text, _) = drawn(form)
        #expect(text.contains("◂ technical ▸  for installs and faults · 2 of 4"))
    }

    @Test func storeErrorsGoUnderTheirFieldsAndUnknownOnesOnTop() {
        var form = FormState(title: "Customer", fields: CustomerFormState(header: CustomerFormsFixture.header).form.fields)
        Form.show(storeErrors: [FieldError(field: "owner", message: "'sam' is not an OrderDesk user."),
                                FieldError(field: "credit", message: "Credit hold.")], in: &form)
        #expect(form.field("owner")?.error == "'sam' is not an OrderDesk user.")
        #expect(form.focusedField?.key == "owner")
        #expect(form.message?.text == "Credit hold.")
    }

    @Test func accentedAndWideCharactersKeepTheValueColumnAligned() {
        var form = FormState(title: "Wide", fields: [
            .text("name", "Name", "東京寿司 Sushi Bar"), .text("city", "Città", "Zürich"), .text("street", "Straße", "Crème Brûlée 12"),
        ])
        form.focus = 2
        let (_, terminal) = drawn(form, columns: 100)
        var starts: [Int] = []
        for row in 0..<terminal.size.rows {
            let line = terminal.line(row)
            for value in ["東京寿司", "Zürich", "Crème"] where line.contains(value) {
                starts.append(DisplayWidth.of(String(line[..<line.range(of: value)!.lowerBound])))
            }
        }
        #expect(starts.count == 3)
        #expect(Set(starts).count == 1, "values start at \(starts)")
    }

    @Test func aTallFormScrollsToKeepTheFocusedFieldInView() {
        let fields = (1...30).map { FormField.text("f\($0)", "Field \($0)", "value \($0)") }
        var form = FormState(title: "Tall", fields: fields)
        let (top, _) = drawn(form)
        #expect(top.contains("Field 1 ") && top.contains("▼ more") && !top.contains("Field 30"))
        for _ in 0..<29 { press(&form, .tab, validate: { _ in [] }) }
        let (bottom, _) = drawn(form)
        #expect(bottom.contains("▸ Field 30") && bottom.contains("▲ more") && !bottom.contains("Field 1 "))
    }

    @Test func takingFreshValuesKeepsWhatWasTypedAndFillsTheRest() {
        var form = contactForm(CustomerFormsFixture.ana)
        press(&form, .tab, .tab, .tab)
        press(&form, .control("u"))
        type(&form, "ana.ruiz@caferoma.com")
        form.takeFresh(["name": "Ana Ruiz-Soto", "role": "billing", "phone": "(516) 555-0199", "email": "ana@caferoma.com"])
        #expect(form["name"] == "Ana Ruiz-Soto", "untouched: the fresh value")
        #expect(form["phone"] == "(516) 555-0199")
        #expect(form["email"] == "ana.ruiz@caferoma.com", "typed: kept")
        #expect(form.isDirty)
    }
}

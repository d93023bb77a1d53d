import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// What the forms and the wizard look like, at 80×24 (the minimum), 120×40 and without colour.
struct CustomerFormSnapshotTests {
    @Test func contactFormWithAnEmailErrorAt80x24() {
        let (app, terminal, _, _) = makeFormsDesk()
        app.openContactForm(customerID: 12, contact: CustomerFormsFixture.tomas)
        app.press(.tab, .tab, .tab)
        app.type("tomas.pena@")
        app.press(.backTab)
        assertSnapshot(terminal.text(), named: "contact-form-email-error-80x24")
    }

    @Test func loaFormWithTwoMismatchesAt80x24() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        app.openDocumentForm(customer: recorder.detail, document: CustomerFormsFixture.loa, kind: .loa)
        app.press(.tab, .tab, .tab, .tab) // received → its day → name → address → ZIP code
        app.render()
        guard case .customerForm(.document(let state))? = app.state.modal else { Issue.record("no LOA form"); return }
        #expect(state.mismatches.map(\.field) == [.zip, .billingTelephoneNumber])
        assertSnapshot(terminal.text(), named: "loa-mismatch-80x24")
    }

    @Test func wizardLinesWithThePickerOpenAt80x24() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        app.openOrderWizard(customer: recorder.detail, locationID: 1)
        app.press(.character("3"), .enter) // change at 12 Main St, prefilled
        app.press(.character("a"))
        app.type("fiber")
        app.press(.down)
        assertSnapshot(terminal.text(), named: "wizard-picker-80x24")
    }

    @Test func wizardLinesAt120x40() {
        let (app, terminal, _, recorder) = makeFormsDesk(size: (40, 120))
        app.openOrderWizard(customer: recorder.detail, locationID: 1)
        app.press(.character("1"), .enter, .enter) // move 12 Main St → 40 Oak Ave
        app.press(.character("a"))
        app.type("1 gbps")
        app.press(.enter, .control("u"))
        app.type("vox")
        app.press(.enter, .escape)
        app.type("6")
        app.press(.right) // keeps the quantity, on to the net MRR
        app.type("120")
        app.press(.enter, .character("t"))
        assertSnapshot(terminal.text(), named: "wizard-lines-120x40")
    }

    @Test func customerFormConflictAt120x40() {
        let (app, terminal, _, recorder) = makeFormsDesk(size: (40, 120))
        app.openCustomerForm(CustomerFormsFixture.header)
        app.press(.tab, .control("u"))
        app.type("enterprise")
        recorder.externalCustomerChange(name: "Café Roma Holdings LLC")
        app.press(.control("s"))
        assertSnapshot(terminal.text(), named: "customer-form-conflict-120x40")
    }

    /// Without colour the error and the mismatches still read: ✗ markers, and the danger and warning styles
    /// are bold and underlined or bold.
    @Test func loaFormInTheMonoTheme() {
        let (app, terminal, _, recorder) = makeFormsDesk(theme: .builtInMono)
        app.openDocumentForm(customer: recorder.detail, document: CustomerFormsFixture.loa, kind: .loa)
        app.press(.tab, .control("u")) // received → its day
        app.type("2026-13-01")
        app.press(.tab)
        MonoThemeTests().expectNoColour(terminal)
        guard let errorRow = (0..<terminal.size.rows).first(where: { terminal.line($0).contains("✗ '2026-13-01' is not a date") }) else {
            Issue.record(Comment(rawValue: "no date error on screen:\n" + terminal.text())); return
        }
        let errorColumn = DisplayWidth.of(String(terminal.line(errorRow).prefix { $0 != "✗" }))
        let danger = terminal.style(row: errorRow, column: errorColumn)
        #expect(danger.bold && danger.underline)
        assertSnapshot(terminal.text() + "\n--- attributes ---\n" + MonoThemeTests().attributeMap(terminal), named: "loa-form-80x24-mono")
    }
}

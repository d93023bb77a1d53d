import Foundation
import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

// MARK: A small contract store for the editor

/// Contracts in memory behind a `ContractClient`, as far as the editor needs them: the context of Café Roma
/// LLC (three locations, one with a construction estimate; one active contract to renew), creating and
/// saving drafts with the store's version check, and a refusal on demand.
final class EditorContractBook: @unchecked Sendable {
    private let lock = NSLock()
    var context: ContractContext
    var details: [Int64: ContractDetail] = [:]
    var created: [ContractDraft] = []
    var saved: [(id: Int64, draft: ContractDraft, version: Int64)] = []
    /// Thrown by the next create or save (then cleared).
    var refuseNext: Error?
    var nextID: Int64 = 123

    init(customerName: String = "Café Roma LLC") {
        context = ContractContext(
            customerID: 12, customerName: customerName,
            locations: [
                .init(id: 1, address: "12 Main St, Bethpage, NY 11714", constructionEstimate: nil),
                .init(id: 2, address: "40 Oak Ave, Hicksville, NY 11801", constructionEstimate: Money(cents: 670_000)),
                .init(id: 3, address: "7 Harbor Rd, Oyster Bay, NY 11771", constructionEstimate: nil),
            ],
            parents: [ContractSummary(id: 101, number: "CSA-000101", kind: .new, status: .active, termMonths: 36,
                                      startOn: Day(iso: "2024-01-01"), endOn: Day(iso: "2026-12-31"), mrr: Money(cents: 41_500))],
            policy: .defaults)
    }

    func detail(id: Int64, terms: ContractDraft, version: Int64, status: ContractStatus = .draft) -> ContractDetail {
        ContractDetail(
            id: id, number: "CSA-" + String(id).leftPadded(to: 6), status: status, terms: terms,
            customerName: context.customerName, accountNumber: "00078300123", parentNumber: nil, locationAddress: nil,
            ownerLogin: "dana.ruiz", ownerName: "Dana Ruiz", submittedByLogin: nil, submittedBy: nil, submittedAt: nil,
            requiredLevel: .none, lastDecision: nil, sentOn: nil, terminatedOn: nil, version: version,
            updatedAt: SampleOrders.now, updatedByLogin: "dana.ruiz", history: [], policy: context.policy, needsComment: false)
    }

    /// A saved draft, as if made earlier.
    @discardableResult
    func addDraft(_ terms: ContractDraft, version: Int64 = 3, status: ContractStatus = .draft) -> ContractDetail {
        lock.lock(); defer { lock.unlock() }
        let d = detail(id: nextID, terms: terms, version: version, status: status)
        details[nextID] = d
        nextID += 1
        return d
    }

    /// Someone else saves the draft meanwhile.
    func externalSave(_ id: Int64, change: (inout ContractDraft) -> Void = { _ in }) {
        lock.lock(); defer { lock.unlock() }
        guard var d = details[id] else { return }
        change(&d.terms)
        d.version += 1
        details[id] = d
    }

    func client() -> ContractClient {
        ContractClient(
            page: { _, _, _ in ContractPage(rows: [], hasMoreAfter: false, hasMoreBefore: false) },
            count: { _ in QueueTotal(count: 0, isExact: true) },
            detail: { [self] id in
                lock.lock(); defer { lock.unlock() }
                guard let d = details[id] else { throw OrderDeskError.recordNotFound(what: "contract #\(id)") }
                return d
            },
            context: { [self] id in
                lock.lock(); defer { lock.unlock() }
                guard id == context.customerID else { throw OrderDeskError.recordNotFound(what: "customer #\(id)") }
                return context
            },
            create: { [self] draft in
                lock.lock(); defer { lock.unlock() }
                if let error = refuseNext { refuseNext = nil; throw error }
                let errors = draft.validate()
                guard errors.isEmpty else { throw OrderDeskError.invalidFields(errors) }
                created.append(draft)
                let d = detail(id: nextID, terms: draft, version: 1)
                details[nextID] = d
                nextID += 1
                return d
            },
            save: { [self] id, draft, version in
                lock.lock(); defer { lock.unlock() }
                if let error = refuseNext { refuseNext = nil; throw error }
                guard var d = details[id] else { throw OrderDeskError.recordNotFound(what: "contract #\(id)") }
                guard d.version == version else {
                    throw OrderDeskError.recordConflict(what: "contract \(d.number)", changedBy: "Lee Chen", changedAt: SampleOrders.now - 60)
                }
                saved.append((id, draft, version))
                d.terms = draft
                d.version += 1
                details[id] = d
                return d
            },
            step: { _, _, _ in throw OrderDeskError.refused("Not here.") },
            owners: { [] })
    }
}

/// A desk whose customers client is the forms recorder (its price book) and whose contracts client is `contracts`.
func makeEditorDesk(size: (Int, Int) = (24, 80), theme: Theme = .builtInMono, contracts: EditorContractBook = EditorContractBook(),
                    products: [PriceBookProduct] = CustomerFormsFixture.products)
    -> (DeskApp, MemoryTerminal, EditorContractBook, CustomerFormsRecorder) {
    let book = FakeOrderBook(rows: SampleOrders.rows(count: 30), now: SampleOrders.now)
    let recorder = CustomerFormsRecorder(products: products)
    recorder.book = book
    var client = book.client(as: SampleOrders.manager)
    client.customers = recorder.client()
    client.contracts = contracts.client()
    let terminal = MemoryTerminal(rows: size.0, columns: size.1)
    let app = DeskApp(client: client, terminal: terminal, theme: theme)
    app.start()
    return (app, terminal, contracts, recorder)
}

extension DeskApp {
    /// The open contract editor.
    var editor: ContractEditorState? {
        if case .contractEditor(let editor)? = state.modal { return editor }
        return nil
    }

    /// Tabs until the editor's focus is `target` (at most once round).
    func tab(to target: ContractEditorFocus) {
        for _ in 0..<80 {
            guard let editor, editor.focus != target else { return }
            handle(.tab)
        }
        Issue.record("never reached \(target)")
    }

    /// Opens the picker, searches, adds the first match and closes the picker.
    func addLine(_ search: String) {
        handle(.insert)
        type(search)
        handle(.enter)
        handle(.escape)
    }
}

let fiber500 = CustomerFormsFixture.fiber500
let voiceLine = CustomerFormsFixture.voiceLine

// MARK: Tests

struct ContractEditorTests {
    @Test func theEditorOpensForANewContractWithTheCustomersContext() {
        let (app, terminal, _, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.render()
        guard let editor = app.editor else { Issue.record("no editor"); return }
        #expect(editor.draft.kind == .new && editor.draft.termMonths == 36 && editor.draft.lines.isEmpty)
        #expect(editor.focus == .field(.kind))
        #expect(!editor.isDirty)
        #expect(terminal.line(0).contains("New contract · Café Roma LLC"))
        #expect(!terminal.text().contains("● modified"))
    }

    @Test func anUnknownCustomerLeavesAMessageInsteadOfAnEditor() {
        let (app, _, _, _) = makeEditorDesk()
        app.openContractEditor(customerID: 99)
        #expect(app.state.modal == nil)
        #expect(app.state.message?.isError == true)
        #expect(app.state.message?.text.contains("customer #99") == true)
    }

    @Test func aLineIsAddedThroughThePickersSearchRoundTrip() {
        let (app, terminal, _, recorder) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.press(.insert)
        #expect(app.editor?.picker != nil)
        #expect(recorder.priceBookSearches == [""], "opening the picker asks for the whole price book")
        #expect(app.editor?.picker?.results.count == CustomerFormsFixture.products.count)
        app.type("1 gb")
        #expect(recorder.priceBookSearches.last == "1 gb")
        #expect(app.editor?.picker?.results.map(\.code) == ["FIB-1G"])
        app.press(.enter)
        #expect(app.editor?.draft.lines.map(\.product.code) == ["FIB-1G"])
        #expect(app.editor?.draft.lines.first?.unitMRR == CustomerFormsFixture.fiber1G.listMRR, "at list price")
        #expect(terminal.text().contains("✓ Added Fiber Internet 1 Gbps at list price."))
        app.press(.escape)
        #expect(app.editor?.picker == nil)
        #expect(app.editor?.focus == .cell(line: 0, .quantity), "the focus is on the new line's quantity")
        #expect(app.editor?.isDirty == true)
        // `a` on the lines opens it too; `d` removes the line.
        app.press(.character("a"))
        #expect(app.editor?.picker != nil)
        app.press(.escape, .character("d"))
        #expect(app.editor?.draft.lines.isEmpty == true)
        #expect(app.editor?.focus == .addLine)
    }

    @Test func editingTheNetMRRRecomputesTheDiscountAndTheDiscountTheNet() {
        let (app, _, _, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.addLine("fib-500")
        app.tab(to: .cell(line: 0, .netMRR))
        app.type("254.15") // typing replaces the value as the cell is entered
        #expect(app.editor?.draft.lines[0].unitMRR == Money(cents: 25_415))
        #expect(app.editor?.lineTexts[0].discount.text == "15%", "the discount follows each key")
        app.press(.tab)
        #expect(app.editor?.focus == .cell(line: 0, .discount))
        app.type("10")
        #expect(app.editor?.draft.lines[0].unitMRR == Money(cents: 26_910))
        #expect(app.editor?.lineTexts[0].netMRR.text == "269.10")
        app.press(.tab)
        #expect(app.editor?.lineTexts[0].discount.text == "10%", "left, the discount is written as a percentage")
        // A quantity keeps the unit prices.
        app.tab(to: .cell(line: 0, .quantity))
        app.type("3")
        #expect(app.editor?.draft.lines[0].netMRR == Money(cents: 26_910 * 3))
        #expect(app.editor?.draft.lines[0].discount == Percentage(percent: 10))
    }

    @Test func aLineBelowItsFloorIsMarked() {
        let (app, terminal, _, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.addLine("fib-500")
        app.tab(to: .cell(line: 0, .discount))
        app.type("20") // 239.20, under the floor of 249.00
        #expect(app.editor?.draft.lines[0].isBelowFloor == true)
        let row = (0..<24).map(terminal.line).first { $0.contains("FIB-500") } ?? ""
        #expect(row.contains("▼ floor"))
        #expect(terminal.text().contains("✗ below floor"))
    }

    @Test func theCommissionIsProposedFromTheMRRUntilThePersonTypesOne() {
        let (app, _, _, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        #expect(app.editor?.draft.commission == .zero)
        app.addLine("fib-500")
        #expect(app.editor?.draft.commission == Money(cents: 29_900), "100% of the net MRR for a new contract")
        app.addLine("vox")
        #expect(app.editor?.draft.commission == Money(cents: 32_800))
        app.tab(to: .field(.kind))
        app.press(.right) // renewal: half the MRR, and a parent
        #expect(app.editor?.draft.kind == .renewal)
        #expect(app.editor?.draft.parentID == 101)
        #expect(app.editor?.draft.commission == Money(cents: 16_400))
        #expect(app.editor?.texts[.commission]?.text == "164.00")
        app.tab(to: .field(.commission))
        app.type("$1,000")
        #expect(app.editor?.draft.commission == Money(cents: 100_000))
        app.tab(to: .cell(line: 0, .discount))
        app.type("15")
        #expect(app.editor?.draft.commission == Money(cents: 100_000), "typed: the proposal no longer follows the MRR")
        #expect(ContractEditor.note(.commission, app.editor!)?.contains("typed") == true)
    }

    @Test func pickingALocationSetsTheConstructionCostUnlessOneWasTyped() {
        let (app, _, _, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.tab(to: .field(.location))
        app.press(.right) // 12 Main St: no estimate
        #expect(app.editor?.draft.locationID == 1)
        #expect(app.editor?.draft.constructionCost == .zero)
        app.press(.right) // 40 Oak Ave: $6,700 estimate
        #expect(app.editor?.draft.constructionCost == Money(cents: 670_000))
        #expect(app.editor?.texts[.constructionCost]?.text == "6,700.00")
        app.press(.right) // 7 Harbor Rd: no estimate again
        #expect(app.editor?.draft.constructionCost == .zero)
        app.press(.tab)
        #expect(app.editor?.focus == .field(.constructionCost))
        app.type("1234.5")
        app.press(.tab)
        #expect(app.editor?.texts[.constructionCost]?.text == "1,234.50", "written back grouped once left")
        app.tab(to: .field(.location))
        app.press(.left) // back to 40 Oak Ave
        #expect(app.editor?.draft.locationID == 2)
        #expect(app.editor?.draft.constructionCost == Money(cents: 123_450), "typed: the estimate does not replace it")
    }

    @Test func theFiguresAndTheRouteFollowTheDiscount() {
        let (app, terminal, _, _) = makeEditorDesk(size: (40, 120))
        app.openContractEditor(customerID: 12)
        app.addLine("fib-500")
        #expect(app.editor?.assessment.route.level == ApprovalLevel.none)
        #expect(terminal.text().contains("No approval needed"))
        app.tab(to: .cell(line: 0, .discount))
        app.type("10")
        let supervisor = app.editor!.assessment.route
        #expect(supervisor.level == .supervisor)
        #expect(supervisor.summary.hasPrefix("A supervisor must approve: line 1 has a discount of 10%"))
        #expect(terminal.text().contains("A supervisor must approve"))
        app.press(.backspace) // still typing in the cell: 10 → 1 → 15
        app.type("5")
        let director = app.editor!.assessment.route
        #expect(app.editor?.draft.lines[0].discount == Percentage(percent: 15))
        #expect(director.level == .director)
        #expect(director.summary == "A director must approve: line 1's discount of 15% is over the 36-month allowance of 10%.")
        let text = terminal.text()
        #expect(text.contains("A director must approve: line 1's discount of"))
        #expect(text.contains("✗ discount"))
        #expect(text.contains("$9,299.40"), "the contract value: 36 × 254.15 + the NRC of 150.00")
        // A longer term earns a larger allowance: at 60 months 15% is still over 12%.
        app.tab(to: .field(.term))
        app.press(.right)
        #expect(app.editor?.draft.termMonths == 60)
        #expect(app.editor?.assessment.route.summary.contains("60-month allowance of 12%") == true)
    }

    @Test func ctrlSPutsEachProblemUnderItsFieldOrCellAndFocusesTheFirst() {
        let (app, terminal, contracts, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.press(.control("s"))
        #expect(app.editor?.errors["lines"] == "Add at least one line from the price book (Ins).")
        #expect(app.editor?.focus == .addLine)
        #expect(terminal.text().contains("✗ Add at least one line from the price book (Ins)."))
        #expect(contracts.created.isEmpty)

        app.addLine("fib-500")
        #expect(app.editor?.errors["lines"] == nil, "adding a line clears it")
        app.type("0") // quantity 0
        app.press(.tab)
        #expect(app.editor?.errors["line.0.quantity"] == "Line 1: '0' is not a quantity: type a whole number from 1 to 9,999.")
        app.tab(to: .field(.monthlyCost))
        app.type("12.3.4")
        app.press(.tab)
        #expect(app.editor?.errors["monthly_cost"]?.contains("is not an amount: type dollars such as 1,234.50") == true)
        app.tab(to: .field(.kind))
        app.press(.control("s"))
        #expect(app.editor?.focus == .field(.monthlyCost), "the first problem in the order of the fields")
        #expect(terminal.text().contains("✗ Monthly cost: '12.3.4' is not an amount"))
        #expect(terminal.text().contains("✗ 2 fields to fix before saving."))
        app.type("120")
        #expect(app.editor?.errors["monthly_cost"] == nil, "fixed: the message goes as it is typed")
        app.tab(to: .cell(line: 0, .quantity))
        app.type("2")
        app.press(.control("s"))
        #expect(app.editor == nil)
        #expect(contracts.created.count == 1)
        #expect(contracts.created.first?.lines.first?.quantity == 2)
        #expect(contracts.created.first?.monthlyCost == Money(cents: 12_000))
        #expect(app.state.message?.text == "Saved CSA-000123 as a draft.")
    }

    @Test func aStartDateAndMoneyInEveryWrittenForm() {
        let (app, _, _, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.tab(to: .field(.start))
        app.type("2026-12-01")
        #expect(app.editor?.draft.startOn == Day(iso: "2026-12-01"))
        #expect(app.editor?.draft.endOn == Day(iso: "2029-11-30"))
        app.tab(to: .field(.constructionCost))
        app.type("$1234.5")
        #expect(app.editor?.draft.constructionCost == Money(cents: 123_450))
        app.tab(to: .field(.monthlyCost))
        app.type("1,234.50")
        #expect(app.editor?.draft.monthlyCost == Money(cents: 123_450))
        app.addLine("fib-500")
        app.tab(to: .cell(line: 0, .discount))
        app.type("12.5%")
        #expect(app.editor?.draft.lines[0].discount == Percentage(basisPoints: 1_250))
        app.press(.control("u"))
        app.type("101")
        app.press(.tab)
        #expect(app.editor?.errors["line.0.discount"] == "Line 1: '101' is not a discount: type a percentage from 0 to 100, e.g. 15 or 12.5.")
        #expect(app.editor?.draft.lines[0].discount == Percentage(percent: 10), "the last value that read (10, on the way to 101) stays")
        #expect(app.editor?.isDirty == true)
    }

    @Test func storeErrorsGoUnderTheirFieldsAndUnknownOnesOnTop() {
        let (app, terminal, contracts, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.addLine("fib-500")
        contracts.refuseNext = OrderDeskError.invalidFields([
            FieldError(field: "line.0.net_mrr", message: "Line 1: the net MRR is over $10,000,000."),
            FieldError(field: "owner", message: "'sam' may not own contracts."),
        ])
        app.press(.control("s"))
        #expect(app.editor?.errors["line.0.net_mrr"] == "Line 1: the net MRR is over $10,000,000.")
        #expect(app.editor?.focus == .cell(line: 0, .netMRR))
        #expect(app.editor?.message?.text == "'sam' may not own contracts.")
        #expect(terminal.text().contains("'sam' may not own contracts."))
    }

    @Test func aRefusalShowsAtTheTopAndKeepsEverything() {
        let (app, terminal, contracts, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.addLine("fib-500")
        contracts.refuseNext = OrderDeskError.forbidden(login: "dana.ruiz", role: .viewer, action: "create contracts")
        app.press(.control("s"))
        #expect(app.editor?.draft.lines.count == 1)
        #expect(app.editor?.message?.text.contains("dana.ruiz has the role viewer, which may not create contracts") == true)
        #expect(terminal.text().contains("which may not create contracts"))
        app.press(.control("s"))
        #expect(app.editor == nil, "the next Ctrl-S saves")
    }

    @Test func aConflictTakesTheFreshVersionAndKeepsWhatWasTyped() {
        let contracts = EditorContractBook()
        let draft = contracts.addDraft(ContractDraft(customerID: 12, lines: [ContractLine(product: fiber500)], commission: Money(cents: 29_900)))
        let (app, terminal, _, _) = makeEditorDesk(contracts: contracts)
        app.openContractEditor(detail: draft)
        app.render()
        #expect(app.editor?.number == "CSA-000123")
        #expect(terminal.text().contains("CSA-000123 · Café Roma LLC"))
        app.tab(to: .cell(line: 0, .discount))
        app.type("15")
        contracts.externalSave(draft.id) { $0.monthlyCost = Money(cents: 5_000) }
        app.press(.control("s"))
        guard let editor = app.editor else { Issue.record("the editor closed"); return }
        #expect(editor.version == 4, "the fresh version")
        #expect(editor.draft.lines[0].discount == Percentage(percent: 15), "what was typed is kept")
        #expect(editor.message?.text.contains("was changed by Lee Chen") == true)
        #expect(terminal.text().contains("The contract CSA-000123 was changed by Lee Chen"))
        #expect(editor.isDirty, "it differs from what is saved now")
        app.press(.control("s"))
        #expect(app.editor == nil)
        #expect(contracts.saved.last?.version == 4)
        #expect(contracts.saved.last?.draft.lines[0].discount == Percentage(percent: 15))
        #expect(app.state.message?.text == "Saved CSA-000123 as a draft.")
    }

    @Test func onlyADraftOpensInTheEditor() {
        let contracts = EditorContractBook()
        let active = contracts.addDraft(ContractDraft(customerID: 12, lines: [ContractLine(product: fiber500)]), status: .active)
        let (app, _, _, _) = makeEditorDesk(contracts: contracts)
        app.openContractEditor(detail: active)
        #expect(app.editor == nil)
        #expect(app.state.message?.isError == true)
    }

    @Test func escAsksBeforeDiscardingChanges() {
        let (app, terminal, _, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.press(.escape)
        #expect(app.state.modal == nil, "nothing changed: Esc closes")

        app.openContractEditor(customerID: 12)
        app.press(.right) // kind: renewal
        app.press(.escape)
        #expect(app.editor?.confirmingDiscard == true)
        #expect(terminal.text().contains("Discard your changes? y/n"))
        app.press(.character("x"))
        #expect(app.editor?.confirmingDiscard == true, "other keys wait for the answer")
        app.press(.character("n"))
        #expect(app.editor?.confirmingDiscard == false)
        #expect(app.editor?.draft.kind == .renewal)
        app.press(.escape, .character("y"))
        #expect(app.state.modal == nil)
    }

    @Test func escInThePickerClosesOnlyThePicker() {
        let (app, _, _, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.press(.insert, .escape)
        #expect(app.editor != nil && app.editor?.picker == nil)
    }

    @Test func undoGoesBackStepByStepToTheLoadedTerms() {
        let (app, terminal, _, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12)
        app.addLine("fib-500")
        app.tab(to: .cell(line: 0, .discount))
        app.type("15")
        app.tab(to: .field(.location))
        app.press(.right, .right) // 40 Oak Ave, one visit: one step
        #expect(app.editor?.draft.constructionCost == Money(cents: 670_000))
        #expect(app.editor?.undoStack.count == 3)

        app.press(.control("z"))
        #expect(app.editor?.draft.locationID == nil)
        #expect(app.editor?.draft.constructionCost == .zero, "the construction cost the location set goes back with it")
        app.press(.control("z"))
        #expect(app.editor?.draft.lines[0].discount == .zero)
        #expect(app.editor?.focus == .cell(line: 0, .discount), "the focus goes where the change was")
        #expect(app.editor?.lineTexts[0].netMRR.text == "299.00")
        app.press(.control("z"))
        #expect(app.editor?.draft.lines.isEmpty == true)
        #expect(app.editor?.isDirty == false)
        #expect(!terminal.text().contains("● modified"))
        app.press(.escape)
        #expect(app.state.modal == nil)
    }

    @Test func theParentShowsOnlyForARenewalOrAnAddendum() {
        let (app, _, _, _) = makeEditorDesk()
        app.openContractEditor(customerID: 12, kind: .renewal, parentID: 101)
        #expect(app.editor?.focusOrder.contains(.field(.parent)) == true)
        #expect(app.editor?.draft.parentID == 101)
        app.press(.right, .right) // addendum, then reclamation
        #expect(app.editor?.draft.kind == .reclamation)
        #expect(app.editor?.draft.parentID == nil)
        #expect(app.editor?.focusOrder.contains(.field(.parent)) == false)
        app.press(.left)
        #expect(app.editor?.draft.parentID == 101, "back to an addendum: the parent picked before")
    }
}

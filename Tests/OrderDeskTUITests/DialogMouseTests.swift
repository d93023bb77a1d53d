import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// Clicks on what is drawn: each test finds a label on the rendered screen and clicks there, so the
/// hit-testing is checked against the drawing, not against copied numbers.
extension MemoryTerminal {
    /// The row and column where `text` is first drawn (by display width), nil when it is not on screen.
    /// With `inBox`, only between a row's first and last "│" (inside a dialog, not on the screen under it).
    func position(of text: String, after row: Int = 0, inBox: Bool = false) -> (row: Int, column: Int)? {
        let lines = self.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for y in lines.indices where y >= row {
            let line = lines[y]
            guard inBox else {
                if let x = column(of: text, in: line) { return (y, x) }
                continue
            }
            guard let left = line.range(of: "│"), let right = line.range(of: "│", options: .backwards),
                  left.upperBound <= right.lowerBound,
                  let found = line[left.upperBound..<right.lowerBound].range(of: text) else { continue }
            return (y, DisplayWidth.of(String(line[..<found.lowerBound])))
        }
        return nil
    }
}

extension DeskApp {
    /// Clicks where `text` is drawn (a cell into it); records an issue when it is not on screen.
    func click(on text: String, in terminal: MemoryTerminal, double: Bool = false, inBox: Bool = false,
               sourceLocation: SourceLocation = #_sourceLocation) {
        render()
        guard let p = terminal.position(of: text, inBox: inBox) else {
            Issue.record("\(text) is not on screen", sourceLocation: sourceLocation)
            return
        }
        if double { doubleClick(row: p.row, column: p.column + 1) } else { click(row: p.row, column: p.column + 1) }
    }

    /// Clicks and turns the wheel outside any dialog (the title bar, the left edge, the footer).
    func clickOutside() {
        let rows = terminal.size.rows
        for (row, column) in [(0, 14), (3, 0), (rows - 1, 2), (rows / 2, 0)] {
            doubleClick(row: row, column: column)
        }
    }
}

struct FilterDialogMouseTests {
    func dialog(_ app: DeskApp) -> FilterDialogState? {
        if case .filter(let d) = app.state.modal { return d }
        return nil
    }

    @Test func aClickOnAHeadingMovesThereAndOnAStateSelectsItADoubleClickTicksIt() {
        let (app, terminal, _) = makeDesk()
        app.state.modal = .filter(FilterDialogState(filter: QueueFilter(), userID: 1))
        app.click(on: "Owner    ◂", in: terminal)
        #expect(dialog(app)?.section == .owner)
        let target = OrderState.allCases[7]
        let box = "[ ] " + String(target.symbol) + " " + target.label
        app.click(on: box, in: terminal)
        #expect(dialog(app)?.section == .states)
        #expect(dialog(app)?.stateIndex == 7)
        #expect(dialog(app)?.draft.states.isEmpty == true, "a single click only selects")
        app.click(on: box, in: terminal, double: true)
        #expect(dialog(app)?.draft.states == [target])
        app.click(on: "In current state", in: terminal)
        #expect(dialog(app)?.section == .days)
    }

    @Test func aClickOutsideLeavesTheDialogAndWhatWasTyped() {
        let (app, _, _) = makeDesk()
        app.state.modal = .filter(FilterDialogState(filter: QueueFilter(), userID: 1))
        app.press(.backTab)
        app.type("12")
        app.render()
        let before = app.state.modal
        app.clickOutside()
        #expect(app.state.modal == before)
        #expect(dialog(app)?.days.text == "12")
    }
}

struct MoveDialogMouseTests {
    func dialog(_ app: DeskApp) -> MoveDialogState? {
        if case .move(let d) = app.state.modal { return d }
        return nil
    }

    @Test func aClickSelectsATargetADoubleClickGoesOnAndAClickFocusesAField() throws {
        let (app, terminal, _) = makeDesk()
        let row = try #require(app.state.queue.rows.first { Workflow.allowedTargets(from: $0.state).count > 1 })
        app.state.modal = .move(MoveDialogState(row: row))
        let targets = Workflow.allowedTargets(from: row.state)
        let last = targets.count - 1
        app.click(on: "\(last + 1) " + String(targets[last].symbol) + " " + targets[last].label, in: terminal)
        #expect(dialog(app)?.targetIndex == last)
        #expect(dialog(app)?.fields == nil, "a single click only selects")
        app.click(on: "1 " + String(targets[0].symbol) + " " + targets[0].label, in: terminal, double: true)
        #expect(dialog(app)?.target == targets[0])
        let fields = try #require(dialog(app)?.fields, "a double click goes on to the fields")
        app.click(on: "Note (optional)", in: terminal)
        #expect(dialog(app)?.focus == fields.firstIndex(of: .note))
        app.type("on site")
        let before = app.state.modal
        app.clickOutside()
        #expect(app.state.modal == before)
        #expect(dialog(app)?.note.text == "on site")
    }

    @Test func theWheelMovesThroughTheTargets() throws {
        let (app, _, _) = makeDesk()
        let row = try #require(app.state.queue.rows.first { Workflow.allowedTargets(from: $0.state).count > 1 })
        app.state.modal = .move(MoveDialogState(row: row))
        app.wheel(.wheelDown, row: 10)
        #expect(dialog(app)?.targetIndex == 1)
        app.wheel(.wheelUp, row: 10)
        #expect(dialog(app)?.targetIndex == 0)
    }
}

struct RaiseEscalationMouseTests {
    @Test func aClickOnAFieldFocusesItAndOutsideNothingChanges() {
        let (app, terminal, _) = makeDesk()
        app.state.modal = .raiseEscalation(RaiseEscalationState(row: app.state.queue.rows[0]))
        app.click(on: "  Note", in: terminal)
        guard case .raiseEscalation(let focused) = app.state.modal else { Issue.record("the dialog closed"); return }
        #expect(focused.focus == .note)
        app.type("call back")
        app.click(on: "  Severity", in: terminal)
        guard case .raiseEscalation(let severity) = app.state.modal else { Issue.record("the dialog closed"); return }
        #expect(severity.focus == .severity)
        let before = app.state.modal
        app.clickOutside()
        #expect(app.state.modal == before)
        #expect(severity.note.text == "call back")
    }
}

struct ReconcileMouseTests {
    @Test func aClickOnAnImportFieldFocusesItAndOutsideNothingChanges() {
        let (app, terminal, _) = makeReconcileDesk()
        app.press(.character("i"))
        app.click(on: "Date tolerance", in: terminal)
        guard case .importRun(let dialog) = app.state.modal else { Issue.record("no dialog"); return }
        #expect(dialog.focus == .dateTolerance)
        app.click(on: "SFDC export", in: terminal)
        app.type("sfdc.csv")
        let before = app.state.modal
        app.clickOutside()
        #expect(app.state.modal == before)
        guard case .importRun(let typed) = app.state.modal else { Issue.record("no dialog"); return }
        #expect(typed.focus == .sfdc && typed.sfdc.text == "sfdc.csv")
    }

    @Test func aClickChoosesAResolutionADoubleClickGoesToTheNoteTheWheelChooses() {
        let (app, terminal, _) = makeReconcileDesk()
        app.press(.enter, .character("r"))
        func dialog() -> ResolveDialogState? {
            if case .resolve(let d) = app.state.modal { return d }
            return nil
        }
        app.click(on: "4 " + DifferenceResolution.ignored.label, in: terminal)
        #expect(dialog()?.choice == .ignored && dialog()?.focus == .choice)
        app.click(on: "3 " + DifferenceResolution.accepted.label, in: terminal, double: true)
        #expect(dialog()?.choice == .accepted && dialog()?.focus == .note)
        app.click(on: "2 " + DifferenceResolution.fixInIDA.label, in: terminal)
        app.click(on: "Note (required)", in: terminal)
        #expect(dialog()?.focus == .note)
        app.type("checked")
        app.wheel(.wheelUp, row: 10)
        #expect(dialog()?.choice == .fixInSFDC)
        let before = app.state.modal
        app.clickOutside()
        #expect(app.state.modal == before)
        #expect(dialog()?.note.text == "checked")
    }
}

struct ContractDialogMouseTests {
    @Test func aClickOnACustomerSelectsItADoubleClickWritesTheContract() {
        let desk = ContractDesk()
        desk.app.press(.character("3"), .character("n"))
        guard case .customerPicker(let picker) = desk.dialog, picker.rows.count > 3 else { Issue.record("no picker"); return }
        desk.app.click(on: picker.rows[2].name, in: desk.terminal)
        guard case .customerPicker(let clicked) = desk.dialog else { Issue.record("the picker closed"); return }
        #expect(clicked.cursor == 2)
        desk.app.wheel(.wheelDown, row: 10)
        guard case .customerPicker(let wheeled) = desk.dialog else { Issue.record("the picker closed"); return }
        #expect(wheeled.cursor == 3)
        desk.app.clickOutside()
        #expect(desk.dialog == .customerPicker(wheeled))
        desk.app.click(on: picker.rows[1].name, in: desk.terminal, double: true)
        #expect(desk.editor == [.new(customerID: picker.rows[1].id, kind: .new, parentID: nil)])
    }

    @Test func aClickOnAFilterLineMovesThere() {
        let desk = ContractDesk()
        desk.app.press(.character("3"), .character("f"))
        guard case .filter = desk.dialog else { Issue.record("no filter dialog"); return }
        desk.app.click(on: "Due for renewal", in: desk.terminal)
        guard case .filter(let dialog) = desk.dialog else { Issue.record("the dialog closed"); return }
        #expect(dialog.section == .renewal)
        desk.app.clickOutside()
        #expect(desk.dialog == .filter(dialog))
    }
}

struct ContractStepMouseTests {
    @Test func aClickOnTheTerminateDialogsReasonFocusesItAndOutsideNothingChanges() {
        let desk = ContractDesk(user: SampleContracts.supervisor)
        desk.open("CSA-000101")
        desk.app.press(.character("T"))
        desk.app.click(on: "Reason", in: desk.terminal, inBox: true)
        guard case .terminate(let reason) = desk.dialog else { Issue.record("no terminate dialog"); return }
        #expect(reason.focus == 1)
        desk.app.type("moving out")
        desk.app.click(on: "Last day", in: desk.terminal, inBox: true)
        guard case .terminate(let day) = desk.dialog else { Issue.record("the dialog closed"); return }
        #expect(day.focus == 0 && day.reason.text == "moving out")
        desk.app.clickOutside()
        #expect(desk.dialog == .terminate(day))
    }
}

struct PaneMouseTests {
    @Test func aClickOnASectionInTheStripJumpsThereAsTabDoes() {
        let desk = ContractDesk(user: SampleContracts.director)
        desk.open("CSA-000140")
        desk.app.click(on: "Route 1", in: desk.terminal)
        #expect(desk.app.state.contract?.section == .route)
        #expect(desk.text.contains("[Route 1]"))
        let viaTab = ContractDesk(user: SampleContracts.director)
        viaTab.open("CSA-000140")
        viaTab.press(.tab, .tab)
        #expect(viaTab.app.state.contract == desk.app.state.contract, "the same place as Tab Tab")
        desk.app.click(on: "Lines 3", in: desk.terminal)
        #expect(desk.app.state.contract?.section == .lines && desk.app.state.contract?.scroll == 0)
    }

    @Test func aClickOnASectionHeadingJumpsThereInTheWideLayout() throws {
        let desk = ContractDesk(size: (40, 120), user: SampleContracts.director)
        desk.open("CSA-000140")
        let heading = try #require(desk.terminal.position(of: " History ", after: 5))
        desk.app.click(row: heading.row, column: heading.column + 2)
        #expect(desk.app.state.contract?.section == .history)
    }

    @Test func aClickOnAPaneNameInTheCustomerStripSwitchesToIt() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        #expect(app.state.customer?.pane == .locations)
        app.click(on: CustomerPane.contacts.title + " ", in: terminal)
        #expect(app.state.customer?.pane == .contacts)
        #expect(terminal.text().contains("[" + CustomerPane.contacts.title))
        app.click(on: CustomerPane.orders.title + " ", in: terminal, double: true)
        #expect(app.state.customer?.pane == .orders)
        #expect(app.state.detail == nil, "a pane's name is not a row: a double click opens nothing")
    }
}

struct EscalationDialogMouseTests {
    @Test func aClickOnAnOwnerSelectsItADoubleClickReassigns() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.character("o"))
        desk.app.click(on: "  lee.chen", in: desk.terminal, inBox: true)
        guard case .reassign(let picker) = desk.dialog else { Issue.record("no picker"); return }
        #expect(picker.cursor == 0, "a single click only selects")
        desk.app.clickOutside()
        #expect(desk.dialog == .reassign(picker))
        desk.app.click(on: "  rita.okafor", in: desk.terminal, double: true, inBox: true)
        #expect(desk.app.state.modal == nil)
        #expect(desk.escalations.row(1).ownerLogin == "rita.okafor")
    }

    @Test func aClickOnAFilterLineMovesThere() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.character("f"))
        desk.app.click(on: "Reason   ◂", in: desk.terminal)
        guard case .filter(let dialog) = desk.dialog else { Issue.record("no filter dialog"); return }
        #expect(dialog.section == .reason)
        desk.app.clickOutside()
        #expect(desk.dialog == .filter(dialog))
    }
}

struct FooterMouseTests {
    @Test func aClickOnAHintRunsItsCommandAndBetweenHintsNothing() throws {
        let (app, terminal, _) = makeDesk()
        let footer = terminal.line(23)
        let filter = try #require(column(of: "f filter", in: footer))
        // The two spaces between "/ search" and "f filter".
        app.click(row: 23, column: filter - 1)
        #expect(app.state.modal == nil)
        app.click(row: 23, column: filter + 3)
        guard case .filter = app.state.modal else { Issue.record("no filter dialog"); return }
        app.press(.escape)
        app.click(row: 23, column: try #require(column(of: "? help", in: terminal.line(23))))
        #expect(app.state.modal == .help(scroll: 0))
    }

    @Test func theLayoutMatchesTheDrawnHintsOnEveryScreen() {
        for size in [(24, 80), (40, 120)] {
            let (app, terminal, _) = makeDesk(size: size)
            for tab in ["1", "2", "3", "4", "5", "6"] {
                app.press(.character(Character(tab)))
                app.render()
                let footer = terminal.line(size.0 - 1)
                let zones = app.footerLayout(columns: size.1)
                #expect(!zones.isEmpty)
                for zone in zones {
                    let drawn = String(footer.dropFirst(zone.left).prefix(zone.width))
                    #expect(drawn == zone.target.key + " " + zone.target.label, "tab \(tab) at \(size): \(footer)")
                }
            }
        }
    }

    @Test func whileSearchingEnterKeepsAndEscClears() throws {
        let (app, terminal, _) = makeDesk()
        app.press(.character("/"))
        app.type("00")
        #expect(app.state.queue.searching)
        app.click(row: 23, column: try #require(column(of: "Esc clear", in: terminal.line(23))) + 1)
        #expect(!app.state.queue.searching)
    }
}

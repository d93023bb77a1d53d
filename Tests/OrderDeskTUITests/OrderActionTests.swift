import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

struct MoveDialogTests {
    /// Puts the cursor on the first row in a given state.
    func select(_ state: OrderState, in app: DeskApp) {
        app.press(.character("f"))
        let index = OrderState.allCases.firstIndex(of: state)!
        for _ in 0..<index { app.press(.down) }
        app.press(.character(" "), .enter)
    }

    @Test func offersOnlyTheAllowedTransitions() {
        let (app, terminal, _) = makeDesk(rows: 60)
        select(.scheduled, in: app)
        app.press(.character("m"))
        guard case .move(let dialog) = app.state.modal else { Issue.record("no move dialog"); return }
        #expect(dialog.targets == [.installed, .notDone, .pending, .cancelled])
        let text = terminal.text()
        #expect(text.contains("installed"))
        #expect(text.contains("needs reason code"))
        #expect(!text.contains("2 ◐ in progress"))
    }

    @Test func notDoneNeedsAReasonAndRecordsIt() {
        let (app, terminal, book) = makeDesk(rows: 60)
        select(.scheduled, in: app)
        let id = app.state.queue.selected!.id
        app.press(.character("m"), .character("2")) // not done
        guard case .move(let dialog) = app.state.modal else { Issue.record("no form"); return }
        #expect(dialog.fields == [.reason, .note])
        app.press(.right) // second reason code
        app.press(.tab)
        app.type("Tech found the suite locked")
        app.press(.enter)
        #expect(app.state.modal == nil)
        #expect(book.rows.first { $0.id == id }?.state == .notDone)
        #expect(terminal.text().contains("moved to not done"))
    }

    @Test func scheduledRefusesABadInstallDateInPlace() {
        let (app, _, book) = makeDesk(rows: 60)
        select(.inProgress, in: app)
        let id = app.state.queue.selected!.id
        app.press(.character("m"), .enter) // scheduled is first from in_progress
        app.type("2026-13-40")
        app.press(.enter)
        guard case .move(let dialog) = app.state.modal else { Issue.record("dialog closed"); return }
        #expect(dialog.error?.contains("is not a date") == true)
        app.press(.control("u"))
        app.type("2026-12-02")
        app.press(.enter)
        #expect(app.state.modal == nil)
        let row = book.rows.first { $0.id == id }!
        #expect(row.state == .scheduled)
        #expect(row.installOn == Day(iso: "2026-12-02"))
    }

    @Test func finalStatesOfferNothing() {
        let (app, terminal, _) = makeDesk(rows: 60)
        select(.billed, in: app)
        app.press(.character("m"))
        #expect(terminal.text().contains("billed is final: no move is allowed."))
        app.press(.escape)
        #expect(app.state.modal == nil)
    }
}

struct ConflictTests {
    @Test func aRefusedNoteKeepsItsTextAndSavesAgainstTheNewVersion() {
        let (app, terminal, book) = makeDesk(rows: 30)
        let row = app.state.queue.selected!
        app.press(.character("n"))
        app.type("Customer wants a call before 10")
        book.externalMove(row.id, to: row.state) // someone else saves the order meanwhile
        app.press(.control("s"))
        guard case .note(let dialog) = app.state.modal else { Issue.record("the note dialog closed"); return }
        #expect(dialog.field.text == "Customer wants a call before 10")
        #expect(dialog.version == row.version + 1, "works from the reloaded order now")
        #expect(terminal.text().contains("was changed by Someone Else"))
        app.press(.control("s"))
        #expect(app.state.modal == nil)
        #expect(book.details[row.id]?.notes.first?.text == "Customer wants a call before 10")
    }

    @Test func aRefusedMoveKeepsTheDialogAndItsNote() {
        let (app, _, book) = makeDesk(rows: 30)
        let row = app.state.queue.rows.first { $0.state == .submitted }!
        while app.state.queue.selected?.id != row.id { app.press(.down) }
        app.press(.character("m"), .enter) // in progress
        app.type("design done")
        book.externalMove(row.id, to: .submitted)
        app.press(.enter)
        guard case .move(let dialog) = app.state.modal else { Issue.record("the move dialog closed"); return }
        #expect(dialog.note.text == "design done")
        app.press(.enter)
        #expect(app.state.modal == nil)
        #expect(book.rows.first { $0.id == row.id }?.state == .inProgress)
    }

    @Test func aViewerIsRefusedWithAReason() {
        let (app, terminal, book) = makeDesk(rows: 10, user: SampleOrders.viewer)
        let before = book.rows
        app.press(.character("t"))
        #expect(book.rows == before)
        #expect(terminal.text().contains("may not change orders"))
    }

    @Test func takeAssignsTheOrderToMe() {
        let (app, _, book) = makeDesk(rows: 10)
        let row = app.state.queue.rows.first { $0.ownerLogin == nil }!
        while app.state.queue.selected?.id != row.id { app.press(.down) }
        app.press(.character("t"))
        #expect(book.rows.first { $0.id == row.id }?.ownerLogin == "dana.ruiz")
        #expect(app.state.queue.selected?.ownerLogin == "dana.ruiz")
    }
}

struct CommandTableTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in CommandContext.allCases {
            var seen: [Key: CommandID] = [:]
            for spec in CommandTable.all where spec.contexts.contains(context) {
                for key in spec.keys {
                    #expect(seen[key] == nil, "\(key) bound to \(seen[key]!) and \(spec.id) in \(context)")
                    seen[key] = spec.id
                }
            }
        }
    }

    @Test func helpListsEveryCommandOfTheContext() {
        let (app, terminal, _) = makeDesk(size: (50, 120))
        app.press(.character("?"))
        let text = terminal.text()
        for spec in CommandTable.commands(in: .queue) { #expect(text.contains(spec.name), "\(spec.name) missing from help") }
        app.press(.escape)
        #expect(app.state.modal == nil)
    }

    @Test func colonRunsACommandByItsLongName() {
        let (app, _, _) = makeDesk()
        app.press(.character(":"))
        app.type("order.op")
        app.press(.tab)
        guard case .commandLine(let field) = app.state.modal else { Issue.record("no command line"); return }
        #expect(field.text == "order.open")
        app.press(.enter)
        #expect(app.state.detail != nil)
        app.press(.character(":"))
        app.type("nonsense")
        app.press(.enter)
        #expect(app.state.message?.text.contains("Unknown command 'nonsense'") == true)
    }

    @Test func enterOpensTheDetailAndEscGoesBack() {
        let (app, terminal, _) = makeDesk()
        let row = app.state.queue.selected!
        app.press(.enter)
        let text = terminal.text()
        #expect(text.contains("Order " + row.orderNumber))
        #expect(text.contains("Fiber Internet 500 Mbps"))
        #expect(text.contains("History (1)"))
        app.press(.escape)
        #expect(app.state.detail == nil)
        app.press(.character("q"))
        #expect(!app.state.isRunning)
    }
}

struct MoveOrderDetailTests {
    @Test func aMoveSaysWhereTheServiceGoes() {
        let row = SampleOrders.rows(count: 1)[0]
        var detail = FakeOrderBook.detail(for: row)
        let text = { (d: OrderDetail) in
            OrderDetailScreen.lines(d, width: 78, now: SampleOrders.now).map { $0.map(\.0).joined() }.joined(separator: "\n")
        }
        #expect(!text(detail).contains("Moving to"))
        detail.newLocation = ServiceLocation(id: 9, street: "7 Harbor Rd", city: "Oyster Bay", stateCode: "NY", zip: "11771")
        #expect(text(detail).contains("Moving to  7 Harbor Rd, Oyster Bay, NY 11771"))
    }
}

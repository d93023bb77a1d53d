import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

struct RaiseEscalationDialogTests {
    let rows = SampleOrders.rows(count: 40)
    let today = Day(unixSeconds: SampleOrders.now)

    func row(_ state: OrderState) -> QueueRow { rows.first { $0.state == state }! }

    func press(_ dialog: inout RaiseEscalationState, _ keys: Key...) -> DialogOutcome {
        var outcome = DialogOutcome.stay
        for key in keys { outcome = RaiseEscalationDialog.update(&dialog, key) }
        return outcome
    }

    @Test func theOrdersStateSuggestsTheReason() {
        #expect(RaiseEscalationState(row: row(.notDone), today: today).reason == .notDoneTooLong)
        #expect(RaiseEscalationState(row: row(.held), today: today).reason == .heldTooLong)
        #expect(RaiseEscalationState(row: row(.pending), today: today).reason == .waitingOnCustomerTooLong)
        #expect(RaiseEscalationState(row: row(.inProgress), today: today).reason == .customerComplaint)
        var scheduled = row(.scheduled)
        scheduled.installOn = today.adding(days: -1)
        #expect(RaiseEscalationState(row: scheduled, today: today).reason == .installDateMissed)
        scheduled.installOn = today
        #expect(RaiseEscalationState(row: scheduled, today: today).reason == .customerComplaint)
        #expect(RaiseEscalationState(row: row(.inProgress), today: today).severity == .p2)
    }

    @Test func aNoteIsRequiredAndTheFocusGoesToIt() {
        var dialog = RaiseEscalationState(row: row(.inProgress), today: today)
        #expect(press(&dialog, .enter) == .stay)
        #expect(dialog.error?.contains("Say what is wrong") == true)
        #expect(dialog.focus == .note)
        for c in "Customer called twice" { _ = press(&dialog, .character(c)) }
        #expect(press(&dialog, .enter) == .raiseEscalation(orderID: dialog.orderID, .customerComplaint, .p2,
                                                           note: "Customer called twice"))
    }

    @Test func reasonAndSeverityCycleWithArrowsAndDigits() {
        var dialog = RaiseEscalationState(row: row(.inProgress), today: today)
        _ = press(&dialog, .right)
        #expect(dialog.reason == .billingDispute)
        _ = press(&dialog, .left, .left)
        #expect(dialog.reason == .waitingOnCustomerTooLong)
        _ = press(&dialog, .tab, .character("1"))
        #expect(dialog.focus == .severity && dialog.severity == .p1)
        _ = press(&dialog, .right, .right)
        #expect(dialog.severity == .p3)
        _ = press(&dialog, .right)
        #expect(dialog.severity == .p1)
        // Letters typed on the note are text, not commands.
        _ = press(&dialog, .tab, .character("l"), .character("h"), .character("1"))
        #expect(dialog.note.text == "lh1" && dialog.severity == .p1)
        #expect(press(&dialog, .escape) == .close)
    }

    @Test func rendersTheChoicesAndWhatIsAlreadyEscalated() {
        let terminal = MemoryTerminal(rows: 24, columns: 80)
        let canvas = Canvas(terminal: terminal, theme: .builtInDefault)
        let existing = EscalationRecord(
            id: 1, orderID: 5, orderNumber: "00451212", customerName: "Café Roma LLC", reason: .heldTooLong, severity: .p3,
            status: .acknowledged, raisedByLogin: nil, raisedAt: SampleOrders.now - 3_600, ownerLogin: "lee.chen",
            dueAt: SampleOrders.now + 86_400, acknowledgedAt: nil, resolvedAt: nil, resolution: nil, cause: nil, version: 2,
            notes: [])
        var dialog = RaiseEscalationState(row: row(.held), active: [existing], today: today)
        _ = press(&dialog, .enter)
        RaiseEscalationDialog.render(dialog, on: canvas)
        let text = terminal.text()
        #expect(text.contains("Escalate order \(dialog.orderNumber)"))
        #expect(text.contains("▲ Already escalated: P3 held too long, acknowledged, owner lee.chen"))
        #expect(text.contains("◂ held too long ▸"))
        #expect(text.contains("[P2]"))
        #expect(text.contains("Say what is wrong"))
    }
}

import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// `e` on the queue and the detail, and the detail's escalations following other terminals.
struct RaiseEscalationTests {
    /// An in-progress order with no escalation yet, under the queue's cursor.
    func selectFreshOrder(in desk: StatusDesk) -> QueueRow {
        let taken = Set(desk.escalations.records.values.map(\.orderID))
        let target = desk.book.rows.first { $0.state == .inProgress && !taken.contains($0.id) }!
        desk.app.press(.character("g"))
        for _ in 0..<200 where desk.app.state.queue.selected?.id != target.id { desk.app.press(.down) }
        #expect(desk.app.state.queue.selected?.id == target.id)
        return target
    }

    @Test func anAccountManagerEscalatesFromTheQueueAndTheDetailShowsIt() {
        let desk = StatusDesk(user: SampleEscalations.manager)
        let order = selectFreshOrder(in: desk)
        desk.app.press(.character("e"))
        guard case .raiseEscalation(let dialog) = desk.app.state.modal else { Issue.record("no dialog"); return }
        #expect(dialog.orderID == order.id && dialog.reason == .customerComplaint)
        desk.app.press(.tab, .character("1"), .tab)
        desk.app.type("Customer called twice about the delay.")
        desk.app.press(.enter)
        #expect(desk.app.state.modal == nil)
        #expect(desk.message == "Escalated order \(order.orderNumber): P1 customer complaint.")
        let raised = desk.escalations.records.values.first { $0.orderID == order.id }
        #expect(raised?.severity == .p1 && raised?.raisedByLogin == "dana.ruiz")
        #expect(raised?.notes.map(\.text) == ["Customer called twice about the delay."])

        desk.app.press(.enter)
        let text = desk.text
        #expect(text.contains("Escalations (1, 1 active)"))
        #expect(text.contains("✓ P1 open  customer complaint  ·  due in 4h 00m  ·  owner lee.chen"))
        #expect(text.contains("raised 2026-11-18 11:06 by dana.ruiz"))
        #expect(text.contains("Customer called twice about the delay."))
    }

    @Test func theDetailFollowsASupervisorsStepsInAnotherTerminal() {
        let desk = StatusDesk(user: SampleEscalations.manager)
        let order = selectFreshOrder(in: desk)
        desk.app.press(.character("e"))
        desk.app.type("x")
        desk.app.press(.tab, .tab)
        desk.app.type("Wrong address on the work order.")
        desk.app.press(.enter, .enter)
        #expect(desk.text.contains("P2 open"))
        let id = desk.escalations.records.values.first { $0.orderID == order.id }!.id
        desk.escalations.externalChange(id) { record in
            record.status = .acknowledged
            record.acknowledgedAt = SampleOrders.now + 60
        }
        #expect(desk.poll())
        #expect(desk.text.contains("P2 acknowledged"))
        #expect(desk.text.contains("acknowledged 2026-11-18 11:07"))
        desk.escalations.externalChange(id) { record in
            record.status = .resolved
            record.resolvedAt = SampleOrders.now + 120
            record.resolution = "Field ops corrected the address; install kept."
        }
        #expect(desk.poll())
        #expect(desk.text.contains("· P2 resolved  customer complaint  ·  owner lee.chen"))
        #expect(desk.text.contains("      acknowledged 2026-11-18 11:07\n"))
        #expect(desk.text.contains("      resolved 2026-11-18 11:08\n"))
        #expect(desk.text.contains("Resolution: Field ops corrected the address; install kept."))
        assertSnapshot(desk.text, named: "detail-escalations-80x24")
    }

    @Test func aRefusedRaiseKeepsTheNoteAndAViewerIsToldAtOnce() {
        let desk = StatusDesk(user: SampleEscalations.manager, adjust: { client in
            client.escalations.raise = { _, _, _, _ in throw OrderDeskError.refused("The database is read-only.") }
        })
        _ = selectFreshOrder(in: desk)
        desk.app.press(.character("e"), .tab, .tab)
        desk.app.type("Customer called twice.")
        desk.app.press(.enter)
        guard case .raiseEscalation(let dialog) = desk.app.state.modal else { Issue.record("dialog closed"); return }
        #expect(dialog.note.text == "Customer called twice.")
        #expect(dialog.error == "The database is read-only.")

        let viewer = StatusDesk(user: SampleEscalations.viewer)
        viewer.app.press(.character("e"))
        #expect(viewer.app.state.modal == nil)
        #expect(viewer.message?.contains("A viewer cannot escalate") == true)
    }
}

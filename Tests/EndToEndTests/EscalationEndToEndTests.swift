import Foundation
import OrderDeskCore
import Testing

/// An account manager escalates an order in one terminal; a supervisor's status view, in another, shows it
/// without a key press and acknowledges it; the account manager's order detail follows. The real binary in
/// tmux, on one demo database.
@Suite(.serialized) struct EscalationEndToEndTests {
    @Test func aP1RaisedInOneTerminalIsLiveInTheSupervisorsStatusViewAndTheAcknowledgementComesBack() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let number = try SQLite.query(db, """
            SELECT order_number FROM orders WHERE owner_login = 'dana.ruiz' AND state = 'in_progress' AND escalated = 0
            ORDER BY id LIMIT 1
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(number.count == 8)

        // The supervisor watches the active P1 escalations.
        let supervisor = try TmuxSession(command: "\(Binary.url.path) --db \(db) --user renee.dubois")
        try supervisor.waitFor("row 1 of 3,000")
        try supervisor.press("5")
        try supervisor.waitFor("Team board")
        try supervisor.press("f")
        try supervisor.waitFor("Filter the escalations")
        try supervisor.press("Down", "Right") // severity P1
        try supervisor.waitFor("Shows: P1.")
        try supervisor.press("Enter")
        let before = try supervisor.waitFor("Escalations · P1 ·")
        #expect(!before.contains(number))

        // The account manager opens the order and raises a P1 on it.
        let manager = try TmuxSession(command: "\(Binary.url.path) --db \(db) --user dana.ruiz")
        try manager.waitFor("row 1 of 3,000")
        try manager.press("/")
        try manager.type(number)
        try manager.waitFor("row 1 of 1")
        try manager.press("Enter", "Enter")
        try manager.waitFor("Order \(number)")
        try manager.press("e")
        try manager.waitFor("Escalate order \(number)")
        try manager.press("Tab", "1", "Tab")
        try manager.type("Customer's opening day is Monday and the circuit is not up.")
        try manager.press("Enter")
        try manager.waitFor("Escalated order \(number): P1")
        try manager.waitFor("P1 open")

        // Within 2 seconds, with no key pressed in the supervisor's terminal, the escalation is on their list.
        let live = try supervisor.waitFor(number, timeout: .seconds(2))
        let lines = live.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.contains("Sev") && $0.contains("SLA") }, "no list header:\n\(live)")
        let row = try #require(lines.firstIndex { $0.contains(number) })
        #expect(lines[row].contains("P1") && lines[row].contains("open"), "row: \(lines[row])")

        // The supervisor acknowledges it: the cursor goes to its row first.
        try supervisor.press("g")
        for _ in 0..<(row - header - 1) { try supervisor.press("j") }
        try supervisor.press("a")
        _ = try supervisor.waitUntil(description: "the row shows acknowledged") { screen in
            screen.split(separator: "\n").contains { $0.contains(number) && $0.contains("acknowledged") }
        }
        let stored = try SQLite.query(db, """
            SELECT e.status || '|' || u.login || '|' || r.login FROM escalations e JOIN orders o ON o.id = e.order_id
            JOIN users u ON u.id = e.acknowledged_by JOIN users r ON r.id = e.raised_by WHERE o.order_number = '\(number)'
            """)
        #expect(stored == "acknowledged|renee.dubois|dana.ruiz\n")

        // The account manager's detail follows, again without a key press.
        let detail = try manager.waitFor("P1 acknowledged", timeout: .seconds(2))
        #expect(detail.contains("acknowledged 20"), "the detail says when:\n\(detail)")

        // An account manager cannot acknowledge, resolve or reassign: the status view says so.
        try manager.press("Escape", "5")
        try manager.waitFor("Your escalations")
        try manager.press("r")
        try manager.waitFor("Supervisors and directors resolve escalations")

        for session in [manager, supervisor] {
            try session.press("Escape", "q")
            try session.waitFor("EXIT=0")
        }
    }
}

import Foundation
import OrderDeskCore
import Testing

/// `orderdesk escalate`: the rules for cron, and one order from a script.
struct EscalateCommandTests {
    @Test func theRulesRaiseEachStuckEpisodeOnceAndAnOrderIsEscalatedByName() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        // Two runs: whatever the first raises (the demo has already escalated its stuck orders), the second
        // raises nothing.
        let first = try Binary.run(["escalate", "--auto", "--db", db])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.hasSuffix("raised.\n"))
        let second = try Binary.run(["escalate", "--auto", "--db", db])
        #expect(second.stdout == "0 escalations raised.\n")

        let number = try SQLite.query(db, """
            SELECT order_number FROM orders WHERE state = 'in_progress' AND escalated = 0 ORDER BY id LIMIT 1
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        let raised = try Binary.run(["escalate", number, "--reason", "billing dispute", "--severity", "p1",
                                     "--note", "Billed twice for the same circuit.", "--user", "dana.ruiz", "--db", db])
        #expect(raised.status == 0, "stderr: \(raised.stderr)")
        #expect(raised.stdout.hasPrefix("Escalated order \(number): P1 billing dispute, owner "))
        let stored = try SQLite.query(db, """
            SELECT e.severity || '|' || e.reason || '|' || e.status || '|' || u.login || '|' || o.escalated
            FROM escalations e JOIN orders o ON o.id = e.order_id JOIN users u ON u.id = e.raised_by
            WHERE o.order_number = '\(number)'
            """)
        #expect(stored == "p1|billing_dispute|open|dana.ruiz|1\n")
        let shown = try Binary.run(["order", "show", number, "--db", db])
        #expect(shown.stdout.contains("Escalations:\n  P1  open  billing_dispute  owner "))
        #expect(shown.stdout.contains("dana.ruiz: Billed twice for the same circuit."))

        // Bad input says what to type and changes nothing.
        let badReason = try Binary.run(["escalate", number, "--reason", "angry", "--severity", "P1", "--note", "x",
                                        "--user", "dana.ruiz", "--db", db])
        #expect(badReason.status == 1 && badReason.stderr.contains("--reason 'angry' is not known: use one of install_date_missed"))
        let badSeverity = try Binary.run(["escalate", number, "--reason", "other", "--severity", "P4", "--note", "x",
                                          "--user", "dana.ruiz", "--db", db])
        #expect(badSeverity.status == 1 && badSeverity.stderr.contains("--severity 'P4' is not known: use P1, P2 or P3."))
        let noNote = try Binary.run(["escalate", number, "--reason", "other", "--severity", "P3", "--user", "dana.ruiz", "--db", db])
        #expect(noNote.status == 1 && noNote.stderr.contains("--note is missing"))
        let viewer = try Binary.run(["escalate", number, "--reason", "other", "--severity", "P3", "--note", "x",
                                     "--user", "sam.patel", "--db", db])
        #expect(viewer.status != 0 && viewer.stderr.contains("sam.patel"), "stderr: \(viewer.stderr)")
        let unknown = try Binary.run(["escalate", "99999999", "--reason", "other", "--severity", "P3", "--note", "x",
                                      "--user", "dana.ruiz", "--db", db])
        #expect(unknown.status != 0 && unknown.stderr.contains("99999999"), "stderr: \(unknown.stderr)")
        let nothing = try Binary.run(["escalate", "--db", db])
        #expect(nothing.status != 0 && nothing.stderr.contains("Say which order to escalate"))
        let count = try SQLite.query(db, "SELECT count(*) FROM escalations e JOIN orders o ON o.id = e.order_id WHERE o.order_number = '\(number)'")
        #expect(count == "1\n")
    }
}

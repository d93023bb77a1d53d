import Foundation
import OrderDeskCore
import Testing

/// A contract written by an account manager and approved by a director, each in their own terminal on the
/// same demo database, driven through the real binary in tmux.
@Suite(.serialized) struct ContractEndToEndTests {
    @Test func aDirectorApprovesADeepDiscountAndTheActiveContractRefusesEdits() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)

        // The account manager: a new 36-month contract for Café Roma LLC with a 15% discount.
        let manager = try TmuxSession(command: "\(Binary.url.path) --db \(db) --user dana.ruiz")
        try manager.waitFor("row 1 of 3,000")
        try manager.press("3")
        try manager.waitFor("Needs")
        try manager.press("n")
        try manager.type("cafe roma")
        try manager.waitFor("Café Roma LLC")
        try manager.press("Enter")
        try manager.waitFor("New contract · Café Roma LLC")
        try manager.press("IC") // Insert: the price-book picker
        try manager.type("Fiber 1 Gig")
        try manager.waitFor("Business Fiber 1 Gig")
        try manager.press("Enter")
        try manager.waitFor("FIB-1G")
        // The picker stays open for more lines; closed, the new line's quantity has the focus: on to the net
        // MRR, then the discount.
        try manager.press("Escape")
        try manager.press("Tab", "Tab")
        try manager.type("15")
        let editor = try manager.waitFor("A director must approve")
        #expect(editor.contains("15%"))
        #expect(editor.contains("36-month allowance of 10%"), "the editor says why:\n\(editor)")
        try manager.press("C-s")
        let saved = try manager.waitFor("as a draft.")
        let number = try #require(Self.contractNumber(in: saved), "no contract number in:\n\(saved)")
        try manager.waitFor("· draft ·")

        // Submitting says again who approves, and why.
        try manager.press("s")
        try manager.waitFor("A director must approve")
        try manager.press("Enter")
        try manager.waitFor("awaiting a director's approval")
        #expect(try Self.status(of: number, in: db) == "pending_approval|director")

        // The director, in a second terminal: the approvals inbox, the contract with its ROI, approve.
        let director = try TmuxSession(command: "\(Binary.url.path) --db \(db) --user nadia.haddad")
        try director.waitFor("row 1 of 3,000")
        try director.press("3")
        try director.waitFor("awaiting you")
        try director.press("i")
        // The inbox is newest first: the contract just submitted is the first row, under the cursor.
        let inbox = try director.waitFor(number)
        let firstRow = inbox.split(separator: "\n").dropFirst(3).first.map(String.init) ?? ""
        #expect(firstRow.hasPrefix(number), "first row of the inbox: \(firstRow)")
        try director.press("Enter")
        try director.waitFor("awaiting a director's approval")
        try director.waitFor("Payback")
        try director.press("a")
        try director.waitFor("Enter approve")
        try director.type("Strategic account: approved at 15%.")
        try director.press("Enter")
        try director.waitFor("Approved by nadia.haddad")
        #expect(try Self.status(of: number, in: db) == "approved|director")

        // Sent to the customer, countersigned: active from the start date.
        try director.press("t")
        try director.waitFor("sent to the customer on")
        try director.press("v")
        try director.waitFor("Enter activate")
        try director.press("Enter")
        try director.waitFor("is active from")
        #expect(try Self.status(of: number, in: db) == "active|director")

        // Back in the manager's terminal: the contract is active and refuses edits.
        try manager.press("C-r")
        try manager.waitFor("· active ·")
        try manager.press("e")
        try manager.waitFor("is active, so it is read-only")
        try manager.press("Escape", "q")
        try manager.waitFor("EXIT=0")
        try director.press("Escape", "q")
        try director.waitFor("EXIT=0")

        // The store refuses too, and every step is in the audit log.
        let steps = try SQLite.query(db, """
            SELECT group_concat(action, ',') FROM (SELECT a.action FROM audit_log a JOIN contracts c ON c.id = a.entity_id
            WHERE a.entity = 'contract' AND c.number = '\(number)' AND a.field = 'status' ORDER BY a.id)
            """)
        #expect(steps.trimmingCharacters(in: .whitespacesAndNewlines) == "submit,approve,send,activate")

        // The agreement as the customer signs it.
        let output = directory.path + "/\(number).md"
        let export = try Binary.run(["contract", "export", number, "--format", "md", "--output", output, "--db", db])
        #expect(export.status == 0, "export failed: \(export.stderr)")
        let document = try String(contentsOfFile: output, encoding: .utf8)
        #expect(document.hasPrefix("# Commercial Service Agreement \(number)\n"))
        #expect(document.contains("- **Customer:** Café Roma LLC, account"))
        #expect(document.contains("| FIB-1G Business Fiber 1 Gig | 1 | $249.00 | $211.65 | 15% | $211.65 |"))
        #expect(document.contains("## Early termination"))
        let text = try Binary.run(["contract", "export", number, "--format", "txt", "--db", db])
        #expect(text.status == 0 && text.stdout.contains("EARLY TERMINATION"))
        // Bad input: a clear message and a non-zero status.
        let badFormat = try Binary.run(["contract", "export", number, "--format", "pdf", "--db", db])
        #expect(badFormat.status == 1 && badFormat.stderr.contains("--format 'pdf' is not known: use md or txt."))
        let missing = try Binary.run(["contract", "export", "CSA-999999", "--db", db])
        #expect(missing.status == 1 && missing.stderr.contains("CSA-999999"), "stderr: \(missing.stderr)")
    }

    static func status(of number: String, in db: String) throws -> String {
        try SQLite.query(db, "SELECT status || '|' || required_level FROM contracts WHERE number = '\(number)'")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `CSA-` and its six digits.
    static func contractNumber(in screen: String) -> String? {
        guard let range = screen.range(of: "CSA-") else { return nil }
        let digits = screen[range.upperBound...].prefix(6)
        return digits.count == 6 && digits.allSatisfy(\.isNumber) ? "CSA-" + digits : nil
    }
}

import Foundation
import Testing

/// The reconciliation tab driven like a person: import the shared sample pair from the screen,
/// resolve a difference with a note, and find the note in the audit log.
@Suite(.serialized) struct ReconcileScreenEndToEndTests {
    @Test func importTheSamplesResolveADifferenceAndFindItInTheAuditLog() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let samples = ReconcileCommandTests.samples

        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)")
        try desk.waitFor("row 1 of 3,000")
        try desk.press("4")
        try desk.waitFor("#2 ")  // the demo's two weekly runs
        try desk.press("i")
        try desk.waitFor("Reconcile IDA against SFDC")
        try desk.type(samples + "/ida_orders.csv")
        try desk.press("Down")
        try desk.type(samples + "/sfdc_orders.csv")
        try desk.press("Enter")
        try desk.waitFor("Run #3 · ")
        try desk.waitFor("20 differences · 20 open")

        try desk.press("r")  // on the first difference: IDA-00451071 missing in SFDC
        try desk.waitFor("Resolve missing in SFDC · IDA-00451071")
        try desk.press("2")
        try desk.press("Tab")
        let note = "Re-keyed in IDA, ticket IDA-77"
        try desk.type(note)
        try desk.press("Enter")
        try desk.waitFor("✓ fix in IDA by")
        try desk.waitFor("20 differences · 19 open")
        try desk.press("q")
        try desk.waitFor("EXIT=0")

        let audit = try SQLite.query(db, "SELECT action, field, new_value FROM audit_log WHERE entity = 'reconcile_difference'")
        #expect(audit.contains("resolve|resolution|fix_in_ida"))
        #expect(audit.contains("resolve|note|" + note))
    }
}

/// The sqlite3 command-line tool, for reading a database the way an administrator would.
enum SQLite {
    static func query(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-readonly", path, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw E2EError.setup("sqlite3 failed on \(path)") }
        return String(decoding: data, as: UTF8.self)
    }
}

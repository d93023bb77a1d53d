import Foundation
import OrderDeskCore
import Testing

/// One small demo database shared by the end-to-end tests (each test copies it).
enum DemoFixture {
    /// Builds the database once per test process.
    static let path: String? = {
        guard Binary.exists else { return nil }
        let directory = NSTemporaryDirectory() + "orderdesk-e2e-fixture-\(getpid())"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/demo.sqlite"
        guard let result = try? Binary.run(["demo", "--orders", "3000", "--seed", "7", "--db", path, "--no-open"]),
              result.status == 0, FileManager.default.fileExists(atPath: path) else { return nil }
        return path
    }()

    /// A private copy for one test, so tests can change data in parallel.
    static func copy(into directory: TemporaryDirectory) throws -> String {
        guard let path else {
            throw E2EError.setup("no demo fixture: is \(Binary.url.path) built? Run `swift build` first.")
        }
        let target = directory.path + "/demo.sqlite"
        try FileManager.default.copyItem(atPath: path, toPath: target)
        return target
    }

    /// The orders of a database, as `orderdesk export orders --format json` prints them.
    static func orders(in path: String, states: [OrderState] = []) throws -> [[String: Any]] {
        let result = try Binary.run(["export", "orders", "--format", "json", "--db", path]
            + states.flatMap { ["--state", $0.rawValue] })
        #expect(result.status == 0, "export failed: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }
}

@Suite(.serialized) struct DeskEndToEndTests {
    @Test func searchACustomerMoveAnOrderWithAReasonAndSeeItInExportAndHistory() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let orders = try DemoFixture.orders(in: db)
        // A customer with exactly one order, that order open and cancellable, and a name no other customer starts with.
        let byCustomer = Dictionary(grouping: orders) { $0["customer_name"] as! String }
        let names = byCustomer.keys.sorted()
        let candidate = try #require(names.first { name in
            let theirs = byCustomer[name]!
            let state = OrderState(rawValue: theirs[0]["state"] as! String)!
            return theirs.count == 1 && Workflow.isAllowed(from: state, to: .cancelled)
                && !names.contains { $0 != name && $0.lowercased().hasPrefix(name.lowercased()) }
                && name.unicodeScalars.allSatisfy { $0.isASCII }
        }, "no single-order customer in the demo data")
        let order = byCustomer[candidate]![0]
        let number = order["order_number"] as! String
        let from = OrderState(rawValue: order["state"] as! String)!

        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)")
        try desk.waitFor("row 1 of 3,000")
        try desk.press("/")
        try desk.type(candidate)
        try desk.waitFor("row 1 of 1")
        try desk.waitFor(number)
        try desk.press("Enter") // keep the search
        try desk.press("m")
        try desk.waitFor("Move order \(number) from \(from.label)")
        let position = Workflow.allowedTargets(from: from).firstIndex(of: .cancelled)! + 1
        try desk.type(String(position))
        try desk.waitFor("Reason code")
        try desk.press("Right") // the second cancel reason
        try desk.press("Tab")
        try desk.type("Customer signed with a competitor")
        try desk.press("Enter")
        try desk.waitFor("Order \(number) moved to cancelled.")
        try desk.waitFor("× cancelled")
        try desk.press("q")
        try desk.waitFor("EXIT=0")

        let after = try DemoFixture.orders(in: db, states: [.cancelled])
        let changed = try #require(after.first { $0["order_number"] as? String == number })
        #expect(changed["state"] as? String == "cancelled")
        #expect(changed["reason_code"] as? String == ReasonCode.cancelled[1].code)

        let show = try Binary.run(["order", "show", number, "--db", db])
        #expect(show.status == 0)
        let historyLine = show.stdout.split(separator: "\n").first { $0.contains("state: \(from.rawValue) -> cancelled") }
        #expect(historyLine != nil, "history lacks the move:\n\(show.stdout)")
        let me = getpwuid(geteuid()).map { [String(cString: $0.pointee.pw_name), String(cString: $0.pointee.pw_gecos)] } ?? []
        #expect(me.contains { !$0.isEmpty && historyLine?.contains($0) == true }, "history names who moved it: \(historyLine ?? "")")
        #expect(show.stdout.contains("Customer signed with a competitor"))
    }

    @Test func aChangeFromAnotherProcessAppearsWithinTwoSeconds() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let orders = try DemoFixture.orders(in: db, states: [.submitted])
        let order = try #require(orders.first)
        let number = order["order_number"] as! String

        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)")
        try desk.waitFor("row 1 of 3,000")
        try desk.press("/")
        try desk.type(number)
        try desk.waitFor("○ submitted")

        let users = try Binary.run(["users", "list", "--db", db]).stdout.split(separator: "\n")
        let someoneElse = try #require(users.map { $0.split(separator: "\t") }.first { $0.last == "supervisor" })
        let move = try Binary.run(["order", "move", number, "--to", "held", "--reason", "HLD-PERMIT",
                                   "--user", String(someoneElse[0]), "--db", db])
        #expect(move.status == 0, "\(move.stderr)")
        try desk.waitFor("‖ held", timeout: .seconds(2))
        try desk.press("Enter") // leave the search field, so q is a command again
        try desk.press("q")
        try desk.waitFor("EXIT=0")
    }

    @Test func terminationSignalsRestoreTheTerminal() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)")
        try desk.waitFor("row 1 of 3,000")
        let pid = try #require(try desk.programPID(), "no program in the pane")
        #expect(kill(pid, SIGTERM) == 0)
        let screen = try desk.waitFor("EXIT=143")
        #expect(!screen.contains("row 1 of 3,000"), "the desk's screen is gone: the terminal left the alternate screen")
    }

    @Test func resizingDownToATinyWindowAndBackNeverCrashes() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)", columns: 100, rows: 30)
        try desk.waitFor("row 1 of 3,000")
        try desk.resize(columns: 40, rows: 10)
        try desk.waitFor("Terminal too small: 40×10.")
        try desk.resize(columns: 8, rows: 3)
        try desk.resize(columns: 80, rows: 24)
        try desk.waitFor("row 1 of 3,000")
        try desk.press("q")
        try desk.waitFor("EXIT=0")
    }

    @Test func noColourStillMarksEveryState() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)", environment: ["NO_COLOR": "1"])
        let screen = try desk.waitFor("row 1 of 3,000")
        let symbols = OrderState.allCases.map(\.symbol).filter { screen.contains($0) }
        #expect(symbols.count >= 3, "state symbols on screen: \(symbols)")
        try desk.press("q")
        try desk.waitFor("EXIT=0")
    }
}

struct CommandLineTests {
    @Test func withoutATerminalTheDeskExplainsAndExitsWithStatus2() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let result = try Binary.run(["--db", db])
        #expect(result.status == 2)
        #expect(result.stderr.contains("terminal"))
    }

    @Test func aMissingDatabaseSaysHowToMakeOne() throws {
        let directory = try TemporaryDirectory()
        let result = try Binary.run(["--db", directory.path + "/none.sqlite"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("orderdesk demo"))
        #expect(result.stderr.contains("orderdesk init"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/none.sqlite"), "nothing created")
    }

    @Test func userOverrideIsRefusedOnRealData() throws {
        let directory = try TemporaryDirectory()
        let db = directory.path + "/real.sqlite"
        let created = try Binary.run(["init", "--db", db])
        #expect(created.status == 0, "\(created.stderr)")
        let list = try Binary.run(["users", "list", "--db", db])
        #expect(list.stdout.hasSuffix("\tadmin\n"))
        let added = try Binary.run(["users", "add", "kim.lee", "--name", "Kim Lee", "--role", "viewer", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        let refused = try Binary.run(["users", "add", "x.y", "--name", "X", "--role", "admin", "--user", "kim.lee", "--db", db])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--user is accepted only on a demo database"))
        let badRole = try Binary.run(["users", "add", "x.y", "--name", "X", "--role", "boss", "--db", db])
        #expect(badRole.status != 0)
        #expect(badRole.stderr.contains("account_manager"))
    }

    @Test func exportFiltersByStateAndRefusesUnknownStates() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let csv = try Binary.run(["export", "orders", "--format", "csv", "--state", "not_done", "--db", db])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,order_number,customer_id,customer_name,account_number") == true)
        #expect(lines.count > 1)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",not_done,") })
        let number = String(lines[1].split(separator: ",")[1])
        let note = try Binary.run(["order", "note", number, "=HYPERLINK(\"x\")", "--db", db])
        #expect(note.status == 0, "\(note.stderr)")
        #expect(try Binary.run(["order", "show", number, "--db", db]).stdout.contains("=HYPERLINK"))
        let bad = try Binary.run(["export", "orders", "--state", "nonsense", "--db", db])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("not_done"))
    }
}

struct TerminalStartTests {
    @Test func anUnusableTermSaysSoAndExitsWithStatus2() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let desk = try TmuxSession(command: "TERM=no-such-terminal \(Binary.url.path) --db \(db)")
        let screen = try desk.waitFor("EXIT=2")
        #expect(screen.contains("no-such-terminal"))
    }
}

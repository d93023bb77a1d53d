import Foundation
import Testing

/// keys.toml and the `:` history as the real desk reads them at start-up, under tmux: the user's story of
/// rebinding a key, reading the problem the desk reports, and finding yesterday's commands again.
@Suite(.serialized) struct KeysFileEndToEndTests {
    /// The desk on a copy of the demo with `$XDG_CONFIG_HOME` and `$XDG_STATE_HOME` in `folder`; returns once
    /// `ready` shows (a long message on the status line hides the queue's position).
    func openDesk(db: String, folder: TemporaryDirectory, ready: String = "row 1 of 3,000", columns: Int = 160,
                  rows: Int = 40) throws -> TmuxSession {
        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)", columns: columns, rows: rows,
                                   environment: ["XDG_CONFIG_HOME": folder.path + "/config",
                                                 "XDG_STATE_HOME": folder.path + "/state", "NO_COLOR": ""])
        try desk.waitFor(ready)
        return desk
    }

    @Test func aRebindingWorksEverywhereAndItsBadLineIsShownWithItsLine() throws {
        let folder = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: folder)
        let file = folder.path + "/config/orderdesk/keys.toml"
        try FileManager.default.createDirectory(atPath: folder.path + "/config/orderdesk", withIntermediateDirectories: true)
        try "[queue]\n\"order.take\" = \"T\"\n\"order.tak\" = \"Y\"\n".write(toFile: file, atomically: true, encoding: .utf8)

        let desk = try openDesk(db: db, folder: folder, ready: "keys.toml:3: unknown command order.tak")
        #expect(try desk.screen().contains("Keys: \(file):3:"), "the status line names the file and line")

        // The footer offers T for take, and t runs nothing in the queue any more.
        let opened = try desk.screen()
        let footer = opened.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        #expect(footer.contains("T take") && !footer.contains("t take"), "footer: \(footer)")
        try desk.press("t")
        try desk.waitFor("No command on 't' here.")

        // The help shows T beside order.take.
        try desk.press("?")
        let help = try desk.waitFor("order.take")
        let takeLine = try #require(help.split(separator: "\n").first { $0.contains("order.take") })
        #expect(takeLine.contains(try Regex(#"\bT\s+order\.take"#)), "help line: \(takeLine)")
        try desk.press("Escape")
        try desk.waitUntil(description: "help closed") { !$0.contains("Take the order") }

        // T takes the first order: its owner becomes the desk's user.
        let first = try #require(try DemoFixture.queueFirstOrder(on: desk), "no order number on the first row")
        try desk.press("T")
        try desk.waitFor("Order \(first) is yours now.")
        try desk.press("q")
        try desk.waitFor("EXIT=0")
        let after = try #require(try DemoFixture.orders(in: db).first { $0["order_number"] as? String == first })
        let me = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? ""
        #expect(after["owner_login"] as? String == me, "owner after T: \(after["owner_login"] ?? "none")")
    }

    @Test func theCommandHistorySurvivesARestart() throws {
        let folder = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: folder)
        do {
            let desk = try openDesk(db: db, folder: folder)
            try desk.press(":")
            try desk.type("queue.sort_direction")
            try desk.press("Enter")
            try desk.waitUntil(description: "the : line closed") { !$0.contains(":queue.sort_direction") }
            try desk.press("q")
            try desk.waitFor("EXIT=0")
        }
        let saved = try String(contentsOfFile: folder.path + "/state/orderdesk/history", encoding: .utf8)
        #expect(saved == "queue.sort_direction\n")

        let desk = try openDesk(db: db, folder: folder)
        try desk.press(":")
        try desk.press("Up")
        try desk.waitFor(":queue.sort_direction")
        try desk.press("Escape")
        try desk.press("q")
        try desk.waitFor("EXIT=0")
    }
}

extension DemoFixture {
    /// The order number on the queue's selected (first) row, read from the screen.
    static func queueFirstOrder(on desk: TmuxSession) throws -> String? {
        // The first line that starts with an order number is the selected row (the header comes before it).
        for line in try desk.screen().split(separator: "\n") {
            let words = line.split(separator: " ")
            if let first = words.first, first.count == 8, first.allSatisfy(\.isNumber) { return String(first) }
        }
        return nil
    }
}

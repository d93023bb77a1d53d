@testable import OrderDeskTerminal
import Testing

/// The TOML subset shared by themes, `config.toml` and `keys.toml`: values, tables, quoted keys, and each
/// problem on its line while the rest of the file still counts.
struct TOMLSubsetTests {
    @Test func valuesTablesAndQuotedKeysAreReadWithTheirLines() {
        let text = """
            # a comment
            theme = "light"   # trailing comment with "quotes"
            mouse = false
            depth = -12_000

            [queue]
            "order.take" = "T"
            'order.note' = ['n', "ctrl-n"]
            "order.move" = []
            colour = "#ff0000"
            """
        let document = TOMLSubset.parse(text, file: "keys.toml")
        #expect(document.issues.isEmpty)
        #expect(document.tables == [TOMLSubset.Table(name: "queue", line: 6)])
        #expect(document.entries(in: nil).map(\.key) == ["theme", "mouse", "depth"])
        #expect(document.entries(in: nil).map(\.value) == [.string("light"), .boolean(false), .integer(-12_000)])
        #expect(document.entries(in: "queue") == [
            TOMLSubset.Entry(table: "queue", key: "order.take", value: .string("T"), line: 7),
            TOMLSubset.Entry(table: "queue", key: "order.note", value: .array([.string("n"), .string("ctrl-n")]), line: 8),
            TOMLSubset.Entry(table: "queue", key: "order.move", value: .array([]), line: 9),
            TOMLSubset.Entry(table: "queue", key: "colour", value: .string("#ff0000"), line: 10),
        ])
    }

    @Test func eachProblemIsReportedOnItsLineAndTheRestStillCounts() {
        let text = """
            good = 1
            no equals sign
            unterminated = "abc
            [broken
            hidden = 2
            [ok]
            twice = 1
            twice = 2
            after = "x" y
            array = [1, 2
            [ok]
            last = true
            """
        let document = TOMLSubset.parse(text, file: "f.toml")
        #expect(document.issues.map(\.line) == [2, 3, 4, 8, 9, 10, 11])
        #expect(document.issues.allSatisfy { $0.description.hasPrefix("f.toml:") })
        #expect(document.issues[0].message.contains("expected key = value"))
        #expect(document.issues[3].message == "key twice appears twice (first on line 7); the first one counts")
        #expect(document.issues[5].message.contains("one line"))
        #expect(document.issues[6].message == "table [ok] appears twice")
        // A key under a broken header is dropped rather than moved to the top level.
        #expect(document.entries.map(\.key) == ["good", "twice", "last"])
    }

    @Test func stringEscapesAndLiteralStrings() {
        #expect(TOMLSubset.parseValue(#""a\"b\\c\td""#) == .success(.string("a\"b\\c\td")))
        #expect(TOMLSubset.parseValue(#"'C:\path'"#) == .success(.string(#"C:\path"#)))
        guard case .failure(let error) = TOMLSubset.parseValue(#""\q""#) else { Issue.record("\\q accepted"); return }
        #expect(error.message.contains("unsupported escape"))
    }
}

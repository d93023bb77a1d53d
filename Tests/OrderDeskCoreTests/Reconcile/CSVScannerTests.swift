import Testing
@testable import OrderDeskCore

/// The scanner gives the same rows, fields and line numbers whatever the chunk size, so rows that
/// straddle a read (or are longer than the buffer) come out whole.
struct CSVScannerTests {
    static let text = "a, b ,\"c,1\"\r\n\"multi\nline\",\"say \"\"hi\"\"\",\r\n\nlast,\"x\"  ,  y\rcr,only\n\"unclosed,z"

    static func scan(_ text: String, chunk: Int) throws -> [(line: Int, fields: [String], error: String?)] {
        var scanner = CSVScanner(source: BytesExportSource(name: "t.csv", text: text), side: .ida, progress: nil, chunkSize: chunk)
        try scanner.skipByteOrderMark()
        var rows: [(Int, [String], String?)] = []
        var decoder = FieldText()
        while try scanner.nextRow() {
            rows.append((scanner.line, scanner.fields.map { decoder.decode(scanner.bytes, $0) }, scanner.rowError))
        }
        return rows
    }

    @Test func rowsAreTheSameForEveryChunkSize() throws {
        let expected = try Self.scan(Self.text, chunk: 1 << 16)
        #expect(expected.map(\.fields) == [
            ["a", "b", "c,1"], ["multi\nline", "say \"hi\"", ""], [""], ["last", "x", "y"], ["cr", "only"], ["unclosed,z"],
        ])
        #expect(expected.map(\.line) == [1, 2, 4, 5, 6, 7])
        #expect(expected.last?.error == "a quoted field is not closed (a quote is missing)")
        for chunk in 1...40 {
            let rows = try Self.scan(Self.text, chunk: chunk)
            #expect(rows.map(\.fields) == expected.map(\.fields), "chunk \(chunk)")
            #expect(rows.map(\.line) == expected.map(\.line), "chunk \(chunk)")
            #expect(rows.map(\.error) == expected.map(\.error), "chunk \(chunk)")
        }
    }

    @Test func aRowLongerThanTheBufferComesOutWhole() throws {
        let long = String(repeating: "x", count: 5_000)
        let rows = try Self.scan("h1,h2\n\(long),\"\(long)\"\nend,1\n", chunk: 64)
        #expect(rows.map { $0.fields.map(\.count) } == [[2, 2], [5_000, 5_000], [3, 1]])
    }

    @Test func textAfterAClosingQuoteIsAnError() throws {
        let rows = try Self.scan("\"a\"b,c\n", chunk: 8)
        #expect(rows.first?.error == "field 1 has text after its closing quote")
    }
}

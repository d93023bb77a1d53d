/// The machine-readable forms of a reconciliation: FORMATS.md's JSON document and CSV for the teams
/// that fix the data.
public enum ReconcileReport {
    /// FORMATS.md's document, laid out like `json.dumps(indent=1)`.
    public static func json(_ result: ReconcileResult) -> String {
        String(decoding: jsonBytes(result), as: UTF8.self)
    }

    /// The document as UTF-8, built in one buffer (a million-row run has a hundred thousand differences).
    public static func jsonBytes(_ result: ReconcileResult) -> [UInt8] {
        var out = JSONBuffer(capacity: 300 + result.differences.count * 240)
        let s = result.summary
        out.raw("{\n \"summary\": {\n")
        out.raw("  \"ida_rows\": \(s.idaRows),\n  \"sfdc_rows\": \(s.sfdcRows),\n  \"matched\": \(s.matched),\n")
        out.raw("  \"differences\": \(s.differences),\n  \"by_kind\": {\n")
        for (n, kind) in DifferenceKind.allCases.enumerated() {
            out.raw(n == 0 ? "   " : ",\n   ")
            out.string(kind.rawValue)
            out.raw(": \(s.byKind[kind] ?? 0)")
        }
        out.raw("\n  }\n },\n \"differences\": [")
        for (n, d) in result.differences.enumerated() {
            out.raw(n == 0 ? "\n  {\n   \"kind\": " : ",\n  {\n   \"kind\": ")
            out.string(d.kind.rawValue)
            out.raw(",\n   \"ida_order\": "); out.string(d.idaOrder)
            out.raw(",\n   \"sfdc_id\": "); out.string(d.sfdcID)
            out.raw(",\n   \"field\": "); out.string(d.field?.rawValue)
            out.raw(",\n   \"ida_value\": "); out.string(d.idaValue)
            out.raw(",\n   \"sfdc_value\": "); out.string(d.sfdcValue)
            out.raw(",\n   \"matched_by\": "); out.string(d.matchedBy?.rawValue)
            out.raw("\n  }")
        }
        out.raw(result.differences.isEmpty ? "],\n \"rejected_rows\": [" : "\n ],\n \"rejected_rows\": [")
        for (n, r) in result.rejectedRows.enumerated() {
            out.raw(n == 0 ? "\n  {\n   \"file\": " : ",\n  {\n   \"file\": ")
            out.string(r.file.rawValue)
            out.raw(",\n   \"line\": \(r.line),\n   \"error\": ")
            out.string(r.error)
            out.raw("\n  }")
        }
        out.raw(result.rejectedRows.isEmpty ? "]\n}\n" : "\n ]\n}\n")
        return out.bytes
    }

    /// The CSV header of `csvRow`.
    public static let csvHeader = "kind,ida_order,sfdc_id,field,ida_value,sfdc_value,matched_by"

    /// One difference as a CSV row, every cell guarded against formula injection.
    public static func csvRow(_ d: Difference) -> String {
        [d.kind.rawValue, d.idaOrder ?? "", d.sfdcID ?? "", d.field?.rawValue ?? "", d.idaValue ?? "",
         d.sfdcValue ?? "", d.matchedBy?.rawValue ?? ""].map(SpreadsheetSafety.csvField).joined(separator: ",")
    }

    /// Every difference as CSV, header first (rejected rows are not differences: see `json` or the table).
    public static func csv(_ differences: [Difference]) -> String {
        ([csvHeader] + differences.map(csvRow)).joined(separator: "\n") + "\n"
    }
}

/// JSON text as UTF-8 bytes.
struct JSONBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Text that needs no escaping.
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A string literal with JSON's escapes, or `null`.
    mutating func string(_ value: String?) {
        guard let value else { bytes.append(contentsOf: "null".utf8); return }
        bytes.append(0x22)
        for c in value.utf8 {
            switch c {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]])
            default: bytes.append(c)
            }
        }
        bytes.append(0x22)
    }
}

/// The machine-readable forms of a reconciliation: FORMATS.md's JSON document and CSV for the teams
/// that fix the data.
public enum ReconcileReport {
    /// FORMATS.md's document, laid out like `json.dumps(indent=1)`.
    public static func json(_ result: ReconcileResult) -> String {
        var out = ""
        out.reserveCapacity(200 + result.differences.count * 220)
        let s = result.summary
        out += "{\n \"summary\": {\n"
        out += "  \"ida_rows\": \(s.idaRows),\n  \"sfdc_rows\": \(s.sfdcRows),\n  \"matched\": \(s.matched),\n"
        out += "  \"differences\": \(s.differences),\n  \"by_kind\": {\n"
        out += DifferenceKind.allCases.map { "   \(string($0.rawValue)): \(s.byKind[$0] ?? 0)" }.joined(separator: ",\n")
        out += "\n  }\n },\n \"differences\": ["
        for (n, d) in result.differences.enumerated() {
            out += n == 0 ? "\n" : ",\n"
            out += "  {\n   \"kind\": \(string(d.kind.rawValue)),\n   \"ida_order\": \(string(d.idaOrder)),\n"
            out += "   \"sfdc_id\": \(string(d.sfdcID)),\n   \"field\": \(string(d.field?.rawValue)),\n"
            out += "   \"ida_value\": \(string(d.idaValue)),\n   \"sfdc_value\": \(string(d.sfdcValue)),\n"
            out += "   \"matched_by\": \(string(d.matchedBy?.rawValue))\n  }"
        }
        out += result.differences.isEmpty ? "],\n" : "\n ],\n"
        out += " \"rejected_rows\": ["
        for (n, r) in result.rejectedRows.enumerated() {
            out += n == 0 ? "\n" : ",\n"
            out += "  {\n   \"file\": \(string(r.file.rawValue)),\n   \"line\": \(r.line),\n   \"error\": \(string(r.error))\n  }"
        }
        out += result.rejectedRows.isEmpty ? "]\n}\n" : "\n ]\n}\n"
        return out
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

    /// A JSON string literal, or `null`.
    static func string(_ value: String?) -> String {
        guard let value else { return "null" }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Neutralises text that a spreadsheet would run as a formula.
public enum SpreadsheetSafety {
    /// Prefixes a `'` to cells that start with `=`, `+`, `-`, `@`, tab or carriage return.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + cell
        default: return cell
        }
    }

    /// One CSV field: guarded, then quoted when it holds a comma, quote or line break.
    public static func csvField(_ value: String) -> String {
        let safe = neutralise(value)
        if safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return safe
    }
}

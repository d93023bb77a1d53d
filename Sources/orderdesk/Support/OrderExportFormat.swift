import Foundation
import OrderDeskCore
import OrderDeskStore

/// The columns of `orderdesk export orders`, in order, with how each is written.
enum OrderExportFormat {
    /// A value as CSV and JSON write it: text, a number, a boolean or nothing.
    enum Value {
        case text(String), integer(Int64), money(Money), flag(Bool), none
    }

    static let columns = [
        "id", "order_number", "customer_id", "customer_name", "account_number", "location_id", "new_location_id", "type", "state",
        "channel", "owner_id", "owner_login", "owner_name", "mrr", "nrc", "term_months", "booked_on", "state_since",
        "days_in_state", "install_on", "submitted_on", "bill_start_on", "reason_code", "escalated", "version",
    ]

    static func values(_ row: OrderExportRow, now: Int64) -> [Value] {
        func day(_ d: Day?) -> Value { d.map { .text($0.iso) } ?? .none }
        func text(_ s: String?) -> Value { s.map { .text($0) } ?? .none }
        return [
            .integer(row.id), .text(row.orderNumber), .integer(row.customerID), .text(row.customerName),
            .text(row.accountNumber), row.locationID.map { .integer($0) } ?? .none,
            row.newLocationID.map { .integer($0) } ?? .none, .text(row.type.rawValue),
            .text(row.state.rawValue), .text(row.channel.rawValue), row.ownerID.map { .integer($0) } ?? .none,
            text(row.ownerLogin), text(row.ownerName), .money(row.mrr), .money(row.nrc), .integer(Int64(row.termMonths)),
            day(row.bookedOn), .text(Timestamp.iso(row.stateSince)),
            .integer(Int64(max(0, (now - row.stateSince) / 86_400))), day(row.installOn), day(row.submittedOn),
            day(row.billStartOn), text(row.reasonCode), .flag(row.escalated), .integer(row.version),
        ]
    }

    static func csvLine(_ values: [Value]) -> String {
        values.map { value -> String in
            switch value {
            case .text(let s): return SpreadsheetSafety.csvField(s)
            case .integer(let n): return String(n)
            case .money(let m): return m.plain
            case .flag(let b): return b ? "true" : "false"
            case .none: return ""
            }
        }.joined(separator: ",")
    }

    static func jsonObject(_ values: [Value]) -> String {
        var out = "{"
        for (i, (name, value)) in zip(columns, values).enumerated() {
            if i > 0 { out += "," }
            out += "\"" + name + "\":"
            switch value {
            case .text(let s): out += JSONText.quoted(s)
            case .integer(let n): out += String(n)
            case .money(let m): out += m.plain
            case .flag(let b): out += b ? "true" : "false"
            case .none: out += "null"
            }
        }
        return out + "}"
    }
}

/// JSON string escaping by hand: cheaper than an encoder per row on a million rows.
enum JSONText {
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Buffered writing to standard output.
final class OutputBuffer {
    private var buffer = Data()
    private let handle: FileHandle

    init(handle: FileHandle = .standardOutput) { self.handle = handle }

    /// A buffer writing to a new (or emptied) file.
    static func creating(path: String) throws -> OutputBuffer {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CLIError.badValue(option: "path", value: path, expected: "a file that can be written")
        }
        return OutputBuffer(handle: try FileHandle(forWritingTo: URL(fileURLWithPath: path)))
    }

    /// Writes what is left and closes the file.
    func close() throws {
        flush()
        try handle.close()
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

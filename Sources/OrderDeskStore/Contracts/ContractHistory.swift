import GRDB
import OrderDeskCore

/// A contract's history: its audit rows, newest first, in words.
enum ContractHistory {
    /// The history shows the latest this many rows: years of a contract's life, and a bound on the work
    /// of opening one with a very long history.
    static let cap = 500

    static func entries(_ db: Database, contractID: Int64) throws -> [ContractHistoryEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT a.at, u.login, a.action, a.field, a.old_value, a.new_value
                FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
                WHERE a.entity = 'contract' AND a.entity_id = ?
                ORDER BY a.at DESC, a.id DESC LIMIT ?
                """,
            arguments: [contractID, cap]
        ).map { row in
            ContractHistoryEntry(
                at: row[0], actorLogin: row[1], action: action(row[2]),
                detail: detail(field: row[3], old: row[4], new: row[5]))
        }
    }

    /// The audit action as the history names it: `create` → `created`, `update` → `edited`, `submit` → `submitted`.
    static func action(_ raw: String) -> String {
        switch raw {
        case "create": return "created"
        case "update": return "edited"
        case "submit": return "submitted"
        case "withdraw": return "withdrawn"
        case "approve": return "approved"
        case "reject": return "rejected"
        case "send": return "sent"
        case "activate": return "activated"
        case "terminate": return "terminated"
        case "expire": return "expired"
        default: return raw
        }
    }

    /// An audit row in words: `status draft → pending approval`, `"Too deep a discount."`,
    /// `term 36 months → 24 months`, `reason: "Customer closed the site."`.
    static func detail(field: String?, old: String?, new: String?) -> String {
        guard let field else { return new ?? "" }
        switch field {
        case "status":
            func label(_ raw: String?) -> String { raw.map { ContractStatus(rawValue: $0)?.label ?? $0 } ?? "–" }
            return "status \(label(old)) → \(label(new))"
        case "comment": return "\"\(new ?? "")\""
        case "reason": return "reason: \"\(new ?? "")\""
        case "route": return new ?? ""
        default:
            return "\(label(field)) \(old ?? "–") → \(new ?? "–")"
        }
    }

    /// A field's name as people read it in the history.
    static func label(_ field: String) -> String {
        switch field {
        case "start_on": return "start"
        case "end_on": return "end"
        case "sent_on": return "sent on"
        case "terminated_on": return "terminated on"
        default: return field.replacingOccurrences(of: "_", with: " ")
        }
    }
}

import GRDB
import OrderDeskCore

/// A customer's timeline: its notes, its orders' notes, and the audit rows of the customer, its
/// locations, contacts, documents and orders, merged newest first.
enum CustomerTimeline {
    /// The timeline shows the latest this many entries: enough for years of a customer's history on one
    /// screen, and a bound on the work of opening a customer with a very long one.
    static let cap = 500

    static func entries(_ db: Database, customerID: Int64) throws -> [TimelineEntry] {
        // Each part keeps its own newest `cap`: the newest `cap` of the union are among them.
        let notes = try Row.fetchAll(
            db,
            sql: """
                SELECT at, actor, subject, text, id FROM (
                  SELECT n.at, COALESCE(u.name, u.login, 'system') AS actor, 'customer' AS subject, n.text, n.id
                  FROM customer_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.customer_id = ?
                  UNION ALL
                  SELECT n.at, COALESCE(u.name, u.login, 'system'), 'order ' || o.order_number, n.text, n.id
                  FROM orders o JOIN order_notes n ON n.order_id = o.id LEFT JOIN users u ON u.id = n.author_id
                  WHERE o.customer_id = ?)
                ORDER BY at DESC, id DESC LIMIT ?
                """,
            arguments: [customerID, customerID, cap]
        ).map { (at: $0["at"] as Int64, id: $0["id"] as Int64, entry: TimelineEntry(
            at: $0["at"], actor: $0["actor"], kind: .note, subject: $0["subject"], text: $0["text"])) }

        // Notes are audited too (action 'note'); the note itself is on the timeline already.
        let changes = try Row.fetchAll(
            db,
            sql: """
                SELECT a.id, a.at, COALESCE(u.name, u.login, 'system') AS actor, x.subject, a.action, a.field,
                       a.old_value, a.new_value
                FROM (
                  SELECT 'customer' AS entity, ? AS entity_id, 'customer' AS subject
                  UNION ALL SELECT 'order', id, 'order ' || order_number FROM orders WHERE customer_id = ?
                  UNION ALL SELECT 'location', id, 'location ' || street FROM locations WHERE customer_id = ?
                  UNION ALL SELECT 'contact', id, 'contact ' || name FROM contacts WHERE customer_id = ?
                  UNION ALL SELECT 'document', id, 'document ' || upper(kind) FROM porting_documents WHERE customer_id = ?
                ) x
                CROSS JOIN audit_log a ON a.entity = x.entity AND a.entity_id = x.entity_id
                LEFT JOIN users u ON u.id = a.actor_id
                WHERE a.action != 'note'
                ORDER BY a.at DESC, a.id DESC LIMIT ?
                """,
            arguments: [customerID, customerID, customerID, customerID, customerID, cap]
        ).map { row in
            (at: row["at"] as Int64, id: row["id"] as Int64, entry: TimelineEntry(
                at: row["at"], actor: row["actor"], kind: .change, subject: row["subject"],
                text: describe(action: row["action"], field: row["field"], old: row["old_value"], new: row["new_value"])))
        }
        // Newest first; at the same second, later rows first, and a change before a note written with it.
        let merged = (notes.map { ($0.at, 0, $0.id, $0.entry) } + changes.map { ($0.at, 1, $0.id, $0.entry) })
            .sorted { a, b in (a.0, a.1, a.2) > (b.0, b.1, b.2) }
        return merged.prefix(cap).map(\.3)
    }

    /// An audit row in words: `state: scheduled → installed`, `email: – → ana@example.com`, `created`.
    static func describe(action: String, field: String?, old: String?, new: String?) -> String {
        guard let field else {
            switch action {
            case "create": return "created"
            case "remove": return "removed"
            default: return action
            }
        }
        let label = field.replacingOccurrences(of: "_", with: " ")
        if action == "create" { return "\(label): \(new ?? "–")" }
        return "\(label): \(old ?? "–") → \(new ?? "–")"
    }
}

import GRDB
import OrderDeskCore

/// The SELECTs and decoders of contracts, shared by the list, the detail and the writes (which return
/// what they saved, read back the same way).
enum ContractSQL {
    /// `CSA-000123`: the contract's id, zero-padded to six digits (seven and more past a million).
    static func number(_ id: Int64) -> String { "CSA-" + zeroPadded(Int(id), width: 6) }

    /// The id in `CSA-000123`, `csa-123` or `123` (spaces around are ignored); nil for anything else.
    static func id(fromNumber text: String) -> Int64? {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        if digits.count > 4, digits.prefix(4).lowercased() == "csa-" { digits = digits.dropFirst(4) }
        guard (1...12).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }

    /// `what` of the errors that name a contract for people.
    static func what(_ number: String) -> String { "contract " + number }

    /// One row of the contracts list, from `table` (`contracts c`, perhaps with the index to walk).
    /// CROSS JOIN keeps contracts the outer loop, so a page is read in the order of that index and stops
    /// at the limit.
    static func rowSelect(from table: String = "contracts c") -> String {
        """
        SELECT c.id, c.number, c.customer_id, cu.name AS customer_name, c.kind, c.status, c.term_months, c.start_on,
               c.end_on, c.mrr_cents, owner.login AS owner_login, c.required_level
        FROM \(table) CROSS JOIN customers cu ON cu.id = c.customer_id
        LEFT JOIN users owner ON owner.id = c.owner_id
        """
    }

    static func row(_ row: Row) throws -> ContractRow {
        ContractRow(
            id: row["id"], number: row["number"], customerID: row["customer_id"], customerName: row["customer_name"],
            kind: try decode(ContractKind.self, row["kind"], column: "contracts.kind"),
            status: try decode(ContractStatus.self, row["status"], column: "contracts.status"),
            termMonths: row["term_months"], startOn: try QueueRow.day(row["start_on"], column: "contracts.start_on"),
            endOn: try QueueRow.day(row["end_on"], column: "contracts.end_on"), mrr: Money(cents: row["mrr_cents"]),
            ownerLogin: row["owner_login"],
            requiredLevel: try decode(ApprovalLevel.self, row["required_level"], column: "contracts.required_level"))
    }

    /// Everything of one contract but its lines and history, with the names the detail shows.
    static let detailSelect = """
        SELECT c.id, c.number, c.customer_id, c.kind, c.parent_id, c.status, c.term_months, c.start_on, c.location_id,
               c.construction_cost_cents, c.monthly_cost_cents, c.commission_cents, c.owner_id, c.submitted_by,
               c.submitted_at, c.required_level, c.needs_comment, c.decision, c.decided_at, c.decision_comment, c.sent_on,
               c.terminated_on, c.version, c.updated_at,
               cu.name AS customer_name, cu.account_number, parent.number AS parent_number,
               l.street, l.city, l.state_code, l.zip,
               owner.login AS owner_login, owner.name AS owner_name, submitter.login AS submitted_by_login,
               decider.login AS decided_by_login, editor.login AS updated_by_login
        FROM contracts c
        JOIN customers cu ON cu.id = c.customer_id
        LEFT JOIN contracts parent ON parent.id = c.parent_id
        LEFT JOIN locations l ON l.id = c.location_id
        LEFT JOIN users owner ON owner.id = c.owner_id
        LEFT JOIN users submitter ON submitter.id = c.submitted_by
        LEFT JOIN users decider ON decider.id = c.decided_by
        LEFT JOIN users editor ON editor.id = c.updated_by
        """

    /// The lines of a contract in the editor's order, each product with the prices it was priced at.
    static let linesSelect = """
        SELECT l.product_id, p.code, p.name, p.family, l.list_mrr_cents, l.floor_mrr_cents, l.list_nrc_cents, l.quantity,
               l.unit_mrr_cents, l.unit_nrc_cents, l.nrc_waived
        FROM contract_lines l JOIN products p ON p.id = l.product_id
        WHERE l.contract_id = ? ORDER BY l.position
        """

    static func lines(_ db: Database, contractID: Int64) throws -> [ContractLine] {
        try Row.fetchAll(db, sql: linesSelect, arguments: [contractID]).map { row in
            ContractLine(
                product: PriceBookProduct(
                    id: row[0], code: row[1], name: row[2], family: row[3], listMRR: Money(cents: row[4]),
                    floorMRR: Money(cents: row[5]), nrc: Money(cents: row[6])),
                quantity: row[7], unitMRR: Money(cents: row[8]), unitNRC: Money(cents: row[9]), nrcWaived: row[10] as Bool)
        }
    }

    /// The terms as stored: what the editor holds, what the route is computed from.
    static func terms(_ row: Row, lines: [ContractLine]) throws -> ContractDraft {
        ContractDraft(
            customerID: row["customer_id"], kind: try decode(ContractKind.self, row["kind"], column: "contracts.kind"),
            parentID: row["parent_id"], termMonths: row["term_months"],
            startOn: try QueueRow.day(row["start_on"], column: "contracts.start_on"), locationID: row["location_id"],
            lines: lines, constructionCost: Money(cents: row["construction_cost_cents"]),
            monthlyCost: Money(cents: row["monthly_cost_cents"]), commission: Money(cents: row["commission_cents"]))
    }

    /// `12 Main St, Bethpage, NY 11714`.
    static func address(street: String, city: String, state: String, zip: String) -> String {
        street + ", " + city + ", " + state + " " + zip
    }

    /// Everything about one contract, or nil when there is none.
    static func detail(_ db: Database, id: Int64) throws -> ContractDetail? {
        guard let row = try Row.fetchOne(db, sql: detailSelect + " WHERE c.id = ?", arguments: [id]) else { return nil }
        let terms = try terms(row, lines: try lines(db, contractID: id))
        var location: String?
        if let street = row["street"] as String? {
            location = address(street: street, city: row["city"], state: row["state_code"], zip: row["zip"])
        }
        var decision: ContractDecision?
        if let raw = row["decision"] as String?, let by = row["decided_by_login"] as String? {
            decision = ContractDecision(approved: raw == "approved", byLogin: by, at: row["decided_at"] ?? 0,
                                        comment: row["decision_comment"])
        }
        return ContractDetail(
            id: id, number: row["number"], status: try decode(ContractStatus.self, row["status"], column: "contracts.status"),
            terms: terms, customerName: row["customer_name"], accountNumber: row["account_number"],
            parentNumber: row["parent_number"], locationAddress: location, ownerLogin: row["owner_login"],
            ownerName: row["owner_name"], submittedByLogin: row["submitted_by_login"], submittedBy: row["submitted_by"],
            submittedAt: row["submitted_at"],
            requiredLevel: try decode(ApprovalLevel.self, row["required_level"], column: "contracts.required_level"),
            lastDecision: decision, sentOn: try QueueRow.day(row["sent_on"], column: "contracts.sent_on"),
            terminatedOn: try QueueRow.day(row["terminated_on"], column: "contracts.terminated_on"),
            version: row["version"], updatedAt: row["updated_at"], updatedByLogin: row["updated_by_login"],
            history: try ContractHistory.entries(db, contractID: id), policy: try AppDatabase.contractPolicy(db),
            needsComment: row["needs_comment"] as Bool)
    }

    static func decode<T: RawRepresentable>(_ type: T.Type, _ raw: String, column: String) throws -> T where T.RawValue == String {
        try CustomerRecordSQL.decode(type, raw, column: column)
    }
}

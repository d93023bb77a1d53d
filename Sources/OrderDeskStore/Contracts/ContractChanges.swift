import GRDB
import OrderDeskCore

/// Creating and saving a contract's terms: the checks below the editor (fields, customer, parent,
/// location, products), the lines with the prices they were priced at, the stored totals, the audit.
enum ContractChanges {
    static func create(_ db: Database, _ draft: ContractDraft, actor: UserAccount, now: Int64) throws -> Int64 {
        let user = try RecordWrite.actingUser(db, actor, may: "create contracts")
        try RecordWrite.requireValid(draft.validate())
        try RecordWrite.requireCustomer(db, draft.customerID)
        var errors = try referenceErrors(db, draft, contractID: nil)
        let lines = try pricedLines(db, draft.lines, stored: [], errors: &errors)
        try RecordWrite.requireValid(errors)
        var terms = draft
        terms.lines = lines
        let figures = ContractFigures(terms)

        // The number is the id, zero-padded: the next id after the highest (writes are serialized).
        let id = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM contracts") ?? 0) + 1
        let number = ContractSQL.number(id)
        try db.execute(
            sql: """
                INSERT INTO contracts(id, number, customer_id, kind, parent_id, status, term_months, start_on, end_on,
                  location_id, mrr_cents, list_mrr_cents, nrc_cents, nrc_waived_cents, construction_cost_cents,
                  monthly_cost_cents, commission_cents, owner_id, version, created_at, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
                """,
            arguments: [id, number, terms.customerID, terms.kind.rawValue, terms.parentID, terms.termMonths,
                        terms.startOn?.iso, terms.endOn?.iso, terms.locationID, figures.netMRR.cents, figures.listMRR.cents,
                        figures.nrcCharged.cents, figures.nrcWaived.cents, terms.constructionCost.cents,
                        terms.monthlyCost.cents, terms.commission.cents, user.id, now, user.id, now])
        try insertLines(db, contractID: id, lines)
        try Audit.append(db, at: now, actorID: user.id, entity: "contract", entityID: id, action: "create",
                         field: nil, old: nil, new: creationSummary(terms))
        return id
    }

    static func save(_ db: Database, id: Int64, _ draft: ContractDraft, expectedVersion: Int64, actor: UserAccount, now: Int64) throws {
        let user = try RecordWrite.actingUser(db, actor, may: "edit contracts")
        guard let row = try Row.fetchOne(db, sql: ContractSQL.detailSelect + " WHERE c.id = ?", arguments: [id]) else {
            throw OrderDeskError.recordNotFound(what: ContractSQL.what(ContractSQL.number(id)))
        }
        let number: String = row["number"]
        try RecordWrite.checkVersion(db, table: "contracts", id: id, expected: expectedVersion, what: ContractSQL.what(number))
        let status = try ContractSQL.decode(ContractStatus.self, row["status"], column: "contracts.status")
        try ContractLifecycle.check(.edit, facts(row, status: status), by: user)
        try RecordWrite.requireValid(draft.validate())
        let storedLines = try ContractSQL.lines(db, contractID: id)
        let old = try ContractSQL.terms(row, lines: storedLines)
        var errors: [FieldError] = []
        if draft.customerID != old.customerID {
            errors.append(FieldError(field: "customer", message: "\(number) is \(row["customer_name"] as String)'s: a contract's customer cannot change. Start a new contract for the other customer."))
        }
        if draft.parentID != old.parentID || draft.kind != old.kind || draft.locationID != old.locationID {
            errors += try referenceErrors(db, draft, contractID: id)
        }
        let lines = try pricedLines(db, draft.lines, stored: storedLines, errors: &errors)
        try RecordWrite.requireValid(errors)
        var terms = draft
        terms.lines = lines

        var update = RecordUpdate(db: db, table: "contracts", entity: "contract", id: id, actorID: user.id, now: now)
        update.set("kind", from: old.kind.rawValue, to: terms.kind.rawValue)
        if terms.parentID != old.parentID {
            update.setAlways("parent_id", terms.parentID,
                             audit: ("parent", row["parent_number"], try terms.parentID.map { try parentNumber(db, $0) }))
        }
        update.set("term_months", from: old.termMonths, to: terms.termMonths, field: "term", shown: { $0.map { "\($0) months" } })
        if terms.startOn != old.startOn {
            update.setAlways("start_on", terms.startOn?.iso, audit: ("start_on", old.startOn?.iso, terms.startOn?.iso))
        }
        if terms.endOn != old.endOn { update.setAlways("end_on", terms.endOn?.iso, audit: nil) }
        if terms.locationID != old.locationID {
            update.setAlways("location_id", terms.locationID,
                             audit: ("location", try old.locationID.map { try address(db, $0) }, try terms.locationID.map { try address(db, $0) }))
        }
        update.set("construction_cost_cents", from: old.constructionCost.cents, to: terms.constructionCost.cents,
                   field: "construction_cost", shown: money)
        update.set("monthly_cost_cents", from: old.monthlyCost.cents, to: terms.monthlyCost.cents, field: "monthly_cost", shown: money)
        update.set("commission_cents", from: old.commission.cents, to: terms.commission.cents, field: "commission", shown: money)
        let linesChanged = !same(lines, storedLines)
        if linesChanged {
            let figures = ContractFigures(terms)
            let before = linesSummary(storedLines)
            var after = linesSummary(lines)
            if after == before { after += " (lines changed)" }
            update.setAlways("mrr_cents", figures.netMRR.cents, audit: ("lines", before, after))
            update.setAlways("list_mrr_cents", figures.listMRR.cents, audit: nil)
            update.setAlways("nrc_cents", figures.nrcCharged.cents, audit: nil)
            update.setAlways("nrc_waived_cents", figures.nrcWaived.cents, audit: nil)
            try db.execute(sql: "DELETE FROM contract_lines WHERE contract_id = ?", arguments: [id])
            try insertLines(db, contractID: id, lines)
        }
        try update.save(action: "update")
    }

    // MARK: - Checks

    /// What the lifecycle needs from a `detailSelect` row.
    static func facts(_ row: Row, status: ContractStatus, startOn: Day? = nil) throws -> ContractFacts {
        ContractFacts(
            number: row["number"], status: status, submittedBy: row["submitted_by"],
            requiredLevel: try ContractSQL.decode(ApprovalLevel.self, row["required_level"], column: "contracts.required_level"),
            startOn: try startOn ?? QueueRow.day(row["start_on"], column: "contracts.start_on"))
    }

    /// The parent (the same customer's, in a status the kind may follow, not the contract itself) and the
    /// location (the customer's).
    static func referenceErrors(_ db: Database, _ draft: ContractDraft, contractID: Int64?) throws -> [FieldError] {
        var errors: [FieldError] = []
        if let parentID = draft.parentID, draft.needsParent {
            if let parent = try Row.fetchOne(db, sql: "SELECT number, customer_id, status FROM contracts WHERE id = ?", arguments: [parentID]) {
                let number: String = parent["number"]
                let status = ContractStatus(rawValue: parent["status"]) ?? .draft
                if parentID == contractID {
                    errors.append(FieldError(field: "parent", message: "A contract cannot follow itself: pick the contract it \(draft.kind == .renewal ? "renews" : "amends")."))
                } else if parent["customer_id"] as Int64 != draft.customerID {
                    errors.append(FieldError(field: "parent", message: "\(number) is another customer's contract: pick one of this customer's."))
                } else if draft.kind == .renewal && status != .active && status != .expired {
                    errors.append(FieldError(field: "parent", message: "A renewal follows an active or expired contract; \(number) is \(status.label)."))
                } else if draft.kind == .addendum && status != .active {
                    errors.append(FieldError(field: "parent", message: "An addendum amends an active contract; \(number) is \(status.label)."))
                }
            } else {
                errors.append(FieldError(field: "parent", message: "Contract #\(parentID) does not exist any more: pick the parent again."))
            }
        }
        if let locationID = draft.locationID {
            let owner = try Int64.fetchOne(db, sql: "SELECT customer_id FROM locations WHERE id = ?", arguments: [locationID])
            if owner != draft.customerID {
                errors.append(FieldError(field: "location", message: "Location #\(locationID) is not one of this customer's locations: pick one of theirs."))
            }
        }
        return errors
    }

    /// The lines as they will be stored: each product as the price book has it now, with the list, floor
    /// and NRC it was priced at. A line keeps the prices it carries when this contract already holds a
    /// line of that product priced so (an agreement is not repriced by a later price-book change);
    /// otherwise it takes the price book's prices now. A product gone from the price book is an error.
    static func pricedLines(_ db: Database, _ lines: [ContractLine], stored: [ContractLine], errors: inout [FieldError]) throws -> [ContractLine] {
        var priced: [ContractLine] = []
        for (i, line) in lines.enumerated() {
            guard let row = try Row.fetchOne(
                db, sql: "SELECT \(CustomerRecordSQL.productColumns) FROM products p WHERE p.id = ?", arguments: [line.product.id])
            else {
                errors.append(FieldError(field: "lines", message: "Line \(i + 1): \(line.product.code) is no longer in the price book: pick it again."))
                continue
            }
            let current = CustomerRecordSQL.product(row, from: 0)
            var product = current
            if stored.contains(where: { $0.product.id == current.id && prices($0.product) == prices(line.product) }) {
                product.listMRR = line.product.listMRR; product.floorMRR = line.product.floorMRR; product.nrc = line.product.nrc
            }
            var kept = line
            kept.product = product
            priced.append(kept)
        }
        return priced
    }

    private static func prices(_ product: PriceBookProduct) -> [Money] { [product.listMRR, product.floorMRR, product.nrc] }

    /// Whether two sets of lines store the same rows.
    static func same(_ a: [ContractLine], _ b: [ContractLine]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.product.id == y.product.id && prices(x.product) == prices(y.product) && x.quantity == y.quantity
                && x.unitMRR == y.unitMRR && x.unitNRC == y.unitNRC && x.nrcWaived == y.nrcWaived
        }
    }

    // MARK: - Writing

    static func insertLines(_ db: Database, contractID: Int64, _ lines: [ContractLine]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO contract_lines(contract_id, position, product_id, quantity, list_mrr_cents, floor_mrr_cents, list_nrc_cents,
              unit_mrr_cents, unit_nrc_cents, nrc_waived)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, line) in lines.enumerated() {
            try statement.execute(arguments: [
                contractID, position, line.product.id, line.quantity, line.product.listMRR.cents, line.product.floorMRR.cents,
                line.product.nrc.cents, line.unitMRR.cents, line.unitNRC.cents, line.nrcWaived,
            ])
        }
    }

    // MARK: - Words for the audit log

    /// `new, 36 months, 2 lines, $1,350.00 MRR`: what a new contract's audit row says.
    static func creationSummary(_ terms: ContractDraft) -> String {
        terms.kind.label + ", \(terms.termMonths) months, " + linesSummary(terms.lines)
    }

    /// `2 lines, $1,350.00 MRR`.
    static func linesSummary(_ lines: [ContractLine]) -> String {
        let mrr = lines.reduce(Money.zero) { $0 + $1.netMRR }
        return "\(lines.count) line" + (lines.count == 1 ? "" : "s") + ", $" + mrr.grouped + " MRR"
    }

    static func money(_ cents: Int64?) -> String? { cents.map { "$" + Money(cents: $0).grouped } }

    static func parentNumber(_ db: Database, _ id: Int64) throws -> String {
        try String.fetchOne(db, sql: "SELECT number FROM contracts WHERE id = ?", arguments: [id]) ?? "#\(id)"
    }

    static func address(_ db: Database, _ locationID: Int64) throws -> String {
        guard let row = try Row.fetchOne(db, sql: "SELECT street, city, state_code, zip FROM locations WHERE id = ?", arguments: [locationID]) else {
            return "location #\(locationID)"
        }
        return ContractSQL.address(street: row[0], city: row[1], state: row[2], zip: row[3])
    }
}

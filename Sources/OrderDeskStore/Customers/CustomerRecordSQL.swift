import GRDB
import OrderDeskCore

/// The SELECTs and decoders of the customer screen's records, shared by the detail query and the
/// writes (which return what they saved, read back the same way).
enum CustomerRecordSQL {
    static let header = """
        SELECT c.id, c.name, c.account_number, c.segment, c.channel, c.phone, owner.login AS owner_login,
               owner.name AS owner_name, c.since, \(CustomerTotalsSQL.openOrders) AS open_orders,
               \(CustomerTotalsSQL.totalMRR) AS mrr, c.version, editor.login AS updated_by, c.updated_at
        FROM customers c
        LEFT JOIN users owner ON owner.id = c.owner_id
        LEFT JOIN users editor ON editor.id = c.updated_by
        """

    static func header(_ db: Database, id: Int64) throws -> CustomerHeader? {
        guard let row = try Row.fetchOne(db, sql: header + " WHERE c.id = ?", arguments: [id]) else { return nil }
        return CustomerHeader(
            id: row["id"], name: row["name"], accountNumber: row["account_number"], segment: row["segment"],
            channel: try decode(Channel.self, row["channel"], column: "customers.channel"), phone: row["phone"],
            ownerLogin: row["owner_login"], ownerName: row["owner_name"],
            since: try QueueRow.day(row["since"], column: "customers.since"), openOrders: row["open_orders"],
            totalMRR: Money(cents: row["mrr"]), version: row["version"], updatedBy: row["updated_by"],
            updatedAt: row["updated_at"])
    }

    static let location = """
        SELECT l.id, l.customer_id, l.street, l.city, l.state_code, l.zip, l.serviceability, l.distance_feet,
               l.construction_estimate_cents, checker.login AS checked_by, l.checked_at, l.survey_status,
               l.survey_on, l.survey_result, l.survey_note, l.version
        FROM locations l LEFT JOIN users checker ON checker.id = l.checked_by
        """

    /// A location row of `location`, with the services in place there (looked up separately).
    static func location(_ row: Row, services: [String]) throws -> CustomerLocation {
        let estimate: Int64? = row["construction_estimate_cents"]
        return CustomerLocation(
            id: row["id"],
            address: ServiceLocation(id: row["id"], street: row["street"], city: row["city"], stateCode: row["state_code"], zip: row["zip"]),
            serviceability: try decode(Serviceability.self, row["serviceability"], column: "locations.serviceability"),
            distanceFeet: row["distance_feet"], constructionEstimate: estimate.map(Money.init(cents:)),
            checkedBy: row["checked_by"], checkedAt: row["checked_at"],
            survey: try survey(row), services: services, version: row["version"])
    }

    /// The survey columns of a location row (`survey_status`, `survey_on`, `survey_result`, `survey_note`).
    static func survey(_ row: Row) throws -> SiteSurvey {
        let name: String = row["survey_status"]
        let day = try QueueRow.day(row["survey_on"], column: "locations.survey_on")
        let resultRaw: String? = row["survey_result"]
        let result = try resultRaw.map { try decode(SurveyResult.self, $0, column: "locations.survey_result") }
        guard let status = SurveyStatus(name: name, on: day, result: result) else {
            throw StoreError.corruptValue(column: "locations.survey_status", value: "\(name) \(day?.iso ?? "-") \(resultRaw ?? "-")")
        }
        return SiteSurvey(status: status, note: row["survey_note"])
    }

    /// One location with its services, or nil.
    static func location(_ db: Database, id: Int64) throws -> CustomerLocation? {
        guard let row = try Row.fetchOne(db, sql: location + " WHERE l.id = ?", arguments: [id]) else { return nil }
        let services = try ServiceInPlace.lines(db, customerID: row["customer_id"], locationID: id)[id] ?? []
        return try location(row, services: services.map(\.product.name))
    }

    static let contact = "SELECT id, customer_id, name, role, phone, email, version, removed_at FROM contacts"

    static func contact(_ row: Row) throws -> Contact {
        Contact(id: row["id"], name: row["name"], role: try decode(ContactRole.self, row["role"], column: "contacts.role"),
                phone: row["phone"], email: row["email"], version: row["version"])
    }

    static let document = """
        SELECT id, customer_id, kind, received_on, authorized_name, service_address, zip, btn, note, version
        FROM porting_documents
        """

    static func document(_ row: Row) throws -> PortingDocument {
        let kind = try decode(PortingDocumentKind.self, row["kind"], column: "porting_documents.kind")
        let received = try QueueRow.day(row["received_on"], column: "porting_documents.received_on")
        var loa: LOADetails?
        if kind == .loa, received != nil {
            loa = LOADetails(authorizedName: row["authorized_name"] ?? "", serviceAddress: row["service_address"] ?? "",
                             zip: row["zip"] ?? "", billingTelephoneNumber: row["btn"] ?? "")
        }
        return PortingDocument(id: row["id"], kind: kind, receivedOn: received, loa: loa, note: row["note"], version: row["version"])
    }

    static let contract = """
        SELECT id, number, kind, status, term_months, start_on, end_on, mrr_cents FROM contracts
        """

    static func contract(_ row: Row) throws -> ContractSummary {
        ContractSummary(
            id: row["id"], number: row["number"], kind: try decode(ContractKind.self, row["kind"], column: "contracts.kind"),
            status: try decode(ContractStatus.self, row["status"], column: "contracts.status"), termMonths: row["term_months"],
            startOn: try QueueRow.day(row["start_on"], column: "contracts.start_on"),
            endOn: try QueueRow.day(row["end_on"], column: "contracts.end_on"), mrr: Money(cents: row["mrr_cents"]))
    }

    static func product(_ row: Row, from first: Int) -> PriceBookProduct {
        PriceBookProduct(
            id: row[first], code: row[first + 1], name: row[first + 2], family: row[first + 3],
            listMRR: Money(cents: row[first + 4]), floorMRR: Money(cents: row[first + 5]), nrc: Money(cents: row[first + 6]))
    }

    /// The product columns `product(_:from:)` reads, for a table aliased `p`.
    static let productColumns = "p.id, p.code, p.name, p.family, p.list_mrr_cents, p.floor_mrr_cents, p.nrc_cents"

    static func decode<T: RawRepresentable>(_ type: T.Type, _ raw: String, column: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else { throw StoreError.corruptValue(column: column, value: raw) }
        return value
    }
}

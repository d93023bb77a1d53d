import Foundation
import GRDB
import OrderDeskCore

// The contracts' public surface for the TUI and the CLI. Each write is one transaction (see
// ContractChanges and ContractSteps) and returns the contract as saved.

extension AppDatabase {
    /// Up to `limit` contracts matching `filter`, newest first (id descending), relative to `request`.
    /// `user` decides "awaiting my approval" (pending, required level ≤ the user's, not submitted by them).
    /// "Due for renewal" counts from today by the system clock; see the overload with `today`.
    public func contractPage(filter: ContractFilter, request: ContractPageRequest, limit: Int, user: UserAccount) throws -> ContractPage {
        try contractPage(filter: filter, request: request, limit: limit, user: user, today: Self.today())
    }

    /// The page as of `today` (which decides "due for renewal").
    public func contractPage(filter: ContractFilter, request: ContractPageRequest, limit: Int, user: UserAccount, today: Day) throws -> ContractPage {
        try writer.read { db in
            try ContractQueries.page(db, filter: filter, request: request, limit: limit, user: user, today: today)
        }
    }

    /// How many contracts match `filter` (capped like the queue's counts).
    public func contractCount(filter: ContractFilter, user: UserAccount) throws -> QueueTotal {
        try contractCount(filter: filter, user: user, today: Self.today())
    }

    /// How many contracts match `filter` as of `today`: exact up to 10,000, past it a lower bound (`isExact: false`).
    public func contractCount(filter: ContractFilter, user: UserAccount, today: Day) throws -> QueueTotal {
        try writer.read { db in try ContractQueries.count(db, filter: filter, user: user, today: today) }
    }

    /// Everything about one contract; `OrderDeskError.recordNotFound` when there is none.
    public func contractDetail(id: Int64) throws -> ContractDetail {
        try writer.read { db in try Self.contractDetail(db, id: id) }
    }

    /// The contract with this number (`CSA-000123`, `csa-123`, or `123`).
    public func contractDetail(number: String) throws -> ContractDetail {
        guard let id = ContractSQL.id(fromNumber: number) else {
            throw OrderDeskError.invalidInput(field: "contract", value: number, expected: "a contract number such as CSA-000123 or 123")
        }
        return try writer.read { db in
            guard let found = try Int64.fetchOne(db, sql: "SELECT id FROM contracts WHERE number = ?", arguments: [ContractSQL.number(id)]) else {
                throw OrderDeskError.recordNotFound(what: ContractSQL.what(ContractSQL.number(id)))
            }
            return try Self.contractDetail(db, id: found)
        }
    }

    /// What the editor offers for a customer: locations with estimates, possible parents, the policy.
    public func contractContext(customerID: Int64) throws -> ContractContext {
        try writer.read { db in try ContractQueries.context(db, customerID: customerID) }
    }

    /// Saves a new draft owned by `actor`; `OrderDeskError.invalidFields` when the draft fails its checks.
    public func createContract(_ draft: ContractDraft, actor: UserAccount, now: Int64) throws -> ContractDetail {
        try writer.write { db in
            let id = try ContractChanges.create(db, draft, actor: actor, now: now)
            return try Self.contractDetail(db, id: id)
        }
    }

    /// Saves a draft's terms; `OrderDeskError.recordConflict` when `expectedVersion` is stale, `.refused` when
    /// it is no longer a draft.
    public func saveContract(id: Int64, _ draft: ContractDraft, expectedVersion: Int64, actor: UserAccount, now: Int64) throws -> ContractDetail {
        try writer.write { db in
            try ContractChanges.save(db, id: id, draft, expectedVersion: expectedVersion, actor: actor, now: now)
            return try Self.contractDetail(db, id: id)
        }
    }

    /// Takes one lifecycle step, checked by `ContractLifecycle` against the user's role as stored.
    public func stepContract(id: Int64, _ step: ContractStep, expectedVersion: Int64, actor: UserAccount, now: Int64) throws -> ContractDetail {
        try writer.write { db in
            try ContractSteps.step(db, id: id, step, expectedVersion: expectedVersion, actor: actor, now: now)
            return try Self.contractDetail(db, id: id)
        }
    }

    /// Closes every active contract whose term ended before `today`; returns how many.
    public func expireContracts(today: Day, actor: UserAccount, now: Int64) throws -> Int {
        try writer.write { db in try ContractSteps.expire(db, today: today, actor: actor, now: now) }
    }

    /// Logins that own contracts, for the list's owner filter.
    public func contractOwners() throws -> [String] {
        try writer.read { db in try ContractQueries.owners(db) }
    }

    static func contractDetail(_ db: Database, id: Int64) throws -> ContractDetail {
        guard let detail = try ContractSQL.detail(db, id: id) else {
            throw OrderDeskError.recordNotFound(what: ContractSQL.what(ContractSQL.number(id)))
        }
        return detail
    }

    /// The day of the system clock, in UTC (the desk's days are UTC days).
    static func today() -> Day { Day(unixSeconds: Int64(Date().timeIntervalSince1970)) }
}

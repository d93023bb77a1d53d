import GRDB
import OrderDeskCore

// CONTRACT STUBS — the store helper replaces every body. Signatures are the contract with the TUI and CLI.

extension AppDatabase {
    /// Up to `limit` contracts matching `filter`, newest first (id descending), relative to `request`.
    /// `user` decides "awaiting my approval" (pending, required level ≤ the user's, not submitted by them).
    public func contractPage(filter: ContractFilter, request: ContractPageRequest, limit: Int, user: UserAccount) throws -> ContractPage {
        throw OrderDeskError.refused("contracts: not implemented yet")
    }

    /// How many contracts match `filter` (capped like the queue's counts).
    public func contractCount(filter: ContractFilter, user: UserAccount) throws -> QueueTotal {
        throw OrderDeskError.refused("contracts: not implemented yet")
    }

    /// Everything about one contract; `OrderDeskError.recordNotFound` when there is none.
    public func contractDetail(id: Int64) throws -> ContractDetail {
        throw OrderDeskError.refused("contracts: not implemented yet")
    }

    /// The contract with this number (`CSA-000123`, or `123`).
    public func contractDetail(number: String) throws -> ContractDetail {
        throw OrderDeskError.refused("contracts: not implemented yet")
    }

    /// What the editor offers for a customer: locations with estimates, possible parents, the policy.
    public func contractContext(customerID: Int64) throws -> ContractContext {
        throw OrderDeskError.refused("contracts: not implemented yet")
    }

    /// Saves a new draft owned by `actor`; `OrderDeskError.invalidFields` when the draft fails its checks.
    public func createContract(_ draft: ContractDraft, actor: UserAccount, now: Int64) throws -> ContractDetail {
        throw OrderDeskError.refused("contracts: not implemented yet")
    }

    /// Saves a draft's terms; `OrderDeskError.recordConflict` when `expectedVersion` is stale, `.refused` when
    /// it is no longer a draft.
    public func saveContract(id: Int64, _ draft: ContractDraft, expectedVersion: Int64, actor: UserAccount, now: Int64) throws -> ContractDetail {
        throw OrderDeskError.refused("contracts: not implemented yet")
    }

    /// Takes one lifecycle step, checked by `ContractLifecycle` against the user's role as stored.
    public func stepContract(id: Int64, _ step: ContractStep, expectedVersion: Int64, actor: UserAccount, now: Int64) throws -> ContractDetail {
        throw OrderDeskError.refused("contracts: not implemented yet")
    }

    /// Closes every active contract whose term ended before `today`; returns how many.
    public func expireContracts(today: Day, actor: UserAccount, now: Int64) throws -> Int {
        throw OrderDeskError.refused("contracts: not implemented yet")
    }

    /// Logins that own contracts, for the list's owner filter.
    public func contractOwners() throws -> [String] {
        throw OrderDeskError.refused("contracts: not implemented yet")
    }
}

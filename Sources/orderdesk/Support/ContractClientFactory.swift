import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTUI

/// The contract screens' data client, from the store, acting as one user at the time of each call.
enum ContractClientFactory {
    static func client(database: AppDatabase, user: UserAccount, now: @escaping @Sendable () -> Int64) -> ContractClient {
        ContractClient(
            page: { filter, request, limit in
                try database.contractPage(filter: filter, request: request, limit: limit, user: user, today: Day(unixSeconds: now()))
            },
            count: { filter in try database.contractCount(filter: filter, user: user, today: Day(unixSeconds: now())) },
            detail: { id in try database.contractDetail(id: id) },
            context: { customerID in try database.contractContext(customerID: customerID) },
            create: { draft in try database.createContract(draft, actor: user, now: now()) },
            save: { id, draft, version in try database.saveContract(id: id, draft, expectedVersion: version, actor: user, now: now()) },
            step: { id, step, version in try database.stepContract(id: id, step, expectedVersion: version, actor: user, now: now()) },
            owners: { try database.contractOwners() })
    }
}

import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTUI

/// Builds the desk's data client from the store, acting as one user.
enum ClientFactory {
    static func client(database: AppDatabase, user: UserAccount) -> DeskClient {
        let now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
        return DeskClient(
            user: user,
            databaseName: URL(fileURLWithPath: database.path).lastPathComponent,
            now: now,
            queuePage: { filter, sort, request, limit in
                try database.queuePage(filter: filter, sort: sort, request: request, limit: limit, now: now())
            },
            queueCount: { filter in try database.queueTotal(filter: filter, now: now()) },
            rowsBefore: { row, filter, sort in try database.rowsBefore(row, filter: filter, sort: sort, now: now()) },
            orderDetail: { id in try database.orderDetail(id: id) },
            apply: { change, id, version in
                try database.apply(change, toOrder: id, expectedVersion: version, actor: user, now: now())
            },
            dataVersion: { try database.dataVersion() }
        )
    }
}

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
            dataVersion: { try database.dataVersion() },
            // Saved runs come from the store once it keeps them (issue 3): until then the screen shows
            // no runs, and the actions that would write say so.
            reconcileRuns: { [] },
            reconcileDifferences: { _, _, _, _ in [] },
            reconcileDifferencesBefore: { _, _, _, _ in [] },
            reconcileDifferenceCount: { _, _ in 0 },
            resolveDifference: { _, _, _ in throw NotWiredYet(action: "Resolving a difference") },
            runReconcile: { _, _, _, _ in throw NotWiredYet(action: "Running a reconciliation from the desk") },
            exportOpenDifferences: { _, _ in throw NotWiredYet(action: "Exporting a run's differences") },
            completePath: { PathCompletion.candidates(for: $0) }
        )
    }
}

/// A desk action whose store side is not connected yet.
struct NotWiredYet: LocalizedError {
    var action: String
    var errorDescription: String? {
        "\(action) is not wired to the store yet in this build (issue 3)."
    }
}

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
            reconcileRuns: { try database.reconcileRuns() },
            reconcileDifferences: { runID, query, after, limit in
                try database.reconcileDifferences(runID: runID, query: query, afterPosition: after, limit: limit)
            },
            reconcileDifferencesBefore: { runID, query, before, limit in
                try database.reconcileDifferencesBefore(runID: runID, query: query, beforePosition: before, limit: limit)
            },
            reconcileDifferenceCount: { runID, query in try database.reconcileDifferenceCount(runID: runID, query: query) },
            resolveDifference: { id, resolution, note in
                try database.resolveDifference(id: id, resolution: resolution, note: note, actor: user, now: now())
            },
            runReconcile: { idaPath, sfdcPath, options, progress in
                let ida = try ExportFile.open(path: expandingTilde(idaPath), side: .ida)
                let sfdc = try ExportFile.open(path: expandingTilde(sfdcPath), side: .sfdc)
                return try database.reconcileAndSave(
                    ida: ida, sfdc: sfdc, options: options, actor: user, now: now(), progress: progress).1
            },
            exportOpenDifferences: { runID, path in try OpenDifferencesExport.write(runID: runID, to: expandingTilde(path), from: database) },
            completePath: { PathCompletion.candidates(for: $0) },
            customers: CustomerClientFactory.client(database: database, user: user, now: now),
            contracts: ContractClientFactory.client(database: database, user: user, now: now),
            escalations: EscalationClientFactory.client(database: database, user: user, now: now),
            reports: ReportClientFactory.client(database: database, now: now)
        )
    }
}

/// `~/exports/ida.csv` as the shell would read it.
private func expandingTilde(_ path: String) -> String { (path as NSString).expandingTildeInPath }

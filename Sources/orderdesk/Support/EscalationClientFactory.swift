import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTUI

/// The escalation screens' data client, from the store, acting as one user at the time of each call.
enum EscalationClientFactory {
    static func client(database: AppDatabase, user: UserAccount, now: @escaping @Sendable () -> Int64) -> EscalationClient {
        EscalationClient(
            summary: { try database.escalationSummary(now: now()) },
            teamBoard: { try database.teamBoard(now: now()) },
            history: { try database.escalationHistory(now: now()) },
            page: { filter, asOf, request, limit in try database.escalationPage(filter, asOf: asOf, request, limit: limit) },
            count: { filter in try database.escalationCount(filter) },
            detail: { id in try database.escalation(id: id) },
            forOrder: { orderID in try database.escalations(orderID: orderID) },
            raise: { orderID, reason, severity, note in
                try database.raiseEscalation(orderID: orderID, reason: reason, severity: severity, note: note, actor: user, now: now())
            },
            step: { id, step, version in try database.stepEscalation(id: id, step, expectedVersion: version, actor: user, now: now()) },
            addNote: { id, text in try database.addEscalationNote(id: id, text: text, actor: user, now: now()) },
            owners: { try database.escalationOwners() },
            runRules: { try database.runAutoEscalations(now: now(), policy: database.autoEscalationPolicy()) })
    }
}

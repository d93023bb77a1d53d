import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// The contracts list: newest first by keyset both ways, each filter, the approvals inbox per role,
/// the renewal window, and the capped count.
@Suite struct ContractListTests {
    /// 20 drafts of Dana's and Marcus's, then contracts in every state the filters tell apart.
    struct Desk {
        let f: ContractFixture
        var all: [Int64] = []
        var supervisorLevel: [Int64] = []
        var directorLevel: [Int64] = []
        /// Supervisor-level, submitted by the supervisor.
        var submittedBySupervisor: Int64 = 0
        var dueSoon: Int64 = 0
        var dueLater: Int64 = 0
        var renewal: Int64 = 0

        init() throws {
            f = try ContractFixture()
            for i in 0..<20 { all.append(try f.create(by: i % 3 == 0 ? f.otherManager : f.manager).id) }
            supervisorLevel.append(try f.submitted(f.draft(discount: 10)).id)
            directorLevel.append(try f.submitted(f.draft(discount: 15), by: f.otherManager).id)
            supervisorLevel.append(try f.submitted(f.draft(term: 24)).id)
            submittedBySupervisor = try f.submitted(f.draft(discount: 5), by: f.supervisor).id
            directorLevel.append(try f.submitted(f.draft(construction: 2_000_000)).id)
            dueSoon = try f.active(start: f.today.adding(days: -1_050)).id  // ends in about 45 days
            dueLater = try f.active(start: f.today.adding(days: -900)).id  // ends in about 195 days
            renewal = try f.create(f.draft(kind: .renewal, parent: dueSoon)).id
            all += supervisorLevel + directorLevel + [submittedBySupervisor, dueSoon, dueLater, renewal]
            all.sort(by: >)
        }

        func ids(_ filter: ContractFilter, as user: UserAccount? = nil, limit: Int = 100) throws -> [Int64] {
            try f.db.contractPage(filter: filter, request: .first, limit: limit, user: user ?? f.manager, today: f.today).rows.map(\.id)
        }

        func count(_ filter: ContractFilter, as user: UserAccount? = nil) throws -> QueueTotal {
            try f.db.contractCount(filter: filter, user: user ?? f.manager, today: f.today)
        }
    }

    @Test func eachFilterNarrowsTheListNewestFirst() throws {
        let desk = try Desk()
        let f = desk.f
        #expect(try desk.ids(ContractFilter()) == desk.all)
        #expect(try desk.count(ContractFilter()) == QueueTotal(count: desk.all.count))
        let pending = (desk.supervisorLevel + desk.directorLevel + [desk.submittedBySupervisor]).sorted(by: >)
        #expect(try desk.ids(ContractFilter(status: .pendingApproval)) == pending)
        #expect(try desk.ids(ContractFilter(status: .active)) == [desk.dueLater, desk.dueSoon])
        #expect(try desk.ids(ContractFilter(kind: .renewal)) == [desk.renewal])
        let marcus = try desk.ids(ContractFilter(ownerLogin: "marcus.chen"))
        #expect(marcus.count == 8 && marcus == marcus.sorted(by: >))
        #expect(try desk.ids(ContractFilter(status: .pendingApproval, ownerLogin: "marcus.chen")) == [desk.directorLevel[0]])
        #expect(try desk.ids(ContractFilter(ownerLogin: "nobody")).isEmpty)
        #expect(try desk.count(ContractFilter(ownerLogin: "nobody")) == QueueTotal(count: 0))
        for filter in ContractStatus.allCases.map({ ContractFilter(status: $0) }) + ContractKind.allCases.map({ ContractFilter(kind: $0) })
            + ["dana.ruiz", "marcus.chen", "renee.dubois"].map({ ContractFilter(ownerLogin: $0) })
            + [ContractFilter(status: .draft, kind: .new, ownerLogin: "marcus.chen"), ContractFilter(status: .pendingApproval, ownerLogin: "dana.ruiz")] {
            #expect(try desk.count(filter) == QueueTotal(count: desk.ids(filter).count), "\(filter.summary)")
        }
        #expect(try desk.ids(ContractFilter(dueForRenewal: true)) == [desk.dueSoon])
        #expect(try desk.count(ContractFilter(dueForRenewal: true)) == QueueTotal(count: 1))
        // As of a later day the other one is due too.
        #expect(try f.db.contractPage(filter: ContractFilter(dueForRenewal: true), request: .first, limit: 9, user: f.manager,
                                      today: f.today.adding(days: 120)).rows.map(\.id) == [desk.dueLater, desk.dueSoon])
        let rows = try f.db.contractPage(filter: ContractFilter(kind: .renewal), request: .first, limit: 5, user: f.manager, today: f.today).rows
        #expect(rows.first?.customerName == "Café Roma LLC" && rows.first?.ownerLogin == "dana.ruiz" && rows.first?.status == .draft)
        let directorRow = try f.db.contractPage(filter: ContractFilter(status: .pendingApproval), request: .first, limit: 1, user: f.manager, today: f.today).rows[0]
        #expect(directorRow.requiredLevel == .director && directorRow.mrr == Money(cents: 36_880))
        let dueRow = try f.db.contractPage(filter: ContractFilter(dueForRenewal: true), request: .first, limit: 1, user: f.manager, today: f.today).rows[0]
        #expect(dueRow.isDueForRenewal(today: f.today))
        #expect(try f.db.contractOwners() == ["dana.ruiz", "marcus.chen", "renee.dubois"])
    }

    @Test func awaitingMyApprovalIsPerRole() throws {
        let desk = try Desk()
        let f = desk.f
        let awaiting = ContractFilter(awaitingMyApproval: true)
        // A supervisor: supervisor-level ones they did not submit. A director: every level, and the supervisor's.
        #expect(try desk.ids(awaiting, as: f.supervisor) == desk.supervisorLevel.sorted(by: >))
        #expect(try desk.ids(awaiting, as: f.director) == (desk.supervisorLevel + desk.directorLevel + [desk.submittedBySupervisor]).sorted(by: >))
        #expect(try desk.count(awaiting, as: f.director) == QueueTotal(count: 5))
        for user in [f.manager, f.viewer, f.admin] {
            #expect(try desk.ids(awaiting, as: user).isEmpty)
            #expect(try desk.count(awaiting, as: user) == QueueTotal(count: 0))
        }
        // Combined with other filters; and once decided it leaves the inbox.
        #expect(try desk.ids(ContractFilter(ownerLogin: "marcus.chen", awaitingMyApproval: true), as: f.director) == [desk.directorLevel[0]])
        #expect(try desk.ids(ContractFilter(status: .draft, awaitingMyApproval: true), as: f.director).isEmpty)
        try f.step(desk.supervisorLevel[0], .approve(comment: nil), by: f.supervisor)
        try f.step(desk.supervisorLevel[1], .reject(comment: "Make it 36 months."), by: f.director)
        #expect(try desk.ids(awaiting, as: f.supervisor).isEmpty)
        // A director who submitted one does not see it.
        let own = try f.submitted(f.draft(discount: 15), by: f.director)
        #expect(try !(desk.ids(awaiting, as: f.director).contains(own.id)))
    }

    @Test func pagesBothWaysByKeyset() throws {
        let desk = try Desk()
        let f = desk.f
        func page(_ request: ContractPageRequest, _ filter: ContractFilter = ContractFilter()) throws -> ContractPage {
            try f.db.contractPage(filter: filter, request: request, limit: 7, user: f.manager, today: f.today)
        }
        var seen: [Int64] = []
        var current = try page(.first)
        #expect(!current.hasMoreBefore && current.hasMoreAfter)
        seen += current.rows.map(\.id)
        while current.hasMoreAfter {
            current = try page(.after(current.rows.last!))
            #expect(current.hasMoreBefore)
            seen += current.rows.map(\.id)
        }
        #expect(seen == desk.all)
        var back: [Int64] = []
        current = try page(.last)
        #expect(current.hasMoreBefore && !current.hasMoreAfter && current.rows.count == 7)
        back = current.rows.map(\.id) + back
        while current.hasMoreBefore {
            current = try page(.before(current.rows.first!))
            #expect(current.hasMoreAfter)
            back = current.rows.map(\.id) + back
        }
        #expect(back == desk.all)
        // Paging a filter, from a row that has since left it.
        let drafts = try page(.first, ContractFilter(status: .draft))
        try f.step(drafts.rows[6].id, .submit, by: f.manager)
        let next = try page(.after(drafts.rows[6]), ContractFilter(status: .draft))
        #expect(next.hasMoreBefore && next.rows.first!.id < drafts.rows[6].id && next.rows.allSatisfy { $0.status == .draft })
        let previous = try page(.before(drafts.rows[6]), ContractFilter(status: .draft))
        #expect(previous.rows.map(\.id) == Array(drafts.rows.prefix(6).map(\.id)) && previous.hasMoreAfter && !previous.hasMoreBefore)
        let empty = try page(.first, ContractFilter(kind: .reclamation))
        #expect(empty.rows.isEmpty && !empty.hasMoreAfter && !empty.hasMoreBefore)
    }

    @Test func countsAreExactFromTheSummaryAndCappedPastTenThousandOtherwise() throws {
        let f = try ContractFixture()
        let one = try f.active(start: f.today.adding(days: -1_050))
        // Copies of one active contract ending soon, through SQL: the cap is about reading, not about how they were made.
        try f.db.writer.write { d in
            try d.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
                INSERT INTO contracts(number, customer_id, kind, status, term_months, start_on, end_on, mrr_cents, owner_id, created_at, updated_at)
                SELECT 'CSA-X' || i, customer_id, kind, status, term_months, start_on, end_on, mrr_cents, owner_id, created_at, updated_at
                FROM n, contracts WHERE contracts.id = ?
                """, arguments: [one.id])
        }
        func count(_ filter: ContractFilter) throws -> QueueTotal { try f.db.contractCount(filter: filter, user: f.director, today: f.today) }
        #expect(try count(ContractFilter()) == QueueTotal(count: 10_001))
        #expect(try count(ContractFilter(status: .active, kind: .new, ownerLogin: "dana.ruiz")) == QueueTotal(count: 10_001))
        #expect(try count(ContractFilter(dueForRenewal: true)) == QueueTotal(count: 10_000, isExact: false))
        #expect(try count(ContractFilter(kind: .renewal, dueForRenewal: true)) == QueueTotal(count: 0))
        #expect(try count(ContractFilter(status: .draft)) == QueueTotal(count: 0))
        // The summary follows every change: steps, a new owner, deletions.
        try f.db.writer.write { d in
            try d.execute(sql: "UPDATE contracts SET status = 'expired' WHERE number GLOB 'CSA-X1*'")
            try d.execute(sql: "UPDATE contracts SET owner_id = ? WHERE number GLOB 'CSA-X2*'", arguments: [f.otherManager.id])
            try d.execute(sql: "DELETE FROM contracts WHERE number GLOB 'CSA-X3*'")
        }
        let real = try f.db.writer.read { d in
            try Row.fetchAll(d, sql: "SELECT status, kind, COALESCE(owner_id, 0) AS owner_id, count(*) AS n FROM contracts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").map(\.description)
        }
        let summary = try f.db.writer.read { d in
            try Row.fetchAll(d, sql: "SELECT status, kind, owner_id, n FROM contract_counts WHERE n > 0 ORDER BY 1, 2, 3").map(\.description)
        }
        #expect(real == summary && real.count == 3)
        #expect(try count(ContractFilter(status: .expired)) == QueueTotal(count: 1_112))  // X1, X10–X19, X100–X199, X1000–X1999, X10000
    }
}

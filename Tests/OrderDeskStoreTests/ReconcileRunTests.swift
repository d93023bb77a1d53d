import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// A result built by hand (the engine is tested in Core), sorted into report order as the engine gives it.
func handResult(_ differences: [Difference], rejected: [RejectedRow] = [], matched: Int = 90) -> ReconcileResult {
    let sorted = differences.sorted(by: Difference.reportOrder)
    return ReconcileResult(
        summary: .counting(sorted, idaRows: 100, sfdcRows: 98, matched: matched), differences: sorted,
        rejectedRows: rejected)
}

func fileInfo(_ name: String, _ fill: Character = "a") -> ExportFileInfo {
    ExportFileInfo(name: name, size: 4_096, sha256: String(repeating: fill, count: 64))
}

let week: Int64 = 7 * 86_400

extension AppDatabase {
    /// Saves a hand-made run at `at`.
    func save(_ differences: [Difference], at: Int64, by actor: UserAccount, rejected: [RejectedRow] = []) throws
        -> ReconcileRunSummary
    {
        try saveReconcileRun(
            handResult(differences, rejected: rejected), ida: fileInfo("ida_orders.csv"),
            sfdc: fileInfo("sfdc_orders.csv", "b"), options: ReconcileOptions(), actor: actor, now: at)
    }

    /// Every difference of a run, walking forward one page at a time.
    func allDifferences(runID: Int64, query: DifferenceQuery = DifferenceQuery(), pageSize: Int = 50) throws
        -> [SavedDifference]
    {
        var rows: [SavedDifference] = []
        var after: Int?
        while true {
            let page = try reconcileDifferences(runID: runID, query: query, afterPosition: after, limit: pageSize)
            rows += page
            guard page.count == pageSize, let last = page.last else { return rows }
            after = last.position
        }
    }

    /// The differences of a run whose recurrence key is `key`.
    func difference(runID: Int64, key: String) throws -> SavedDifference? {
        try allDifferences(runID: runID).first { $0.difference.recurrenceKey == key }
    }

    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try writer.read { try Int.fetchOne($0, sql: sql, arguments: arguments) ?? 0 }
    }
}

func status(_ order: Int, ida: String = "scheduled", sfdc: String = "installed") -> Difference {
    Difference(kind: .statusMismatch, idaOrder: "IDA-" + zeroPadded(order, width: 8), sfdcID: sfdcID(order),
               field: .status, idaValue: ida, sfdcValue: sfdc, matchedBy: .crossReference)
}

func mrr(_ order: Int) -> Difference {
    Difference(kind: .mrrMismatch, idaOrder: "IDA-" + zeroPadded(order, width: 8), sfdcID: sfdcID(order),
               field: .mrr, idaValue: "249.00", sfdcValue: "199.00", matchedBy: .crossReference)
}

func missingInSFDC(_ order: Int) -> Difference {
    Difference(kind: .missingInSFDC, idaOrder: "IDA-" + zeroPadded(order, width: 8))
}

func missingInIDA(_ order: Int) -> Difference {
    Difference(kind: .missingInIDA, sfdcID: sfdcID(order))
}

/// An 18-character id made from a number.
func sfdcID(_ n: Int) -> String { "8015e00000" + zeroPadded(n, width: 5) + "AAA" }

@Suite struct ReconcileRunTests {
    @Test func saveAndListNewestFirst() throws {
        let (_, db, _, manager, _) = try makeStaffed()
        let rejected = [RejectedRow(file: .ida, line: 17, error: "MRC 'abc' is not an amount"),
                        RejectedRow(file: .sfdc, line: 4, error: "EffectiveDate '13/45/26' is not a date")]
        let first = try db.save([status(1), status(2), mrr(3), missingInSFDC(4)], at: testNow - week, by: manager,
                                rejected: rejected)
        let second = try db.saveReconcileRun(
            handResult([status(1), missingInIDA(9)], matched: 97), ida: fileInfo("ida_orders_2026-05-28.csv", "c"),
            sfdc: fileInfo("sfdc_orders_2026-05-28.csv", "d"),
            options: ReconcileOptions(moneyTolerance: Money(cents: 1), dateToleranceDays: 2), actor: manager, now: testNow)

        let runs = try db.reconcileRuns()
        #expect(runs.map(\.id) == [second.id, first.id])
        #expect(runs == [second, first])
        #expect(try db.reconcileRun(id: first.id) == first)

        #expect(first.ranAt == testNow - week && first.ranBy == "Dana Ruiz")
        #expect(first.ida == fileInfo("ida_orders.csv") && first.sfdc == fileInfo("sfdc_orders.csv", "b"))
        #expect(first.summary.differences == 4 && first.summary.idaRows == 100 && first.summary.sfdcRows == 98)
        #expect(first.summary.byKind[.statusMismatch] == 2 && first.summary.byKind[.mrrMismatch] == 1)
        #expect(first.summary.byKind[.missingInSFDC] == 1 && first.summary.byKind[.termMismatch] == 0)
        #expect(first.summary.byKind.count == DifferenceKind.allCases.count)
        #expect(first.rejectedRows == 2 && first.openDifferences == 4 && first.recurringDifferences == 0)
        #expect(try db.rejectedRows(runID: first.id) == rejected)

        #expect(second.options == ReconcileOptions(moneyTolerance: Money(cents: 1), dateToleranceDays: 2))
        #expect(second.ida.name == "ida_orders_2026-05-28.csv" && second.summary.matched == 97)
        #expect(second.openDifferences == 2 && second.recurringDifferences == 1)
        #expect(try db.rejectedRows(runID: second.id).isEmpty)

        // The saved differences are the result's, in report order.
        let saved = try db.allDifferences(runID: first.id)
        #expect(saved.map(\.position) == [0, 1, 2, 3])
        #expect(saved.map(\.difference) == handResult([status(1), status(2), mrr(3), missingInSFDC(4)]).differences)
        #expect(saved.allSatisfy { $0.runID == first.id && $0.resolution == nil && $0.orderID == nil })

        // One audit row a run, naming both files.
        let audit = try db.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT entity_id, action, actor_id, new_value FROM audit_log WHERE entity = 'reconcile_run' ORDER BY id
                """)
        }
        #expect(audit.map { $0[0] as Int64 } == [first.id, second.id])
        #expect(audit.allSatisfy { $0[1] == "reconcile" && $0[2] == manager.id })
        let text: String = audit[1][3]
        #expect(text.contains("ida_orders_2026-05-28.csv") && text.contains("2 differences"))

        #expect(throws: StoreError.reconcileRunNotFound(999)) { _ = try db.reconcileRun(id: 999) }
        #expect(throws: StoreError.differenceNotFound(999)) { _ = try db.reconcileDifference(id: 999) }
    }

    /// 231 differences of four kinds, paged both ways, with kinds, search and "open only".
    @Test func pagingWithFilters() throws {
        let (_, db, _, manager, _) = try makeStaffed()
        var differences = (1...100).map { status($0, sfdc: $0 % 10 == 0 ? "in_progress" : "installed") }
        differences += (1...60).map(mrr)
        differences += (101...170).map(missingInSFDC)
        // Values that only match an unescaped pattern: "n_p" must not find "snap", "9%" not "95".
        differences.append(Difference(kind: .termMismatch, idaOrder: "IDA-00000500", sfdcID: sfdcID(500), field: .term,
                                      idaValue: "snap", sfdcValue: "95", matchedBy: .heuristic))
        let run = try db.save(differences, at: testNow, by: manager)
        #expect(run.summary.differences == 231)

        let all = try db.allDifferences(runID: run.id)
        #expect(all.map(\.position) == Array(0..<231))
        #expect(all.map(\.difference) == handResult(differences).differences)
        #expect(try db.allDifferences(runID: run.id, pageSize: 7) == all)

        // Backwards from the end, one page at a time, gives the same rows.
        var backwards: [SavedDifference] = []
        var before: Int?
        repeat {
            let page = try db.reconcileDifferencesBefore(runID: run.id, query: DifferenceQuery(), beforePosition: before, limit: 40)
            #expect(page.map(\.position) == page.map(\.position).sorted())
            backwards = page + backwards
            before = page.first?.position
            if page.count < 40 { break }
        } while true
        #expect(backwards == all)
        let lastPage = try db.reconcileDifferencesBefore(runID: run.id, query: DifferenceQuery(), beforePosition: nil, limit: 3)
        #expect(lastPage.map(\.position) == [228, 229, 230])

        // Kinds: two of them, forwards and backwards, with counts.
        let twoKinds = DifferenceQuery(kinds: [.missingInSFDC, .mrrMismatch])
        let expected = all.filter { twoKinds.kinds.contains($0.difference.kind) }
        #expect(expected.count == 130)
        #expect(try db.allDifferences(runID: run.id, query: twoKinds, pageSize: 25) == expected)
        #expect(try db.reconcileDifferenceCount(runID: run.id, query: twoKinds) == 130)
        let middle = try db.reconcileDifferencesBefore(runID: run.id, query: twoKinds, beforePosition: expected[75].position, limit: 10)
        #expect(middle == Array(expected[65..<75]))
        let after = try db.reconcileDifferences(runID: run.id, query: twoKinds, afterPosition: expected[68].position, limit: 3)
        #expect(after == Array(expected[69..<72]))
        #expect(try db.reconcileDifferenceCount(runID: run.id, query: DifferenceQuery()) == 231)
        #expect(try db.reconcileDifferenceCount(runID: run.id, query: DifferenceQuery(kinds: [.termMismatch])) == 1)
        #expect(try db.reconcileDifferences(runID: run.id, query: DifferenceQuery(kinds: [.accountMismatch]),
                                            afterPosition: nil, limit: 10).isEmpty)

        // Search: case-insensitive, over the IDA order, the SFDC id and both values.
        func search(_ text: String, kinds: Set<DifferenceKind> = []) throws -> [SavedDifference] {
            try db.allDifferences(runID: run.id, query: DifferenceQuery(kinds: kinds, search: text), pageSize: 9)
        }
        let byOrder = try search("ida-0000012")
        #expect(Set(byOrder.compactMap(\.difference.idaOrder)) == Set((120...129).map { "IDA-" + zeroPadded($0, width: 8) }))
        #expect(try db.reconcileDifferenceCount(runID: run.id, query: DifferenceQuery(search: "IDA-0000012")) == byOrder.count)
        #expect(try search("8015E0000000007AAA").map(\.difference.sfdcID) == [sfdcID(7), sfdcID(7)])
        #expect(try search("in_progress").count == 10)
        #expect(try search("n_p").count == 10)
        #expect(try search("9%").isEmpty)
        #expect(try search("snap").count == 1)
        #expect(try search("199.00", kinds: [.mrrMismatch]).count == 60)
        #expect(try search("199.00", kinds: [.statusMismatch]).isEmpty)
        #expect(try search("  ") == all)

        // Open only: resolved ones disappear from pages and counts.
        for difference in all where difference.position % 3 == 0 {
            _ = try db.resolveDifference(id: difference.id, resolution: .accepted, note: "ok", actor: manager, now: testNow)
        }
        let open = DifferenceQuery(includeResolved: false)
        let openRows = try db.allDifferences(runID: run.id, query: open, pageSize: 20)
        #expect(openRows.map(\.position) == all.map(\.position).filter { $0 % 3 != 0 })
        #expect(try db.reconcileDifferenceCount(runID: run.id, query: open) == openRows.count)
        let openMRR = DifferenceQuery(kinds: [.mrrMismatch], includeResolved: false)
        #expect(try db.allDifferences(runID: run.id, query: openMRR, pageSize: 6)
                == openRows.filter { $0.difference.kind == .mrrMismatch })
        #expect(try db.reconcileRun(id: run.id).openDifferences == openRows.count)
        var visited: [Int] = []
        try db.forEachOpenDifference(runID: run.id) { visited.append($0.position) }
        #expect(visited == openRows.map(\.position))
        #expect(try db.reconcileDifferences(runID: run.id, query: DifferenceQuery(), afterPosition: nil, limit: 0).isEmpty)
    }

    @Test func resolveWritesTheAuditLog() throws {
        let (_, db, admin, manager, viewer) = try makeStaffed()
        let run = try db.save([status(1), status(2), mrr(3)], at: testNow - 3600, by: manager)
        let target = try db.allDifferences(runID: run.id)[0]

        // Refused: a note of blanks, a viewer (also one claiming another role), an unknown difference.
        #expect(throws: StoreError.resolutionNoteRequired) {
            _ = try db.resolveDifference(id: target.id, resolution: .fixInSFDC, note: " \n ", actor: manager, now: testNow)
        }
        #expect(StoreError.resolutionNoteRequired.errorDescription?.contains("note") == true)
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "resolve reconciliation differences")) {
            _ = try db.resolveDifference(id: target.id, resolution: .fixInSFDC, note: "x", actor: viewer, now: testNow)
        }
        var pretending = viewer
        pretending.role = .admin
        #expect(throws: OrderDeskError.self) {
            _ = try db.resolveDifference(id: target.id, resolution: .fixInSFDC, note: "x", actor: pretending, now: testNow)
        }
        #expect(throws: StoreError.differenceNotFound(target.id + 100)) {
            _ = try db.resolveDifference(id: target.id + 100, resolution: .ignored, note: "x", actor: manager, now: testNow)
        }
        #expect(try db.reconcileDifference(id: target.id).resolution == nil)
        #expect(try db.count("SELECT count(*) FROM audit_log WHERE entity = 'reconcile_difference'") == 0)

        let note = "Fix in SFDC — ticket SF-1234"
        let resolved = try db.resolveDifference(id: target.id, resolution: .fixInSFDC, note: "  \(note)\n", actor: manager, now: testNow)
        #expect(resolved.resolution == DifferenceResolutionRecord(resolution: .fixInSFDC, note: note, by: "Dana Ruiz", at: testNow))
        #expect(try db.reconcileDifference(id: target.id) == resolved)
        #expect(try db.reconcileRun(id: run.id).openDifferences == 2)
        #expect(try db.reconcileRuns().first?.openDifferences == 2)

        // Re-resolving is allowed; the open count does not drop twice; the log keeps old → new.
        let again = try db.resolveDifference(id: target.id, resolution: .accepted, note: "Customer confirmed the SFDC status",
                                             actor: admin, now: testNow + 60)
        #expect(again.resolution?.resolution == .accepted && again.resolution?.by == "Grace Liu")
        #expect(try db.reconcileRun(id: run.id).openDifferences == 2)
        // The same decision and note once more writes nothing.
        _ = try db.resolveDifference(id: target.id, resolution: .accepted, note: "Customer confirmed the SFDC status",
                                     actor: admin, now: testNow + 120)

        let audit = try db.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT at, actor_id, action, field, old_value, new_value FROM audit_log
                WHERE entity = 'reconcile_difference' AND entity_id = ? ORDER BY id
                """, arguments: [target.id])
        }
        #expect(audit.count == 4)
        #expect(audit.allSatisfy { $0[2] == "resolve" })
        #expect(audit[0][3] == "resolution" && audit[0][4] == nil as String? && audit[0][5] == "fix_in_sfdc")
        #expect(audit[1][3] == "note" && audit[1][5] == note && audit[1][1] == manager.id)
        #expect(audit[2][3] == "resolution" && audit[2][4] == "fix_in_sfdc" && audit[2][5] == "accepted")
        #expect(audit[3][3] == "note" && audit[3][4] == note && audit[3][0] == testNow + 60)
        // The note can be found by its text.
        #expect(try db.count("SELECT count(*) FROM audit_log WHERE new_value LIKE ?", ["%SF-1234%"]) == 1)

        // Still append-only.
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE audit_log SET new_value = 'x' WHERE entity = 'reconcile_difference'") }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "DELETE FROM audit_log WHERE entity = 'reconcile_difference'") }
        }
        #expect(try db.count("SELECT count(*) FROM audit_log WHERE entity = 'reconcile_difference'") == 4)

        // Viewers may not save runs either.
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "save reconciliation runs")) {
            _ = try db.save([status(1)], at: testNow, by: viewer)
        }
    }

    /// Three weekly runs: first seen and the earlier resolution follow the chain of occurrences.
    @Test func recurringAcrossRuns() throws {
        let (_, db, admin, manager, _) = try makeStaffed()
        let a = status(1), b = mrr(2), c = missingInSFDC(3), d = missingInIDA(4), e = status(5)
        let run1 = try db.save([a, b, c], at: testNow - 2 * week, by: manager)
        let a1 = try #require(try db.difference(runID: run1.id, key: a.recurrenceKey))
        _ = try db.resolveDifference(id: a1.id, resolution: .fixInSFDC, note: "fix in SFDC — ticket SF-1234", actor: manager,
                                     now: testNow - 2 * week + 3600)

        let run2 = try db.save([a, b, d], at: testNow - week, by: manager)
        #expect(run2.recurringDifferences == 2 && run2.openDifferences == 3)
        let a2 = try #require(try db.difference(runID: run2.id, key: a.recurrenceKey))
        #expect(a2.isRecurring && a2.firstSeenAt == run1.ranAt && a2.ageInWeeks(runAt: run2.ranAt) == 1)
        #expect(a2.earlierResolution?.note == "fix in SFDC — ticket SF-1234")
        #expect(a2.earlierResolution?.resolution == .fixInSFDC && a2.earlierResolution?.by == "Dana Ruiz")
        #expect(a2.resolution == nil)
        let b2 = try #require(try db.difference(runID: run2.id, key: b.recurrenceKey))
        #expect(b2.firstSeenAt == run1.ranAt && b2.earlierResolution == nil)
        let d2 = try #require(try db.difference(runID: run2.id, key: d.recurrenceKey))
        #expect(!d2.isRecurring && d2.ageInWeeks(runAt: run2.ranAt) == 0)

        // A key differing only in the IDA number's zeros and prefix is the same difference.
        var aRewritten = a
        aRewritten.idaOrder = "IDA-1"
        let run3 = try db.save([aRewritten, b, d, e], at: testNow, by: manager)
        #expect(run3.recurringDifferences == 3)
        let a3 = try #require(try db.difference(runID: run3.id, key: a.recurrenceKey))
        // First seen two runs ago, through run 2's occurrence; run 2's was not resolved, so run 1's resolution carries on.
        #expect(a3.firstSeenAt == run1.ranAt && a3.ageInWeeks(runAt: run3.ranAt) == 2)
        #expect(a3.earlierResolution?.note == "fix in SFDC — ticket SF-1234")
        let d3 = try #require(try db.difference(runID: run3.id, key: d.recurrenceKey))
        #expect(d3.firstSeenAt == run2.ranAt && d3.ageInWeeks(runAt: run3.ranAt) == 1)
        #expect(try db.difference(runID: run3.id, key: e.recurrenceKey)?.isRecurring == false)

        // Resolving run 2's b after run 3 was saved: run 3's b carries it.
        let b2Resolved = try db.resolveDifference(id: b2.id, resolution: .fixInIDA, note: "billing corrects the MRR",
                                                  actor: admin, now: testNow + 60)
        var b3 = try #require(try db.difference(runID: run3.id, key: b.recurrenceKey))
        #expect(b3.earlierResolution == b2Resolved.resolution)
        // Resolving the older run 1's b does not hide run 2's later resolution.
        let b1 = try #require(try db.difference(runID: run1.id, key: b.recurrenceKey))
        _ = try db.resolveDifference(id: b1.id, resolution: .ignored, note: "old news", actor: admin, now: testNow + 120)
        b3 = try #require(try db.difference(runID: run3.id, key: b.recurrenceKey))
        #expect(b3.earlierResolution?.note == "billing corrects the MRR")
        #expect(try db.difference(runID: run2.id, key: b.recurrenceKey)?.earlierResolution?.note == "old news")
        // Re-resolving run 1's a shows in both later runs (read live).
        _ = try db.resolveDifference(id: a1.id, resolution: .accepted, note: "SFDC is right after all", actor: admin, now: testNow + 180)
        #expect(try db.difference(runID: run2.id, key: a.recurrenceKey)?.earlierResolution?.note == "SFDC is right after all")
        #expect(try db.difference(runID: run3.id, key: a.recurrenceKey)?.earlierResolution?.resolution == .accepted)
    }

    /// The same key twice in one run (two extra IDA rows): each recurs from last week, never from its twin.
    @Test func duplicateKeysWithinARun() throws {
        let (_, db, _, manager, _) = try makeStaffed()
        let duplicate = Difference(kind: .duplicateInIDA, idaOrder: "IDA-00000042")
        let run1 = try db.save([duplicate, duplicate, status(1)], at: testNow - week, by: manager)
        #expect(run1.recurringDifferences == 0)
        let run2 = try db.save([duplicate, duplicate, status(2)], at: testNow, by: manager)
        #expect(run2.recurringDifferences == 2)
        let rows = try db.allDifferences(runID: run2.id)
        #expect(rows.filter(\.isRecurring).map(\.difference) == [duplicate, duplicate])
    }

    /// A result not in report order is saved in report order, so each kind stays one range of positions.
    @Test func savesInReportOrder() throws {
        let (_, db, _, manager, _) = try makeStaffed()
        let shuffled = [missingInIDA(3), status(2), missingInSFDC(9), status(1), mrr(5), missingInSFDC(4)]
        let run = try db.saveReconcileRun(
            ReconcileResult(summary: .counting(shuffled, idaRows: 9, sfdcRows: 9, matched: 3), differences: shuffled,
                            rejectedRows: []),
            ida: fileInfo("i"), sfdc: fileInfo("s"), options: ReconcileOptions(), actor: manager, now: testNow)
        let sorted = shuffled.sorted(by: Difference.reportOrder)
        #expect(try db.allDifferences(runID: run.id).map(\.difference) == sorted)
        let statuses = try db.allDifferences(runID: run.id, query: DifferenceQuery(kinds: [.statusMismatch, .missingInSFDC]))
        #expect(statuses.map(\.difference) == sorted.filter { $0.kind == .statusMismatch || $0.kind == .missingInSFDC })
    }

    @Test func linksTheStoresOrder() throws {
        let (_, db, _, manager, _) = try makeStaffed()
        let (customer, location) = try db.insertTestCustomer(name: "Café Roma LLC", account: "07830012345")
        let order = try db.insertTestOrder(number: "00451234", customerID: customer, locationID: location)
        let run = try db.save([
            Difference(kind: .missingInSFDC, idaOrder: "IDA-00451234"),
            Difference(kind: .duplicateInIDA, idaOrder: " ida-451234"),
            Difference(kind: .missingInSFDC, idaOrder: "IDA-00451235"),
            Difference(kind: .missingInSFDC, idaOrder: "X-17"),
            missingInIDA(1),
        ], at: testNow, by: manager)
        let rows = try db.allDifferences(runID: run.id)
        let linked = Dictionary(uniqueKeysWithValues: rows.map { ($0.difference.idaOrder ?? "-", $0.orderID) })
        #expect(linked["IDA-00451234"] == order)
        #expect(linked[" ida-451234"] == order)
        #expect(linked["IDA-00451235"] == .some(nil))
        #expect(linked["X-17"] == .some(nil))
        #expect(linked["-"] == .some(nil))
    }

    @Test func aFailedSaveLeavesNothing() throws {
        let (_, db, _, manager, viewer) = try makeStaffed()
        let stranger = UserAccount(id: 999, login: "nobody", name: "No Body", role: .admin)
        #expect(throws: OrderDeskError.unknownUser(login: "nobody")) {
            _ = try db.save([status(1)], at: testNow, by: stranger)
        }
        #expect(throws: OrderDeskError.self) { _ = try db.save([status(1)], at: testNow, by: viewer) }
        // A bad row after the run and some differences were written: everything is rolled back.
        let bad = Difference(kind: .statusMismatch, idaOrder: "IDA-00000009", field: .mrr, idaValue: "1", sfdcValue: "2")
        #expect(throws: DatabaseError.self) { _ = try db.save([mrr(1), status(2), bad], at: testNow, by: manager) }
        #expect(throws: OrderDeskError.self) {
            _ = try db.saveReconcileRun(handResult([status(1)]), ida: fileInfo("i"), sfdc: fileInfo("s"),
                                        options: ReconcileOptions(moneyTolerance: Money(cents: -1)), actor: manager, now: testNow)
        }
        for sql in ["SELECT count(*) FROM reconcile_runs", "SELECT count(*) FROM reconcile_run_kinds",
                    "SELECT count(*) FROM reconcile_differences", "SELECT count(*) FROM reconcile_rejected_rows"] {
            #expect(try db.count(sql) == 0, "\(sql)")
        }
        #expect(try db.count("SELECT count(*) FROM audit_log WHERE entity LIKE 'reconcile%'") == 0)
        #expect(try db.reconcileRuns().isEmpty)
    }

    @Test func schemaRefusesBadValues() throws {
        let (_, db, _, manager, _) = try makeStaffed()
        let run = try db.save([status(1)], at: testNow, by: manager)
        let statements: [(String, StatementArguments)] = [
            ("UPDATE reconcile_differences SET kind = 'typo'", []),
            ("UPDATE reconcile_differences SET field = 'mrr'", []),
            ("UPDATE reconcile_differences SET matched_by = 'guess'", []),
            ("UPDATE reconcile_differences SET resolution = 'accepted'", []),  // without note, who and when
            ("UPDATE reconcile_differences SET resolution = 'later', resolution_note = 'n', resolved_by = 1, resolved_at = 1", []),
            ("UPDATE reconcile_runs SET ida_sha256 = 'ABC'", []),
            ("INSERT INTO reconcile_rejected_rows(run_id, file, line, error) VALUES (?, 'csv', 1, 'x')", [run.id]),
        ]
        for (sql, arguments) in statements {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try db.writer.write { try $0.execute(sql: sql, arguments: arguments) }
            }
        }
        let applied = try db.writer.read { try Migrations.migrator.appliedMigrations($0) }
        #expect(applied == ["v1", "v2-reconcile", "v3-customers", "v4-contracts", "v5-escalations", "v6-status-view", "v7-reports", "v8-report-work"])
    }

    /// Many differences through the prepared statement; the recurrence lookups stay indexed.
    @Test func savesLargeRunsQuickly() throws {
        let (_, db, _, manager, _) = try makeStaffed()
        let differences = (0..<20_000).map { $0 % 2 == 0 ? status($0) : missingInIDA($0) }
        let start = Date()
        let first = try db.save(differences, at: testNow - week, by: manager)
        let second = try db.save(differences, at: testNow, by: manager)
        let elapsed = Date().timeIntervalSince(start)
        #expect(first.summary.differences == 20_000 && first.recurringDifferences == 0)
        #expect(second.recurringDifferences == 20_000 && second.openDifferences == 20_000)
        // Generous for a debug build on a busy machine; a lookup that scanned would take minutes.
        #expect(elapsed < 20, "two saves of 20,000 took \(elapsed) s")
        let page = try db.reconcileDifferences(runID: second.id, query: DifferenceQuery(kinds: [.missingInIDA]),
                                               afterPosition: nil, limit: 3)
        #expect(page.count == 3 && page.allSatisfy { $0.firstSeenAt == testNow - week })
    }

    /// The demo saves last week's run (partly resolved) and this week's, where most differences recur.
    @Test func demoHasTwoWeeklyRuns() throws {
        let (_, db) = try makeDemo(orders: 300)
        let runs = try db.reconcileRuns()
        try #require(runs.count == 2)
        let (run2, run1) = (runs[0], runs[1])
        #expect(run1.ranAt == testNow - week && run2.ranAt == testNow)
        #expect(run1.ida.name == "ida_orders_2026-05-21.csv" && run2.sfdc.name == "sfdc_orders_2026-05-28.csv")
        #expect(run1.ida.size > 10_000 && run1.ida.sha256.count == 64 && run1.ida.sha256 != run1.sfdc.sha256)
        #expect(run1.ranBy == "Dana Ruiz" && run2.ranBy == "Test Person")
        // Every kind was injected and found.
        for kind in DifferenceKind.allCases { #expect(run1.summary.byKind[kind] ?? 0 > 0, "\(kind)") }
        #expect((20...80).contains(run1.summary.differences))
        #expect(run1.summary.matched > 200 && run1.rejectedRows == 0)
        #expect(run1.openDifferences < run1.summary.differences && run1.openDifferences > 0)
        #expect(run1.recurringDifferences == 0)
        #expect(run2.recurringDifferences > run2.summary.differences / 2 && run2.recurringDifferences < run2.summary.differences)
        #expect(run2.openDifferences == run2.summary.differences)

        // This week's recurring differences are a week old and carry last week's notes.
        let differences = try db.allDifferences(runID: run2.id)
        let recurring = differences.filter(\.isRecurring)
        #expect(recurring.count == run2.recurringDifferences)
        #expect(recurring.allSatisfy { $0.firstSeenAt == run1.ranAt && $0.ageInWeeks(runAt: run2.ranAt) == 1 })
        let carried = recurring.compactMap(\.earlierResolution)
        #expect(!carried.isEmpty)
        #expect(carried.contains { $0.note.contains("ticket SF-") && $0.resolution == .fixInSFDC })
        #expect(carried.allSatisfy { $0.at > run1.ranAt && $0.at < run2.ranAt })
        #expect(differences.contains { $0.orderID != nil })

        // Each resolution is in the audit log with its note.
        let resolved = run1.summary.differences - run1.openDifferences
        #expect(try db.count("""
            SELECT count(*) FROM audit_log WHERE entity = 'reconcile_difference' AND action = 'resolve' AND field = 'note'
            """) == resolved)
        #expect(try db.count("SELECT count(*) FROM audit_log WHERE entity = 'reconcile_run'") == 2)
    }
}

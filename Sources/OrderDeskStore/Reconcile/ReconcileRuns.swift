import Foundation
import GRDB
import OrderDeskCore

extension AppDatabase {
    // MARK: - Saving a run

    /// Saves a run, its differences and rejected rows, and one audit row, in one transaction.
    /// Viewers are refused (`OrderDeskError.forbidden`, the role read from the database). Each difference
    /// is linked to its order when the store has it, and to the earlier runs that reported it.
    public func saveReconcileRun(
        _ result: ReconcileResult, ida: ExportFileInfo, sfdc: ExportFileInfo, options: ReconcileOptions,
        actor: UserAccount, now: Int64
    ) throws -> ReconcileRunSummary {
        try writer.write { db in
            // A large run's pages stay in memory until the commit instead of spilling to the WAL midway;
            // the connection's usual cache comes back afterwards. (A PRAGMA takes no bound arguments; the
            // value is the number SQLite itself returned.)
            let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = " + String(cache)) }
            let user = try Self.requireReconciler(db, actor, action: "save reconciliation runs")
            let id = try Self.insertReconcileRun(
                db, result, ida: ida, sfdc: sfdc, options: options, actorID: user.id, now: now)
            return try Self.fetchReconcileRun(db, id: id)
        }
    }

    /// Runs the engine on both files (which hashes them as it reads), then saves the run.
    /// Throws `ReconcileError.cancelled`, saving nothing, when `progress` is cancelled before the save.
    public func reconcileAndSave(
        ida: ExportFile, sfdc: ExportFile, options: ReconcileOptions, actor: UserAccount, now: Int64,
        progress: ReconcileProgress?
    ) throws -> (ReconcileResult, ReconcileRunSummary) {
        // Refuse a viewer before reading a million rows for nothing; the save checks again, in its transaction.
        _ = try writer.read { db in try Self.requireReconciler(db, actor, action: "save reconciliation runs") }
        let result = try Reconciliation.run(ida: ida, sfdc: sfdc, options: options, progress: progress)
        // The engine read both files to the end, hashing them as it went.
        let (idaInfo, sfdcInfo) = (try ida.info(), try sfdc.info())
        guard progress?.isCancelled != true else { throw ReconcileError.cancelled }
        progress?.setPhase("saving")
        let summary = try saveReconcileRun(result, ida: idaInfo, sfdc: sfdcInfo, options: options, actor: actor, now: now)
        return (result, summary)
    }

    // MARK: - Runs

    /// Every saved run, newest first, with its counts (no differences are read).
    public func reconcileRuns() throws -> [ReconcileRunSummary] {
        try writer.read { db in
            var kinds: [Int64: [DifferenceKind: Int]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT run_id, kind, differences FROM reconcile_run_kinds") {
                kinds[row[0], default: [:]][try Self.decodeKind(row[1], column: "reconcile_run_kinds.kind")] = row[2]
            }
            return try Row.fetchAll(db, sql: Self.runSelect + " ORDER BY r.ran_at DESC, r.id DESC")
                .map { try Self.decodeRun($0, kinds: kinds[$0[0]] ?? [:]) }
        }
    }

    /// One saved run; `StoreError.reconcileRunNotFound` when there is none with this id.
    public func reconcileRun(id: Int64) throws -> ReconcileRunSummary {
        try writer.read { db in try Self.fetchReconcileRun(db, id: id) }
    }

    /// The rows of a run's files that could not be read, IDA first, in file order.
    public func rejectedRows(runID: Int64) throws -> [RejectedRow] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT file, line, error FROM reconcile_rejected_rows WHERE run_id = ? ORDER BY id",
                arguments: [runID]
            ).map { row in
                let file: String = row[0]
                guard let side = ExportSide(rawValue: file) else {
                    throw StoreError.corruptValue(column: "reconcile_rejected_rows.file", value: file)
                }
                return RejectedRow(file: side, line: row[1], error: row[2])
            }
        }
    }

    // MARK: - Differences

    /// Up to `limit` differences of a run after `afterPosition` (nil: from the start), in report order.
    public func reconcileDifferences(
        runID: Int64, query: DifferenceQuery, afterPosition: Int?, limit: Int
    ) throws -> [SavedDifference] {
        try differencesPage(runID: runID, query: query, from: afterPosition, forward: true, limit: limit)
    }

    /// Up to `limit` differences of a run just before `beforePosition` (nil: the last ones), in report order.
    public func reconcileDifferencesBefore(
        runID: Int64, query: DifferenceQuery, beforePosition: Int?, limit: Int
    ) throws -> [SavedDifference] {
        try differencesPage(runID: runID, query: query, from: beforePosition, forward: false, limit: limit)
    }

    /// How many differences of a run the query selects.
    public func reconcileDifferenceCount(runID: Int64, query: DifferenceQuery) throws -> Int {
        try writer.read { db in
            guard let ranges = try Self.positionRanges(db, runID: runID, kinds: query.kinds) else {
                return try Self.countDifferences(db, DifferenceFilter(runID: runID, query: query))
            }
            let filtered = !query.includeResolved || !DifferenceFilter.searchText(query).isEmpty
            // A kind's count is its range's length, unless rows inside it are filtered out.
            guard filtered else { return ranges.reduce(0) { $0 + $1.count } }
            return try ranges.reduce(0) { total, range in
                var filter = DifferenceFilter(runID: runID, query: query)
                filter.add("d.position >= ? AND d.position < ?", [range.lowerBound, range.upperBound])
                return total + (try Self.countDifferences(db, filter))
            }
        }
    }

    /// One difference; `StoreError.differenceNotFound` when there is none with this id.
    public func reconcileDifference(id: Int64) throws -> SavedDifference {
        try writer.read { db in try Self.fetchDifference(db, id: id) }
    }

    /// Calls `body` for each unresolved difference of a run, in report order, from one consistent snapshot.
    public func forEachOpenDifference(runID: Int64, _ body: (SavedDifference) throws -> Void) throws {
        try writer.read { db in
            let cursor = try Row.fetchCursor(
                db, sql: Self.differenceSelect + " WHERE d.run_id = ? AND d.resolution IS NULL ORDER BY d.position",
                arguments: [runID])
            while let row = try cursor.next() { try body(try Self.decodeDifference(row)) }
        }
    }

    /// Records what was decided about a difference, with a note (required), in one transaction with its
    /// audit rows. Viewers are refused. Resolving again replaces the resolution; the audit log keeps the old one.
    public func resolveDifference(
        id: Int64, resolution: DifferenceResolution, note: String, actor: UserAccount, now: Int64
    ) throws -> SavedDifference {
        try writer.write { db in
            try Self.resolveDifference(db, id: id, resolution: resolution, note: note, actor: actor, now: now)
            return try Self.fetchDifference(db, id: id)
        }
    }

    // MARK: - Inside a transaction (shared with the demo builder)

    /// The acting user as stored, refused unless the stored role may change data.
    static func requireReconciler(_ db: Database, _ actor: UserAccount, action: String) throws -> UserAccount {
        guard let user = try fetchUser(db, id: actor.id) else { throw OrderDeskError.unknownUser(login: actor.login) }
        // Reconciling is part of the account managers' work: whoever may change orders may do it.
        guard user.role.canChangeOrders else {
            throw OrderDeskError.forbidden(login: user.login, role: user.role, action: action)
        }
        return user
    }

    /// Inserts a run with everything it found; returns its id. The caller holds the transaction.
    static func insertReconcileRun(
        _ db: Database, _ result: ReconcileResult, ida: ExportFileInfo, sfdc: ExportFileInfo,
        options: ReconcileOptions, actorID: Int64, now: Int64
    ) throws -> Int64 {
        guard options.moneyTolerance.cents >= 0 else {
            throw OrderDeskError.invalidInput(
                field: "money tolerance", value: options.moneyTolerance.plain, expected: "0.00 or more")
        }
        guard options.dateToleranceDays >= 0 else {
            throw OrderDeskError.invalidInput(
                field: "date tolerance", value: String(options.dateToleranceDays), expected: "0 days or more")
        }
        // Report order groups each kind into one range of positions, which the runs' kind counts record
        // (paging a kind reads its range). The engine gives report order; anything else is put in it.
        var differences = result.differences
        if !zip(differences, differences.dropFirst()).allSatisfy({ $0.kind <= $1.kind }) {
            differences.sort(by: Difference.reportOrder)
        }

        try db.execute(
            sql: """
                INSERT INTO reconcile_runs(ran_at, ran_by, ida_name, ida_size, ida_sha256, sfdc_name, sfdc_size,
                  sfdc_sha256, money_tolerance_cents, date_tolerance_days, ida_rows, sfdc_rows, matched, differences,
                  rejected_rows, open_differences, recurring_differences)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """,
            arguments: [
                now, actorID, ida.name, ida.size, ida.sha256.lowercased(), sfdc.name, sfdc.size,
                sfdc.sha256.lowercased(), options.moneyTolerance.cents, options.dateToleranceDays,
                result.summary.idaRows, result.summary.sfdcRows, result.summary.matched, differences.count,
                result.rejectedRows.count, differences.count,
            ])
        let runID = db.lastInsertedRowID

        // Counts come from the rows saved, so the runs list always agrees with the differences.
        var position = 0
        for kind in DifferenceKind.allCases {
            var n = 0
            while position + n < differences.count && differences[position + n].kind == kind { n += 1 }
            guard n > 0 else { continue }
            try db.execute(
                sql: "INSERT INTO reconcile_run_kinds(run_id, kind, differences, first_position) VALUES (?, ?, ?, ?)",
                arguments: [runID, kind.rawValue, n, position])
            position += n
        }

        // Each difference is written once, complete. Its latest earlier occurrence, found through the
        // recurrence index, gives when it was first seen and the latest resolution along the chain (that
        // occurrence's own, else the one it carried). One lookup and one insert a row, each a prepared
        // statement reused: a lookup inside the INSERT (INSERT … SELECT) went through a temporary table on
        // every row, and an UPDATE afterwards rewrote every recurring row (each measured 2–3× slower).
        let ranAt = Dictionary(
            try Row.fetchAll(db, sql: "SELECT id, ran_at FROM reconcile_runs WHERE id < ?", arguments: [runID])
                .map { ($0[0] as Int64, $0[1] as Int64) },
            uniquingKeysWith: { first, _ in first })
        var previous = try RawStatement(db, sql: """
            SELECT id, run_id, first_seen_at, resolution IS NOT NULL, earlier_resolution_id FROM reconcile_differences
            WHERE recurrence_key = ? AND run_id < ? ORDER BY run_id DESC, id DESC LIMIT 1
            """)
        var insert = try RawStatement(db, sql: """
            INSERT INTO reconcile_differences(run_id, position, kind, ida_order, sfdc_id, field, ida_value, sfdc_value,
              matched_by, recurrence_key, order_id, first_seen_at, earlier_resolution_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM orders WHERE order_number = ?), ?, ?)
            """)
        var recurring = 0
        for (position, d) in differences.enumerated() {
            let key = d.recurrenceKey
            var firstSeenAt: Int64?
            var earlierResolution: Int64?
            // The very first run has nothing to look back on.
            if !ranAt.isEmpty {
                previous.add(key); previous.add(runID)
                let found = try previous.firstRow { row in
                    (id: row.int64(0) ?? 0, run: row.int64(1) ?? 0, firstSeenAt: row.int64(2),
                     resolved: row.int64(3) == 1, earlier: row.int64(4))
                }
                if let found {
                    firstSeenAt = found.firstSeenAt ?? ranAt[found.run]
                    earlierResolution = found.resolved ? found.id : found.earlier
                    recurring += 1
                }
            }
            insert.add(runID); insert.add(position); insert.add(d.kind.rawValue); insert.add(d.idaOrder)
            insert.add(d.sfdcID); insert.add(d.field?.rawValue); insert.add(d.idaValue); insert.add(d.sfdcValue)
            insert.add(d.matchedBy?.rawValue); insert.add(key); insert.add(d.idaOrder.flatMap(OrderKey.storeOrderNumber))
            insert.add(firstSeenAt); insert.add(earlierResolution)
            try insert.insert()
        }
        try db.execute(
            sql: "UPDATE reconcile_runs SET recurring_differences = ? WHERE id = ?", arguments: [recurring, runID])

        var rejected = try RawStatement(db, sql: "INSERT INTO reconcile_rejected_rows(run_id, file, line, error) VALUES (?, ?, ?, ?)")
        for row in result.rejectedRows {
            rejected.add(runID); rejected.add(row.file.rawValue); rejected.add(row.line); rejected.add(row.error)
            try rejected.insert()
        }

        let summary = "\(ida.name) vs \(sfdc.name): \(differences.count) differences (\(recurring) recurring), "
            + "\(result.summary.matched) matched, \(result.rejectedRows.count) rejected rows"
        try Audit.append(db, at: now, actorID: actorID, entity: "reconcile_run", entityID: runID, action: "reconcile",
                         field: nil, old: nil, new: summary)
        return runID
    }

    /// Sets a difference's resolution and note and appends the audit rows; the caller holds the transaction.
    static func resolveDifference(
        _ db: Database, id: Int64, resolution: DifferenceResolution, note: String, actor: UserAccount, now: Int64
    ) throws {
        let user = try requireReconciler(db, actor, action: "resolve reconciliation differences")
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw StoreError.resolutionNoteRequired }
        guard let current = try Row.fetchOne(
            db, sql: "SELECT run_id, recurrence_key, resolution, resolution_note FROM reconcile_differences WHERE id = ?",
            arguments: [id])
        else { throw StoreError.differenceNotFound(id) }
        let runID: Int64 = current[0]
        let key: String = current[1]
        let oldResolution: String? = current[2]
        let oldNote: String? = current[3]
        // The same decision with the same note changes nothing, so it writes nothing.
        if oldResolution == resolution.rawValue && oldNote == text { return }

        try db.execute(
            sql: """
                UPDATE reconcile_differences SET resolution = ?, resolution_note = ?, resolved_by = ?, resolved_at = ?
                WHERE id = ?
                """,
            arguments: [resolution.rawValue, text, user.id, now, id])
        if oldResolution != resolution.rawValue {
            try Audit.append(db, at: now, actorID: user.id, entity: "reconcile_difference", entityID: id,
                             action: "resolve", field: "resolution", old: oldResolution, new: resolution.rawValue)
        }
        if oldNote != text {
            try Audit.append(db, at: now, actorID: user.id, entity: "reconcile_difference", entityID: id,
                             action: "resolve", field: "note", old: oldNote, new: text)
        }
        // Later runs' occurrences now carry this resolution, unless they already carry a later one.
        // Ids grow with runs (rows are only ever added), so a larger id is a later occurrence.
        try db.execute(
            sql: """
                UPDATE reconcile_differences SET earlier_resolution_id = ?1
                WHERE recurrence_key = ?2 AND run_id > ?3
                  AND (earlier_resolution_id IS NULL OR earlier_resolution_id < ?1)
                """,
            arguments: [id, key, runID])
    }

    static func fetchReconcileRun(_ db: Database, id: Int64) throws -> ReconcileRunSummary {
        guard let row = try Row.fetchOne(db, sql: runSelect + " WHERE r.id = ?", arguments: [id]) else {
            throw StoreError.reconcileRunNotFound(id)
        }
        var kinds: [DifferenceKind: Int] = [:]
        for kindRow in try Row.fetchAll(
            db, sql: "SELECT kind, differences FROM reconcile_run_kinds WHERE run_id = ?", arguments: [id]) {
            kinds[try decodeKind(kindRow[0], column: "reconcile_run_kinds.kind")] = kindRow[1]
        }
        return try decodeRun(row, kinds: kinds)
    }

    static func fetchDifference(_ db: Database, id: Int64) throws -> SavedDifference {
        guard let row = try Row.fetchOne(db, sql: differenceSelect + " WHERE d.id = ?", arguments: [id]) else {
            throw StoreError.differenceNotFound(id)
        }
        return try decodeDifference(row)
    }

    // MARK: - Paging

    /// A page in either direction. With kinds selected, each kind's range of positions is paged on its
    /// own and the pages merged: an IN list on kind would make SQLite sort every matching row for one page.
    private func differencesPage(
        runID: Int64, query: DifferenceQuery, from position: Int?, forward: Bool, limit: Int
    ) throws -> [SavedDifference] {
        guard limit > 0 else { return [] }
        return try writer.read { db in
            let ranges: [Range<Int>?] = try Self.positionRanges(db, runID: runID, kinds: query.kinds) ?? [nil]
            var page: [SavedDifference] = []
            for range in ranges {
                var filter = DifferenceFilter(runID: runID, query: query)
                if let range { filter.add("d.position >= ? AND d.position < ?", [range.lowerBound, range.upperBound]) }
                if let position { filter.add(forward ? "d.position > ?" : "d.position < ?", [position]) }
                var arguments = filter.arguments
                arguments += [limit]
                let sql = Self.differenceSelect + " WHERE " + filter.sql
                    + (forward ? " ORDER BY d.position LIMIT ?" : " ORDER BY d.position DESC LIMIT ?")
                page += try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.decodeDifference)
            }
            page.sort { forward ? $0.position < $1.position : $0.position > $1.position }
            let rows = page.prefix(limit)
            return forward ? Array(rows) : rows.reversed()
        }
    }

    /// The positions of the selected kinds in a run, in report order; nil when no kind is selected (all).
    private static func positionRanges(_ db: Database, runID: Int64, kinds: Set<DifferenceKind>) throws -> [Range<Int>]? {
        guard !kinds.isEmpty else { return nil }
        var ranges: [(DifferenceKind, Range<Int>)] = []
        for row in try Row.fetchAll(
            db, sql: "SELECT kind, first_position, differences FROM reconcile_run_kinds WHERE run_id = ?",
            arguments: [runID]) {
            let kind = try decodeKind(row[0], column: "reconcile_run_kinds.kind")
            let first: Int = row[1]
            let count: Int = row[2]
            if kinds.contains(kind) { ranges.append((kind, first..<(first + count))) }
        }
        return ranges.sorted { $0.1.lowerBound < $1.1.lowerBound }.map(\.1)
    }

    private static func countDifferences(_ db: Database, _ filter: DifferenceFilter) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM reconcile_differences d WHERE " + filter.sql,
                         arguments: filter.arguments) ?? 0
    }
}

/// The WHERE conditions a `DifferenceQuery` puts on one run's differences (alias `d`), with bound arguments.
private struct DifferenceFilter {
    private var conditions: [String]
    private(set) var arguments: StatementArguments

    init(runID: Int64, query: DifferenceQuery) {
        conditions = ["d.run_id = ?"]
        arguments = [runID]
        // Written exactly as the partial index's WHERE, so SQLite can use reconcile_differences_open.
        if !query.includeResolved { conditions.append("d.resolution IS NULL") }
        let search = Self.searchText(query)
        if !search.isEmpty {
            // LIKE folds ASCII case; the values are canonical (codes, digits, dates, amounts), all ASCII.
            let pattern = "%" + Self.escapeLike(search) + "%"
            conditions.append("""
                (d.ida_order LIKE ? ESCAPE '\\' OR d.sfdc_id LIKE ? ESCAPE '\\' \
                OR d.ida_value LIKE ? ESCAPE '\\' OR d.sfdc_value LIKE ? ESCAPE '\\')
                """)
            arguments += [pattern, pattern, pattern, pattern]
        }
    }

    /// The search as applied: without surrounding blanks; empty means no search.
    static func searchText(_ query: DifferenceQuery) -> String {
        query.search.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `condition` is fixed text from this file; only `values` carry input.
    mutating func add(_ condition: String, _ values: StatementArguments) {
        conditions.append(condition)
        arguments += values
    }

    var sql: String { conditions.joined(separator: " AND ") }

    /// Makes `%`, `_` and the escape character itself match literally.
    static func escapeLike(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "\\" || ch == "%" || ch == "_" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}

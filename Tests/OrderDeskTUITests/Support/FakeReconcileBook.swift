import Foundation
import OrderDeskCore
@testable import OrderDeskTUI

/// Saved reconciliation runs in memory behind the reconciliation closures of a `DeskClient`: the same
/// keyset contract as the store (ascending positions, after / just before a position).
final class FakeReconcileBook: @unchecked Sendable {
    private let lock = NSLock()
    private var _runs: [ReconcileRunSummary] = []
    private var _differences: [SavedDifference] = []
    /// What `runReconcile` does; by default it fails as an unconfigured store would.
    private var _script: (@Sendable (String, String, ReconcileOptions, ReconcileProgress) throws -> ReconcileRunSummary)?
    private var _exportError: Error?
    private var _exports: [(runID: Int64, path: String)] = []
    private var _resolveError: Error?
    /// Every query the screens asked, to check that only visible rows are fetched.
    private var _fetches: [(after: Int?, before: Int?, limit: Int)] = []
    /// What `completePath` answers; by default the real completion over `completionDirectory`.
    var completionDirectory: String?

    var runs: [ReconcileRunSummary] {
        get { lock.withLock { _runs } }
        set { lock.withLock { _runs = newValue } }
    }
    var differences: [SavedDifference] {
        get { lock.withLock { _differences } }
        set { lock.withLock { _differences = newValue } }
    }
    var script: (@Sendable (String, String, ReconcileOptions, ReconcileProgress) throws -> ReconcileRunSummary)? {
        get { lock.withLock { _script } }
        set { lock.withLock { _script = newValue } }
    }
    var exportError: Error? {
        get { lock.withLock { _exportError } }
        set { lock.withLock { _exportError = newValue } }
    }
    var resolveError: Error? {
        get { lock.withLock { _resolveError } }
        set { lock.withLock { _resolveError = newValue } }
    }
    var exports: [(runID: Int64, path: String)] { lock.withLock { _exports } }
    var fetches: [(after: Int?, before: Int?, limit: Int)] { lock.withLock { _fetches } }

    func matching(_ runID: Int64, _ query: DifferenceQuery) -> [SavedDifference] {
        lock.withLock { Self.filter(_differences, runID, query) }
    }

    static func filter(_ all: [SavedDifference], _ runID: Int64, _ query: DifferenceQuery) -> [SavedDifference] {
        let needle = query.search.lowercased()
        return all.filter { saved in
            let d = saved.difference
            return saved.runID == runID
                && (query.kinds.isEmpty || query.kinds.contains(d.kind))
                && (query.includeResolved || saved.resolution == nil)
                && (needle.isEmpty || [d.idaOrder, d.sfdcID, d.idaValue, d.sfdcValue].contains { $0?.lowercased().contains(needle) == true })
        }.sorted { $0.position < $1.position }
    }

    func after(_ runID: Int64, _ query: DifferenceQuery, _ position: Int?, _ limit: Int) -> [SavedDifference] {
        lock.withLock { _fetches.append((position, nil, limit)) }
        return Array(matching(runID, query).filter { position == nil || $0.position > position! }.prefix(limit))
    }

    func before(_ runID: Int64, _ query: DifferenceQuery, _ position: Int, _ limit: Int) -> [SavedDifference] {
        lock.withLock { _fetches.append((nil, position, limit)) }
        return Array(matching(runID, query).filter { $0.position < position }.suffix(limit))
    }

    func resolve(_ id: Int64, _ resolution: DifferenceResolution, _ note: String, by user: UserAccount, at now: Int64) throws -> SavedDifference {
        try lock.withLock {
            if let error = _resolveError { throw error }
            guard user.role.canChangeOrders else {
                throw OrderDeskError.forbidden(login: user.login, role: user.role, action: "resolve differences")
            }
            guard let i = _differences.firstIndex(where: { $0.id == id }) else { throw OrderDeskError.orderNotFound(String(id)) }
            let wasOpen = _differences[i].resolution == nil
            _differences[i].resolution = DifferenceResolutionRecord(resolution: resolution, note: note, by: user.login, at: now)
            if wasOpen, let r = _runs.firstIndex(where: { $0.id == _differences[i].runID }) { _runs[r].openDifferences -= 1 }
            return _differences[i]
        }
    }

    func export(_ runID: Int64, _ path: String) throws -> Int {
        if let error = exportError { throw error }
        lock.withLock { _exports.append((runID, path)) }
        return matching(runID, DifferenceQuery(includeResolved: false)).count
    }

    func runReconcile(_ ida: String, _ sfdc: String, _ options: ReconcileOptions, _ progress: ReconcileProgress) throws -> ReconcileRunSummary {
        guard let script else { throw ReconcileError.fileMissing(side: .ida, path: ida) }
        let summary = try script(ida, sfdc, options, progress)
        lock.withLock { _runs.insert(summary, at: 0) }
        return summary
    }
}

/// Deterministic runs and differences: values with accents and wide characters, recurring and resolved ones.
enum SampleReconcile {
    static let now = SampleOrders.now

    static func summary(id: Int64, ranAt: Int64, byKind: [DifferenceKind: Int], open: Int, recurring: Int,
                        ida: String = "ida_orders_2026-11-16.csv", sfdc: String = "sfdc_orders_2026-11-16.csv",
                        ranBy: String = "dana.ruiz") -> ReconcileRunSummary {
        var kinds = Dictionary(uniqueKeysWithValues: DifferenceKind.allCases.map { ($0, 0) })
        for (k, n) in byKind { kinds[k] = n }
        let total = kinds.values.reduce(0, +)
        return ReconcileRunSummary(
            id: id, ranAt: ranAt, ranBy: ranBy,
            ida: ExportFileInfo(name: ida, size: 98_304, sha256: String(repeating: "a", count: 64)),
            sfdc: ExportFileInfo(name: sfdc, size: 101_376, sha256: String(repeating: "b", count: 64)),
            options: ReconcileOptions(moneyTolerance: Money(cents: 1), dateToleranceDays: 0),
            summary: ReconcileSummary(idaRows: 1_000, sfdcRows: 998, matched: 975, differences: total, byKind: kinds),
            rejectedRows: 2, openDifferences: open, recurringDifferences: recurring)
    }

    /// `count` differences for run 12 cycling through the kinds; every 7th recurring, every 5th resolved.
    static func differences(runID: Int64 = 12, count: Int, ranAt: Int64 = now - 86_400) -> [SavedDifference] {
        let kinds = DifferenceKind.allCases
        return (0..<count).map { i in
            let kind = kinds[i % kinds.count]
            let number = String(451_200 + i * 3).leftPadded(to: 8)
            let sfdc = "8015e00000" + String(1_000 + i) + "AbAV"
            var d = Difference(kind: kind)
            switch kind {
            case .missingInSFDC, .duplicateInIDA: d.idaOrder = "IDA-" + number
            case .missingInIDA, .duplicateInSFDC: d.sfdcID = sfdc
            default:
                d.idaOrder = "IDA-" + number; d.sfdcID = sfdc
                d.matchedBy = kind == .missingCrossReference ? .heuristic : .crossReference
            }
            if let field = kind.field {
                d.field = field
                switch field {
                case .status: (d.idaValue, d.sfdcValue) = ("scheduled", "in_progress")
                case .mrr: (d.idaValue, d.sfdcValue) = ("1234.50", "1243.50")
                case .nrc: (d.idaValue, d.sfdcValue) = ("0.00", "150.00")
                case .term: (d.idaValue, d.sfdcValue) = ("36", "24")
                case .installDate: (d.idaValue, d.sfdcValue) = ("2026-03-21", nil)
                case .account: (d.idaValue, d.sfdcValue) = ("07830012345", "7830012345")
                }
            }
            var saved = SavedDifference(id: Int64(1_000 + i), runID: runID, position: i, difference: d,
                                        orderID: d.idaOrder == nil || i % 4 == 3 ? nil : Int64(i + 1))
            if i % 7 == 2 {
                saved.firstSeenAt = ranAt - Int64(1 + i % 3) * 7 * 86_400
                saved.earlierResolution = DifferenceResolutionRecord(
                    resolution: .fixInSFDC, note: "Asked Zoë in Sales Ops to correct the order; ticket SF-2231",
                    by: "lee.chen", at: ranAt - 6 * 86_400)
            }
            if i % 5 == 4 {
                saved.resolution = DifferenceResolutionRecord(
                    resolution: .accepted, note: "Café Roma's contract allows this", by: "dana.ruiz", at: ranAt + 3_600)
            }
            return saved
        }
    }

    static let manyKinds: [DifferenceKind: Int] = [
        .missingInSFDC: 12, .missingInIDA: 3, .statusMismatch: 20, .mrrMismatch: 4, .nrcMismatch: 1,
        .termMismatch: 1, .installDateMismatch: 6, .accountMismatch: 2, .duplicateInIDA: 1, .missingCrossReference: 5,
    ]

    /// Three runs, newest first, the newest with `count` differences.
    static func book(differences count: Int = 40) -> FakeReconcileBook {
        let book = FakeReconcileBook()
        let diffs = differences(count: count)
        let open = diffs.filter { $0.resolution == nil }.count
        var byKind: [DifferenceKind: Int] = [:]
        for d in diffs { byKind[d.difference.kind, default: 0] += 1 }
        book.runs = [
            summary(id: 12, ranAt: now - 86_400, byKind: byKind, open: open, recurring: diffs.filter(\.isRecurring).count),
            summary(id: 11, ranAt: now - 8 * 86_400, byKind: manyKinds, open: 0, recurring: 31,
                    ida: "ida_orders_2026-11-09.csv", sfdc: "sfdc_orders_2026-11-09 (Zoë's copy).csv", ranBy: "lee.chen"),
            summary(id: 9, ranAt: now - 15 * 86_400, byKind: [.statusMismatch: 2], open: 1, recurring: 0,
                    ida: "ida.csv", sfdc: "sfdc.csv"),
        ]
        book.differences = diffs
        return book
    }
}

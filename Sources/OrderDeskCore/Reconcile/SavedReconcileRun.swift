/// What a person decided about a difference.
public enum DifferenceResolution: String, CaseIterable, Sendable, Codable, Hashable {
    case fixInSFDC = "fix_in_sfdc"
    case fixInIDA = "fix_in_ida"
    case accepted
    case ignored

    /// Words for people: "fix in SFDC".
    public var label: String {
        switch self {
        case .fixInSFDC: return "fix in SFDC"
        case .fixInIDA: return "fix in IDA"
        case .accepted: return "accepted"
        case .ignored: return "ignored"
        }
    }
}

/// One input file of a saved run, as it was when the run read it.
public struct ExportFileInfo: Hashable, Sendable, Codable {
    /// The file's name (last path component).
    public var name: String
    public var size: Int64
    /// Lowercase hex SHA-256 of the file's bytes.
    public var sha256: String

    public init(name: String, size: Int64, sha256: String) {
        self.name = name; self.size = size; self.sha256 = sha256
    }
}

/// A saved reconciliation run as the runs list shows it.
public struct ReconcileRunSummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    /// Unix seconds.
    public var ranAt: Int64
    public var ranBy: String
    public var ida: ExportFileInfo
    public var sfdc: ExportFileInfo
    public var options: ReconcileOptions
    public var summary: ReconcileSummary
    /// Rows of either file that could not be read.
    public var rejectedRows: Int
    /// Differences not yet resolved.
    public var openDifferences: Int
    /// Differences that were already reported by an earlier run.
    public var recurringDifferences: Int

    public init(
        id: Int64, ranAt: Int64, ranBy: String, ida: ExportFileInfo, sfdc: ExportFileInfo, options: ReconcileOptions,
        summary: ReconcileSummary, rejectedRows: Int, openDifferences: Int, recurringDifferences: Int
    ) {
        self.id = id; self.ranAt = ranAt; self.ranBy = ranBy; self.ida = ida; self.sfdc = sfdc
        self.options = options; self.summary = summary; self.rejectedRows = rejectedRows
        self.openDifferences = openDifferences; self.recurringDifferences = recurringDifferences
    }
}

/// How a difference was resolved, and by whom.
public struct DifferenceResolutionRecord: Hashable, Sendable, Codable {
    public var resolution: DifferenceResolution
    public var note: String
    public var by: String
    /// Unix seconds.
    public var at: Int64

    public init(resolution: DifferenceResolution, note: String, by: String, at: Int64) {
        self.resolution = resolution; self.note = note; self.by = by; self.at = at
    }
}

/// A difference of a saved run, with what people did about it.
public struct SavedDifference: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var runID: Int64
    /// Position in the run's report order, 0-based.
    public var position: Int
    public var difference: Difference
    /// The order in the store the difference is about, when it exists there.
    public var orderID: Int64?
    public var resolution: DifferenceResolutionRecord?
    /// When the same difference (same kind and keys) was first reported, Unix seconds; nil when this run is the first.
    public var firstSeenAt: Int64?
    /// The latest resolution an earlier run's occurrence of this difference got.
    public var earlierResolution: DifferenceResolutionRecord?

    public init(
        id: Int64, runID: Int64, position: Int, difference: Difference, orderID: Int64? = nil,
        resolution: DifferenceResolutionRecord? = nil, firstSeenAt: Int64? = nil,
        earlierResolution: DifferenceResolutionRecord? = nil
    ) {
        self.id = id; self.runID = runID; self.position = position; self.difference = difference
        self.orderID = orderID; self.resolution = resolution; self.firstSeenAt = firstSeenAt
        self.earlierResolution = earlierResolution
    }

    public var isRecurring: Bool { firstSeenAt != nil }

    /// Whole weeks between the first report and `runAt` (a run a week later is 1 week old).
    public func ageInWeeks(runAt: Int64) -> Int {
        guard let first = firstSeenAt else { return 0 }
        return Int(max(0, runAt - first) / (7 * 86_400))
    }
}

/// Which differences of a run to show.
public struct DifferenceQuery: Hashable, Sendable {
    /// Only these kinds; empty means all.
    public var kinds: Set<DifferenceKind>
    /// Matched against the IDA order number, the SFDC id and both values, case-insensitively.
    public var search: String
    /// Whether resolved differences are listed too.
    public var includeResolved: Bool

    public init(kinds: Set<DifferenceKind> = [], search: String = "", includeResolved: Bool = true) {
        self.kinds = kinds; self.search = search; self.includeResolved = includeResolved
    }
}

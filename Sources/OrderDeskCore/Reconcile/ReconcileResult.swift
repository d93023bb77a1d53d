/// The knobs of a reconciliation run.
public struct ReconcileOptions: Hashable, Sendable, Codable {
    /// MRR and NRC differ only when they differ by more than this.
    public var moneyTolerance: Money
    /// Dates differ only when they are more than this many days apart.
    public var dateToleranceDays: Int

    public init(moneyTolerance: Money = .zero, dateToleranceDays: Int = 0) {
        self.moneyTolerance = moneyTolerance; self.dateToleranceDays = dateToleranceDays
    }

    /// Days between the booked dates within which an unreferenced SFDC record may pair with an IDA one.
    public static let heuristicBookedWindowDays = 3
}

/// The counts at the top of a reconciliation report.
public struct ReconcileSummary: Hashable, Sendable, Codable {
    /// Data rows in the IDA file, rejected rows included.
    public var idaRows: Int
    /// Data rows in the SFDC file, rejected rows included.
    public var sfdcRows: Int
    /// Pairs made, by cross-reference or heuristically.
    public var matched: Int
    public var differences: Int
    /// Every kind, zero where none was found.
    public var byKind: [DifferenceKind: Int]

    public init(idaRows: Int, sfdcRows: Int, matched: Int, differences: Int, byKind: [DifferenceKind: Int]) {
        self.idaRows = idaRows; self.sfdcRows = sfdcRows; self.matched = matched
        self.differences = differences; self.byKind = byKind
    }

    /// Counts for a list of differences.
    public static func counting(_ differences: [Difference], idaRows: Int, sfdcRows: Int, matched: Int) -> ReconcileSummary {
        var byKind = Dictionary(uniqueKeysWithValues: DifferenceKind.allCases.map { ($0, 0) })
        for difference in differences { byKind[difference.kind, default: 0] += 1 }
        return ReconcileSummary(idaRows: idaRows, sfdcRows: sfdcRows, matched: matched,
                                differences: differences.count, byKind: byKind)
    }
}

/// Everything a reconciliation run found.
public struct ReconcileResult: Hashable, Sendable {
    public var summary: ReconcileSummary
    /// In report order (`Difference.reportOrder`).
    public var differences: [Difference]
    /// In file order, IDA first.
    public var rejectedRows: [RejectedRow]

    public init(summary: ReconcileSummary, differences: [Difference], rejectedRows: [RejectedRow]) {
        self.summary = summary; self.differences = differences; self.rejectedRows = rejectedRows
    }

    /// Whether the two exports agree (exit status 0).
    public var agrees: Bool { differences.isEmpty }
}

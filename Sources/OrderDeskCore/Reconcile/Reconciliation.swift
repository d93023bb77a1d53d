/// Reconciles an IDA export against an SFDC export (FORMATS.md): reads both, pairs their records by
/// cross-reference (then heuristically), and lists every difference in report order.
public enum Reconciliation {
    /// Reads both exports, on two threads, in chunks, and reconciles them with a hash join.
    /// Throws `ReconcileError` when a run cannot be done (no header, a required column missing, cancelled).
    public static func run(
        ida: some ExportSource, sfdc: some ExportSource, options: ReconcileOptions = ReconcileOptions(),
        progress: ReconcileProgress? = nil
    ) throws -> ReconcileResult {
        // Engine in progress (issue 3): replaced in the next commit.
        ReconcileResult(summary: .counting([], idaRows: 0, sfdcRows: 0, matched: 0), differences: [], rejectedRows: [])
    }
}

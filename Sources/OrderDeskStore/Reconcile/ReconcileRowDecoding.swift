import GRDB
import OrderDeskCore

/// The SELECTs for saved runs and differences, and the decoding of their rows (columns by position).
extension AppDatabase {
    /// A run with the name of who ran it; alias `r`.
    static let runSelect = """
        SELECT r.id, r.ran_at, COALESCE(u.name, u.login, 'unknown'),
               r.ida_name, r.ida_size, r.ida_sha256, r.sfdc_name, r.sfdc_size, r.sfdc_sha256,
               r.money_tolerance_cents, r.date_tolerance_days, r.ida_rows, r.sfdc_rows, r.matched, r.differences,
               r.rejected_rows, r.open_differences, r.recurring_differences
        FROM reconcile_runs r LEFT JOIN users u ON u.id = r.ran_by
        """

    /// A difference with who resolved it and the resolution it carries from an earlier run; alias `d`.
    static let differenceSelect = """
        SELECT d.id, d.run_id, d.position, d.kind, d.ida_order, d.sfdc_id, d.field, d.ida_value, d.sfdc_value,
               d.matched_by, d.order_id, d.first_seen_at,
               d.resolution, d.resolution_note, COALESCE(du.name, du.login, 'unknown'), d.resolved_at,
               e.resolution, e.resolution_note, COALESCE(eu.name, eu.login, 'unknown'), e.resolved_at
        FROM reconcile_differences d
        LEFT JOIN users du ON du.id = d.resolved_by
        LEFT JOIN reconcile_differences e ON e.id = d.earlier_resolution_id
        LEFT JOIN users eu ON eu.id = e.resolved_by
        """

    /// `kinds` holds the non-zero counts; the summary lists every kind.
    static func decodeRun(_ row: Row, kinds: [DifferenceKind: Int]) throws -> ReconcileRunSummary {
        var byKind = Dictionary(uniqueKeysWithValues: DifferenceKind.allCases.map { ($0, 0) })
        for (kind, n) in kinds { byKind[kind] = n }
        return ReconcileRunSummary(
            id: row[0], ranAt: row[1], ranBy: row[2],
            ida: ExportFileInfo(name: row[3], size: row[4], sha256: row[5]),
            sfdc: ExportFileInfo(name: row[6], size: row[7], sha256: row[8]),
            options: ReconcileOptions(moneyTolerance: Money(cents: row[9]), dateToleranceDays: row[10]),
            summary: ReconcileSummary(idaRows: row[11], sfdcRows: row[12], matched: row[13], differences: row[14],
                                      byKind: byKind),
            rejectedRows: row[15], openDifferences: row[16], recurringDifferences: row[17])
    }

    static func decodeDifference(_ row: Row) throws -> SavedDifference {
        let kind = try decodeKind(row[3])
        let field: String? = row[6]
        let matchedBy: String? = row[9]
        let difference = Difference(
            kind: kind, idaOrder: row[4], sfdcID: row[5],
            field: try field.map { raw in
                guard let field = DifferenceField(rawValue: raw) else {
                    throw StoreError.corruptValue(column: "reconcile_differences.field", value: raw)
                }
                return field
            },
            idaValue: row[7], sfdcValue: row[8],
            matchedBy: try matchedBy.map { raw in
                guard let by = MatchedBy(rawValue: raw) else {
                    throw StoreError.corruptValue(column: "reconcile_differences.matched_by", value: raw)
                }
                return by
            })
        return SavedDifference(
            id: row[0], runID: row[1], position: row[2], difference: difference, orderID: row[10],
            resolution: try resolution(row, from: 12), firstSeenAt: row[11],
            earlierResolution: try resolution(row, from: 16))
    }

    static func decodeKind(_ raw: String, column: String = "reconcile_differences.kind") throws -> DifferenceKind {
        guard let kind = DifferenceKind(rawValue: raw) else {
            throw StoreError.corruptValue(column: column, value: raw)
        }
        return kind
    }

    /// Resolution, note, who, when at `index`…`index + 3`; nil when unresolved.
    private static func resolution(_ row: Row, from index: Int) throws -> DifferenceResolutionRecord? {
        guard let raw: String = row[index] else { return nil }
        guard let resolution = DifferenceResolution(rawValue: raw) else {
            throw StoreError.corruptValue(column: "reconcile_differences.resolution", value: raw)
        }
        return DifferenceResolutionRecord(resolution: resolution, note: row[index + 1], by: row[index + 2], at: row[index + 3])
    }
}

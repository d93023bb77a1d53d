/// A sales report as text: an aligned table for people, CSV and JSON for machines.
/// CONTRACT STUB: filled in by the CLI work.
public enum SalesReportDocument {
    /// Every table of the report as one CSV file: a `section` column names the table; numbers are plain
    /// (dollars with two decimals, percentages as numbers), dates ISO, and text cells guarded against formulas.
    public static func csv(_ report: SalesReport) -> String { "" }
}

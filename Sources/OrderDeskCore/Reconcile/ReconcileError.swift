import Foundation

/// Why a reconciliation could not be done at all (exit status 2). Unreadable rows are not errors:
/// they are reported as `RejectedRow`s and the run goes on.
public enum ReconcileError: Error, LocalizedError, Equatable, Sendable {
    case fileMissing(side: ExportSide, path: String)
    case fileUnreadable(side: ExportSide, path: String, reason: String)
    case emptyFile(side: ExportSide, name: String)
    case missingColumns(side: ExportSide, name: String, columns: [String])
    case cancelled

    public var errorDescription: String? {
        switch self {
        case let .fileMissing(side, path):
            return "The \(side.label) export '\(path)' does not exist. Check the path and run again."
        case let .fileUnreadable(side, path, reason):
            return "The \(side.label) export '\(path)' cannot be read: \(reason)."
        case let .emptyFile(side, name):
            return "The \(side.label) export '\(name)' is empty: it has no header row. Export it again."
        case let .missingColumns(side, name, columns):
            let list = columns.joined(separator: ", ")
            return "The \(side.label) export '\(name)' has no \(columns.count == 1 ? "column" : "columns") \(list) "
                + "(line 1, the header). Export it again with \(columns.count == 1 ? "that column" : "those columns")."
        case .cancelled:
            return "The reconciliation was cancelled; nothing was saved."
        }
    }
}

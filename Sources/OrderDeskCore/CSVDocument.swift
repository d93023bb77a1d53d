/// One row of a small CSV file, with the physical line it starts on.
public struct CSVRecord: Hashable, Sendable {
    public var line: Int
    public var fields: [String]
    /// Why the row is malformed (an unclosed quote, text after a closing quote), if it is.
    public var error: String?
}

/// A small CSV file (a plant table, a price list) read whole with the reconciliation's scanner: the same
/// line ends, quoting, padding, byte-order mark and UTF-8/Windows-1252 handling as the exports.
public enum CSVDocument {
    /// Every row, the header included. Throws `CSVDocumentError` for a file that is not CSV text.
    public static func records(_ bytes: [UInt8], name: String) throws(CSVDocumentError) -> [CSVRecord] {
        do {
            // The scanner names an export side only in its own errors, which are rethrown below by file name.
            var scanner = CSVScanner(source: BytesExportSource(name: name, bytes: bytes), side: .ida, progress: nil)
            try scanner.skipByteOrderMark()
            var text = FieldText()
            var records: [CSVRecord] = []
            while try scanner.nextRow() {
                let fields = scanner.fields.map { text.decode(scanner.bytes, $0) }
                // A blank line is not a row.
                if fields.count == 1 && fields[0].isEmpty && scanner.rowError == nil { continue }
                records.append(CSVRecord(line: scanner.line, fields: fields, error: scanner.rowError))
            }
            return records
        } catch let ReconcileError.fileUnreadable(_, path, reason) {
            throw CSVDocumentError(file: path, reason: reason)
        } catch {
            throw CSVDocumentError(file: name, reason: String(describing: error))
        }
    }
}

/// A file that cannot be read as CSV at all.
public struct CSVDocumentError: Error, Hashable, Sendable {
    public var file: String
    public var reason: String
    public var message: String { "\(file) cannot be read: \(reason)." }
}

/// A field of the current row: a byte range of the scanner's buffer, valid until the next `nextRow()`.
struct FieldSpan {
    var start: Int
    var end: Int
    /// The field had `""` inside quotes, which stands for one `"`.
    var hasEscapedQuote: Bool
}

/// Reads CSV rows from an `ExportSource` in chunks, in one pass over each byte.
///
/// RFC 4180 with what real exports add: CRLF, LF or CR line ends, spaces around fields (trimmed when
/// unquoted, and around the quotes of quoted ones), quoted fields with commas, quotes and line breaks,
/// and a UTF-8 byte-order mark. Line numbers are physical lines, so a row reported as bad can be
/// found in an editor even when an earlier field spans lines.
struct CSVScanner: ~Copyable {
    private let source: any ExportSource
    private let side: ExportSide
    private var buffer: UnsafeMutableRawBufferPointer
    /// Valid data is `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var nextLine = 1
    private let progress: ReconcileProgress?
    private var bytesSinceReport = 0
    private var rowsSinceReport = 0

    /// The fields of the row `nextRow()` returned.
    private(set) var fields: [FieldSpan] = []
    /// The line the current row starts on.
    private(set) var line = 0
    /// Why the current row is malformed, if it is (an unclosed quote, text after a closing quote).
    private(set) var rowError: String?
    /// The current row's bytes start here (for messages that quote the row).
    private(set) var rowStart = 0

    init(source: any ExportSource, side: ExportSide, progress: ReconcileProgress?, chunkSize: Int = 1 << 20) {
        self.source = source
        self.side = side
        self.progress = progress
        buffer = .allocate(byteCount: chunkSize, alignment: 8)
        fields.reserveCapacity(32)
    }

    deinit { buffer.deallocate() }

    /// The bytes of the buffer, for the field parsers.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(buffer) }

    /// Skips a UTF-8 byte-order mark; throws when the file is UTF-16, which the engine cannot read.
    mutating func skipByteOrderMark() throws {
        while end - start < 3 && !atEOF { try fill() }
        let b = buffer
        if end - start >= 3, b[start] == 0xEF, b[start + 1] == 0xBB, b[start + 2] == 0xBF { start += 3; return }
        if end - start >= 2, (b[start] == 0xFF && b[start + 1] == 0xFE) || (b[start] == 0xFE && b[start + 1] == 0xFF) {
            throw ReconcileError.fileUnreadable(
                side: side, path: source.name, reason: "it is UTF-16 text; save it as CSV (UTF-8 or Windows-1252)")
        }
    }

    /// Moves to the next row; false at the end of the file.
    mutating func nextRow() throws -> Bool {
        while true {
            if start == end {
                if atEOF { flushProgress(); return false }
                try fill()
                continue
            }
            if let next = scanRow() {
                rowStart = start
                start = next.end
                line = nextLine
                nextLine += next.lines
                rowsSinceReport += 1
                return true
            }
            // scanRow always ends a row at the end of the file; should that ever change, stop with a
            // message instead of waiting for bytes that will not come (or crashing the desk's worker).
            guard !atEOF else {
                throw ReconcileError.fileUnreadable(side: side, path: source.name, reason: "the CSV reader stopped inside line \(nextLine)")
            }
            try fill()
        }
    }

    /// Reads more bytes after the unconsumed ones, moving those to the front and growing the buffer
    /// when one row is larger than it.
    private mutating func fill() throws {
        if progress?.isCancelled == true { throw ReconcileError.cancelled }
        if start > 0 {
            let pending = end - start
            if pending > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: pending) }
            start = 0
            end = pending
        }
        if end == buffer.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 8)
            bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = bigger
        }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if n == 0 { atEOF = true } else { end += n }
        bytesSinceReport += n
        if bytesSinceReport >= 1 << 20 || n == 0 { flushProgress() }
    }

    private mutating func flushProgress() {
        progress?.advance(bytes: bytesSinceReport, rows: rowsSinceReport)
        bytesSinceReport = 0
        rowsSinceReport = 0
    }

    /// Scans one row from `start`; nil when the buffer ends inside it and more bytes may come.
    private mutating func scanRow() -> (end: Int, lines: Int)? {
        fields.removeAll(keepingCapacity: true)
        rowError = nil
        let b = UnsafeRawBufferPointer(buffer)
        let end = self.end
        var i = start
        var lines = 0
        while true {
            while i < end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
            if i < end && b[i] == 0x22 {
                i += 1
                let contentStart = i
                var escaped = false
                var closed = false
                while i < end {
                    let c = b[i]
                    if c == 0x22 {
                        if i + 1 < end {
                            if b[i + 1] == 0x22 { escaped = true; i += 2; continue }
                            closed = true
                            break
                        }
                        if !atEOF { return nil }
                        closed = true
                        break
                    }
                    if c == 0x0A { lines += 1 }
                    i += 1
                }
                guard closed else {
                    if !atEOF { return nil }
                    rowError = "a quoted field is not closed (a quote is missing)"
                    fields.append(FieldSpan(start: contentStart, end: end, hasEscapedQuote: escaped))
                    return (end, lines + 1)
                }
                fields.append(FieldSpan(start: contentStart, end: i, hasEscapedQuote: escaped))
                i += 1
                while i < end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
                if i < end && b[i] != 0x2C && b[i] != 0x0A && b[i] != 0x0D {
                    if rowError == nil { rowError = "field \(fields.count) has text after its closing quote" }
                    while i < end && b[i] != 0x2C && b[i] != 0x0A && b[i] != 0x0D { i += 1 }
                }
            } else {
                let contentStart = i
                while i < end {
                    let c = b[i]
                    if c == 0x2C || c == 0x0A || c == 0x0D { break }
                    i += 1
                }
                var contentEnd = i
                while contentEnd > contentStart && (b[contentEnd - 1] == 0x20 || b[contentEnd - 1] == 0x09) {
                    contentEnd -= 1
                }
                fields.append(FieldSpan(start: contentStart, end: contentEnd, hasEscapedQuote: false))
            }
            guard i < end else {
                if !atEOF { return nil }
                return (end, lines + 1)
            }
            let c = b[i]
            if c == 0x2C { i += 1; continue }
            if c == 0x0D {
                if i + 1 < end {
                    i += b[i + 1] == 0x0A ? 2 : 1
                } else if atEOF {
                    i += 1
                } else {
                    return nil
                }
            } else {
                i += 1
            }
            return (i, lines + 1)
        }
    }

    /// Whether the current row is an empty line.
    var isBlankRow: Bool { fields.count == 1 && fields[0].start == fields[0].end && rowError == nil }
}

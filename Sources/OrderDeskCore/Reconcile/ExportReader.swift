/// Reads an export's rows through a `CSVScanner`, maps the header's columns (any case, any order,
/// extra columns ignored), checks each row's shape, and hands the wanted fields to a loader.
/// Rows that cannot be read become `RejectedRow`s with their line and every reason.
struct ExportReader {
    let side: ExportSide
    /// The columns the loader reads, as FORMATS.md names them; all are required.
    let columns: [String]

    /// Reads every data row into `table` (generic, so the per-row call is direct and inlined).
    func read<Table: ExportTable>(
        _ source: any ExportSource, progress: ReconcileProgress?, into table: inout Table
    ) throws -> (rows: Int, rejected: [RejectedRow]) {
        var scanner = CSVScanner(source: source, side: side, progress: progress)
        try scanner.skipByteOrderMark()
        var text = FieldText()
        // The header: the first line that is not blank.
        var header: [String] = []
        while try scanner.nextRow() {
            if scanner.isBlankRow { continue }
            header = scanner.fields.map { text.decode(scanner.bytes, $0).lowercased() }
            break
        }
        guard !header.isEmpty else { throw ReconcileError.emptyFile(side: side, name: source.name) }
        var positions: [Int] = []
        var missing: [String] = []
        for column in columns {
            if let index = header.firstIndex(of: column.lowercased()) { positions.append(index) } else { missing.append(column) }
        }
        guard missing.isEmpty else { throw ReconcileError.missingColumns(side: side, name: source.name, columns: missing) }

        var rows = 0
        var rejected: [RejectedRow] = []
        var row = ExportRow(columns: columns, positions: positions)
        while try scanner.nextRow() {
            if scanner.isBlankRow { continue }
            rows += 1
            let fields = scanner.fields
            let bytes = scanner.bytes
            var problem = scanner.rowError
            if problem == nil && fields.count != header.count {
                let extraAreEmpty = fields.count > header.count
                    && fields[header.count...].allSatisfy { FieldParsing.trimmed(bytes, $0.start, $0.end).0 == FieldParsing.trimmed(bytes, $0.start, $0.end).1 }
                if !extraAreEmpty {
                    problem = "the row has \(fields.count) fields where the header has \(header.count)"
                        + (fields.count > header.count ? " (an unquoted comma?)" : "")
                }
            }
            if let problem {
                rejected.append(RejectedRow(file: side, line: scanner.line, error: problem))
                continue
            }
            row.start(bytes: bytes, fields: fields, text: text)
            table.add(&row)
            text = row.text
            if !row.errors.isEmpty {
                rejected.append(RejectedRow(file: side, line: scanner.line, error: row.errors.joined(separator: "; ")))
            }
        }
        return (rows, rejected)
    }
}

/// What an export's rows are read into.
protocol ExportTable {
    /// Takes one data row; a row it cannot take gets its reasons through `row.reject`/`row.complain`.
    mutating func add(_ row: inout ExportRow)
}

/// One data row as a table sees it: the wanted columns by their position in `ExportReader.columns`,
/// read into values, with a reason recorded for every one that cannot be read.
struct ExportRow {
    let columns: [String]
    let positions: [Int]
    private(set) var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
    private(set) var fields: [FieldSpan] = []
    fileprivate(set) var text = FieldText()
    private(set) var errors: [String] = []

    init(columns: [String], positions: [Int]) { self.columns = columns; self.positions = positions }

    fileprivate mutating func start(bytes: UnsafeRawBufferPointer, fields: [FieldSpan], text: FieldText) {
        self.bytes = bytes; self.fields = fields; self.text = text
        errors.removeAll(keepingCapacity: true)
    }

    func span(_ column: Int) -> FieldSpan { fields[positions[column]] }

    /// The field's text, trimmed.
    mutating func string(_ column: Int) -> String { text.decode(bytes, span(column)) }

    mutating func reject(_ reason: String) { errors.append(reason) }

    mutating func cents(_ column: Int) -> Int64 {
        read(column, FieldParsing.cents, problem: "is not an amount", otherwise: FieldParsing.emptyMoney)
    }

    mutating func day(_ column: Int) -> Int32 {
        read(column, FieldParsing.day, problem: "is not a date (MM/DD/YYYY or yyyy-MM-dd)", otherwise: FieldParsing.emptyDay)
    }

    mutating func term(_ column: Int) -> Int32 {
        read(column, FieldParsing.term, problem: "is not a whole number of months", otherwise: FieldParsing.emptyTerm)
    }

    mutating func account(_ column: Int) -> UInt64 {
        read(column, FieldParsing.account, problem: "is not an account number (up to 11 digits)", otherwise: FieldParsing.emptyAccount)
    }

    /// The field read by `parse`; when it cannot be read, the reason is recorded and `otherwise` returned.
    @inline(__always)
    private mutating func read<Value>(
        _ column: Int, _ parse: (UnsafeRawBufferPointer, Int, Int) -> Value?, problem: String, otherwise: Value
    ) -> Value {
        let f = span(column)
        if let value = parse(bytes, f.start, f.end) { return value }
        complain(column, problem)
        return otherwise
    }

    mutating func orderKey(_ column: Int) -> OrderKeyValue {
        let f = span(column)
        return FieldParsing.orderKey(bytes, f.start, f.end)
    }

    /// Appends the field's 18-character Salesforce id (converting a 15-character one) to `ids`;
    /// false, appending nothing, when it is not an id.
    func appendSalesforceID(_ column: Int, to ids: inout [UInt8]) -> Bool {
        let f = span(column)
        let (s, e) = FieldParsing.trimmed(bytes, f.start, f.end)
        guard e - s == 15 || e - s == 18, !f.hasEscapedQuote else { return false }
        let field = UnsafeRawBufferPointer(rebasing: bytes[s..<e])
        guard field.allSatisfy(SalesforceID.isAlphanumeric) else { return false }
        ids.append(contentsOf: field)
        if e - s == 15 { ids.append(contentsOf: SalesforceID.suffix(of: field)) }
        return true
    }

    /// Whether the field is blank.
    func isEmpty(_ column: Int) -> Bool {
        let f = span(column)
        let (s, e) = FieldParsing.trimmed(bytes, f.start, f.end)
        return s == e
    }

    /// The state the field names, any case.
    func state(_ column: Int, in names: StatusNames) -> OrderState? {
        let f = span(column)
        let (s, e) = FieldParsing.trimmed(bytes, f.start, f.end)
        return names.state(bytes, s, e)
    }

    /// Records "MRC 'abc' is not an amount".
    mutating func complain(_ column: Int, _ problem: String) {
        var value = string(column)
        if value.count > 40 { value = String(value.prefix(39)) + "…" }
        errors.append("\(columns[column]) '\(value)' \(problem)")
    }
}

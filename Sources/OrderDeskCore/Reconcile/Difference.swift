/// Which export a record or a rejected row comes from.
public enum ExportSide: String, CaseIterable, Sendable, Codable, Hashable {
    /// The billing and order system's export.
    case ida
    /// The CRM's export (Salesforce Data Loader, Order object).
    case sfdc

    /// How people write the side's name.
    public var label: String { self == .ida ? "IDA" : "SFDC" }
}

/// The kinds of difference, in the order the report sorts them (FORMATS.md).
public enum DifferenceKind: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case missingInSFDC = "missing_in_sfdc"
    case missingInIDA = "missing_in_ida"
    case statusMismatch = "status_mismatch"
    case mrrMismatch = "mrr_mismatch"
    case nrcMismatch = "nrc_mismatch"
    case termMismatch = "term_mismatch"
    case installDateMismatch = "install_date_mismatch"
    case accountMismatch = "account_mismatch"
    case duplicateInIDA = "duplicate_in_ida"
    case duplicateInSFDC = "duplicate_in_sfdc"
    case missingCrossReference = "missing_cross_reference"

    /// Position in the report's sort order.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// Words for people: "status mismatch", "missing in SFDC".
    public var label: String { Self.words(rawValue) }

    /// `missing_in_sfdc` → `missing in SFDC`: underscores to spaces, the systems' and money names in capitals.
    static func words(_ name: String) -> String {
        name.split(separator: "_").map { word in
            ["ida", "sfdc", "mrr", "nrc"].contains(word) ? word.uppercased() : String(word)
        }.joined(separator: " ")
    }

    /// The field a `…_mismatch` kind is about.
    public var field: DifferenceField? {
        switch self {
        case .statusMismatch: return .status
        case .mrrMismatch: return .mrr
        case .nrcMismatch: return .nrc
        case .termMismatch: return .term
        case .installDateMismatch: return .installDate
        case .accountMismatch: return .account
        default: return nil
        }
    }
}

/// A field that two paired records can disagree on.
public enum DifferenceField: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case status, mrr, nrc, term
    case installDate = "install_date"
    case account

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Words for people: "install date", "MRR".
    public var label: String { DifferenceKind.words(rawValue) }

    /// The mismatch kind reported for this field.
    public var kind: DifferenceKind {
        switch self {
        case .status: return .statusMismatch
        case .mrr: return .mrrMismatch
        case .nrc: return .nrcMismatch
        case .term: return .termMismatch
        case .installDate: return .installDateMismatch
        case .account: return .accountMismatch
        }
    }
}

/// How a pair of records was found.
public enum MatchedBy: String, Sendable, Codable, Hashable {
    case crossReference = "cross_reference"
    case heuristic
}

/// One disagreement between the exports, with values in canonical form (FORMATS.md).
public struct Difference: Hashable, Sendable, Codable {
    public var kind: DifferenceKind
    /// The IDA order number as written in the IDA file (trimmed), or nil when the IDA side has no record here.
    public var idaOrder: String?
    /// The 18-character Salesforce id, or nil when the SFDC side has no record here.
    public var sfdcID: String?
    public var field: DifferenceField?
    public var idaValue: String?
    public var sfdcValue: String?
    public var matchedBy: MatchedBy?

    public init(
        kind: DifferenceKind, idaOrder: String? = nil, sfdcID: String? = nil, field: DifferenceField? = nil,
        idaValue: String? = nil, sfdcValue: String? = nil, matchedBy: MatchedBy? = nil
    ) {
        self.kind = kind; self.idaOrder = idaOrder; self.sfdcID = sfdcID; self.field = field
        self.idaValue = idaValue; self.sfdcValue = sfdcValue; self.matchedBy = matchedBy
    }

    /// The report's order: kind, then IDA order, then SFDC id, then field; nil sorts first, text by bytes.
    public static func reportOrder(_ a: Difference, _ b: Difference) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if let order = compareOptional(a.idaOrder, b.idaOrder) { return order }
        if let order = compareOptional(a.sfdcID, b.sfdcID) { return order }
        if let order = compareOptional(a.field?.rawValue, b.field?.rawValue) { return order }
        return false
    }

    /// nil when equal, else whether `a` sorts before `b` (nil first, then by code point, which is
    /// UTF-8 byte order: uppercase before lowercase).
    private static func compareOptional(_ a: String?, _ b: String?) -> Bool? {
        switch (a, b) {
        case (nil, nil): return nil
        case (nil, _): return true
        case (_, nil): return false
        case let (x?, y?):
            if x == y { return nil }
            return x < y
        }
    }

    /// What identifies "the same difference" from one weekly run to the next: kind and both keys
    /// (the IDA order number without prefix and leading zeros, the SFDC id) and the field.
    public var recurrenceKey: String {
        let ida = idaOrder.map(OrderKey.normalise) ?? ""
        return [kind.rawValue, ida, sfdcID ?? "", field?.rawValue ?? ""].joined(separator: "|")
    }
}

/// A data row that could not be read; it takes no part in the reconciliation.
public struct RejectedRow: Hashable, Sendable, Codable {
    public var file: ExportSide
    /// The physical line the row starts on, 1-based (the header is line 1).
    public var line: Int
    public var error: String

    public init(file: ExportSide, line: Int, error: String) {
        self.file = file; self.line = line; self.error = error
    }
}

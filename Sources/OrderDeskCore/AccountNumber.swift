/// An 11-digit customer account number; leading zeros are part of it.
public struct AccountNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let digits: String

    /// Accepts exactly 11 digits.
    public init?(_ text: some StringProtocol) {
        guard text.count == 11, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        digits = String(text)
    }

    /// Accepts 1 to 11 digits and restores the leading zeros a spreadsheet dropped.
    public init?(restoringZeros text: some StringProtocol) {
        let trimmed = text.filter { $0 != " " }
        guard (1...11).contains(trimmed.count), trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        digits = String(repeating: "0", count: 11 - trimmed.count) + trimmed
    }

    public var description: String { digits }
    public static func < (a: AccountNumber, b: AccountNumber) -> Bool { a.digits < b.digits }
}

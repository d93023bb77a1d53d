/// An amount of money in integer cents; never a floating-point number.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }
    public static let zero = Money(cents: 0)

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static func * (a: Money, n: Int) -> Money { Money(cents: a.cents * Int64(n)) }

    /// Plain dollars with two decimals and no separators: `1234.50`, `-0.05`.
    public var plain: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        return sign + String(magnitude / 100) + "." + Money.twoDigits(magnitude % 100)
    }

    /// Dollars with thousands separators: `1,234.50`.
    public var grouped: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        var whole = String(magnitude / 100)
        var groups: [Substring] = []
        while whole.count > 3 {
            groups.insert(whole.suffix(3), at: 0)
            whole.removeLast(3)
        }
        groups.insert(Substring(whole), at: 0)
        return sign + groups.joined(separator: ",") + "." + Money.twoDigits(magnitude % 100)
    }

    public var description: String { grouped }

    /// Parses `1234.5`, `1,234.50`, `$1234.50`, `-12`, `(12.00)`, ` 0.00 `; nil for anything else,
    /// including a decimal comma (`12,50`) and a third decimal that is not zero.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let cents = bytes.withUnsafeBytes({ FieldParsing.cents($0, 0, $0.count) }),
              cents != FieldParsing.emptyMoney else { return nil }
        self.cents = cents
    }

    private static func twoDigits(_ n: UInt64) -> String { n < 10 ? "0" + String(n) : String(n) }
}

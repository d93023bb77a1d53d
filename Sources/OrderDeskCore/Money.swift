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

    /// Parses `1234.5`, `1,234.50`, `$1234.50`, `-12`, ` 0.00 `; nil for anything else.
    public init?(parsing text: some StringProtocol) {
        var s = Substring(text).drop(while: { $0 == " " })
        while s.last == " " { s = s.dropLast() }
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() }
        if s.first == "$" { s = s.dropFirst() }
        if !negative, s.first == "-" { negative = true; s = s.dropFirst() }
        guard !s.isEmpty else { return nil }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var digitsSinceComma = -1
        var sawDigit = false
        for ch in s {
            switch ch {
            case "0"..."9":
                let d = Int64(ch.asciiValue! - 48)
                sawDigit = true
                if seenPoint {
                    fractionDigits += 1
                    guard fractionDigits <= 2 else { return nil }
                    fraction = fraction * 10 + d
                } else {
                    guard whole < Int64.max / 1000 else { return nil }
                    whole = whole * 10 + d
                    if digitsSinceComma >= 0 { digitsSinceComma += 1 }
                }
            case ",":
                guard !seenPoint, sawDigit, digitsSinceComma == -1 || digitsSinceComma == 3 else { return nil }
                digitsSinceComma = 0
            case ".":
                guard !seenPoint, digitsSinceComma == -1 || digitsSinceComma == 3 else { return nil }
                seenPoint = true
            default:
                return nil
            }
        }
        guard sawDigit, digitsSinceComma == -1 || digitsSinceComma == 3 || seenPoint else { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        let total = whole * 100 + fraction
        cents = negative ? -total : total
    }

    private static func twoDigits(_ n: UInt64) -> String { n < 10 ? "0" + String(n) : String(n) }
}

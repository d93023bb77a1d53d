/// A percentage held exactly, in basis points (hundredths of a percent): 1500 is 15%.
public struct Percentage: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var basisPoints: Int

    public init(basisPoints: Int) { self.basisPoints = basisPoints }
    /// A whole number of percent: `Percentage(percent: 15)` is 15%.
    public init(percent: Int) { basisPoints = percent * 100 }

    public static let zero = Percentage(basisPoints: 0)
    public static func < (a: Percentage, b: Percentage) -> Bool { a.basisPoints < b.basisPoints }

    /// As a fraction: 15% is 0.15.
    public var fraction: Double { Double(basisPoints) / 10_000 }

    /// `15%`, `12.5%`, `7.25%`: no trailing zeros.
    public var display: String {
        let sign = basisPoints < 0 ? "-" : ""
        let magnitude = basisPoints.magnitude
        let whole = String(magnitude / 100)
        var decimals = magnitude % 100
        guard decimals != 0 else { return sign + whole + "%" }
        var digits = decimals < 10 ? "0" + String(decimals) : String(decimals)
        if decimals % 10 == 0 { decimals /= 10; digits = String(decimals) }
        return sign + whole + "." + digits + "%"
    }

    public var description: String { display }

    /// Parses `15`, `15%`, `12.5`, ` 7.25 % `; nil for anything else or more than two decimals.
    public init?(parsing text: some StringProtocol) {
        var s = text.trimmingCharacters(in: .whitespaces)
        if s.hasSuffix("%") { s.removeLast(); s = s.trimmingCharacters(in: .whitespaces) }
        var negative = false
        if s.hasPrefix("-") { negative = true; s.removeFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 7,
              parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int(parts[0]) else { return nil }
        var hundredths = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            hundredths = Int(decimals)! * (decimals.count == 1 ? 10 : 1)
        }
        basisPoints = (whole * 100 + hundredths) * (negative ? -1 : 1)
    }

    /// `amount × self`, rounded half away from zero to the cent.
    public func of(_ amount: Money) -> Money {
        Money(cents: Self.divideRounded(amount.cents * Int64(basisPoints), by: 10_000))
    }

    /// `numerator / denominator` rounded half away from zero.
    static func divideRounded(_ numerator: Int64, by denominator: Int64) -> Int64 {
        let quotient = numerator / denominator, remainder = numerator % denominator
        guard remainder.magnitude * 2 >= denominator.magnitude else { return quotient }
        return quotient + ((numerator < 0) != (denominator < 0) ? -1 : 1)
    }
}

/// An account executive's installed-MRR target for one calendar month.
public struct SalesTarget: Hashable, Sendable {
    public var login: String
    public var name: String
    /// The person's team, if they have one.
    public var team: String?
    public var month: TargetMonth
    public var installedMRR: Money

    public init(login: String, name: String, team: String?, month: TargetMonth, installedMRR: Money) {
        self.login = login; self.name = name; self.team = team; self.month = month; self.installedMRR = installedMRR
    }
}

/// A calendar month as targets are kept: `2026-11`.
public struct TargetMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    /// Reads `2026-11` (also `2026-1`); nil for anything else, a month outside 1–12 or a year outside 2000–2999.
    public init?(parsing text: some StringProtocol) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), (2000...2999).contains(year), (1...12).contains(month)
        else { return nil }
        self.year = year; self.month = month
    }

    /// The month holding a day.
    public init(containing day: Day) {
        let (y, m, _) = day.components
        year = y; month = m
    }

    /// `2026-11`: the stored form.
    public var description: String { String(year) + "-" + (month < 10 ? "0" : "") + String(month) }

    public static func < (a: TargetMonth, b: TargetMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// What to type, for messages.
    public static let expected = "a month as YYYY-MM, e.g. 2026-11"
}

extension CommissionRate {
    /// Reads a rate as people write it: a multiple of MRR (`1x`, `0.5×`, `1.25`) or a percentage (`50%`);
    /// nil for anything else, a negative rate or more than 10× MRR.
    public static func parseRate(_ text: String) -> Percentage? {
        var s = text.trimmingCharacters(in: .whitespaces).lowercased()
        let multiple: Bool
        if s.hasSuffix("%") {
            multiple = false
        } else {
            if s.hasSuffix("x") || s.hasSuffix("×") { s.removeLast() }
            multiple = true
        }
        guard let parsed = Percentage(parsing: s), parsed.basisPoints >= 0 else { return nil }
        // "0.5" as a multiple is 0.5 × 100% = 50%; Percentage read it as 0.5%.
        let basisPoints = multiple ? parsed.basisPoints * 100 : parsed.basisPoints
        guard basisPoints <= 100_000 else { return nil }
        return Percentage(basisPoints: basisPoints)
    }

    /// `1× MRR`, `0.5× MRR`, `0.25× MRR`: the rate as the issue and sales management say it.
    public var multipleText: String {
        let hundredths = rate.basisPoints / 100, rest = rate.basisPoints % 100
        var text = String(hundredths / 100)
        let fraction = hundredths % 100 * 100 + rest  // ten-thousandths of a multiple
        if fraction > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 4 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "× MRR"
    }

    /// What to type, for messages.
    public static let expectedRate = "a multiple of MRR (1x, 0.5x) or a percentage (50%), at most 10x"
}

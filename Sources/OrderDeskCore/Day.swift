/// A calendar date without a time of day, stored and printed as `yyyy-MM-dd`.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// nil when the date does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        ordinal = Day.daysFromCivil(year, month, day)
    }

    /// Parses `yyyy-MM-dd`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day that contains a Unix time, in UTC.
    public init(unixSeconds: Int64) {
        ordinal = Int((unixSeconds >= 0 ? unixSeconds : unixSeconds - 86_399) / 86_400)
    }

    public var components: (year: Int, month: Int, day: Int) { Day.civilFromDays(ordinal) }
    public var iso: String {
        let (y, m, d) = components
        return zeroPadded(y, width: 4) + "-" + zeroPadded(m, width: 2) + "-" + zeroPadded(d, width: 2)
    }
    public var description: String { iso }
    /// Midnight UTC at the start of this day.
    public var unixSeconds: Int64 { Int64(ordinal) * 86_400 }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's civil-date algorithms: exact over the proleptic Gregorian calendar.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

import Foundation

/// How long a sales report's period is.
public enum ReportPeriodKind: String, CaseIterable, Sendable, Codable, Hashable {
    case daily, weekly, monthly

    /// `day`, `week`, `month`.
    public var noun: String {
        switch self {
        case .daily: return "day"
        case .weekly: return "week"
        case .monthly: return "month"
        }
    }
}

/// One report period: a day, a Monday-to-Sunday week, or a calendar month, as local dates.
///
/// Periods follow local time: a day is the local calendar day, and an event that happened at an instant
/// (a transition, a note) belongs to the period whose local days hold it (`interval(in:)`). Dates the
/// desk keeps as days (booked on, install on) are compared as they are.
public struct ReportPeriod: Hashable, Sendable, Codable {
    public let kind: ReportPeriodKind
    /// The first day.
    public let start: Day
    /// The last day (inclusive).
    public let end: Day

    public init(kind: ReportPeriodKind, start: Day, end: Day) { self.kind = kind; self.start = start; self.end = end }

    /// The period of `kind` holding `day`: the day itself, its Monday-to-Sunday week, or its month.
    public static func containing(_ day: Day, kind: ReportPeriodKind) -> ReportPeriod {
        switch kind {
        case .daily:
            return ReportPeriod(kind: kind, start: day, end: day)
        case .weekly:
            let monday = day.adding(days: 1 - day.isoWeekday)
            return ReportPeriod(kind: kind, start: monday, end: monday.adding(days: 6))
        case .monthly:
            let (year, month, _) = day.components
            let first = Day(year: year, month: month, day: 1)!
            return ReportPeriod(kind: kind, start: first, end: first.adding(days: Day.daysIn(month: month, year: year) - 1))
        }
    }

    /// The period just before (the figures' "change from the previous period").
    public var previous: ReportPeriod { .containing(start.adding(days: -1), kind: kind) }
    /// The period just after.
    public var next: ReportPeriod { .containing(end.adding(days: 1), kind: kind) }
    public var dayCount: Int { end - start + 1 }
    public func contains(_ day: Day) -> Bool { day >= start && day <= end }

    /// `Sunday 2026-11-29`, `week of 2026-11-23 (to 2026-11-29)`, `November 2026`.
    public var label: String {
        switch kind {
        case .daily: return Self.weekdayNames[start.isoWeekday - 1] + " " + start.iso
        case .weekly: return "week of " + start.iso + " (to " + end.iso + ")"
        case .monthly:
            let (year, month, _) = start.components
            return Self.monthNames[month - 1] + " " + String(year)
        }
    }

    /// The instants of its local days: from the start's midnight to the midnight after the end, in
    /// `timeZone` (Unix seconds, the end excluded). A day with a daylight-saving change is 23 or 25 hours.
    public func interval(in timeZone: TimeZone) -> (from: Int64, to: Int64) {
        (Self.midnight(start, in: timeZone), Self.midnight(end.adding(days: 1), in: timeZone))
    }

    /// The local date at `now` in `timeZone`.
    public static func today(now: Int64, in timeZone: TimeZone) -> Day {
        Day(unixSeconds: now + Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(now)))))
    }

    /// The instant a local day starts in `timeZone`.
    public static func midnight(_ day: Day, in timeZone: TimeZone) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let (year, month, dayOfMonth) = day.components
        let date = calendar.date(from: DateComponents(year: year, month: month, day: dayOfMonth))!
        return Int64(date.timeIntervalSince1970)
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
}

/// How long an escalation of each severity has before it is due.
public enum SLADuration: Hashable, Sendable, Codable {
    /// Clock hours, nights and weekends included (a P1 does not wait for Monday).
    case hours(Int)
    /// Business days, Monday to Friday, keeping the time of day.
    case businessDays(Int)

    /// `4 hours`, `1 business day`.
    public var label: String {
        switch self {
        case .hours(let n): return n == 1 ? "1 hour" : "\(n) hours"
        case .businessDays(let n): return n == 1 ? "1 business day" : "\(n) business days"
        }
    }
}

/// The SLA of each severity. Defaults: P1 4 hours, P2 1 business day, P3 3 business days.
///
/// Times are Unix seconds and days are UTC days, as everywhere in the desk. A business-day SLA counts from
/// the moment the escalation is raised on a business day; one raised on a Saturday or a Sunday counts from
/// the start of the Monday after. Adding n business days keeps the time of day and skips weekends:
/// raised Friday 16:00 with one business day, it is due Monday 16:00.
public struct SLAPolicy: Hashable, Sendable, Codable {
    public var p1: SLADuration
    public var p2: SLADuration
    public var p3: SLADuration

    public init(p1: SLADuration = .hours(4), p2: SLADuration = .businessDays(1), p3: SLADuration = .businessDays(3)) {
        self.p1 = p1; self.p2 = p2; self.p3 = p3
    }

    public static let defaults = SLAPolicy()

    public func duration(_ severity: EscalationSeverity) -> SLADuration {
        switch severity {
        case .p1: return p1
        case .p2: return p2
        case .p3: return p3
        }
    }

    /// When an escalation of `severity` raised at `raisedAt` is due.
    public func due(raisedAt: Int64, severity: EscalationSeverity) -> Int64 {
        Self.due(raisedAt: raisedAt, after: duration(severity))
    }

    public static func due(raisedAt: Int64, after duration: SLADuration) -> Int64 {
        switch duration {
        case .hours(let n):
            return raisedAt + Int64(n) * 3_600
        case .businessDays(let n):
            var day = Day(unixSeconds: raisedAt)
            var timeOfDay = raisedAt - day.unixSeconds
            // Raised on a weekend: the clock starts on Monday at midnight.
            while !day.isBusinessDay {
                day = day.adding(days: 1)
                timeOfDay = 0
            }
            var left = n
            while left > 0 {
                day = day.adding(days: 1)
                if day.isBusinessDay { left -= 1 }
            }
            return day.unixSeconds + timeOfDay
        }
    }
}

extension Day {
    /// 1 is Monday … 7 is Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 1970-01-01 (ordinal 0) was a Thursday.
        ((ordinal % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// Monday to Friday.
    public var isBusinessDay: Bool { isoWeekday <= 5 }
}

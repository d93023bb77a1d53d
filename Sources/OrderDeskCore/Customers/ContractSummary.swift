/// Why a contract was written.
public enum ContractKind: String, CaseIterable, Sendable, Codable, Hashable {
    case new, renewal, addendum
    /// A win-back of a customer who left.
    case reclamation

    public var label: String { rawValue }
}

/// Where a contract is in its life.
public enum ContractStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case draft
    case pendingApproval = "pending_approval"
    case approved, sent, active, expired, terminated

    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// A contract as the customer screen lists it.
public struct ContractSummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    /// `CSA-000123`
    public var number: String
    public var kind: ContractKind
    public var status: ContractStatus
    public var termMonths: Int
    public var startOn: Day?
    public var endOn: Day?
    public var mrr: Money

    public init(id: Int64, number: String, kind: ContractKind, status: ContractStatus, termMonths: Int,
                startOn: Day?, endOn: Day?, mrr: Money) {
        self.id = id; self.number = number; self.kind = kind; self.status = status; self.termMonths = termMonths
        self.startOn = startOn; self.endOn = endOn; self.mrr = mrr
    }

    /// Contracts whose term ends within this many days are due for renewal.
    public static let renewalWindowDays = 90

    /// An active contract ending within 90 days of `today` (or already past its end but still active).
    public func isDueForRenewal(today: Day) -> Bool {
        guard status == .active, let end = endOn else { return false }
        return end - today <= Self.renewalWindowDays
    }

    /// The last day of a term that starts on `start`: the day before the same date `months` later
    /// (clamped to the month's end: a term from 31 January ends on the last day of the month before).
    public static func endDay(start: Day, months: Int) -> Day {
        let (y, m, d) = start.components
        let total = (y * 12 + (m - 1)) + months
        let year = total / 12, month = total % 12 + 1
        let day = min(d, Day.daysIn(month: month, year: year))
        return Day(year: year, month: month, day: day)!.adding(days: -1)
    }
}

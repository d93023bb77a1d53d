import Testing
@testable import OrderDeskCore

/// SLA due times across weekends and at their boundaries. 2026-11-27 is a Friday.
struct SLAPolicyTests {
    /// Unix seconds of a UTC day and time.
    static func at(_ iso: String, _ hour: Int, _ minute: Int = 0) -> Int64 {
        Day(iso: iso)!.unixSeconds + Int64(hour * 3_600 + minute * 60)
    }

    let policy = SLAPolicy.defaults

    @Test func weekdaysAreMondayToFriday() {
        #expect(Day(iso: "2026-11-23")!.isoWeekday == 1)  // Monday
        #expect(Day(iso: "2026-11-27")!.isoWeekday == 5)  // Friday
        #expect(Day(iso: "2026-11-28")!.isoWeekday == 6)
        #expect(Day(iso: "2026-11-29")!.isoWeekday == 7)
        #expect(Day(iso: "1970-01-01")!.isoWeekday == 4)  // a Thursday
        #expect(Day(iso: "1969-12-29")!.isoWeekday == 1)  // before the epoch too
        #expect(!Day(iso: "2026-11-28")!.isBusinessDay)
        #expect(Day(iso: "2026-11-30")!.isBusinessDay)
    }

    @Test func aP1IsDueFourClockHoursLaterEvenOverAWeekend() {
        #expect(policy.due(raisedAt: Self.at("2026-11-27", 22), severity: .p1) == Self.at("2026-11-28", 2))
        #expect(policy.due(raisedAt: Self.at("2026-11-28", 10), severity: .p1) == Self.at("2026-11-28", 14))
    }

    @Test func aP2IsDueTheNextBusinessDayAtTheSameTime() {
        #expect(policy.due(raisedAt: Self.at("2026-11-24", 9, 30), severity: .p2) == Self.at("2026-11-25", 9, 30))
        // Friday afternoon: Monday afternoon.
        #expect(policy.due(raisedAt: Self.at("2026-11-27", 16), severity: .p2) == Self.at("2026-11-30", 16))
        // The last second of Friday.
        #expect(policy.due(raisedAt: Self.at("2026-11-27", 23, 59) + 59, severity: .p2) == Self.at("2026-11-30", 23, 59) + 59)
    }

    @Test func onAWeekendTheClockStartsOnMondayAtMidnight() {
        // Saturday or Sunday, any time: one business day after Monday 00:00 is Tuesday 00:00.
        #expect(policy.due(raisedAt: Self.at("2026-11-28", 15), severity: .p2) == Self.at("2026-12-01", 0))
        #expect(policy.due(raisedAt: Self.at("2026-11-29", 0), severity: .p2) == Self.at("2026-12-01", 0))
        // Monday's first second is a business day already.
        #expect(policy.due(raisedAt: Self.at("2026-11-30", 0), severity: .p2) == Self.at("2026-12-01", 0))
    }

    @Test func aP3IsDueThreeBusinessDaysLater() {
        // Wednesday → Monday; Thursday → Tuesday; Monday → Thursday.
        #expect(policy.due(raisedAt: Self.at("2026-11-25", 11), severity: .p3) == Self.at("2026-11-30", 11))
        #expect(policy.due(raisedAt: Self.at("2026-11-26", 11), severity: .p3) == Self.at("2026-12-01", 11))
        #expect(policy.due(raisedAt: Self.at("2026-11-23", 11), severity: .p3) == Self.at("2026-11-26", 11))
        // Over a month and a year end.
        #expect(policy.due(raisedAt: Self.at("2026-12-31", 8), severity: .p3) == Self.at("2027-01-05", 8))
    }

    @Test func theDurationsAreConfigurable() {
        let custom = SLAPolicy(p1: .hours(1), p2: .hours(8), p3: .businessDays(5))
        #expect(custom.due(raisedAt: Self.at("2026-11-27", 12), severity: .p1) == Self.at("2026-11-27", 13))
        #expect(custom.due(raisedAt: Self.at("2026-11-27", 12), severity: .p2) == Self.at("2026-11-27", 20))
        #expect(custom.due(raisedAt: Self.at("2026-11-27", 12), severity: .p3) == Self.at("2026-12-04", 12))
        #expect(SLADuration.businessDays(1).label == "1 business day")
        #expect(SLADuration.hours(4).label == "4 hours")
    }

    @Test func theSLAStateAtItsBoundaries() {
        let due = Self.at("2026-11-30", 16)
        #expect(SLAState.at(due + 1, due: due) == .breached)
        #expect(SLAState.at(due, due: due) == .dueSoon)
        #expect(SLAState.at(due - 3_600, due: due) == .dueSoon)
        #expect(SLAState.at(due - 3_601, due: due) == .onTime)
        #expect([SLAState.onTime, .breached, .dueSoon].sorted() == [.breached, .dueSoon, .onTime])
    }

    @Test func statusesMoveForwardAndAResolvedOneReopens() {
        #expect(EscalationStatus.open.next == [.acknowledged, .resolved])
        #expect(EscalationStatus.acknowledged.next == [.resolved])
        #expect(EscalationStatus.resolved.next == [.open])
        #expect(!EscalationStatus.resolved.isActive)
    }
}

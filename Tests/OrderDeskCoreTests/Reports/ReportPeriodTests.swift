import Foundation
import Testing
@testable import OrderDeskCore

/// Report periods at their boundaries: week starts, month ends, leap days, a year change, local days.
struct ReportPeriodTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }
    func period(_ iso: String, _ kind: ReportPeriodKind) -> ReportPeriod { .containing(day(iso), kind: kind) }
    func zone(_ id: String) -> TimeZone { TimeZone(identifier: id)! }

    @Test func sundayEndsTheWeekAndMondayStartsTheNext() {
        let week = period("2026-11-29", .weekly)
        #expect(week.start == day("2026-11-23") && week.end == day("2026-11-29"))
        #expect(week.dayCount == 7)
        let next = period("2026-11-30", .weekly)
        #expect(next.start == day("2026-11-30") && next.end == day("2026-12-06"))
        #expect(week.next == next && next.previous == week)
        #expect(period("2026-11-23", .weekly) == week)
        #expect(week.label == "week of 2026-11-23 (to 2026-11-29)")
        #expect(period("2026-11-29", .daily).label == "Sunday 2026-11-29")
        #expect(period("2026-11-30", .daily).previous == period("2026-11-29", .daily))
    }

    @Test func monthEnds() {
        let november = period("2026-11-30", .monthly)
        #expect(november.start == day("2026-11-01") && november.end == day("2026-11-30") && november.dayCount == 30)
        #expect(november.next == period("2026-12-01", .monthly))
        #expect(november.next.dayCount == 31)
        #expect(period("2026-12-01", .daily).previous == period("2026-11-30", .daily))
        #expect(period("2026-10-31", .monthly).next == november)
        #expect(november.label == "November 2026")
    }

    @Test func leapDayAndFebruaryOf28Days() {
        let leap = period("2028-02-29", .monthly)
        #expect(leap.start == day("2028-02-01") && leap.end == day("2028-02-29") && leap.dayCount == 29)
        #expect(period("2028-02-29", .daily).next == period("2028-03-01", .daily))
        #expect(period("2028-03-01", .daily).previous.start == day("2028-02-29"))
        let week = period("2028-02-29", .weekly)
        #expect(week.start == day("2028-02-28") && week.end == day("2028-03-05"))
        let february = period("2027-02-14", .monthly)
        #expect(february.end == day("2027-02-28") && february.dayCount == 28)
        #expect(february.next.start == day("2027-03-01"))
        #expect(Day(year: 2027, month: 2, day: 29) == nil)
    }

    @Test func yearChange() {
        let week = period("2027-01-01", .weekly)
        #expect(week.start == day("2026-12-28") && week.end == day("2027-01-03"))
        #expect(week.next.start == day("2027-01-04"))
        #expect(week.previous.start == day("2026-12-21"))
        let december = period("2026-12-31", .monthly)
        #expect(december.next == period("2027-01-15", .monthly))
        #expect(period("2027-01-01", .monthly).previous == december)
        #expect(period("2027-01-01", .monthly).previous.label == "December 2026")
        #expect(period("2027-01-01", .daily).previous == period("2026-12-31", .daily))
    }

    @Test func intervalInUTC() {
        let utc = TimeZone(identifier: "UTC")!
        let week = period("2026-11-25", .weekly)
        let interval = week.interval(in: utc)
        #expect(interval.from == day("2026-11-23").unixSeconds)
        #expect(interval.to == day("2026-11-30").unixSeconds)
        #expect(interval.to - interval.from == 7 * 86_400)
        #expect(ReportPeriod.today(now: day("2026-11-29").unixSeconds + 86_399, in: utc) == day("2026-11-29"))
        #expect(ReportPeriod.today(now: day("2026-11-30").unixSeconds, in: utc) == day("2026-11-30"))
    }

    @Test func newYorkAcrossDaylightSavingChanges() {
        let newYork = zone("America/New_York")
        // 2026-03-08: clocks go forward at 2:00 (23 hours); 2026-11-01: back at 2:00 (25 hours).
        let spring = period("2026-03-08", .daily).interval(in: newYork)
        #expect(spring.from == day("2026-03-08").unixSeconds + 5 * 3600)
        #expect(spring.to == day("2026-03-09").unixSeconds + 4 * 3600)
        #expect(spring.to - spring.from == 23 * 3600)
        let autumn = period("2026-11-01", .daily).interval(in: newYork)
        #expect(autumn.from == day("2026-11-01").unixSeconds + 4 * 3600)
        #expect(autumn.to - autumn.from == 25 * 3600)
        let week = period("2026-03-08", .weekly).interval(in: newYork)  // Monday 2 March to Sunday 8 March
        #expect(week.to - week.from == 7 * 86_400 - 3600)
        #expect(ReportPeriod.today(now: day("2026-11-02").unixSeconds + 3 * 3600, in: newYork) == day("2026-11-01"))
    }

    @Test func kolkataHalfHourOffset() {
        let kolkata = zone("Asia/Kolkata")
        let interval = period("2026-11-29", .daily).interval(in: kolkata)
        #expect(interval.from == day("2026-11-29").unixSeconds - 19_800)
        #expect(interval.to - interval.from == 86_400)
        let month = period("2026-11-29", .monthly).interval(in: kolkata)
        #expect(month.from == day("2026-11-01").unixSeconds - 19_800)
        #expect(month.to == day("2026-12-01").unixSeconds - 19_800)
        #expect(ReportPeriod.today(now: day("2026-11-29").unixSeconds + 19 * 3600, in: kolkata) == day("2026-11-30"))
        #expect(ReportPeriod.today(now: day("2026-11-29").unixSeconds + 18 * 3600, in: kolkata) == day("2026-11-29"))
    }
}

import Testing
@testable import OrderDeskCore

/// Each automatic rule at its threshold and just over it.
struct AutoEscalationTests {
    let now = SLAPolicyTests.at("2026-11-29", 12)
    let day: Int64 = 86_400

    func order(_ state: OrderState, since: Int64, install: Day? = nil) -> StuckOrderFacts {
        StuckOrderFacts(orderID: 7, state: state, stateSince: since, installOn: install)
    }

    @Test func notDoneForMoreThanThreeDays() {
        #expect(AutoEscalation.finding(for: order(.notDone, since: now - 3 * day), now: now) == nil)
        let over = AutoEscalation.finding(for: order(.notDone, since: now - 3 * day - 1), now: now)
        #expect(over?.rule == .notDone)
        #expect(over?.severity == .p2)
        #expect(over?.note == "not done for 3 days (over 3)")
        #expect(over?.rule.reason == .notDoneTooLong)
    }

    @Test func heldForMoreThanThirtyDays() {
        #expect(AutoEscalation.finding(for: order(.held, since: now - 30 * day), now: now) == nil)
        let over = AutoEscalation.finding(for: order(.held, since: now - 31 * day), now: now)
        #expect(over?.rule == .held)
        #expect(over?.severity == .p3)
        #expect(over?.note == "held for 31 days (over 30)")
    }

    @Test func pendingForMoreThanFourteenDays() {
        #expect(AutoEscalation.finding(for: order(.pending, since: now - 14 * day), now: now) == nil)
        let over = AutoEscalation.finding(for: order(.pending, since: now - 14 * day - 60), now: now)
        #expect(over?.rule == .pending)
        #expect(over?.rule.reason == .waitingOnCustomerTooLong)
    }

    @Test func scheduledWithTheInstallDatePassed() {
        let today = Day(unixSeconds: now)
        // Installing today is not late; yesterday is.
        #expect(AutoEscalation.finding(for: order(.scheduled, since: now - 9 * day, install: today), now: now) == nil)
        let late = AutoEscalation.finding(for: order(.scheduled, since: now - 9 * day, install: today.adding(days: -1)), now: now)
        #expect(late?.rule == .installDateMissed)
        #expect(late?.note == "scheduled for 2026-11-28, 1 day ago, and not installed")
        #expect(AutoEscalation.finding(for: order(.scheduled, since: now - 9 * day), now: now) == nil)
    }

    @Test func theSameEpisodeIsOneCauseAndANewOneAnother() {
        let first = AutoEscalation.finding(for: order(.notDone, since: now - 5 * day), now: now)
        let later = AutoEscalation.finding(for: order(.notDone, since: now - 5 * day), now: now + day)
        #expect(first?.cause == later?.cause)
        // Back in not_done after leaving it: a new cause.
        let again = AutoEscalation.finding(for: order(.notDone, since: now - 4 * day), now: now)
        #expect(again?.cause != first?.cause)
        // A rescheduled install is a new cause too.
        let today = Day(unixSeconds: now)
        let missed = AutoEscalation.finding(for: order(.scheduled, since: now - day, install: today.adding(days: -3)), now: now)
        let missedAgain = AutoEscalation.finding(for: order(.scheduled, since: now - day, install: today.adding(days: -1)), now: now)
        #expect(missed?.cause != missedAgain?.cause)
    }

    @Test func otherStatesAreNeverEscalatedByTheRules() {
        for state in OrderState.allCases where ![.notDone, .held, .pending, .scheduled].contains(state) {
            #expect(AutoEscalation.finding(for: order(state, since: now - 400 * day, install: Day(unixSeconds: now - 300 * day)), now: now) == nil)
        }
    }

    @Test func thresholdsAndSeveritiesAreConfigurable() {
        var policy = AutoEscalationPolicy()
        policy.notDoneDays = 1
        policy.severity[.notDone] = .p1
        let finding = AutoEscalation.finding(for: order(.notDone, since: now - day - 1), now: now, policy: policy)
        #expect(finding?.severity == .p1)
        #expect(AutoEscalation.finding(for: order(.notDone, since: now - day), now: now, policy: policy) == nil)
    }
}

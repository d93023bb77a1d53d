import Foundation
import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

struct ReportScreenTests {
    @Test func opensOnTodaysWeekForAllChannels() {
        let desk = ReportDesk()
        desk.show()
        #expect(desk.app.state.screen == .reports)
        #expect(desk.period == ReportPeriod(kind: .weekly, start: .iso("2026-11-16"), end: .iso("2026-11-22")))
        #expect(desk.state.channel == nil)
        #expect(desk.reports.queries.last == ReportQuery(period: desk.period))
        #expect(desk.lines[1].contains("Week of 2026-11-16 (to 2026-11-22) · all channels · produced 2026-11-18"))
        #expect(desk.text.contains("Total"))
        #expect(desk.lines[0].contains("6 Reports"))
    }

    @Test func periodKeysChooseTheKindAroundTheSameDay() {
        let desk = ReportDesk()
        desk.show()
        desk.app.press(.character("d"))
        #expect(desk.period == ReportPeriod(kind: .daily, start: .iso("2026-11-18"), end: .iso("2026-11-18")))
        #expect(desk.lines[1].contains("Wednesday 2026-11-18"))
        desk.app.press(.character("m"))
        #expect(desk.period.label == "November 2026")
        #expect(desk.text.contains("Under each figure: its change from October 2026"))
        desk.app.press(.left)
        #expect(desk.period.label == "October 2026")
        #expect(desk.state.day == .iso("2026-10-18"))
        desk.app.press(.character("w"))
        #expect(desk.period.start == .iso("2026-10-12"))
        desk.app.press(.character("l"), .character("l"))
        #expect(desk.period.start == .iso("2026-10-26"))
        desk.app.press(.character("h"))
        #expect(desk.period.start == .iso("2026-10-19"))
        desk.app.press(.character("t"))
        #expect(desk.period == .containing(.iso("2026-11-18"), kind: .weekly))
        #expect(desk.reports.queries.last?.period == desk.period)
    }

    @Test func steppingChangesTheFigures() {
        let desk = ReportDesk()
        desk.show()
        let before = desk.state.report?.total?.current
        desk.app.press(.left)
        let after = desk.state.report?.total
        #expect(after?.current != before)
        // This week's previous figures are last week's current ones.
        desk.app.press(.right)
        #expect(desk.state.report?.total?.previous == after?.current)
    }

    @Test func steppingAcrossTheYearEnd() {
        let desk = ReportDesk()
        desk.show()
        desk.app.press(.character("m"), .right)
        #expect(desk.period.label == "December 2026")
        desk.app.press(.right)
        #expect(desk.period.label == "January 2027")
        #expect(desk.state.day == .iso("2027-01-18"))
        desk.app.press(.left, .character("d"))
        #expect(desk.period.start == .iso("2026-12-18"))
        for _ in 0..<14 { desk.app.press(.right) }
        #expect(desk.period.start == .iso("2027-01-01"))
        #expect(desk.lines[1].contains("Friday 2027-01-01"))
        desk.app.press(.character("w"))
        #expect(desk.period == ReportPeriod(kind: .weekly, start: .iso("2026-12-28"), end: .iso("2027-01-03")))
        desk.app.press(.left)
        #expect(desk.period.start == .iso("2026-12-21"))
        desk.app.press(.right, .right)
        #expect(desk.period.start == .iso("2027-01-04"))
    }

    @Test func channelCyclesThroughEachAndBackToAll() {
        let desk = ReportDesk()
        desk.show()
        var seen: [Channel?] = []
        for _ in 0..<6 {
            desk.app.press(.character("c"))
            seen.append(desk.state.channel)
            #expect(desk.reports.queries.last?.channel == desk.state.channel)
        }
        #expect(seen == [.direct, .agent, .carrier, .referral, .smb, nil])
        desk.app.press(.character("c"), .character("c"))
        #expect(desk.state.report?.channels.map(\.channel) == [.agent, nil])
        #expect(desk.lines[1].contains("· agent ·"))
        #expect(desk.state.weeks.allSatisfy { $0.channel == .agent })
    }

    @Test func scrollsWhenThePageIsTallerThanTheScreen() {
        let desk = ReportDesk()
        desk.show()
        #expect(desk.state.visibleRows == 21)
        #expect(desk.state.contentRows > desk.state.visibleRows)
        #expect(desk.footer.contains("rows 1–21 of \(desk.state.contentRows)") || desk.lines[22].contains("rows 1–21"))
        #expect(!desk.text.contains("Commission"))
        desk.app.press(.down, .character("j"))
        #expect(desk.state.top == 2)
        desk.app.press(.up)
        #expect(desk.state.top == 1)
        desk.app.press(.character("G"))
        #expect(desk.state.top == desk.state.contentRows - desk.state.visibleRows)
        #expect(desk.text.contains("Commission"))
        #expect(desk.text.contains("West"))
        desk.app.press(.down)
        #expect(desk.state.top == desk.state.contentRows - desk.state.visibleRows)
        desk.app.press(.character("g"))
        #expect(desk.state.top == 0)
        desk.app.press(.pageDown)
        #expect(desk.state.top == 20)
    }

    @Test func tinyWindowsDoNotCrash() {
        let desk = ReportDesk()
        desk.show()
        for (r, c) in [(24, 80), (10, 30), (3, 10), (1, 1), (6, 20), (40, 120), (24, 80)] {
            desk.terminal.resize(rows: r, columns: c)
            desk.app.handle(.resize)
            desk.app.press(.character("G"), .character("m"), .character("c"))
        }
        #expect(desk.state.top <= max(0, desk.state.contentRows - desk.state.visibleRows))
    }

    @Test func exportWritesToThePathAsked() {
        let desk = ReportDesk()
        desk.show()
        desk.app.press(.character("x"))
        #expect(desk.prompt?.path.text == "report-weekly-2026-11-16.csv")
        #expect(desk.text.contains("Export the report: week of 2026-11-16"))
        desk.app.press(.enter)
        #expect(desk.prompt == nil)
        #expect(desk.reports.exports.map(\.path) == ["report-weekly-2026-11-16.csv"])
        #expect(desk.reports.exports.first?.report == desk.state.report)
        #expect(desk.message == "Wrote the report (week of 2026-11-16 (to 2026-11-22), all channels) to report-weekly-2026-11-16.csv")
    }

    @Test func exportFailureStaysInThePromptAndTheFooter() {
        let desk = ReportDesk()
        desk.show()
        desk.reports.exportFailure = OrderDeskError.refused("Cannot write /nope/r.csv: no such directory.")
        desk.app.press(.character("m"), .character("x"))
        #expect(desk.prompt?.path.text == "report-monthly-2026-11-01.csv")
        for _ in 0..<40 { desk.app.press(.backspace) }
        for c in "/nope/r.csv" { desk.app.press(.character(c)) }
        desk.app.press(.enter)
        #expect(desk.prompt?.error?.contains("no such directory") == true)
        #expect(desk.app.state.message?.isError == true)
        #expect(desk.text.contains("no such directory"))
        #expect(desk.reports.exports.isEmpty)
        // An empty path is refused before it is tried.
        for _ in 0..<40 { desk.app.press(.backspace) }
        desk.app.press(.enter)
        #expect(desk.prompt?.error == "Give a file name to write to.")
        desk.app.press(.escape)
        #expect(desk.prompt == nil)
    }

    @Test func exportPathCompletesWithTab() throws {
        let desk = ReportDesk()
        let directory = NSTemporaryDirectory() + "report-completion-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["weekly-a.csv", "weekly-b.csv"] {
            FileManager.default.createFile(atPath: directory + "/" + name, contents: Data())
        }
        desk.book.reconcile.completionDirectory = directory
        desk.show()
        desk.app.press(.character("x"))
        for _ in 0..<40 { desk.app.press(.backspace) }
        for c in "weekly-a" { desk.app.press(.character(c)) }
        desk.app.press(.tab)
        #expect(desk.prompt?.path.text == "weekly-a.csv")
        for _ in 0..<5 { desk.app.press(.backspace) }
        desk.app.press(.tab)
        #expect(desk.prompt?.path.candidates == ["weekly-a.csv", "weekly-b.csv"])
        desk.app.press(.character("z"), .tab)
        #expect(desk.prompt?.error == "Nothing here starts with 'weekly-z'.")
    }

    @Test func theCommandLineOpensTheReports() {
        let desk = ReportDesk()
        desk.app.press(.character(":"))
        for c in "reports" { desk.app.press(.character(c)) }
        desk.app.press(.enter)
        #expect(desk.app.state.screen == .reports)
        #expect(desk.state.report != nil)
    }

    @Test func reloadsWhenShownAgainAfterAnotherTerminalsChange() {
        let desk = ReportDesk()
        desk.show()
        let booked = desk.state.report?.total?.current.bookedCount ?? 0
        // On screen: a change elsewhere reloads at once, then at most every 15 seconds.
        desk.clock += 20
        desk.reports.externalChange()
        #expect(desk.poll())
        #expect(desk.state.report?.total?.current.bookedCount == booked + Channel.allCases.count)
        desk.reports.externalChange()
        desk.poll()
        #expect(desk.state.stale && desk.state.report?.total?.current.bookedCount == booked + Channel.allCases.count)
        #expect(!desk.app.reportsTick())
        desk.clock += 15
        #expect(desk.app.reportsTick())
        #expect(!desk.state.stale && desk.state.report?.total?.current.bookedCount == booked + 2 * Channel.allCases.count)
        // Ctrl-R does not wait.
        desk.reports.externalChange()
        desk.poll()
        desk.app.press(.control("r"))
        #expect(desk.state.report?.total?.current.bookedCount == booked + 3 * Channel.allCases.count)
        // Off screen: marked stale, not reloaded until shown again.
        desk.app.press(.character("1"))
        let asked = desk.reports.queries.count
        desk.reports.externalChange()
        #expect(desk.poll())
        #expect(desk.reports.queries.count == asked)
        #expect(desk.state.stale)
        desk.show()
        #expect(!desk.state.stale)
        #expect(desk.reports.queries.count == asked + 1)
        #expect(desk.state.report?.total?.current.bookedCount == booked + 4 * Channel.allCases.count)
        // The period and channel chosen stay.
        #expect(desk.period.kind == .weekly)
    }

    @Test func aFailedLoadSaysWhyInPlace() {
        let desk = ReportDesk()
        desk.reports.failure = OrderDeskError.refused("The reports need the v7-reports migration.")
        desk.show()
        #expect(desk.state.report == nil)
        #expect(desk.text.contains("The report could not be made: The reports need the v7-reports migration."))
        desk.app.press(.character("x"))
        #expect(desk.prompt == nil)
        #expect(desk.message == "No report to export yet.")
        desk.reports.failure = nil
        desk.app.press(.control("r"))
        #expect(desk.state.report != nil)
    }

    @Test func productivityLeavesOutEscalationsWhenThereAreNone() {
        let desk = ReportDesk(size: (200, 120))
        desk.show()
        #expect(desk.text.contains("Escalations resolved"))
        desk.reports.hasEscalations = false
        desk.app.press(.control("r"))
        #expect(!desk.text.contains("Escalations resolved"))
        #expect(desk.text.contains("Transitions"))
    }

    @Test func accentedAndCJKNamesStayAligned() {
        let desk = ReportDesk(size: (200, 120))
        desk.show()
        let rows = desk.lines.filter { $0.contains("José Núñez") || $0.contains("田中 美恵") || $0.contains("Dana Ruiz") }
        #expect(rows.count >= 4)
        // Each figure column ends at the same display column on every row.
        let ends = rows.map { DisplayWidth.of($0.trimmingTrailingSpaces) }
        let productivity = Array(ends.prefix(3))
        #expect(Set(productivity).count == 1, "\(rows)")
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

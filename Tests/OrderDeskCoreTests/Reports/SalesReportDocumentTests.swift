import Foundation
import Testing
@testable import OrderDeskCore

struct SalesReportDocumentTests {
    /// A small weekly report: two channels and the total, two people, an executive with a target, a team.
    static func sample(hasEscalations: Bool = true) -> SalesReport {
        var direct = ChannelFigures()
        direct.bookedCount = 12; direct.bookedMRR = Money(cents: 1_234_550); direct.bookedNRC = Money(cents: 50_000)
        direct.installCount = 3; direct.installMRR = Money(cents: 89_700); direct.notDone = 1; direct.cancellations = 0
        direct.backlog = [.submitted: 4, .scheduled: 2, .notDone: 1]
        var directBefore = direct
        directBefore.bookedCount = 10; directBefore.bookedMRR = Money(cents: 1_235_800); directBefore.installCount = 3
        directBefore.backlog = [.submitted: 5, .scheduled: 2]
        var agent = ChannelFigures()
        agent.bookedCount = 2; agent.bookedMRR = Money(cents: 19_900); agent.cancellations = 1; agent.backlog = [.held: 1]
        let query = ReportQuery(period: .containing(Day(iso: "2026-11-25")!, kind: .weekly))
        return SalesReport(
            query: query, generatedAt: 1_796_000_000, timeZone: "Europe/Paris",
            channels: [ChannelReportRow(channel: .direct, current: direct, previous: directBefore),
                       ChannelReportRow(channel: .agent, current: agent, previous: ChannelFigures()),
                       ChannelReportRow(channel: nil, current: direct + agent, previous: directBefore)],
            productivity: [ProductivityRow(login: "=cmd", name: "Zoë Ångström", role: .accountManager, ordersWorked: 14,
                                           transitions: 20, notes: 3, escalationsResolved: 0),
                           ProductivityRow(login: "renee.dubois", name: "Renée Dubois", role: .supervisor, ordersWorked: 2,
                                           transitions: 0, notes: 1, escalationsResolved: 4)],
            hasEscalations: hasEscalations,
            executives: [CommissionRow(login: "dana.ruiz", name: "Dana Ruiz", team: "East", installedMRR: Money(cents: 89_700),
                                       target: Money(cents: 120_000), commission: Money(cents: 74_750))],
            teams: [CommissionRow(login: nil, name: "East", team: nil, installedMRR: Money(cents: 89_700), target: nil,
                                  commission: Money(cents: 74_750))])
    }

    @Test func theTableShowsEachFigureWithItsChange() {
        let text = SalesReportDocument.render(Self.sample(), .table)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Weekly sales report · week of 2026-11-23 (to 2026-11-29)")
        #expect(text.contains("against the week of 2026-11-16 (to 2026-11-22)."))
        let direct = lines.first { $0.hasPrefix("  direct") }!
        #expect(direct.contains("12 (+2)"))
        #expect(direct.contains("12,345.50 (-12.50)"))
        #expect(direct.contains("3 (±0)"))
        let total = lines.first { $0.hasPrefix("  total") }!
        #expect(total.contains("14 (+4)"))
        #expect(text.contains("Zoë Ångström (=cmd)"))
        #expect(text.contains("Escalations resolved"))
        let executive = lines.first { $0.contains("Dana Ruiz (dana.ruiz)") }!
        #expect(executive.contains("East") && executive.contains("897.00") && executive.contains("1,200.00")
            && executive.contains("74.75%") && executive.contains("747.50"))
        // The figures' columns line up: every row of the channel table is as wide as its rule.
        let table = lines.drop { !$0.hasPrefix("ORDERS BY CHANNEL") }.dropFirst().prefix { !$0.isEmpty }
        #expect(Set(table.dropFirst(2).map(\.count)).count == 1)
        #expect(!SalesReportDocument.render(Self.sample(hasEscalations: false), .table).contains("Escalations resolved"))
    }

    @Test func csvHasOneFigureARowWithPlainNumbersAndGuardedText() {
        let csv = SalesReportDocument.render(Self.sample(), .csv)
        let rows = csv.split(separator: "\n").map(String.init)
        #expect(rows[0] == "section,period_kind,period_start,period_end,channel,person,team,metric,value,previous_value,change")
        #expect(rows.contains("channels,weekly,2026-11-23,2026-11-29,direct,,,booked_mrr,12345.50,12358.00,-12.50"))
        #expect(rows.contains("backlog,weekly,2026-11-23,2026-11-29,direct,,,backlog_submitted,4,5,-1"))
        #expect(rows.contains("channels,weekly,2026-11-23,2026-11-29,total,,,booked_count,14,10,4"))
        #expect(rows.contains("productivity,weekly,2026-11-23,2026-11-29,,'=cmd,,orders_worked,14,,"))
        #expect(rows.contains("commission_executive,weekly,2026-11-23,2026-11-29,,dana.ruiz,East,attainment_pct,74.75,,"))
        #expect(rows.contains("commission_team,weekly,2026-11-23,2026-11-29,,,East,target,,,"))
        let perRow = 3 * (SalesReportDocument.channelMetrics.count + SalesReportDocument.backlogMetrics.count) + 2 * 4 + 4 + 4
        #expect(rows.count == 1 + perRow)
    }

    @Test func jsonIsADocumentWithPlainNumbers() throws {
        let json = SalesReportDocument.render(Self.sample(), .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let period = try #require(object["period"] as? [String: String])
        #expect(period == ["kind": "weekly", "start": "2026-11-23", "end": "2026-11-29"])
        #expect((object["previous_period"] as? [String: String])?["start"] == "2026-11-16")
        #expect(object["channel"] is NSNull && object["time_zone"] as? String == "Europe/Paris")
        let channels = try #require(object["channels"] as? [[String: Any]])
        #expect(channels.map { $0["channel"] as? String } == ["direct", "agent", "total"])
        let direct = try #require(channels[0]["current"] as? [String: Any])
        #expect(direct["booked_mrr"] as? Double == 12_345.5 && direct["booked_count"] as? Int == 12)
        #expect((direct["backlog_by_state"] as? [String: Int])?["submitted"] == 4)
        #expect(json.contains("\"booked_mrr\": 12345.50"), "money keeps its two decimals")
        let people = try #require(object["productivity"] as? [[String: Any]])
        #expect(people[0]["login"] as? String == "=cmd" && people[1]["escalations_resolved"] as? Int == 4)
        let commission = try #require(object["commission"] as? [String: Any])
        let executive = try #require((commission["executives"] as? [[String: Any]])?.first)
        #expect(executive["attainment_pct"] as? Double == 74.75 && executive["target"] as? Double == 1_200)
        let team = try #require((commission["teams"] as? [[String: Any]])?.first)
        #expect(team["team"] as? String == "East" && team["target"] is NSNull && team["attainment_pct"] is NSNull)
    }

    @Test func aChangeIsSignedAndGrouped() {
        #expect(SalesReportDocument.change(1_250, 10, isMoney: false) == "+1,240")
        #expect(SalesReportDocument.change(0, 124_000, isMoney: true) == "-1,240.00")
        #expect(SalesReportDocument.change(5, 5, isMoney: false) == "±0")
    }
}

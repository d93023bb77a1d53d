import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

struct ReportSnapshotTests {
    @Test func weeklyAllChannelsAt80x24() {
        let desk = ReportDesk()
        desk.show()
        assertSnapshot(desk.text, named: "reports-80x24")
        // The chart and the rest scroll into view.
        desk.app.press(.pageDown)
        assertSnapshot(desk.text, named: "reports-80x24-chart")
    }

    @Test func weeklyAllChannelsAt120x40() {
        let desk = ReportDesk(size: (40, 120))
        desk.show()
        assertSnapshot(desk.text, named: "reports-120x40")
        desk.app.press(.character("G"))
        assertSnapshot(desk.text, named: "reports-120x40-end")
    }

    @Test func monthlyOneChannelAt120x40() {
        let desk = ReportDesk(size: (40, 120))
        desk.show()
        desk.app.press(.character("m"), .character("c"), .character("c"))
        assertSnapshot(desk.text, named: "reports-monthly-agent-120x40")
    }

    @Test func dailyMonoAt80x24() {
        let desk = ReportDesk(theme: .builtInMono)
        desk.show()
        desk.app.press(.character("d"), .pageDown)
        MonoThemeTests().expectNoColour(desk.terminal)
        assertSnapshot(desk.mono, named: "reports-daily-80x24-mono")
    }

    @Test func exportPromptAt80x24() {
        let desk = ReportDesk()
        desk.show()
        desk.app.press(.character("x"))
        assertSnapshot(desk.text, named: "reports-export-80x24")
    }
}

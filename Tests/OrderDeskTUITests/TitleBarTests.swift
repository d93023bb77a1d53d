import OrderDeskCore
import OrderDeskTerminal
import Testing

@testable import OrderDeskTUI

/// The title bar uses its room: every tab's name at 80 columns for every role, compact tabs only when even
/// the shortened names do not fit; clicks land on the tab drawn under them.
struct TitleBarTests {
    static let names = ["1 Queue", "2 Customers", "3 Contracts", "4 Reconcile", "5 Status", "6 Reports"]

    @Test(arguments: [("manager", SampleOrders.manager), ("supervisor", SampleContracts.supervisor),
                      ("director", SampleContracts.director)])
    func everyRoleSeesTheSixNamesAt80Columns(role: String, user: UserAccount) throws {
        let desk = ContractDesk(user: user)
        for key in ["1", "2", "3", "4", "5", "6"] {
            desk.app.press(.character(Character(key)))
            let bar = desk.lines[0]
            #expect(Self.names.allSatisfy { bar.contains(" \($0)") }, "\(role) on tab \(key): \(bar)")
            #expect(DisplayWidth.of(bar) <= 80)
            try expectClicksLandOnTheirTabs(desk, role: role)
        }
    }

    @Test func theAwaitingCountIsShortenedAt80AndSpelledOutWhereThereIsRoom() {
        #expect(ContractDesk(user: SampleContracts.director).lines[0].contains(" 3 Contracts (3)  4 Reconcile"))
        let roomy = ContractDesk(size: (24, 96), user: SampleContracts.director).lines[0]
        #expect(roomy.contains(" 3 Contracts (3 awaiting you) ") && !roomy.contains("OrderDesk"), "\(roomy)")
        let wide = ContractDesk(size: (24, 120), user: SampleContracts.director).lines[0]
        #expect(wide.hasPrefix(" OrderDesk ") && wide.contains(" 3 Contracts (3 awaiting you) "))
        // Nothing awaiting: the plain name.
        let manager = ContractDesk(user: SampleOrders.manager).lines[0]
        #expect(manager.contains(" 3 Contracts  4 Reconcile") && !manager.contains("("))
    }

    /// With an open record's crumb the shortened names do not fit at 80 columns: compact tabs, the count kept.
    @Test func compactOnlyWhenTheNamesCannotFit() throws {
        let director = ContractDesk(user: SampleContracts.director)
        director.app.openCustomer(searching: "cafe")
        #expect(director.lines[0].contains(" 3 (3) ") && director.lines[0].contains(" › "), "\(director.lines[0])")
        let layout = director.app.titleBarLayout
        for tab in layout.tabs {
            #expect(column(of: String(tab.label.dropLast()), in: director.lines[0]) == tab.x, "\(tab.label) in \(director.lines[0])")
        }
        let contracts = try #require(layout.tabs.first { $0.screen == .contracts })
        director.app.click(row: 0, column: contracts.x + 1)
        #expect(director.app.state.screen == .contracts)
    }

    /// Each tab's drawn label starts where the layout says, and a click in its middle switches to it.
    func expectClicksLandOnTheirTabs(_ desk: ContractDesk, role: String) throws {
        let before = desk.app.state.screen
        let layout = desk.app.titleBarLayout
        for tab in layout.tabs {
            // Without its last blank: the line's end is trimmed when nothing is drawn after the last tab.
            #expect(column(of: String(tab.label.dropLast()), in: desk.lines[0]) == tab.x, "\(role): \(tab.label) in \(desk.lines[0])")
        }
        // Compact tabs move as the current one changes, so the layout is asked again before each click.
        for screen in DeskScreen.allCases {
            let tab = try #require(desk.app.titleBarLayout.tabs.first { $0.screen == screen })
            desk.app.click(row: 0, column: tab.x + tab.width / 2)
            #expect(desk.app.state.screen == screen, "\(role): click on \(tab.label)")
        }
        let back = try #require(desk.app.titleBarLayout.tabs.first { $0.screen == before })
        desk.app.click(row: 0, column: back.x + 1)
    }
}

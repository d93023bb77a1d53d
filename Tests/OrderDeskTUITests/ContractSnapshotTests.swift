import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

struct ContractSnapshotTests {
    func mono(_ desk: ContractDesk) -> String {
        desk.text + "\n--- attributes ---\n" + MonoThemeTests().attributeMap(desk.terminal)
    }

    @Test func listAt80x24() {
        let desk = ContractDesk()
        desk.app.press(.character("3"))
        assertSnapshot(desk.text, named: "contracts-80x24")
    }

    @Test func listAt120x40ForADirector() {
        let desk = ContractDesk(size: (40, 120), user: SampleContracts.director)
        desk.app.press(.character("3"), .down, .down, .down, .down)
        assertSnapshot(desk.text, named: "contracts-120x40")
    }

    @Test func inboxInMono() {
        let desk = ContractDesk(user: SampleContracts.director, theme: .builtInMono)
        desk.app.press(.character("3"), .character("i"), .down)
        let map = MonoThemeTests().attributeMap(desk.terminal).split(separator: "\n")
        #expect(map[3 + desk.app.state.contracts.cursor].allSatisfy { $0 == "R" }, "the cursor row is reversed across the width")
        assertSnapshot(mono(desk), named: "contracts-inbox-80x24-mono")
    }

    @Test func filterDialogAt80x24() {
        let desk = ContractDesk()
        desk.app.press(.character("3"), .character("f"), .right, .right, .down, .down, .down, .character(" "))
        assertSnapshot(desk.text, named: "contracts-filter-80x24")
    }

    @Test func contractAt80x24() {
        let desk = ContractDesk(user: SampleContracts.director)
        desk.open("CSA-000140")
        assertSnapshot(desk.text, named: "contract-80x24")
        desk.app.press(.tab)
        assertSnapshot(desk.text, named: "contract-figures-80x24")
    }

    @Test func contractAt120x40() {
        let desk = ContractDesk(size: (40, 120), user: SampleContracts.director)
        desk.open("CSA-000140")
        assertSnapshot(desk.text, named: "contract-120x40")
    }

    @Test func rejectedDraftInMono() {
        let desk = ContractDesk(theme: .builtInMono)
        desk.open("CSA-000150")
        MonoThemeTests().expectNoColour(desk.terminal)
        assertSnapshot(mono(desk), named: "contract-rejected-80x24-mono")
    }

    @Test func belowFloorAndNegativeNPVAt120x40() {
        let desk = ContractDesk(size: (40, 120), user: SampleContracts.director)
        desk.open("CSA-000154")
        assertSnapshot(desk.text, named: "contract-negative-npv-120x40")
    }

    @Test func approveDialogAt80x24() {
        let desk = ContractDesk(user: SampleContracts.director)
        desk.open("CSA-000154")
        desk.app.press(.character("a"), .enter)
        desk.app.type("Anchor site")
        assertSnapshot(desk.text, named: "contract-approve-80x24")
    }

    @Test func submitAndTerminateDialogsAt80x24() {
        let desk = ContractDesk(user: SampleContracts.supervisor)
        desk.open("CSA-000150")
        desk.app.press(.character("s"))
        assertSnapshot(desk.text, named: "contract-submit-80x24")
        desk.app.press(.escape, .escape)
        desk.open("CSA-000101")
        desk.app.press(.character("T"))
        assertSnapshot(desk.text, named: "contract-terminate-80x24")
    }

    @Test func customerPickerAt80x24() {
        let desk = ContractDesk()
        desk.app.press(.character("3"), .character("n"))
        desk.app.type("b")
        assertSnapshot(desk.text, named: "contracts-new-80x24")
    }

    @Test func tinyWindowsSayWhatIsNeededAndNeverCrash() {
        let desk = ContractDesk(size: (40, 120), user: SampleContracts.director)
        desk.open("CSA-000140")
        desk.app.press(.character("G"))
        desk.terminal.resize(rows: 10, columns: 30)
        desk.app.handle(.resize)
        assertSnapshot(desk.text, named: "contract-30x10")
        let keys: [Key] = [.character("j"), .pageDown, .tab, .character("G"), .character("a"), .escape, .character("x"),
                           .character("?"), .escape, .escape, .character("3"), .character("f"), .escape, .character("n"),
                           .escape, .enter, .character("T"), .escape]
        for (r, c) in [(1, 1), (0, 0), (3, 10), (24, 79), (23, 80), (5, 200), (24, 80), (30, 110), (60, 300)] {
            desk.terminal.resize(rows: r, columns: c)
            desk.app.handle(.resize)
            for key in keys { desk.app.press(key) }
        }
        // Back at 80×24 on the contract: the scroll is within its limits and the header shows.
        desk.terminal.resize(rows: 24, columns: 80)
        desk.app.handle(.resize)
        desk.app.press(.escape, .escape, .escape)
        desk.open("CSA-000140")
        desk.app.press(.character("G"))
        desk.terminal.resize(rows: 40, columns: 120)
        desk.app.handle(.resize)
        #expect(desk.text.contains("CSA-000140 · renewal of CSA-000101"))
        desk.terminal.resize(rows: 24, columns: 80)
        desk.app.handle(.resize)
        #expect(desk.text.contains("History"))
    }
}

import Foundation
import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// A desk over the sample orders and the sample customers (plus `extra` plain ones), on the queue.
func makeCustomerDesk(size: (Int, Int) = (24, 80), extra: Int = 0, user: UserAccount = SampleOrders.manager,
                      theme: Theme = .builtInDefault) -> (DeskApp, MemoryTerminal, FakeOrderBook, FakeCustomerBook) {
    let book = FakeOrderBook(rows: SampleOrders.rows(count: 40), now: SampleOrders.now)
    let customers = FakeCustomerBook(extraCustomers: extra)
    book.customers = customers
    let terminal = MemoryTerminal(rows: size.0, columns: size.1)
    let app = DeskApp(client: book.client(as: user), terminal: terminal, theme: theme)
    app.start()
    return (app, terminal, book, customers)
}

extension DeskApp {
    /// From anywhere: tab 2, search for `search`, open the first match.
    func openCustomer(searching search: String) {
        press(.character("2"))
        type(search)
        press(.enter, .enter)
    }

    /// Moves the customer screen's cursor down until `predicate` holds for the current pane's selection.
    func selectInPane(where predicate: (CustomerState) -> Bool) {
        for _ in 0..<100 where !(state.customer.map(predicate) ?? true) { press(.down) }
    }
}

extension MemoryTerminal {
    /// The screen's text with each line's trailing spaces gone, lines joined by spaces (for wrapped messages).
    var flatText: String {
        text().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

// MARK: The customers list

struct CustomersListTests {
    @Test func twoOpensTheListWithTheSearchFieldTakingKeys() {
        let (app, terminal, _, customers) = makeCustomerDesk()
        app.press(.character("2"))
        #expect(app.state.screen == .customers)
        #expect(app.state.context == .customers)
        #expect(app.state.customers.searching, "entered without a search, typing searches at once")
        #expect(terminal.line(0).contains(" 2 Customers "))
        #expect(app.state.customers.rows.map(\.id) == customers.matching("").map(\.id))
        #expect(terminal.text().contains("1 of 10"))
        // Sorted by folded name: Bethpage, Café, Crème, … and the CJK names last.
        #expect(app.state.customers.rows.first?.name == "Bethpage Dental Group")
        #expect(app.state.customers.rows.last?.name == "東京寿司 Sushi Bar")
    }

    @Test func typingSearchesAtOnceEnterKeepsItSlashSearchesAgainEscClears() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.press(.character("2"))
        app.type("cafe ro")
        #expect(app.state.customers.search == "cafe ro")
        #expect(app.state.customers.rows.map(\.name) == ["Café Roma LLC"])
        #expect(terminal.text().contains("1 of 1"))
        app.press(.enter)
        #expect(!app.state.customers.searching)
        #expect(app.state.customers.search == "cafe ro", "Enter keeps the search")
        #expect(terminal.text().contains("search \"cafe ro\""))
        app.press(.character("/"))
        #expect(app.state.customers.searching)
        app.press(.control("u"))
        app.type("cr")
        #expect(app.state.customers.rows.map(\.name) == ["Crème Brûlée Bakery"])
        app.press(.escape)
        #expect(app.state.customers.search.isEmpty)
        #expect(!app.state.customers.searching)
        #expect(app.state.customers.rows.count == 10)
    }

    @Test func escOnTheListClearsAKeptSearch() {
        let (app, _, _, _) = makeCustomerDesk()
        app.press(.character("2"))
        app.type("island")
        app.press(.enter, .escape)
        #expect(app.state.customers.search.isEmpty)
        #expect(app.state.customers.rows.count == 10)
    }

    @Test func searchFindsByAccountNumberWithOrWithoutLeadingZerosAndByPhoneDigits() {
        let (app, _, _, _) = makeCustomerDesk()
        app.press(.character("2"))
        for search in ["07830012356", "7830012356", "5165550135", "555-0135", "(516) 555-0135", "nandu", "ÑANDÚ"] {
            app.press(.control("u"))
            app.type(search)
            #expect(app.state.customers.rows.map(\.name) == ["Ñandú Imports"], "\(search)")
        }
        app.press(.control("u"))
        app.type("jericho tpke") // an address
        #expect(app.state.customers.rows.map(\.name).contains("Bethpage Dental Group"))
    }

    @Test func anEmptyResultSaysSoAndHowToWidenIt() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.press(.character("2"))
        app.type("zzz")
        #expect(app.state.customers.rows.isEmpty)
        let text = terminal.flatText
        #expect(text.contains("No customer matches \"zzz\"."))
        #expect(text.contains("Widen the search: type fewer letters"))
        #expect(text.contains("0 of 0"))
        app.press(.enter, .enter) // nothing to open; nothing breaks
        #expect(app.state.customer == nil)
        #expect(app.state.message?.text.contains("No customer to open") == true)
    }

    @Test func colonCustomersOpensTheTab() {
        let (app, _, _, _) = makeCustomerDesk()
        app.press(.character(":"))
        app.type("customers")
        app.press(.enter)
        #expect(app.state.screen == .customers)
        #expect(app.state.customers.rows.count == 10)
    }

    @Test func onlyTheVisibleRowsAreFetchedAndTheCountComesAfterTheRows() {
        let (app, _, _, customers) = makeCustomerDesk(extra: 500)
        app.press(.character("2"))
        let visible = app.state.customers.visibleRows
        #expect(visible == 19)
        #expect(app.state.customers.rows.count == visible)
        #expect(customers.fetches.allSatisfy { $0.limit <= visible })
        #expect(CustomersScreen.position(app.state.customers) == "1 of 510")
        let counts = customers.countCalls
        app.type("a")
        #expect(customers.countCalls == counts + 1, "one count a keystroke, after its rows")
    }

    @Test func scrollingDownVisitsEveryCustomerOnceInOrder() {
        let (app, _, _, customers) = makeCustomerDesk(extra: 60)
        app.press(.character("2"), .enter)
        let expected = customers.matching("").map(\.id)
        var seen: [Int64] = []
        for i in 0..<expected.count {
            #expect(app.state.customers.cursorPosition == i + 1)
            seen.append(app.state.customers.selected!.id)
            app.press(.character("j"))
        }
        #expect(seen == expected)
        #expect(CustomersScreen.position(app.state.customers) == "70 of 70")
    }

    @Test func pagesEndAndHomeKeepThePositionRight() {
        let (app, terminal, _, customers) = makeCustomerDesk(extra: 100)
        app.press(.character("2"), .enter)
        let all = customers.matching("")
        let visible = app.state.customers.visibleRows
        app.press(.pageDown, .pageDown)
        #expect(app.state.customers.rows.map(\.id) == all[(2 * visible)..<(3 * visible)].map(\.id))
        #expect(app.state.customers.cursorPosition == 2 * visible + 1)
        app.press(.pageUp)
        #expect(app.state.customers.rows.map(\.id) == all[visible..<(2 * visible)].map(\.id))
        app.press(.end)
        #expect(app.state.customers.selected?.id == all.last?.id)
        #expect(terminal.text().contains("110 of 110"))
        app.press(.home)
        #expect(app.state.customers.selected?.id == all.first?.id)
        #expect(terminal.text().contains("1 of 110"))
    }

    @Test func aBroadSearchCountedToALowerBoundSaysSo() {
        let (app, terminal, _, customers) = makeCustomerDesk(extra: 100)
        customers.countCap = 50
        app.press(.character("2"), .enter)
        #expect(terminal.text().contains("1 of 50+"))
        app.press(.end)
        #expect(app.state.customers.selected?.id == customers.matching("").last?.id)
        #expect(terminal.text().contains("last of 50+"), "the place of the end of a list counted to a bound is not known")
        app.press(.home)
        #expect(terminal.text().contains("1 of 50+"))
    }

    @Test func enterOpensTheCustomerAndEscComesBackToTheList() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.press(.character("2"), .enter, .down)
        let name = app.state.customers.selected!.name
        app.press(.enter)
        #expect(app.state.context == .customer)
        #expect(app.state.customer?.detail?.header.name == name)
        #expect(terminal.line(0).contains(" › " + name + " "))
        app.press(.escape)
        #expect(app.state.context == .customers)
        #expect(app.state.customers.selected?.name == name, "the list's cursor stays")
    }

    @Test func wideAndAccentedNamesKeepTheColumnsAligned() {
        let (app, terminal, _, _) = makeCustomerDesk(size: (30, 100))
        app.press(.character("2"), .enter)
        let lines = terminal.text().split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.contains("東京") || $0.contains("Café") || $0.contains("北京") || $0.contains("Bethpage D") }
        #expect(rows.count == 4)
        let accountColumns = Set(rows.map { line -> Int in
            let account = line.range(of: "0783001")!
            return DisplayWidth.of(String(line[..<account.lowerBound]))
        })
        #expect(accountColumns.count == 1, "the account column starts at \(accountColumns)")
    }
}

// MARK: The customer screen

struct CustomerScreenTests {
    @Test func theHeaderAndThePaneStripShowTheCustomer() {
        let (app, terminal, book, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        let detail = app.state.customer!.detail!
        let open = book.rows.filter { $0.customerName == "Café Roma LLC" && $0.state.isOpen }.count
        #expect(detail.header.openOrders == open)
        let text = terminal.text()
        #expect(text.contains("Café Roma LLC"))
        #expect(text.contains("account 07830012345 · segment small business · channel direct"))
        #expect(text.contains("owner Dana Ruiz (dana.ruiz) · customer since 2015-01-01 · phone (516) 555-0134"))
        #expect(text.contains("\(open) open order\(open == 1 ? "" : "s") · total MRR "))
        #expect(text.contains("[Locations 4]"))
        #expect(text.contains("Orders 4"))
        #expect(text.contains("Timeline 13"))
        #expect(text.contains("location 1 of 4"))
    }

    @Test func tabShiftTabAndArrowsSwitchPanesEachKeepingItsCursor() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        app.press(.down, .down)
        app.press(.tab)
        #expect(app.state.customer?.pane == .orders)
        #expect(terminal.text().contains("[Orders 4]"))
        app.press(.right, .character("l"))
        #expect(app.state.customer?.pane == .contacts)
        app.press(.down)
        app.press(.tab, .tab, .tab)
        #expect(app.state.customer?.pane == .locations, "Tab goes round")
        #expect(app.state.customer?.cursor == 2)
        app.press(.backTab)
        #expect(app.state.customer?.pane == .timeline)
        app.press(.left, .character("h"))
        #expect(app.state.customer?.pane == .contacts)
        #expect(app.state.customer?.cursor == 1)
        #expect(terminal.text().contains("contact 2 of 4"))
    }

    @Test func cOnTheQueuesRowOpensItsCustomerOnThatOrder() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.press(.down, .down, .down)
        let row = app.state.queue.selected!
        app.press(.character("c"))
        #expect(app.state.context == .customer)
        #expect(app.state.customer?.detail?.header.name == row.customerName)
        #expect(app.state.customer?.pane == .orders)
        #expect(app.state.customer?.selectedOrder?.id == row.id)
        #expect(terminal.line(0).contains(" 1 Queue "))
        #expect(terminal.line(0).contains(" › " + row.customerName + " "))
        app.press(.escape)
        #expect(app.state.context == .queue)
        #expect(app.state.queue.selected?.id == row.id)
    }

    @Test func cInTheOrderDetailOpensItsCustomer() {
        let (app, _, _, _) = makeCustomerDesk()
        app.press(.down, .enter)
        let row = app.state.detail!.detail!.row
        app.press(.character("c"))
        #expect(app.state.detail == nil)
        #expect(app.state.customer?.detail?.header.name == row.customerName)
        #expect(app.state.customer?.selectedOrder?.id == row.id)
    }

    @Test func enterOnAnOrderOpensItAndEscReturnsToTheSamePaneAndCursor() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        app.press(.tab, .down, .down)
        let order = app.state.customer!.selectedOrder!
        app.press(.enter)
        #expect(app.state.context == .detail)
        #expect(app.state.detail?.orderID == order.id)
        #expect(terminal.line(0).contains(" › Café Roma LLC  › Order " + order.orderNumber))
        app.press(.character("c")) // the order's customer is the one under it: back to it
        #expect(app.state.context == .customer)
        app.press(.enter, .escape)
        #expect(app.state.context == .customer)
        #expect(app.state.customer?.pane == .orders)
        #expect(app.state.customer?.cursor == 2)
        #expect(app.state.customer?.selectedOrder?.id == order.id)
    }

    @Test func vChecksTheLocationSaysTheResultAndReloads() {
        let (app, terminal, book, customers) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        app.selectInPane { $0.selectedLocation?.address.street == "77 Conklin St" }
        let location = app.state.customer!.selectedLocation!
        #expect(location.serviceability == .unknown)
        let dataVersion = book.version
        app.press(.character("v"))
        #expect(app.state.message?.text == "77 Conklin St: near net, 200 ft, construction estimate $9,500.00")
        #expect(app.state.message?.isError == false)
        let checked = app.state.customer!.selectedLocation!
        #expect(checked.id == location.id, "the cursor stays on the location")
        #expect(checked.serviceability == .nearNet)
        #expect(checked.checkedBy == "dana.ruiz")
        #expect(book.version > dataVersion)
        #expect(app.state.customer?.detail?.timeline.first?.text == "serviceability: unknown → near net")
        #expect(terminal.text().contains("◐ near net"))
        #expect(terminal.text().contains("checked by dana.ruiz at 2026-11-18 11:06 UTC"))
        #expect(customers.records[1]!.locations.first { $0.id == location.id }?.serviceability == .nearNet)
    }

    @Test func aViewerCannotCheckAndIsToldWhy() {
        let (app, _, _, _) = makeCustomerDesk(user: SampleOrders.viewer)
        app.openCustomer(searching: "cafe")
        app.press(.character("v"))
        #expect(app.state.message?.isError == true)
        #expect(app.state.customer?.selectedLocation?.checkedBy == "dana.ruiz", "nothing changed")
    }

    @Test func aCommandOnTheWrongPaneSaysWhereItWorks() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        app.press(.tab, .character("v"))
        #expect(app.state.message?.text == "v checks a location's serviceability: Tab to the Locations pane.")
        #expect(terminal.text().contains("v checks a location's serviceability"))
        app.press(.character("s"))
        #expect(app.state.message?.text == "s records a location's site survey: Tab to the Locations pane.")
        app.press(.character("d"))
        #expect(app.state.message?.text == "d removes a contact: Tab to the Contacts pane.")
        app.press(.character("a"))
        #expect(app.state.message?.text == "a adds a location, a contact or a document: Tab to the Locations, Contacts or Documents panes.")
        // Enter on a contract opens its screen (this desk has no contracts behind it, so it says so).
        app.press(.tab, .enter)
        #expect(app.state.message?.text.hasPrefix("There is no contract #") == true)
        #expect(app.state.contract == nil)
    }

    @Test func theFormCommandsReachTheFormsOnTheirPanes() {
        let (app, _, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        func opened() -> Bool {
            defer { app.state.modal = nil; app.state.message = nil }
            return app.state.modal != nil || app.state.message?.text == "The customer forms are not built yet."
        }
        for keys: [Key] in [[.character("e")], [.enter], [.character("a")], [.character("s")], [.character("n")], [.character("o")]] {
            for key in keys { app.press(key) }
            #expect(opened(), "\(keys) on locations")
        }
        app.press(.tab, .tab, .tab) // contacts
        for key: Key in [.character("e"), .character("a"), .character("d"), .enter] {
            app.press(key)
            #expect(opened(), "\(key) on contacts")
        }
        app.press(.tab) // documents
        for key: Key in [.character("e"), .character("a"), .enter] {
            app.press(key)
            #expect(opened(), "\(key) on documents")
        }
        app.press(.tab) // timeline: e edits the customer
        app.press(.character("e"))
        #expect(opened())
    }

    @Test func aAddsTheMissingKindOfDocument() {
        let csr = PortingDocument(id: 1, kind: .csr, receivedOn: nil, loa: nil, note: nil, version: 1)
        let loa = PortingDocument(id: 2, kind: .loa, receivedOn: nil, loa: nil, note: nil, version: 1)
        #expect(DeskApp.kindToAdd([]) == .csr)
        #expect(DeskApp.kindToAdd([csr]) == .loa)
        #expect(DeskApp.kindToAdd([loa]) == .csr)
        #expect(DeskApp.kindToAdd([csr, loa]) == .loa)
    }

    @Test func theDocumentsPaneChecksTheLOAFieldByField() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        app.press(.backTab, .backTab, .down)
        #expect(app.state.customer?.selectedDocument?.kind == .loa)
        let text = terminal.text()
        #expect(text.contains("✗ name, ZIP"))
        #expect(text.contains("LOA received 2026-10-28 · ✗ name, ZIP do not match: the port would be rejected"))
        #expect(text.contains("✗ authorised name"))
        #expect(text.contains("letter Café Roma Incorporat"))
        #expect(text.contains("account Café Roma LLC"))
        #expect(text.contains("✓ service address"))
        #expect(text.contains("✓ billing number"))
        let zipLine = text.split(separator: "\n").first { $0.contains("ZIP ") && $0.contains("letter 11753") }
        #expect(zipLine?.contains("✗") == true)
        #expect(zipLine?.contains("account 11714") == true)
    }

    @Test func aMatchingLOAAndMissingDocumentsReadWithoutColour() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "nandu")
        app.press(.backTab, .backTab)
        let text = terminal.text()
        #expect(text.contains("✓ matches the account"))
        #expect(text.contains("CSR missing"))
    }

    @Test func contractsDueForRenewalAreMarked() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        app.press(.tab, .tab)
        let lines = terminal.text().split(separator: "\n")
        #expect(lines.first { $0.contains("CSA-000101") }?.contains("⟳ renew") == true)
        #expect(lines.first { $0.contains("CSA-000102") }?.contains("⟳ renew") == false)
        #expect(terminal.text().contains("⟳ ends in 43 days: due for renewal"))
    }

    @Test func theTimelineCutsLongTextInTheTableAndShowsItWholeBelow() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        app.press(.backTab)
        let entry = app.state.customer!.selectedEntry!
        #expect(entry.text.hasPrefix("Called Giulia"))
        let lines = terminal.text().split(separator: "\n").map(String.init)
        let row = lines.first { $0.contains("Called Giulia") }!
        #expect(row.hasSuffix("…"))
        #expect(terminal.flatText.contains("is not rejected again."), "the whole note in the strip")
    }

    @Test func aChangeFromAnotherTerminalShowsKeepingPaneAndCursor() {
        let (app, _, _, customers) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        app.press(.down, .down)
        let location = app.state.customer!.selectedLocation!
        customers.externalLocation(1, street: "5 Jerusalem Ave")
        #expect(app.pollForChanges())
        #expect(app.state.customer?.count(.locations) == 5)
        #expect(app.state.customer?.selectedLocation?.id == location.id, "the cursor stays on its location")
        #expect(app.state.customer?.cursor == 3)
        app.press(.backTab, .down, .down)
        let entry = app.state.customer!.selectedEntry!
        customers.externalNote(1, "Giulia signed the renewal.")
        app.pollForChanges()
        #expect(app.state.customer?.detail?.timeline.first?.text == "Giulia signed the renewal.")
        #expect(app.state.customer?.selectedEntry == entry)
        #expect(app.state.customer?.pane == .timeline)
    }

    @Test func aChangeFromAnotherTerminalReachesTheList() {
        let (app, _, _, customers) = makeCustomerDesk()
        app.press(.character("2"), .enter, .down, .down)
        let selected = app.state.customers.selected!.id
        customers.records[1]!.header.name = "Aardvark Café"
        customers.externalNote(1, "renamed")
        app.pollForChanges()
        #expect(app.state.customers.rows.first?.name == "Aardvark Café")
        #expect(app.state.customers.selected?.id == selected, "the cursor stays on its customer")
    }

    @Test func aNewOrderAppearsInTheQueueAndOnTheCustomer() throws {
        let (app, _, book, customers) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        let detail = app.state.customer!.detail!
        let location = detail.locations[1]
        let lines = try app.client.customers.serviceLines(detail.locations[0].id)
        #expect(lines.map(\.product.code) == ["FIB-500", "VOX-LINE"])
        let fiber = try app.client.customers.priceBook("fib 1")
        #expect(fiber.map(\.code) == ["FIB-1G", "FIB-100"])
        let row = try app.client.customers.createOrder(
            MACOrderDraft(type: .add, customerID: detail.header.id, locationID: location.id, lines: [DraftLine(product: fiber[0])]))
        #expect(row.state == .draft)
        app.customerChanged()
        #expect(app.state.customer?.detail?.orders.first?.id == row.id)
        #expect(book.rows.contains { $0.id == row.id })
        app.press(.escape, .character("1"))
        app.press(.character("/"))
        app.type(row.orderNumber)
        #expect(app.state.queue.rows.map(\.id) == [row.id])
        #expect(customers.records[1]!.timeline.first?.subject == "order " + row.orderNumber)
    }

    @Test func resizingKeepsTheCursorOnScreenAndTinyWindowsDoNotCrash() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        app.press(.backTab, .end)
        #expect(app.state.customer?.visibleRows == 11)
        #expect(app.state.customer?.top == 2)
        for (r, c) in [(20, 60), (1, 1), (0, 0), (24, 79), (5, 200), (40, 120)] {
            terminal.resize(rows: r, columns: c)
            app.handle(.resize)
            app.press(.character("j"), .tab, .backTab, .character("?"), .escape)
            // Esc closes the help; a second one would close the customer.
            #expect(app.state.customer != nil)
        }
        #expect(app.state.customer?.visibleRows == 27)
        #expect(app.state.customer?.top == 0)
        terminal.resize(rows: 24, columns: 80)
        app.handle(.resize)
        #expect(app.state.customer?.visibleRows == 11)
        #expect(app.state.customer?.cursor == 12)
        #expect(terminal.text().contains("entry 13 of 13"))
    }

    @Test func tabSwitchingClosesTheCustomer() {
        let (app, _, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe")
        app.press(.character("1"))
        #expect(app.state.customer == nil)
        #expect(app.state.context == .queue)
        app.press(.character("c"), .character("4"))
        #expect(app.state.customer == nil)
        #expect(app.state.context == .reconcileRuns)
    }
}

// MARK: Snapshots

struct CustomerSnapshotTests {
    @Test func listAt80x24() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.press(.character("2"), .enter, .down)
        assertSnapshot(terminal.text(), named: "customers-80x24")
    }

    @Test func listAt120x40WhileSearching() {
        let (app, terminal, _, _) = makeCustomerDesk(size: (40, 120), extra: 80)
        app.press(.character("2"))
        app.type("b")
        assertSnapshot(terminal.text(), named: "customers-120x40")
    }

    /// The locations pane on the near-net location with its survey scheduled.
    @Test func locationsAt80x24() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe ro")
        app.press(.down)
        assertSnapshot(terminal.text(), named: "customer-locations-80x24")
    }

    /// The documents pane on the LOA whose name and ZIP do not match the account.
    @Test func documentsAt80x24() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "cafe ro")
        app.press(.tab, .tab, .tab, .tab, .down)
        assertSnapshot(terminal.text(), named: "customer-documents-80x24")
    }

    @Test func timelineAt120x40() {
        let (app, terminal, _, _) = makeCustomerDesk(size: (40, 120))
        app.openCustomer(searching: "cafe ro")
        app.press(.backTab)
        assertSnapshot(terminal.text(), named: "customer-timeline-120x40")
    }

    @Test func contractsAt120x40() {
        let (app, terminal, _, _) = makeCustomerDesk(size: (40, 120))
        app.openCustomer(searching: "cafe ro")
        app.press(.tab, .tab)
        assertSnapshot(terminal.text(), named: "customer-contracts-120x40")
    }

    /// A CJK name in the title, the header and the list, on the orders pane.
    @Test func cjkCustomerAt80x24() {
        let (app, terminal, _, _) = makeCustomerDesk()
        app.openCustomer(searching: "東京")
        app.press(.tab)
        #expect(app.state.customer?.detail?.header.name == "東京寿司 Sushi Bar")
        assertSnapshot(terminal.text(), named: "customer-cjk-80x24")
    }

    /// Without colour, the cursor row, the current pane and every state still stand out.
    @Test func locationsInMono() {
        let (app, terminal, _, _) = makeCustomerDesk(theme: .builtInMono)
        app.openCustomer(searching: "cafe ro")
        app.press(.down)
        MonoThemeTests().expectNoColour(terminal)
        let map = MonoThemeTests().attributeMap(terminal)
        let lines = map.split(separator: "\n")
        // Title, three header lines, the pane strip, the table's header, then the rows.
        #expect(lines[6 + app.state.customer!.cursor].allSatisfy { $0 == "R" }, "the cursor row is reversed across the width")
        #expect(terminal.line(4).contains("[Locations 4]"))
        assertSnapshot(terminal.text() + "\n--- attributes ---\n" + map, named: "customer-locations-80x24-mono")
    }
}

// MARK: The fake itself

struct FakeCustomerBookTests {
    @Test func pagesAreKeysetPagesByFoldedName() {
        let book = FakeCustomerBook(extraCustomers: 30)
        let all = book.matching("")
        #expect(all.count == 40)
        let first = book.page("", .first, 7)
        #expect(first.rows == Array(all.prefix(7)) && first.hasMoreAfter && !first.hasMoreBefore)
        let next = book.page("", .after(first.rows.last!), 7)
        #expect(next.rows == Array(all[7..<14]) && next.hasMoreBefore)
        let back = book.page("", .before(next.rows.first!), 7)
        #expect(back.rows == first.rows && !back.hasMoreBefore)
        let last = book.page("", .last, 7)
        #expect(last.rows == Array(all.suffix(7)) && !last.hasMoreAfter && last.hasMoreBefore)
    }

    @Test func savesCheckVersionsAndFields() throws {
        let orders = FakeOrderBook(rows: SampleOrders.rows(count: 20), now: SampleOrders.now)
        let client = orders.customers.client(as: SampleOrders.manager, now: SampleOrders.now, orders: orders)
        let contact = try client.saveContact(1, nil, ContactEdit(name: "Ana Pérez", role: .billing, phone: "516 555 0188", email: ""), nil)
        #expect(contact.phone == "(516) 555-0188")
        let saved = try client.saveContact(1, contact.id, ContactEdit(name: "Ana Pérez", role: .signer, phone: "", email: "ana@x.com"), 1)
        #expect(saved.version == 2)
        #expect(throws: OrderDeskError.self) {
            try client.saveContact(1, contact.id, ContactEdit(name: "Ana", role: .signer, phone: "", email: "ana@x.com"), 1)
        }
        do {
            _ = try client.saveContact(1, nil, ContactEdit(name: "Bad", role: .billing, phone: "", email: "nope"), nil)
            Issue.record("an invalid email was saved")
        } catch OrderDeskError.invalidFields(let errors) {
            #expect(errors.map(\.field) == ["email"])
        }
        let header = try client.detail(1).header
        let ordersBefore = try client.detail(1).orders.count
        #expect(ordersBefore > 0)
        #expect(throws: OrderDeskError.self) {
            try client.updateCustomer(1, CustomerEdit(header), header.version + 1)
        }
        let renamed = try client.updateCustomer(1, { var e = CustomerEdit(header); e.name = "Café Roma Group"; return e }(), header.version)
        #expect(renamed.version == header.version + 1)
        #expect(try client.detail(1).orders.count == ordersBefore, "the orders follow the rename")
        #expect(orders.rows.contains { $0.customerName == "Café Roma Group" })
    }

    @Test func serviceabilityFollowsThePlantAndTheRules() throws {
        let orders = FakeOrderBook(rows: [], now: SampleOrders.now)
        let client = orders.customers.client(as: SampleOrders.manager, now: SampleOrders.now, orders: orders)
        func check(_ street: String, _ zip: String) throws -> CustomerLocation {
            let location = try client.saveLocation(2, nil, LocationEdit(street: street, city: "Town", stateCode: "ny", zip: zip), nil)
            return try client.checkServiceability(location.id)
        }
        #expect(try check("5 Main Street", "11714").serviceability == .onNet)
        let near = try check("9 Hicksville Road", "11714")
        #expect(near.serviceability == .nearNet && near.distanceFeet == 200 && near.constructionEstimate == Money(cents: 950_000))
        #expect(try check("1 Elsewhere Ln", "11735").serviceability == .offNet, "201 ft is off-net")
        let none = try check("1 Jackson Ave", "11791")
        #expect(none.serviceability == .offNet && none.distanceFeet == nil)
    }

    @Test func theSampleCoversEveryStatusRoleAndState() {
        let book = FakeCustomerBook()
        let locations = book.records.values.flatMap(\.locations)
        #expect(Set(locations.map(\.serviceability)) == Set(Serviceability.allCases))
        #expect(Set(locations.map(\.survey.status.name)) == ["not_needed", "requested", "scheduled", "completed"])
        #expect(Set(locations.compactMap(\.survey.status.result)) == Set(SurveyResult.allCases))
        #expect(Set(book.records[1]!.contacts.map(\.role)) == Set(ContactRole.allCases))
        let roma = book.records[1]!
        let account = PortingAccount(customerName: roma.header.name, locations: roma.locations.map(\.address),
                                     billingTelephoneNumber: roma.header.phone)
        let loa = roma.documents.first { $0.kind == .loa }!.loa!
        #expect(LOACheck.mismatches(loa, account: account).map(\.field) == [.authorizedName, .zip])
        #expect(roma.contracts.contains { $0.isDueForRenewal(today: Day(unixSeconds: SampleOrders.now)) })
    }
}

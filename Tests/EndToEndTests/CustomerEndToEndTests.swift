import Foundation
import OrderDeskCore
import Testing

/// The customer screen driven through the real binary in tmux, as an account manager would use it.
@Suite(.serialized) struct CustomerEndToEndTests {
    @Test func findACustomerAddAContactAfterFixingItsEmailThenRaiseAMoveThatShowsInTheQueueAsADraft() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)")
        try desk.waitFor("row 1 of 3,000")

        // Find the customer: screen 2 searches as you type, accents folded.
        try desk.press("2")
        try desk.type("cafe ro")
        // The whole search typed, and Café Roma LLC the first match (its address words match too, so it may not be the only one).
        try desk.waitUntil(description: "Café Roma LLC first for 'cafe ro'") { screen in
            let lines = screen.split(separator: "\n")
            return lines.contains { $0.hasPrefix("Search: cafe ro") } && lines.count > 3 && lines[3].hasPrefix("Café Roma LLC")
        }
        try desk.press("Enter") // keep the search, go to the list
        try desk.press("Enter") // open the customer
        try desk.waitFor("[Locations")

        // A contact with a bad email: the field says so, nothing is saved until it is fixed.
        try desk.press("Tab", "Tab", "Tab")
        try desk.waitFor("[Contacts")
        try desk.press("a")
        try desk.waitFor("New contact")
        try desk.type("Marco Bellini")
        try desk.press("Tab", "Tab") // the role keeps its default; on to the phone
        try desk.type("516 555 0177")
        try desk.press("Tab")
        try desk.type("marco@caferoma")
        try desk.press("Tab")
        try desk.waitFor("is not an email address")
        try desk.press("C-s") // refused: the focus goes back to the email
        try desk.type(".com")
        try desk.press("C-s")
        try desk.waitFor("Contact Marco Bellini added.")
        try desk.waitFor("marco@caferoma.com")
        let contact = try SQLite.query(db, """
            SELECT c.name || '|' || c.phone || '|' || c.email FROM contacts c JOIN customers k ON k.id = c.customer_id
            WHERE k.name = 'Café Roma LLC' AND c.name = 'Marco Bellini'
            """)
        #expect(contact.trimmingCharacters(in: .whitespacesAndNewlines) == "Marco Bellini|(516) 555-0177|marco@caferoma.com")

        // A move from one of its locations to another, with a line from the price book, kept as a draft.
        try desk.press("BTab", "BTab", "BTab")
        try desk.waitFor("[Locations")
        try desk.press("o")
        try desk.waitFor("What kind of order for Café Roma LLC?")
        try desk.press("1")
        try desk.waitFor("Where is the service now?")
        try desk.press("Enter")
        try desk.waitFor("Where does the service go?")
        try desk.press("Enter")
        try desk.waitFor("No lines yet")
        try desk.press("a")
        try desk.type("Fiber 1 Gig")
        try desk.waitFor("Business Fiber 1 Gig")
        try desk.press("Enter")
        try desk.waitFor("Added Business Fiber 1 Gig at list price.")
        try desk.press("Escape")
        try desk.press("C-s")
        let saved = try desk.waitFor("Submit it now? y/n")
        let number = try #require(Self.orderNumber(in: saved), "no order number in:\n\(saved)")
        try desk.press("n")
        try desk.waitFor("Draft order \(number) saved.")

        // The queue shows it as a draft move of Café Roma LLC.
        try desk.press("Escape") // close the customer
        try desk.press("1")
        try desk.press("/")
        try desk.type(number)
        try desk.waitFor("row 1 of 1")
        let queue = try desk.waitFor("· draft")
        let row = try #require(queue.split(separator: "\n").first { $0.contains(number) && $0.contains("· draft") })
        #expect(row.contains("Café Roma LLC"))
        #expect(row.contains("MOV") || row.contains("move"), "the row shows a move: \(row)")
        try desk.press("Enter") // leave the search field
        try desk.press("Enter") // the order's detail says where the service goes
        try desk.waitFor("Moving to")
        try desk.press("Escape")
        try desk.press("q")
        try desk.waitFor("EXIT=0")

        let order = try #require(try DemoFixture.orders(in: db, states: [.draft]).first { $0["order_number"] as? String == number })
        #expect(order["type"] as? String == "move")
        #expect(order["customer_name"] as? String == "Café Roma LLC")
        let locations = try SQLite.query(db, "SELECT location_id IS NOT NULL AND new_location_id IS NOT NULL AND location_id != new_location_id FROM orders WHERE order_number = '\(number)'")
        #expect(locations.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "a move has both locations, and they differ")
    }

    /// The eight digits after "Draft order ".
    static func orderNumber(in screen: String) -> String? {
        guard let range = screen.range(of: "Draft order ") else { return nil }
        let digits = screen[range.upperBound...].prefix(8)
        return digits.count == 8 && digits.allSatisfy(\.isNumber) ? String(digits) : nil
    }
}

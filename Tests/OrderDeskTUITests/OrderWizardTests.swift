import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// The move/add/change/disconnect wizard, told as a user's story: pick the type, the location, the lines, save, submit.
struct OrderWizardTests {
    func wizard(_ app: DeskApp) -> OrderWizardState? {
        guard case .orderWizard(let state) = app.state.modal else { return nil }
        return state
    }

    func open(_ app: DeskApp, _ recorder: CustomerFormsRecorder, at locationID: Int64? = nil) {
        app.openOrderWizard(customer: recorder.detail, locationID: locationID)
        app.render()
    }

    @Test func theStepsGoTypeThenLocationThenLinesAndEscStepsBack() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        open(app, recorder)
        #expect(wizard(app)?.step == .type)
        #expect(terminal.text().contains("What kind of order for Café Roma LLC?"))
        app.press(.down, .enter) // add
        #expect(wizard(app)?.step == .location)
        #expect(terminal.text().contains("Which location is the add for?"))
        #expect(terminal.text().contains("◐ near net   40 Oak Ave, Hicksville, NY 11801"))
        app.press(.down, .enter)
        #expect(wizard(app)?.step == .lines)
        #expect(wizard(app)?.location?.id == 2)
        #expect(terminal.text().contains("No lines yet: press a to add one from the price book."))
        app.press(.escape)
        #expect(wizard(app)?.step == .location)
        app.press(.escape)
        #expect(wizard(app)?.step == .type)
        app.press(.escape)
        #expect(app.state.modal == nil, "Esc on the first step with nothing picked closes")
    }

    @Test func itStartsAtTheSelectedLocation() {
        let (app, _, _, recorder) = makeFormsDesk()
        open(app, recorder, at: 3)
        app.press(.character("2"))
        #expect(wizard(app)?.location?.id == 3)
    }

    @Test func aMoveNeedsANewLocationThatDiffersFromTheCurrentOne() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        open(app, recorder)
        app.press(.character("1")) // move
        #expect(terminal.text().contains("Where is the service now?"))
        app.press(.enter) // 12 Main St
        #expect(wizard(app)?.choosingNewLocation == true)
        #expect(terminal.text().contains("Where does the service go?"))
        #expect(terminal.text().contains("current location"))
        #expect(wizard(app)?.newLocationIndex == 1, "starts at another location")
        app.press(.up) // back onto the current one
        app.press(.enter)
        #expect(wizard(app)?.step == .location)
        #expect(terminal.text().contains("The new location is the current one: pick another."))
        app.press(.down, .down) // 7 Harbor Rd
        app.press(.enter)
        #expect(wizard(app)?.step == .lines)
        #expect(wizard(app)?.draft.locationID == 1)
        #expect(wizard(app)?.draft.newLocationID == 3)
        #expect(terminal.text().contains("2 Location: 12 Main St → 7 Harbor Rd"))
    }

    @Test func aChangeIsPrefilledWithTheServiceInPlaceAndSaysSo() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        open(app, recorder)
        app.press(.character("3"), .enter) // change at 12 Main St
        #expect(wizard(app)?.lines.map(\.product.code) == ["FIB-500", "VOX-LINE"])
        let text = terminal.text()
        #expect(OrderWizard.prefillNote(wizard(app)!) == "Prefilled with the 2 lines in service at 12 Main St: change what is needed.")
        #expect(text.contains("Prefilled with the 2 lines in service at 12 Main St: change what is"), "said on screen")
        #expect(text.contains("Fiber Internet 500 Mbps"))
        #expect(text.contains("-20.00"), "the net-vs-list difference of the discounted line")
        // Back to the type and on as an add: the prefilled lines go, an add starts from nothing.
        app.press(.escape, .escape, .character("2"), .enter)
        #expect(wizard(app)?.lines.isEmpty == true)
        app.press(.escape, .escape, .character("4"), .enter)
        #expect(wizard(app)?.lines.count == 2)
        #expect(OrderWizard.prefillNote(wizard(app)!) == "Prefilled with the 2 lines in service at 12 Main St: these are disconnected.")
    }

    @Test func thePickerSearchesAsYouTypeAndEnterAddsALineAtListPrice() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        open(app, recorder)
        app.press(.character("2"), .enter)
        app.press(.character("a"))
        #expect(wizard(app)?.picker?.results.count == 5)
        app.type("voice")
        #expect(wizard(app)?.picker?.results.map(\.code) == ["VOX-LINE", "SIP-10"])
        app.type(" li")
        #expect(wizard(app)?.picker?.results.map(\.code) == ["VOX-LINE"])
        #expect(recorder.priceBookSearches.last == "voice li")
        app.press(.enter)
        #expect(wizard(app)?.lines == [DraftLine(product: CustomerFormsFixture.voiceLine)])
        #expect(terminal.text().contains("✓ Added Business Voice Line at list price."))
        app.press(.control("u"))
        app.type("fib")
        app.press(.down, .enter) // the second fiber: 500 Mbps (by family, then name)
        app.press(.escape)
        #expect(wizard(app)?.picker == nil)
        #expect(wizard(app)?.lines.map(\.product.code) == ["VOX-LINE", "FIB-500"])
        #expect(terminal.text().contains("Total  MRR 328.00 · NRC 150.00 · 36 months"))
    }

    @Test func quantityAndNetMRRAreEditableAndBelowFloorIsMarked() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        open(app, recorder)
        app.press(.character("2"), .enter, .character("a"))
        app.type("VOX")
        app.press(.enter, .escape)
        app.type("4")
        app.press(.enter)
        #expect(wizard(app)?.lines.first?.quantity == 4)
        #expect(wizard(app)?.lines.first?.mrr == Money(cents: 11_600))
        app.press(.right)
        app.type("88")
        app.press(.enter)
        #expect(wizard(app)?.lines.first?.mrr == Money(cents: 8_800))
        let text = terminal.text()
        #expect(text.contains("88.00▼"))
        #expect(text.contains("-28.00"))
        #expect(text.contains("▼ net MRR below the price book's floor"))
        // A new quantity keeps the unit price given.
        app.press(.left)
        app.type("2")
        app.press(.enter)
        #expect(wizard(app)?.lines.first?.mrr == Money(cents: 4_400))
        app.type("0")
        app.press(.enter)
        #expect(terminal.text().contains("Quantity: '0' is not a whole number from 1 to 9,999."))
        app.press(.escape)
        #expect(wizard(app)?.lines.first?.quantity == 2)
        app.press(.character("t"))
        #expect(wizard(app)?.termMonths == 60)
        app.press(.character("t"))
        #expect(wizard(app)?.termMonths == 12)
        app.press(.character("d"))
        #expect(wizard(app)?.lines.isEmpty == true)
    }

    @Test func ctrlSShowsTheDraftsOwnProblemsFirst() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        open(app, recorder)
        app.press(.character("2"), .enter)
        app.press(.control("s"))
        #expect(terminal.text().contains("Add at least one line from the price book."))
        #expect(recorder.drafts.isEmpty)
    }

    @Test func saveThenSubmitPutsTheOrderInTheQueueSubmitted() {
        let (app, terminal, book, recorder) = makeFormsDesk()
        open(app, recorder)
        app.press(.character("3"), .enter) // change, prefilled
        app.press(.control("s"))
        #expect(recorder.drafts.last?.type == .change)
        #expect(recorder.drafts.last?.lines.count == 2)
        #expect(terminal.text().contains("Draft order 00412345 saved. Submit it now? y/n"))
        #expect(app.state.queue.rows.contains { $0.orderNumber == "00412345" && $0.state == .draft }, "the queue reloaded")
        app.press(.character("y"))
        #expect(app.state.modal == nil)
        #expect(book.rows.first { $0.orderNumber == "00412345" }?.state == .submitted)
        #expect(app.state.queue.rows.contains { $0.orderNumber == "00412345" && $0.state == .submitted })
        #expect(app.state.message?.text == "Order 00412345 submitted.")
    }

    @Test func keepingItAsADraftLeavesItInTheQueueAsADraft() {
        let (app, _, book, recorder) = makeFormsDesk()
        open(app, recorder)
        app.press(.character("1"), .enter, .enter) // move 12 Main St → 40 Oak Ave
        app.press(.character("a"))
        app.type("1 gbps")
        app.press(.enter, .escape)
        app.press(.control("s"))
        #expect(recorder.drafts.last == MACOrderDraft(type: .move, customerID: 12, locationID: 1, newLocationID: 2,
                                                     lines: [DraftLine(product: CustomerFormsFixture.fiber1G)], termMonths: 36))
        app.press(.character("n"))
        #expect(app.state.modal == nil)
        #expect(book.rows.first { $0.orderNumber == "00412345" }?.state == .draft)
        #expect(app.state.queue.rows.contains { $0.orderNumber == "00412345" && $0.state == .draft })
        #expect(app.state.message?.text == "Draft order 00412345 saved.")
    }

    @Test func aRefusedSubmitShowsTheWorkflowsReasonAndTheDraftStays() {
        let (app, terminal, book, recorder) = makeFormsDesk(size: (30, 100))
        var client = app.client
        client.apply = { _, _, _ in throw OrderDeskError.missingRequirement(.locationAndPricedLines, target: .submitted) }
        let refusing = DeskApp(client: client, terminal: terminal, theme: .builtInMono)
        refusing.start()
        open(refusing, recorder)
        refusing.press(.character("2"), .enter, .character("a"), .enter, .escape, .control("s"), .character("y"))
        guard let state = wizard(refusing) else { Issue.record("the wizard closed"); return }
        #expect(state.submitRefusal == "Moving to submitted needs a service location and at least one priced order line.")
        #expect(terminal.text().contains("Draft order 00412345 is saved, but it was not submitted: Moving to submitted needs"))
        #expect(book.rows.first { $0.orderNumber == "00412345" }?.state == .draft)
        refusing.press(.escape)
        #expect(refusing.state.modal == nil)
        #expect(refusing.state.queue.rows.contains { $0.orderNumber == "00412345" })
    }

    @Test func aStoreRefusalOfTheDraftKeepsTheWizard() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        open(app, recorder)
        app.press(.character("2"), .enter, .character("a"), .enter, .escape)
        recorder.refuseNext = OrderDeskError.invalidFields([FieldError(field: "location", message: "7 Harbor Rd is off net: survey it first.")])
        app.press(.control("s"))
        #expect(wizard(app)?.saved == nil)
        #expect(terminal.text().contains("7 Harbor Rd is off net: survey it first."))
    }

    @Test func leavingWithLinesPickedAsksFirst() {
        let (app, terminal, _, recorder) = makeFormsDesk()
        open(app, recorder)
        app.press(.character("2"), .enter, .character("a"), .enter, .escape)
        app.press(.escape, .escape, .escape)
        #expect(wizard(app)?.confirmingLeave == true)
        #expect(terminal.text().contains("Leave this order? The lines you picked are lost. y/n"))
        app.press(.character("n"))
        #expect(wizard(app)?.lines.count == 1)
        app.press(.escape, .character("y"))
        #expect(app.state.modal == nil)
    }
}

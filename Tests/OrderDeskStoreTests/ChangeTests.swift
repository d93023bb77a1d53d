import Foundation
@testable import OrderDeskStore
import OrderDeskCore
import Testing

@Suite struct ChangeTests {
    /// A staffed database with one draft order that has a location and a priced line.
    func setUp(priced: Bool = true, location: Bool = true) throws
        -> (TempDatabase, AppDatabase, admin: UserAccount, manager: UserAccount, viewer: UserAccount, order: Int64)
    {
        let (temp, db, admin, manager, viewer) = try makeStaffed()
        let (customer, loc) = try db.insertTestCustomer(name: "Café Roma LLC", account: "07830012345")
        let order = try db.insertTestOrder(
            number: "00451234", customerID: customer, locationID: location ? loc : nil, priced: priced)
        return (temp, db, admin, manager, viewer, order)
    }

    func auditRows(_ db: AppDatabase, order: Int64) throws -> [AuditEntry] {
        try db.orderDetail(id: order).history
    }

    @Test func viewerChangesNothing() throws {
        let (_, db, _, _, viewer, order) = try setUp()
        let changes: [OrderChange] = [
            .take, .addNote("hello"), .move(to: .submitted, input: TransitionInput()),
            .move(to: .cancelled, input: TransitionInput(reasonCode: "CAN-CUSTOMER")),
        ]
        for change in changes {
            #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "change orders")) {
                _ = try db.apply(change, toOrder: order, expectedVersion: 1, actor: viewer, now: testNow)
            }
        }
        // A viewer who claims another role in memory is still refused: the stored role decides.
        var pretending = viewer
        pretending.role = .admin
        #expect(throws: OrderDeskError.self) {
            _ = try db.apply(.take, toOrder: order, expectedVersion: 1, actor: pretending, now: testNow)
        }
        let detail = try db.orderDetail(id: order)
        #expect(detail.row.version == 1)
        #expect(detail.row.ownerLogin == nil)
        #expect(detail.history.isEmpty && detail.notes.isEmpty)
    }

    @Test func conflictBetweenTwoHandlesNamesWhoAndWhen() throws {
        let (temp, db, admin, manager, _, order) = try setUp()
        let other = try AppDatabase.open(at: temp.path)
        let taken = try other.apply(.take, toOrder: order, expectedVersion: 1, actor: manager, now: testNow + 60)
        #expect(taken.version == 2)
        #expect(taken.ownerLogin == "dana.ruiz")
        do {
            _ = try db.apply(.addNote("mine"), toOrder: order, expectedVersion: 1, actor: admin, now: testNow + 120)
            Issue.record("the stale write went through")
        } catch let error as OrderDeskError {
            #expect(error == .conflict(orderNumber: "00451234", changedBy: "Dana Ruiz", changedAt: testNow + 60))
            let message = error.errorDescription ?? ""
            #expect(message.contains("Dana Ruiz") && message.contains(Timestamp.display(testNow + 60)))
        }
        #expect(try db.orderDetail(id: order).notes.isEmpty)
        // With the version they now see, the same change goes through.
        let noted = try db.apply(.addNote("mine"), toOrder: order, expectedVersion: 2, actor: admin, now: testNow + 180)
        #expect(noted.version == 3)
    }

    @Test func transitionsThroughTheStore() throws {
        let (_, db, _, manager, _, order) = try setUp()
        var version: Int64 = 1
        func move(_ to: OrderState, _ input: TransitionInput = TransitionInput(), at: Int64) throws -> QueueRow {
            let row = try db.apply(.move(to: to, input: input), toOrder: order, expectedVersion: version, actor: manager, now: at)
            version = row.version
            return row
        }
        // Not allowed from draft.
        #expect(throws: OrderDeskError.transitionNotAllowed(from: .draft, to: .billed, allowed: [.submitted, .cancelled])) {
            _ = try move(.billed, at: testNow)
        }
        var row = try move(.submitted, at: testNow + 10)
        #expect(row.state == .submitted && row.stateSince == testNow + 10 && row.version == 2)
        #expect(try db.orderDetail(id: order).submittedOn == Day(unixSeconds: testNow + 10))
        row = try move(.inProgress, at: testNow + 20)
        // Scheduling needs an install date.
        #expect(throws: OrderDeskError.missingRequirement(.installDate, target: .scheduled)) {
            _ = try move(.scheduled, at: testNow + 30)
        }
        let install = Day(unixSeconds: testNow).adding(days: 10)
        row = try move(.scheduled, TransitionInput(installDate: install, note: "Site contact is Ana."), at: testNow + 40)
        #expect(row.installOn == install)
        // not_done needs a known reason code.
        #expect(throws: OrderDeskError.missingRequirement(.reasonCode, target: .notDone)) {
            _ = try move(.notDone, at: testNow + 50)
        }
        #expect(throws: OrderDeskError.unknownReasonCode("CAN-PRICE", target: .notDone)) {
            _ = try move(.notDone, TransitionInput(reasonCode: "CAN-PRICE"), at: testNow + 50)
        }
        row = try move(.notDone, TransitionInput(reasonCode: "ND-ACCESS"), at: testNow + 60)
        var detail = try db.orderDetail(id: order)
        #expect(detail.reasonCode == "ND-ACCESS")
        #expect(detail.notes.map(\.text) == ["Site contact is Ana."])
        #expect(detail.row.needsAttention)

        let history = detail.history
        #expect(history.first?.at == testNow + 60)
        #expect(history.allSatisfy { $0.actor == "Dana Ruiz" })
        let states = history.filter { $0.field == "state" }.map { "\($0.oldValue ?? "")>\($0.newValue ?? "")" }
        #expect(states == ["scheduled>not_done", "in_progress>scheduled", "submitted>in_progress", "draft>submitted"])
        #expect(history.contains { $0.field == "reason_code" && $0.newValue == "ND-ACCESS" })
        #expect(history.contains { $0.field == "install_on" && $0.newValue == install.iso })
        #expect(history.contains { $0.field == "note" && $0.newValue == "Site contact is Ana." })

        // Back to scheduled clears the reason (the log keeps it).
        row = try move(.scheduled, TransitionInput(installDate: install.adding(days: 7)), at: testNow + 70)
        detail = try db.orderDetail(id: order)
        #expect(detail.reasonCode == nil)
        #expect(detail.history.first(where: { $0.field == "reason_code" })?.oldValue == "ND-ACCESS")
        row = try move(.installed, at: testNow + 80)
        #expect(throws: OrderDeskError.missingRequirement(.billStartDate, target: .billed)) {
            _ = try move(.billed, at: testNow + 90)
        }
        row = try move(.billed, TransitionInput(billStartDate: install.adding(days: 9)), at: testNow + 90)
        #expect(row.state == .billed)
        #expect(try db.orderDetail(id: order).billStartOn == install.adding(days: 9))
        // Final: nothing leaves billed.
        #expect(throws: OrderDeskError.self) { _ = try move(.cancelled, TransitionInput(reasonCode: "CAN-CUSTOMER"), at: testNow + 99) }
    }

    @Test func submittingNeedsLocationAndPricedLines() throws {
        let (_, db, _, manager, _, order) = try setUp(priced: false)
        #expect(throws: OrderDeskError.missingRequirement(.locationAndPricedLines, target: .submitted)) {
            _ = try db.apply(.move(to: .submitted, input: TransitionInput()), toOrder: order, expectedVersion: 1, actor: manager, now: testNow)
        }
        let (_, db2, _, manager2, _, order2) = try setUp(priced: true, location: false)
        #expect(throws: OrderDeskError.missingRequirement(.locationAndPricedLines, target: .submitted)) {
            _ = try db2.apply(.move(to: .submitted, input: TransitionInput()), toOrder: order2, expectedVersion: 1, actor: manager2, now: testNow)
        }
        // Nothing half-written: no audit rows, version unchanged.
        #expect(try db.orderDetail(id: order).history.isEmpty)
        #expect(try db.orderDetail(id: order).row.version == 1)
    }

    @Test func takeSetsOwnerAndAuditsIt() throws {
        let (_, db, admin, manager, _, order) = try setUp()
        var row = try db.apply(.take, toOrder: order, expectedVersion: 1, actor: manager, now: testNow)
        #expect(row.ownerLogin == "dana.ruiz" && row.version == 2)
        // Taking it again changes nothing and writes nothing.
        row = try db.apply(.take, toOrder: order, expectedVersion: row.version, actor: manager, now: testNow + 1)
        #expect(row.version == 2)
        row = try db.apply(.take, toOrder: order, expectedVersion: row.version, actor: admin, now: testNow + 5)
        #expect(row.ownerLogin == "grace.liu")
        let detail = try db.orderDetail(id: order)
        #expect(detail.ownerName == "Grace Liu")
        #expect(detail.updatedBy == "grace.liu" && detail.updatedAt == testNow + 5)
        let owners = detail.history.filter { $0.field == "owner" }
        #expect(owners.count == 2)
        #expect(owners[0].oldValue == "dana.ruiz" && owners[0].newValue == "grace.liu" && owners[0].actor == "Grace Liu")
        #expect(owners[1].oldValue == nil && owners[1].newValue == "dana.ruiz")
        // The owner filter and its count follow the change.
        #expect(try db.queueCount(filter: QueueFilter(owner: .user(admin.id)), now: testNow) == 1)
        #expect(try db.queueCount(filter: QueueFilter(owner: .user(manager.id)), now: testNow) == 0)
    }

    @Test func notes() throws {
        let (_, db, _, manager, _, order) = try setUp()
        #expect(throws: OrderDeskError.invalidInput(field: "note", value: "  ", expected: "some text")) {
            _ = try db.apply(.addNote("  "), toOrder: order, expectedVersion: 1, actor: manager, now: testNow)
        }
        let row = try db.apply(.addNote("Called the customer; \"LOA\" signed."), toOrder: order, expectedVersion: 1, actor: manager, now: testNow)
        _ = try db.apply(.addNote("Second"), toOrder: order, expectedVersion: row.version, actor: manager, now: testNow + 1)
        let detail = try db.orderDetail(id: order)
        #expect(detail.notes == [
            OrderNote(author: "Dana Ruiz", at: testNow, text: "Called the customer; \"LOA\" signed."),
            OrderNote(author: "Dana Ruiz", at: testNow + 1, text: "Second"),
        ])
        #expect(detail.history.map(\.action) == ["note", "note"])
    }

    @Test func unknownOrder() throws {
        let (_, db, _, manager, _, _) = try setUp()
        #expect(throws: OrderDeskError.orderNotFound("999")) { _ = try db.orderDetail(id: 999) }
        #expect(throws: OrderDeskError.orderNotFound("999")) {
            _ = try db.apply(.take, toOrder: 999, expectedVersion: 1, actor: manager, now: testNow)
        }
        #expect(try db.orderID(number: "451234") != nil)
        #expect(try db.orderID(number: "IDA-00451234") == db.orderID(number: "00451234"))
        #expect(try db.orderID(number: " ida-451234 ") != nil)
        #expect(try db.orderID(number: "451235") == nil)
        #expect(try db.orderID(number: "abc") == nil)
        #expect(try db.orderID(number: "123456789") == nil)
    }
}

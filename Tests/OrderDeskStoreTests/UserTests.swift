import Foundation
@testable import OrderDeskStore
import OrderDeskCore
import Testing

@Suite struct UserTests {
    @Test func bootstrapThenAdminsOnly() throws {
        let temp = try TempDatabase()
        let db = try AppDatabase.open(at: temp.path, createIfMissing: true)
        let admin = try db.addUser(login: "grace.liu", name: " Grace Liu ", role: .admin, actor: nil, now: testNow)
        #expect(admin.name == "Grace Liu")
        #expect(throws: StoreError.actorRequired) {
            _ = try db.addUser(login: "x", name: "X", role: .admin, actor: nil, now: testNow)
        }
        let manager = try db.addUser(login: "dana.ruiz", name: "Dana Ruiz", role: .accountManager, actor: admin, now: testNow)
        #expect(throws: OrderDeskError.forbidden(login: "dana.ruiz", role: .accountManager, action: "add users")) {
            _ = try db.addUser(login: "y", name: "Y", role: .viewer, actor: manager, now: testNow)
        }
        #expect(throws: StoreError.duplicateLogin("dana.ruiz")) {
            _ = try db.addUser(login: "dana.ruiz", name: "Other Dana", role: .viewer, actor: admin, now: testNow)
        }
        for bad in ["", "Dana", "dana ruiz", "dänа", String(repeating: "a", count: 33), "a;drop"] {
            #expect(throws: StoreError.invalidLogin(bad)) {
                _ = try db.addUser(login: bad, name: "Someone", role: .viewer, actor: admin, now: testNow)
            }
        }
        #expect(throws: StoreError.invalidName("  ")) {
            _ = try db.addUser(login: "blank", name: "  ", role: .viewer, actor: admin, now: testNow)
        }
        #expect(try db.users().map(\.login) == ["dana.ruiz", "grace.liu"])
        #expect(try db.user(login: "dana.ruiz") == manager)
        #expect(try db.user(login: "nobody") == nil)
        #expect(throws: OrderDeskError.unknownUser(login: "nobody")) { _ = try db.resolveUser(login: "nobody") }
        #expect(try db.resolveUser(login: "grace.liu") == admin)
    }
}

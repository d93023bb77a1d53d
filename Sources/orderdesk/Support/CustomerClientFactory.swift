import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTUI

/// The customer screens' data client, from the store, acting as one user.
/// (Being built with issue 4: until the store's customer methods land, every call says so.)
enum CustomerClientFactory {
    static func client(database: AppDatabase, user: UserAccount, now: @escaping @Sendable () -> Int64) -> CustomerClient {
        let missing = OrderDeskError.recordNotFound(what: "customer store (not built yet)")
        return CustomerClient(
            page: { _, _, _ in throw missing }, count: { _ in throw missing }, detail: { _ in throw missing },
            customerOfOrder: { _ in throw missing }, updateCustomer: { _, _, _ in throw missing },
            saveLocation: { _, _, _, _ in throw missing }, saveContact: { _, _, _, _ in throw missing },
            deleteContact: { _, _ in throw missing }, checkServiceability: { _ in throw missing },
            recordSurvey: { _, _, _ in throw missing }, saveDocument: { _, _, _, _, _, _, _ in throw missing },
            addNote: { _, _ in throw missing }, priceBook: { _ in throw missing }, serviceLines: { _ in throw missing },
            createOrder: { _ in throw missing })
    }
}

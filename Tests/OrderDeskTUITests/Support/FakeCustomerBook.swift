import Foundation
import OrderDeskCore
@testable import OrderDeskTUI

/// Customers behind the customer screens in tests (being built with issue 4).
final class FakeCustomerBook: @unchecked Sendable {
    func client(as user: UserAccount, now: Int64) -> CustomerClient {
        let missing = OrderDeskError.recordNotFound(what: "fake customer book (not built yet)")
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

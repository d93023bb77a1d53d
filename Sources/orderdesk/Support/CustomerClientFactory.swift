import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTUI

/// The customer screens' data client, from the store, acting as one user at the time of each call.
enum CustomerClientFactory {
    static func client(database: AppDatabase, user: UserAccount, now: @escaping @Sendable () -> Int64) -> CustomerClient {
        CustomerClient(
            page: { search, request, limit in try database.customersPage(search: search, request: request, limit: limit) },
            count: { search in try database.customerCount(search: search) },
            detail: { id in try database.customerDetail(id: id) },
            customerOfOrder: { orderID in try database.customerID(ofOrder: orderID) },
            updateCustomer: { id, edit, version in
                try database.updateCustomer(id: id, edit: edit, expectedVersion: version, actor: user, now: now())
            },
            saveLocation: { customerID, locationID, edit, version in
                try database.saveLocation(
                    customerID: customerID, locationID: locationID, edit: edit, expectedVersion: version, actor: user, now: now())
            },
            saveContact: { customerID, contactID, edit, version in
                try database.saveContact(
                    customerID: customerID, contactID: contactID, edit: edit, expectedVersion: version, actor: user, now: now())
            },
            deleteContact: { id, version in try database.removeContact(id: id, expectedVersion: version, actor: user, now: now()) },
            checkServiceability: { locationID in try database.checkServiceability(locationID: locationID, actor: user, now: now()) },
            recordSurvey: { locationID, survey, version in
                try database.recordSurvey(locationID: locationID, survey: survey, expectedVersion: version, actor: user, now: now())
            },
            saveDocument: { customerID, documentID, kind, receivedOn, loa, note, version in
                try database.saveDocument(
                    customerID: customerID, documentID: documentID, kind: kind, receivedOn: receivedOn, loa: loa, note: note,
                    expectedVersion: version, actor: user, now: now())
            },
            addNote: { customerID, text in try database.addCustomerNote(customerID: customerID, text: text, actor: user, now: now()) },
            priceBook: { search in try database.priceBook(search: search) },
            serviceLines: { locationID in try database.serviceLines(locationID: locationID) },
            createOrder: { draft in try database.createMACOrder(draft, actor: user, now: now()) })
    }
}

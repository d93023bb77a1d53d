import Foundation
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// A fresh database file in a temporary directory, removed when the test's scope ends.
final class TempDatabase {
    let directory: URL
    let path: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("orderdesk-store-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("test.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

import Foundation
import OrderDeskCore

/// Writing a document (a report, an agreement) to a file: whole or not at all.
enum TextFileOutput {
    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            var reason = error.localizedDescription
            while reason.hasSuffix(".") { reason.removeLast() }
            throw OrderDeskError.refused("Could not write \(path): \(reason). Check the folder exists and is writable.")
        }
    }
}

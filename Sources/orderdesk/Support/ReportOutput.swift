import Foundation
import OrderDeskCore

/// Writing a report's text to a file: whole or not at all.
enum ReportOutput {
    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw OrderDeskError.refused("Could not write \(path): \(error.localizedDescription). Check the folder exists and is writable.")
        }
    }
}

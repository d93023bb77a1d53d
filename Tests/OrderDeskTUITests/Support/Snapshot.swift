import Foundation
import Testing

/// Compares text with a snapshot stored beside the tests; a missing snapshot is written and the test fails,
/// so a new reference is always looked at before it is committed. `RECORD_SNAPSHOTS=1` rewrites them.
func assertSnapshot(_ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
    let url = directory.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !record, let stored = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? text.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Snapshot \(name) was recorded at \(url.path); check it and run again.", sourceLocation: sourceLocation)
        return
    }
    if stored != text {
        let diff = zip(stored.split(separator: "\n", omittingEmptySubsequences: false),
                       text.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().first { $0.element.0 != $0.element.1 }
        let where_ = diff.map { "first difference on line \($0.offset + 1):\n  stored: \($0.element.0)\n  actual: \($0.element.1)" } ?? "line counts differ"
        Issue.record("Snapshot \(name) differs; \(where_)\n--- actual ---\n\(text)", sourceLocation: sourceLocation)
    }
}

import Foundation
import OrderDeskCore
import OrderDeskStore

/// Writes a saved run's open differences as CSV for the teams who fix the data: the report's columns,
/// then how long the difference has been reported and what was decided about it before. Written to a
/// side file and moved into place, so a failure never leaves half a file.
enum OpenDifferencesExport {
    static let header = ReconcileReport.csvHeader + ",order_in_desk,recurring_weeks,first_seen,earlier_resolution,earlier_note"

    /// Writes the file; returns how many differences it holds.
    static func write(runID: Int64, to path: String, from database: AppDatabase) throws -> Int {
        let run = try database.reconcileRun(id: runID)
        let partial = path + ".partial"
        let out = try OutputBuffer.creating(path: partial)
        var count = 0
        do {
            out.write(header + "\n")
            try database.forEachOpenDifference(runID: runID) { saved in
                let extra = [
                    saved.orderID == nil ? "no" : "yes",
                    saved.isRecurring ? String(saved.ageInWeeks(runAt: run.ranAt)) : "",
                    saved.firstSeenAt.map { Day(unixSeconds: $0).iso } ?? "",
                    saved.earlierResolution?.resolution.label ?? "",
                    saved.earlierResolution?.note ?? "",
                ].map(SpreadsheetSafety.csvField)
                out.write(ReconcileReport.csvRow(saved.difference) + "," + extra.joined(separator: ",") + "\n")
                count += 1
            }
            try out.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        return count
    }
}

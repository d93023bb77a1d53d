import Foundation
@testable import OrderDeskStore
import OrderDeskCore
import Testing

@Suite struct ExportFileTests {
    /// A file of `count` bytes in this run's temporary directory.
    func makeFile(_ name: String, bytes count: Int) throws -> (String, [UInt8]) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        return (try makeFile(name, contents: bytes), bytes)
    }

    func makeFile(_ name: String, contents: [UInt8]) throws -> String {
        let directory = TempDatabase.runDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(contents)))
        return path
    }

    /// What coreutils' sha256sum prints for a file.
    func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    @Test func readsAndHashesLikeSha256sum() throws {
        // Over three 1 MiB reads and not a whole number of blocks.
        let (path, bytes) = try makeFile("ida_orders_2026-05-28.csv", bytes: 3 * 1_048_576 + 1_000_003)
        let file = try ExportFile.open(path: path, side: .ida)
        #expect(file.name == "ida_orders_2026-05-28.csv" && file.size == Int64(bytes.count) && file.side == .ida)

        // The engine's reads and the hashing pass do not disturb each other.
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var read: [UInt8] = []
        let first = try buffer.withUnsafeMutableBytes { try file.read(into: $0) }
        read += buffer[0..<first]
        let info = try file.info()
        while true {
            let n = try buffer.withUnsafeMutableBytes { try file.read(into: $0) }
            if n == 0 { break }
            read += buffer[0..<n]
        }
        #expect(read == bytes)
        #expect(info == ExportFileInfo(name: "ida_orders_2026-05-28.csv", size: Int64(bytes.count), sha256: try sha256sum(path)))
        #expect(info.sha256 == SHA256.hex(of: bytes))
        // Read to the end, the file gives the hash of what it read, the same as the separate pass.
        #expect(try file.info() == info)

        // Read in odd-sized pieces to the end, with no separate pass first.
        let again = try ExportFile.open(path: path, side: .ida)
        var odd = [UInt8](repeating: 0, count: 4_099)
        while try odd.withUnsafeMutableBytes({ try again.read(into: $0) }) > 0 {}
        #expect(try again.info() == info)

        let (emptyPath, _) = try makeFile("empty.csv", bytes: 0)
        let empty = try ExportFile.open(path: emptyPath, side: .sfdc)
        #expect(try empty.info().sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try empty.info().sha256 == (try sha256sum(emptyPath)))
    }

    @Test func missingAndUnreadableFiles() throws {
        let directory = TempDatabase.runDirectory.path
        let absent = directory + "/no-such-export.csv"
        #expect(throws: ReconcileError.fileMissing(side: .sfdc, path: absent)) {
            _ = try ExportFile.open(path: absent, side: .sfdc)
        }
        #expect(throws: ReconcileError.fileMissing(side: .ida, path: absent + "/below")) {
            _ = try ExportFile.open(path: absent + "/below", side: .ida)
        }
        do {
            _ = try ExportFile.open(path: directory, side: .ida)
            Issue.record("a directory opened as an export")
        } catch let error as ReconcileError {
            guard case let .fileUnreadable(side, path, reason) = error else {
                Issue.record("unexpected \(error)"); return
            }
            #expect(side == .ida && path == directory && reason.contains("directory"))
            #expect(error.errorDescription?.contains("IDA export") == true)
        }
        // Permissions cannot be tested when the tests run as root, who reads everything.
        if getuid() != 0 {
            let (path, _) = try makeFile("locked.csv", bytes: 10)
            #expect(chmod(path, 0) == 0)
            #expect(throws: ReconcileError.self) { _ = try ExportFile.open(path: path, side: .ida) }
        }
    }

    @Test func reconcileAndSaveRecordsTheFiles() throws {
        let (_, db, _, manager, viewer) = try makeStaffed()
        // Real exports (12,000 orders, the IDA file over 1 MiB), one order missing from SFDC.
        let records = (0..<12_000).map { n in
            ExportRecord(idaOrder: "IDA-" + zeroPadded(100_000 + n, width: 8), account: "0783" + zeroPadded(n, width: 7),
                         customerName: "Customer \(n)", state: .scheduled, mrr: Money(cents: 24_900), booked: Day(ordinal: 20_500),
                         install: Day(ordinal: 20_530), sfdcID: sfdcID(n))
        }
        let idaBytes = Array(ExportWriter.idaFile(records).utf8)
        let sfdcBytes = Array(ExportWriter.sfdcFile(Array(records.dropLast())).utf8)
        #expect(idaBytes.count > 1_048_576)
        let idaPath = try makeFile("ida.csv", contents: idaBytes)
        let sfdcPath = try makeFile("sfdc.csv", contents: sfdcBytes)
        let ida = try ExportFile.open(path: idaPath, side: .ida)
        let sfdc = try ExportFile.open(path: sfdcPath, side: .sfdc)

        // Cancelled before the save: nothing is saved.
        let cancelled = ReconcileProgress()
        cancelled.cancel()
        #expect(throws: ReconcileError.cancelled) {
            _ = try db.reconcileAndSave(ida: ida, sfdc: sfdc, options: ReconcileOptions(), actor: manager, now: testNow,
                                        progress: cancelled)
        }
        #expect(try db.reconcileRuns().isEmpty)

        let progress = ReconcileProgress()
        let (result, run) = try db.reconcileAndSave(
            ida: try ExportFile.open(path: idaPath, side: .ida), sfdc: try ExportFile.open(path: sfdcPath, side: .sfdc),
            options: ReconcileOptions(), actor: manager, now: testNow, progress: progress)
        #expect(progress.snapshot.phase == "saving")
        #expect(run.ida == ExportFileInfo(name: "ida.csv", size: Int64(idaBytes.count), sha256: SHA256.hex(of: idaBytes)))
        #expect(run.sfdc.sha256 == (try sha256sum(sfdcPath)) && run.sfdc.size == Int64(sfdcBytes.count))
        #expect(result.differences == [Difference(kind: .missingInSFDC, idaOrder: "IDA-00111999")])
        #expect(run.summary.differences == 1 && run.summary.idaRows == 12_000 && run.summary.matched == 11_999)
        #expect(try db.allDifferences(runID: run.id).map(\.difference) == result.differences)
        #expect(try db.reconcileRuns() == [run])

        #expect(throws: OrderDeskError.self) {
            _ = try db.reconcileAndSave(
                ida: try ExportFile.open(path: idaPath, side: .ida), sfdc: try ExportFile.open(path: sfdcPath, side: .sfdc),
                options: ReconcileOptions(), actor: viewer, now: testNow, progress: nil)
        }
        #expect(try db.reconcileRuns().count == 1)
    }
}

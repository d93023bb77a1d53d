import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTerminal
import OrderDeskTUI

/// `orderdesk bench`: measures the desk on a large database and compares with the sqlite3 CLI, in one run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure first frame, key-to-frame latency and memory on a large demo database.")

    @Option(name: .long, help: "The benchmark database (built when missing).")
    var db: String?

    @Option(name: .long, help: "Orders in the benchmark database.")
    var orders: Int = 1_000_000

    @Option(name: .long, help: "Key presses measured per kind.")
    var samples: Int = 300

    @Flag(name: .long, help: "Measure only the customers list's typed search.")
    var customersOnly = false

    @Flag(name: .long, help: "Measure only the contracts list (filters, counts, paging, opening a contract).")
    var contractsOnly = false

    @Flag(name: .long, help: "Measure only the status view's reads (summary, team board, history, escalation pages and counts, the rules).")
    var statusOnly = false

    @Flag(name: .long, help: "Measure only the sales reports (daily, weekly, monthly; by channel and owner) and the 12-week chart.")
    var reportsOnly = false

    var path: String {
        db ?? (ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? NSHomeDirectory() + "/.cache") + "/orderdesk/bench-\(orders).sqlite"
    }

    func run() throws {
        do {
            try prepareDatabase()
            say("OrderDesk benchmark on \(path)")
            if customersOnly { return try measureCustomerSearch() }
            if contractsOnly { return try measureContractList() }
            if statusOnly { return try measureStatusView() }
            if reportsOnly { return try measureReports() }
            let firstFrames = try (0..<5).map { _ in try measureFirstFrameInFreshProcess() }
            let frameTimes = firstFrames.map(\.wall).sorted()
            say(line("first complete queue frame, fresh process (5 runs)",
                       "median \(ms(frameTimes[2]))  min \(ms(frameTimes[0]))  max \(ms(frameTimes[4]))  [target < 150 ms]"))
            say(line("  peak memory of that process", "\(firstFrames.map(\.peakKB).max()! / 1024) MB  [target < 100 MB]"))

            let keys = try KeyLatencyBench(path: path, samples: samples).run()
            for result in keys {
                let frames = result.samples.map(\.frame).sorted()
                say(line("key-to-frame: \(result.name) (\(frames.count) presses)",
                           "p50 \(ms(percentile(frames, 0.5)))  p99 \(ms(percentile(frames, 0.99)))  max \(ms(frames.last!))  [target p99 < 16 ms]"))
                let totals = result.samples.map(\.total).sorted()
                if totals != frames {
                    say(line("  …until the footer's new total is drawn",
                               "p50 \(ms(percentile(totals, 0.5)))  p99 \(ms(percentile(totals, 0.99)))  max \(ms(totals.last!))"))
                }
                let slowest = result.samples.sorted { $0.frame > $1.frame }.prefix(3)
                say(line("  slowest", slowest.map { "\($0.label) \(ms($0.frame))" }.joined(separator: ", ")))
            }

            try measureCustomerSearch()
            try measureContractList()
            try measureStatusView()
            try measureReports()

            let sqliteTimes = try (0..<5).map { _ in try measureSQLiteCLI() }.sorted()
            say(line("sqlite3 CLI, same first-page query, fresh process (5 runs)",
                       "median \(ms(sqliteTimes[2]))  min \(ms(sqliteTimes[0]))"))
            say(line("peak memory of this process after all the keys above", "\(peakMemoryKB() / 1024) MB  [target < 100 MB]"))
        } catch let error as ExitCode {
            throw error
        } catch {
            throw Failure.report(error)
        }
    }

    /// The customers list's search at the store, a keystroke at a time (page and count).
    private func measureCustomerSearch() throws {
        for result in try CustomerSearchBench(path: path, samples: samples).run() {
            let totals = result.keystrokes.map(\.total).sorted()
            say(line("customers: \(result.name) (\(totals.count) keys)",
                       "p50 \(ms(percentile(totals, 0.5)))  p99 \(ms(percentile(totals, 0.99)))  max \(ms(totals.last!))  [target p99 < 16 ms]"))
            let pages = result.keystrokes.map(\.page).sorted()
            if pages != totals {
                say(line("  …of which the page", "p50 \(ms(percentile(pages, 0.5)))  p99 \(ms(percentile(pages, 0.99)))"))
            }
            // Each distinct text once, slowest first.
            var slowest: [String: Duration] = [:]
            for key in result.keystrokes { slowest[key.typed] = max(slowest[key.typed] ?? .zero, key.total) }
            let top = slowest.sorted { $0.value > $1.value }.prefix(3)
            say(line("  slowest", top.map { "\"\($0.key)\" \(ms($0.value))" }.joined(separator: ", ")))
        }
    }

    /// The contracts list at the store: each filter's first page and count, paging, opening a contract.
    private func measureContractList() throws {
        for result in try ContractListBench(path: path, samples: samples).run() {
            let totals = result.requests.map(\.total).sorted()
            say(line("contracts: \(result.name) (\(totals.count) requests)",
                       "p50 \(ms(percentile(totals, 0.5)))  p99 \(ms(percentile(totals, 0.99)))  max \(ms(totals.last!))  [target p99 < 16 ms]"))
            let pages = result.requests.map(\.page).sorted()
            if pages != totals {
                say(line("  …of which the page", "p50 \(ms(percentile(pages, 0.5)))  p99 \(ms(percentile(pages, 0.99)))"))
            }
            var slowest: [String: Duration] = [:]
            for request in result.requests { slowest[request.label] = max(slowest[request.label] ?? .zero, request.total) }
            let top = slowest.sorted { $0.value > $1.value }.prefix(3)
            say(line("  slowest", top.map { "\($0.key) \(ms($0.value))" }.joined(separator: ", ")))
        }
    }

    /// The status view at the store: each read it makes after a change, and a run of the rules.
    private func measureStatusView() throws {
        sayTimings("status", try StatusViewBench(path: path, samples: samples).run())
    }

    /// The sales reports at the store: each kind of report, filtered and not, and the 12-week chart.
    private func measureReports() throws {
        sayTimings("reports", try ReportsBench(path: path, samples: samples).run())
    }

    /// p50, p99 and max of each result, and its slowest requests.
    private func sayTimings(_ area: String, _ results: [StatusViewBench.Result]) {
        for result in results {
            let times = result.requests.map(\.time).sorted()
            say(line("\(area): \(result.name) (\(times.count) requests)",
                       "p50 \(ms(percentile(times, 0.5)))  p99 \(ms(percentile(times, 0.99)))  max \(ms(times.last!))"))
            var slowest: [String: Duration] = [:]
            for request in result.requests { slowest[request.label] = max(slowest[request.label] ?? .zero, request.time) }
            if slowest.count > 1 {
                let top = slowest.sorted { $0.value > $1.value }.prefix(3)
                say(line("  slowest", top.map { "\($0.key) \(ms($0.value))" }.joined(separator: ", ")))
            }
        }
    }

    private func prepareDatabase() throws {
        if FileManager.default.fileExists(atPath: path) {
            let existing = try AppDatabase.open(at: path)
            if try existing.isDemo(), try existing.queueCount(filter: QueueFilter(), now: 0) == orders { return }
        }
        say("Building a \(orders)-order demo database at \(path) (once; later runs reuse it)…")
        // In a child process, so this process's peak memory is the desk's, not the builder's.
        let build = Process()
        build.executableURL = URL(fileURLWithPath: executablePath())
        build.arguments = ["demo", "--orders", String(orders), "--seed", "42", "--db", path, "--no-open"]
        build.standardOutput = FileHandle.nullDevice
        try build.run()
        build.waitUntilExit()
        guard build.terminationStatus == 0 else {
            throw ValidationError("Building the benchmark database failed (status \(build.terminationStatus)).")
        }
    }

    /// Starts `orderdesk bench-first-frame` and times it from launch until it reports a finished frame.
    private func measureFirstFrameInFreshProcess() throws -> (wall: Duration, peakKB: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath())
        process.arguments = ["bench-first-frame", "--db", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let firstLine = readLine(from: pipe.fileHandleForReading)
        let elapsed = clock.now - start
        process.waitUntilExit()
        let fields = firstLine.split(separator: " ")
        guard fields.first == "frame", fields.count >= 2, let kb = Int(fields[1]) else {
            throw ValidationError("The first-frame child printed '\(firstLine)' instead of a frame report.")
        }
        return (elapsed, kb)
    }

    private func measureSQLiteCLI() throws -> Duration {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, AppDatabase.firstPageSQLForBenchmark()]
        process.standardOutput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("sqlite3 exited with status \(process.terminationStatus); is it installed?")
        }
        return clock.now - start
    }

    private func executablePath() -> String { DeskLauncher.executablePath() }

    private func readLine(from handle: FileHandle) -> String {
        var data = Data()
        while let byte = try? handle.read(upToCount: 1), !byte.isEmpty, byte != Data([10]) { data.append(byte) }
        return String(decoding: data, as: UTF8.self)
    }

    private func line(_ label: String, _ value: String) -> String {
        label.padding(toLength: 62, withPad: " ", startingAt: 0) + " " + value
    }
}

/// `orderdesk bench-first-frame`: opens the desk on an in-memory terminal and reports once the first frame is drawn.
struct BenchFirstFrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-first-frame", abstract: "Used by `orderdesk bench`.", shouldDisplay: false)

    @Option(name: .long) var db: String

    func run() throws {
        let database = try AppDatabase.open(at: db)
        let user = try database.users().first { $0.role == .accountManager } ?? database.users()[0]
        let terminal = MemoryTerminal(rows: 24, columns: 80)
        let app = DeskApp(client: ClientFactory.client(database: database, user: user), terminal: terminal,
                          theme: .builtInDefault)
        app.start()
        guard terminal.frameCount == 1, app.state.queue.rows.count == app.state.queue.visibleRows,
              app.state.queue.total != nil else {
            throw ValidationError("The first frame was not complete.")
        }
        FileHandle.standardOutput.write(Data("frame \(peakMemoryKB())\n".utf8))
    }
}

/// Key-to-frame latency: each key goes through the real update, the store and a full render.
struct KeyLatencyBench {
    let path: String
    let samples: Int

    struct Sample {
        let label: String
        /// Key to the first frame that shows its result.
        let frame: Duration
        /// Key to the last frame it caused (the one with the queue's new total, when it changed).
        let total: Duration
    }

    struct Result {
        let name: String
        let samples: [Sample]
    }

    func run() throws -> [Result] {
        let database = try AppDatabase.open(at: path)
        let user = try database.users().first { $0.role == .accountManager } ?? database.users()[0]
        let terminal = FrameClockTerminal(MemoryTerminal(rows: 24, columns: 80))
        let app = DeskApp(client: ClientFactory.client(database: database, user: user), terminal: terminal,
                          theme: .builtInDefault)
        app.start()
        let clock = ContinuousClock()
        func time(_ key: Key, _ label: String) -> Sample {
            terminal.frames.removeAll()
            let start = clock.now
            app.handle(key)
            let end = clock.now
            return Sample(label: label, frame: (terminal.frames.first ?? end) - start, total: end - start)
        }

        var pageDown: [Sample] = []
        for i in 0..<samples { pageDown.append(time(.pageDown, "page \(i + 2)")) }
        app.handle(.home)

        // A filter change: open the dialog, toggle one state, apply. Only the applying key is timed.
        var filterChange: [Sample] = []
        let states = OrderState.allCases
        for i in 0..<samples {
            app.handle(.character("f"))
            for _ in 0..<(i % states.count) { app.handle(.down) }
            app.handle(.character(" "))
            let label = "states " + states.filter(app.stateOfFilterDialog).map(\.rawValue).joined(separator: "+")
            filterChange.append(time(.enter, label))
            if i % 4 == 3 { app.handle(.character("F")) }
        }
        app.handle(.character("F"))

        // Typing searches a character at a time, as people do: names, then account and order digits.
        let words = ["cafe roma", "nandu", "muller", "bethpage", "dragon", "zoe", "island", "crème", "078", "00245"]
        func typeSearches() -> [Sample] {
            var search: [Sample] = []
            while search.count < samples {
                for word in words where search.count < samples {
                    app.handle(.character("/"))
                    var typed = ""
                    for c in word where search.count < samples {
                        typed.append(c)
                        search.append(time(.character(c), "\"" + typed + "\""))
                    }
                    app.handle(.escape)
                }
            }
            return search
        }
        let search = typeSearches()
        // The same typing with the queue sorted by customer, whose index has no search key.
        app.handle(.character("s"))
        app.handle(.character("s"))
        let searchByCustomer = typeSearches()
        return [Result(name: "page down", samples: pageDown), Result(name: "filter change", samples: filterChange),
                Result(name: "typed search character", samples: search),
                Result(name: "typed search character, sorted by customer", samples: searchByCustomer)]
    }
}

/// A terminal that notes when each frame is presented, around the in-memory one.
final class FrameClockTerminal: Terminal {
    let inner: MemoryTerminal
    var frames: [ContinuousClock.Instant] = []
    init(_ inner: MemoryTerminal) { self.inner = inner }
    var size: TerminalSize { inner.size }
    func clear(style: Style) { inner.clear(style: style) }
    func draw(_ text: String, row: Int, column: Int, style: Style) { inner.draw(text, row: row, column: column, style: style) }
    func fill(row: Int, column: Int, width: Int, style: Style) { inner.fill(row: row, column: column, width: width, style: style) }
    func present() { inner.present(); frames.append(ContinuousClock.now) }
    func setCursor(row: Int, column: Int) { inner.setCursor(row: row, column: column) }
    func hideCursor() { inner.hideCursor() }
    func readKey(timeoutMilliseconds: Int) -> Key? { inner.readKey(timeoutMilliseconds: timeoutMilliseconds) }
}

extension DeskApp {
    /// Whether the open filter dialog has a state ticked (for the benchmark's labels).
    func stateOfFilterDialog(_ state: OrderState) -> Bool {
        if case .filter(let dialog) = self.state.modal { return dialog.draft.states.contains(state) }
        return false
    }
}

/// Prints a line at once, even into a pipe or a file (print buffers those until exit).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func percentile(_ sorted: [Duration], _ p: Double) -> Duration {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func ms(_ d: Duration) -> String {
    let micros = d.components.seconds * 1_000_000 + d.components.attoseconds / 1_000_000_000_000
    return String(micros / 1000) + "." + String((micros % 1000) / 100) + String((micros % 100) / 10) + " ms"
}

/// The process's peak resident memory in kilobytes: `VmHWM`, which starts afresh at exec
/// (`ru_maxrss` does not: a child inherits its parent's peak).
func peakMemoryKB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}

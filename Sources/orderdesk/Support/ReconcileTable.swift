import Foundation
import OrderDeskCore
import OrderDeskTerminal

/// `reconcile --format table`: a summary by kind, then every difference with both sides' values side
/// by side, aligned by display width; ANSI colour only when asked for (a terminal, no `NO_COLOR`).
struct ReconcileTable {
    let result: ReconcileResult
    let idaName: String
    let sfdcName: String
    let colour: Bool

    /// Colour when standard output is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
    static func wantsColour(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isatty(1) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    func render() -> String {
        let s = result.summary
        var out = ""
        let nameWidth = max(DisplayWidth.of(idaName), DisplayWidth.of(sfdcName))
        out += style("IDA ", .bold) + " " + pad(idaName, nameWidth) + "  " + grouped(s.idaRows) + " rows\n"
        out += style("SFDC", .bold) + " " + pad(sfdcName, nameWidth) + "  " + grouped(s.sfdcRows) + " rows\n"
        out += grouped(s.matched) + " matched · " + grouped(s.differences) + (s.differences == 1 ? " difference" : " differences")
        out += result.rejectedRows.isEmpty ? "\n" : " · " + grouped(result.rejectedRows.count) + " rows could not be read\n"
        out += "\n"

        let kindWidth = DifferenceKind.allCases.map { DisplayWidth.of($0.label) }.max()!
        out += style(pad("Kind", kindWidth) + "  " + "Count".leftPadded(to: 9), .bold) + "\n"
        for kind in DifferenceKind.allCases {
            let n = s.byKind[kind] ?? 0
            let line = pad(kind.label, kindWidth) + "  " + grouped(n).leftPadded(to: 9)
            out += (n == 0 ? style(line, .dim) : line) + "\n"
        }

        if !result.differences.isEmpty {
            out += "\n"
            let headers = ["Kind", "IDA order", "SFDC id", "Field", "IDA value", "SFDC value", "Matched by"]
            let rows = result.differences.map { d in
                [d.kind.label, d.idaOrder ?? "—", d.sfdcID ?? "—", d.field?.label ?? "",
                 d.field == nil ? "" : d.idaValue ?? "(empty)", d.field == nil ? "" : d.sfdcValue ?? "(empty)",
                 d.matchedBy?.rawValue.replacingOccurrences(of: "_", with: " ") ?? ""]
            }
            var widths = headers.map(DisplayWidth.of)
            for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
            out += style(zip(headers, widths).map { pad($0, $1) }.joined(separator: "  ").trimmingTrailingSpaces(), .bold) + "\n"
            for (d, row) in zip(result.differences, rows) {
                var cells = zip(row, widths).map { pad($0, $1) }
                cells[0] = style(cells[0], Self.tone(of: d.kind))
                if d.field != nil { cells[4] = style(cells[4], .bold); cells[5] = style(cells[5], .bold) }
                out += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            }
        }

        if !result.rejectedRows.isEmpty {
            out += "\n" + style("Rows that could not be read", .bold) + "\n"
            for row in result.rejectedRows { out += Self.rejectedLine(row, ida: idaName, sfdc: sfdcName) + "\n" }
        }
        return out
    }

    /// `ida_orders.csv line 17: MRC 'abc' is not an amount`.
    static func rejectedLine(_ row: RejectedRow, ida: String, sfdc: String) -> String {
        (row.file == .ida ? ida : sfdc) + " line " + String(row.line) + ": " + row.error
    }

    enum Tone: String {
        case bold = "1", dim = "2", red = "31", yellow = "33", magenta = "35", cyan = "36"
    }

    static func tone(of kind: DifferenceKind) -> Tone {
        switch kind {
        case .missingInSFDC, .missingInIDA: return .red
        case .duplicateInIDA, .duplicateInSFDC: return .magenta
        case .missingCrossReference: return .cyan
        default: return .yellow
        }
    }

    private func style(_ text: String, _ tone: Tone) -> String {
        colour ? "\u{1B}[" + tone.rawValue + "m" + text + "\u{1B}[0m" : text
    }

    private func pad(_ text: String, _ width: Int) -> String { DisplayWidth.pad(text, to: width) }

    private func grouped(_ n: Int) -> String { Money.groupedInteger(n) }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

/// A progress line on standard error while a long reconciliation runs (only on a terminal).
final class ReconcileProgressDisplay: @unchecked Sendable {
    private let progress: ReconcileProgress
    private let stop = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    init(_ progress: ReconcileProgress) {
        self.progress = progress
        let started = ContinuousClock.now
        Thread { [self] in
            let bar = ProgressBar()
            while stop.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
                guard ContinuousClock.now - started > .milliseconds(300) else { continue }
                let s = self.progress.snapshot
                bar.update(phase: s.phase, done: Int(s.bytesRead >> 20), total: Int(max(1, s.totalBytes >> 20)))
            }
            if ContinuousClock.now - started > .milliseconds(300) { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            stopped.signal()
        }.start()
    }

    /// Clears the line.
    func finish() {
        stop.signal()
        stopped.wait()
    }
}

import ArgumentParser
import Foundation
import OrderDeskCore

/// `orderdesk bench-reconcile-files`: writes the reconciliation benchmark's two exports and the counts
/// a correct run reports for them (used by `scripts/bench-reconcile`).
struct BenchReconcileFilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-reconcile-files",
        abstract: "Write two large exports with known differences for the reconciliation benchmark.",
        shouldDisplay: false)

    @Option(name: .long, help: "Orders in each export.") var rows: Int = 1_000_000
    @Option(name: .long, help: "Directory for ida.csv, sfdc.csv and expected.json.") var out: String

    func run() throws {
        guard (1...1_200_000).contains(rows) else {
            throw Failure.report(CLIError.badValue(option: "--rows", value: String(rows), expected: "1 to 1,200,000"), status: 2)
        }
        let bar = ProgressBar()
        let files = ReconcileBenchFiles(rows: rows, directory: out)
        let expected = try files.write { bar.update(phase: "writing", done: $0, total: rows) }
        bar.finish("Wrote \(rows) orders a side to \(out) with \(expected.values.reduce(0, +)) known differences")
    }
}

import Foundation

/// A one-line progress bar on standard error, redrawn in place on a terminal and printed sparingly when piped.
final class ProgressBar {
    private let isTerminal = isatty(2) == 1
    private var lastDrawn = ContinuousClock.now - .seconds(1)
    private var lastPhase = ""
    private let started = ContinuousClock.now

    /// Shows `phase done/total`; redraws at most 20 times a second.
    func update(phase: String, done: Int, total: Int) {
        let now = ContinuousClock.now
        let finished = done >= total
        guard phase != lastPhase || finished || now - lastDrawn >= .milliseconds(50) else { return }
        let phaseChanged = phase != lastPhase
        lastDrawn = now
        lastPhase = phase
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let percent = Int(fraction * 100)
        if isTerminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let text = "\r\u{1B}[2K" + pad(phase, 10) + " " + bar + " " + String(percent) + "%  "
                + String(done) + "/" + String(total)
            FileHandle.standardError.write(Data(text.utf8))
        } else if phaseChanged || finished {
            FileHandle.standardError.write(Data((phase + " " + String(done) + "/" + String(total) + "\n").utf8))
        }
    }

    /// Ends the bar's line and says how long it took.
    func finish(_ message: String) {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let text = (isTerminal ? "\r\u{1B}[2K" : "") + message + " in " + String(Int(seconds * 10) / 10) + "."
            + String(Int(seconds * 10) % 10) + " s\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}

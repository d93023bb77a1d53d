import OrderDeskCore
import OrderDeskTerminal

/// A prompt for the CSV file to write: one path field with Tab completion, and the error of the last try.
/// The reconciliation's export (`ExportPromptState`) and the reports' (`ReportExportState`) share it.
public protocol CSVPathPrompt {
    var path: PathField { get set }
    var error: String? { get set }
}

/// Where to write a run's open differences as CSV.
public struct ExportPromptState: Hashable, Sendable, CSVPathPrompt {
    public var runID: Int64
    public var path: PathField
    public var error: String?

    /// The default file name sits in the desk's current directory: `reconcile-run-12-open.csv`.
    public init(runID: Int64) {
        self.runID = runID
        path = PathField("reconcile-run-\(runID)-open.csv")
    }
}

public enum ExportPrompt {
    public static func update(_ state: inout ExportPromptState, _ key: Key) -> DialogOutcome {
        let runID = state.runID
        return update(&state, key) { .exportOpen(runID: runID, path: $0) }
    }

    public static func render(_ state: ExportPromptState, on canvas: Canvas) {
        render(state, title: "Export run #\(state.runID)'s open differences", on: canvas)
    }

    /// Esc closes, Tab completes, Enter asks for the file to be written (`write`), other keys edit the path.
    public static func update<Prompt: CSVPathPrompt>(_ state: inout Prompt, _ key: Key,
                                                     write: (String) -> DialogOutcome) -> DialogOutcome {
        switch key {
        case .escape: return .close
        case .tab: return .completePath(state.path.text)
        case .enter:
            let path = state.path.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { state.error = "Give a file name to write to."; return .stay }
            state.error = nil
            return write(path)
        default:
            if state.path.handle(key) { state.error = nil }
            return .stay
        }
    }

    public static func render<Prompt: CSVPathPrompt>(_ state: Prompt, title: String, on canvas: Canvas) {
        let theme = canvas.theme
        let inner = canvas.centredBox(height: 11, width: 72, title: title)
        guard inner.width > 10, inner.height > 4 else { return }
        canvas.cell("CSV file (relative to the directory the desk was started in):", row: inner.top, column: inner.left,
                    width: inner.width, style: theme.style(.dialog))
        let x = state.path.field.draw(on: canvas, row: inner.top + 1, column: inner.left, width: inner.width,
                                      style: theme.style(.fieldFocus))
        canvas.terminal.setCursor(row: inner.top + 1, column: x)
        state.path.drawCandidates(on: canvas, top: inner.top + 3, left: inner.left, width: inner.width,
                                  rows: max(0, inner.height - 7))
        canvas.dialogFooter(inner, hint: "Tab complete · Enter write · Esc cancel", message: state.error, messageLines: 2)
    }
}

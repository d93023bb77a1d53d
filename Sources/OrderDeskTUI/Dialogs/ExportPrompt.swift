import OrderDeskCore
import OrderDeskTerminal

/// Where to write a run's open differences as CSV.
public struct ExportPromptState: Hashable, Sendable {
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
        switch key {
        case .escape: return .close
        case .tab: return .completePath(state.path.text)
        case .enter:
            let path = state.path.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { state.error = "Give a file name to write to."; return .stay }
            state.error = nil
            return .exportOpen(runID: state.runID, path: path)
        default:
            if state.path.handle(key) { state.error = nil }
            return .stay
        }
    }

    public static func render(_ state: ExportPromptState, on canvas: Canvas) {
        let theme = canvas.theme
        let inner = canvas.centredBox(height: 11, width: 72, title: "Export run #\(state.runID)'s open differences")
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

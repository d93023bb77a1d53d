import Foundation
import OrderDeskTerminal

/// The `:` line: type a command's long name, Tab completes, Enter runs it.
public enum CommandLinePrompt {
    public static func update(_ field: inout TextField, _ key: Key, message: inout String?) -> DialogOutcome {
        switch key {
        case .escape: return .close
        case .enter:
            let typed = field.text.trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else { return .close }
            // A command with an argument: `theme NAME`.
            let words = typed.split(separator: " ", maxSplits: 1).map(String.init)
            if words.count == 2, CommandTable.command(named: words[0]) == .theme {
                return .setTheme(words[1].trimmingCharacters(in: .whitespaces))
            }
            if CommandTable.command(named: typed) == .theme {
                message = "Name the theme: :theme NAME (for example :theme light)."
                return .stay
            }
            guard let command = CommandTable.command(named: typed) else {
                message = "Unknown command '\(typed)'. Press Tab to complete, or ? for the list."
                return .stay
            }
            return .run(command)
        case .tab:
            let options = CommandTable.completions(for: field.text)
            if options.count == 1 {
                field = TextField(options[0])
            } else if !options.isEmpty {
                let prefix = PathCompletion.commonPrefix(options)
                field = TextField(prefix.count > field.text.count ? prefix : field.text)
                message = options.joined(separator: "  ")
            } else {
                message = "No command matches '\(field.text)'."
            }
            return .stay
        default:
            _ = field.handle(key)
            return .stay
        }
    }

    public static func render(_ field: TextField, on canvas: Canvas, row: Int) {
        canvas.fill(row: row, style: canvas.theme.style(.fieldFocus))
        canvas.cell(":", row: row, column: 0, width: 1, style: canvas.theme.style(.fieldFocus))
        let x = field.draw(on: canvas, row: row, column: 1, width: canvas.columns - 1, style: canvas.theme.style(.fieldFocus))
        canvas.terminal.setCursor(row: row, column: x)
    }
}

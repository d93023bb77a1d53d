import ArgumentParser
import Foundation
import OrderDeskTerminal
import OrderDeskTUI

/// `orderdesk keys [show|check FILE]`: the effective key bindings, and a `keys.toml`'s problems by line.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Print the effective key bindings, or check a keys.toml.",
        discussion: """
            Bindings come from the command table, changed by $XDG_CONFIG_HOME/orderdesk/keys.toml
            (~/.config/orderdesk/keys.toml). The output of `orderdesk keys` is itself a valid keys.toml.
            """,
        subcommands: [KeysShowCommand.self, KeysCheckCommand.self], defaultSubcommand: KeysShowCommand.self)
}

/// `orderdesk keys` (`keys show`): every context's commands with their keys, as keys.toml tables.
struct KeysShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the effective bindings per context, in keys.toml form.")

    @Option(name: .long, help: "Read this keys file instead of the user's.")
    var file: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let path = file ?? ConfigDirectory.keysFile(environment: environment)
        let (keymap, issues) = try file.map(KeysFileReader.read) ?? Keymap.load(environment: environment)
        let problems = issues.filter(Keymap.isProblem)
        let exists = path.map { FileManager.default.fileExists(atPath: $0) } ?? false
        print("# Effective key bindings: " + (exists ? "the standard ones, changed by \(path!)" : "the standard ones")
              + (problems.isEmpty ? "" : " (\(problems.count) skipped or warned: orderdesk keys check \(path!))"))
        for context in CommandContext.allCases {
            print("")
            print("[\(context.configName)]")
            let entries = keymap.entries(in: context)
            let width = (entries.map { $0.id.rawValue.count }.max() ?? 0) + 2
            for entry in entries {
                let name = Self.pad("\"\(entry.id.rawValue)\"", to: width)
                let value = Self.pad(Self.value(entry.keys), to: 18)
                let changed = keymap.isStandard(entry.id, in: context) ? "" : " (changed)"
                let description = CommandTable.spec(for: entry.id)?.description ?? ""
                print("\(name) = \(value) # \(description)\(changed)")
            }
        }
    }

    /// A binding as keys.toml writes it: one key as a string, several as an array, none as "none".
    static func value(_ keys: [Key]) -> String {
        switch keys.count {
        case 0: return "\"none\""
        case 1: return quoted(KeyName.configName(keys[0]))
        default: return "[" + keys.map { quoted(KeyName.configName($0)) }.joined(separator: ", ") + "]"
        }
    }

    /// Pads to a width, never cutting (a long list of keys keeps all of them).
    private static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// `orderdesk keys check FILE`.
struct KeysCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report each unknown context, command or key name and each conflict of a keys.toml by line; exit 1 if any.",
        discussion: "Notes (a standard key that moved to another command) are printed too but do not fail the check.")

    @Argument(help: "The keys file (.toml).")
    var file: String

    func run() throws {
        let (_, issues) = try KeysFileReader.read(file)
        for issue in issues { print(issue.description) }
        let problems = issues.filter(Keymap.isProblem).count
        let notes = issues.count - problems
        guard problems == 0 else {
            let count = problems == 1 ? "1 problem" : "\(problems) problems"
            throw Failure.message("\(file): \(count); those entries were skipped or need a look (see above).")
        }
        let noted = notes == 0 ? "" : notes == 1 ? " (1 note)" : " (\(notes) notes)"
        print("\(file): no problems\(noted).")
    }
}

/// Reads a keys file named on the command line: a missing or unreadable one is an error, not the standard keys.
enum KeysFileReader {
    static func read(_ path: String) throws -> (keymap: Keymap, issues: [FileIssue]) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Failure.message("cannot read \(path) as a UTF-8 text file; check the path.")
        }
        return Keymap.parse(text, file: path)
    }
}

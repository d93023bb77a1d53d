import Foundation

/// File-name completion for typed paths, as a shell does it: the entries of the typed directory that
/// start with the typed name, directories with a trailing "/". The executable wires it into
/// `DeskClient.completePath`; tests point it at a temporary directory.
public enum PathCompletion {
    /// Candidates for `partial`, sorted, each the whole path as the person would type it (a leading `~/`
    /// kept). Relative paths are read from `currentDirectory` (the process's own when nil). Hidden entries
    /// are offered only when the typed name starts with ".".
    public static func candidates(for partial: String, currentDirectory: String? = nil) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let directoryPart = slash.map { String(partial[...$0]) } ?? ""
        let namePrefix = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        let fileManager = FileManager.default
        let base = currentDirectory ?? fileManager.currentDirectoryPath
        var directory: String
        if directoryPart.isEmpty {
            directory = base
        } else if directoryPart.hasPrefix("~") {
            directory = NSString(string: directoryPart).expandingTildeInPath
        } else if directoryPart.hasPrefix("/") {
            directory = directoryPart
        } else {
            directory = base + "/" + directoryPart
        }
        if directory.isEmpty { directory = "/" }
        guard let names = try? fileManager.contentsOfDirectory(atPath: directory) else { return [] }
        return names
            .filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
            .map { name in
                var isDirectory: ObjCBool = false
                let full = (directory.hasSuffix("/") ? directory : directory + "/") + name
                let marker = fileManager.fileExists(atPath: full, isDirectory: &isDirectory) && isDirectory.boolValue ? "/" : ""
                return directoryPart + name + marker
            }
    }

    /// The longest text every candidate starts with (also what `:` completes command names to).
    public static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

import Foundation
import GRDB

/// `od_name_matches(name, words)`: true when every word of `words` (already folded, space-separated)
/// starts some word of `name`, compared without case and accents, as the FTS5 `unicode61
/// remove_diacritics 2` tokenizer compares them.
///
/// Used for broad searches, where the sort index drives and each row is tested: testing the row's own
/// name costs a microsecond, while gathering every matching customer from the full-text index first
/// costs tens of milliseconds for a one-letter search.
enum NameMatch {
    static let function = DatabaseFunction("od_name_matches", argumentCount: 2, pure: true) { values in
        guard let name = String.fromDatabaseValue(values[0]), let words = String.fromDatabaseValue(values[1]) else {
            return false
        }
        return matches(name: name, words: words.split(separator: " ").map(String.init))
    }

    /// Lowercased, accents removed, split on anything that is not a letter or digit.
    static func words(of text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 128 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    static func matches(name: String, words query: [String]) -> Bool {
        let nameWords = words(of: name)
        return query.allSatisfy { q in nameWords.contains { $0.hasPrefix(q) } }
    }
}

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
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 128 {
                out.append(scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else if let folded = latinFolds[scalar.value] {
                out.append(contentsOf: folded.unicodeScalars)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue // a combining accent of a decomposed letter
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// Latin letters with accents (U+00C0–U+024F, U+1E00–U+1EFF) folded once by Foundation, which is
    /// far too slow to call per row on Linux; every other letter is only lowercased.
    private static let latinFolds: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for value in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            table[UInt32(value)] = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }
        return table
    }()

    static func matches(name: String, words query: [String]) -> Bool {
        if name.utf8.allSatisfy({ $0 < 128 }) { return asciiMatches(Array(name.utf8), query) }
        let nameWords = words(of: name)
        return query.allSatisfy { q in nameWords.contains { $0.hasPrefix(q) } }
    }

    /// The common case without Unicode work: a walk over the bytes, lowercasing letters as it goes.
    private static func asciiMatches(_ name: [UInt8], _ query: [String]) -> Bool {
        func isWordByte(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        return query.allSatisfy { word in
            let q = Array(word.utf8)
            var i = 0
            while i < name.count {
                // At the start of a word: does the query word start it?
                if isWordByte(name[i]) && (i == 0 || !isWordByte(name[i - 1])) {
                    var k = 0
                    while k < q.count, i + k < name.count, lower(name[i + k]) == q[k] { k += 1 }
                    if k == q.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}

import Foundation

/// Customer names folded for search the way the FTS5 `unicode61 remove_diacritics 2` tokenizer
/// folds them: lowercase, accents removed, split on anything that is not a letter or digit.
///
/// Broad searches walk the sort index and test each row's stored `customer_key`: a fraction of a
/// microsecond a row, where gathering every matching customer from the full-text index first costs
/// tens of milliseconds for a one- or two-letter search.
enum NameMatch {
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

    /// The search key stored beside an order's customer: the folded words of the name and the account
    /// number, each after a space (the same tokens as the full-text index), so `instr(key, ' ' || word) > 0`
    /// tells whether some token starts with `word`.
    static func key(name: String, account: String) -> String {
        (words(of: name) + [account]).map { " " + $0 }.joined()
    }
}

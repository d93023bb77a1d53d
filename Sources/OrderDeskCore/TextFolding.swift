import Foundation

/// Text folded for comparison and search the way the full-text index folds it: lowercase, accents
/// removed, split on anything that is not a letter or digit.
public enum TextFolding {
    public static func words(of text: String) -> [String] {
        let folded = fold(text)
        // Most text (addresses, phones, accounts, most names once folded) is ASCII: split its bytes, which
        // gives the same words as splitting Characters and is many times faster (the search index and the
        // demo builder fold every customer).
        if folded.utf8.allSatisfy({ $0 < 128 }) { return asciiWords(folded) }
        return folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The letter-and-digit runs of ASCII text (already lower-cased by `fold`).
    static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) {
                current.append(byte)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// Lowercased with accents removed: `Café` → `cafe`, `Ñandú` → `nandu`.
    public static func fold(_ text: String) -> String {
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
}

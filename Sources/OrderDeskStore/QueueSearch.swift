import GRDB

extension QueueSQL {
    /// What a person typed in the queue's search box, turned into safe SQL.
    /// Words become quoted FTS5 prefix terms (so no input can be an FTS syntax error);
    /// a number, with or without `IDA-`, also matches order numbers and account numbers.
    struct Search {
        /// Letter-and-digit runs, as the unicode61 tokenizer would split them.
        let words: [String]
        /// Set when the whole input is a number (optionally `IDA-` first).
        let digits: String?

        init?(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            var number = Substring(trimmed)
            if number.uppercased().hasPrefix("IDA") {
                number = number.dropFirst(3).drop(while: { $0 == "-" || $0 == " " })
            }
            if (1...11).contains(number.count), number.allSatisfy({ $0.isASCII && $0.isNumber }) {
                digits = String(number)
            } else {
                digits = nil
            }
            var words: [String] = []
            var current = ""
            for ch in trimmed {
                if ch.isLetter || ch.isNumber {
                    current.append(ch)
                } else if !current.isEmpty {
                    words.append(current); current = ""
                }
            }
            if !current.isEmpty { words.append(current) }
            // A bound on the work one keystroke can ask for.
            self.words = Array(words.prefix(8))
            if digits == nil && self.words.isEmpty { return nil }
        }

        /// The FTS5 query: every word a quoted prefix term, ANDed.
        var ftsQuery: String {
            if let digits {
                // An account number that lost its leading zeros also matches exactly.
                let padded = String(repeating: "0", count: 11 - digits.count) + digits
                return padded == digits ? "\"\(digits)\"*" : "\"\(digits)\"* OR \"\(padded)\""
            }
            return words.map { "\"\($0)\"*" }.joined(separator: " AND ")
        }

        func add(to condition: inout Condition) {
            let customers = "o.customer_id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)"
            if let digits, digits.count <= 8 {
                let padded = String(repeating: "0", count: 8 - digits.count) + digits
                // ':' is the character after '9', so [digits, digits + ':') is "starts with digits".
                condition.add(
                    "(o.order_number = ? OR (o.order_number >= ? AND o.order_number < ?) OR \(customers))",
                    [padded, digits, digits + ":", ftsQuery])
            } else {
                condition.add(customers, [ftsQuery])
            }
        }
    }
}

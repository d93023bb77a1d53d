import GRDB
import OrderDeskCore

/// What a person typed in the customers list's search box, as safe full-text and `instr` terms.
///
/// The words are split like the queue's search (`QueueSQL.Search`) and folded like the index folds
/// them, so each can be sent to FTS5 as a quoted prefix term (no input is ever an FTS syntax error)
/// and tested with `instr(search_key, ' ' || word)` on the name index (see `CustomerSearchIndex`).
struct CustomerSearchTerms: Hashable {
    /// Folded words, at most 8 (a bound on the work one keystroke can ask for).
    let words: [String]
    /// Set when the input is one run of 1–10 digits: an account number may have lost leading zeros
    /// that are not all of them (`0783001234` for `00783001234`), so the 11-digit form matches too.
    let paddedAccount: String?

    init?(_ text: String) {
        if let phone = PhoneNumber(text.trimmingCharacters(in: .whitespaces)) {
            // `+1 (516) 555-0142`: the leading 1 is no word of the customer, the ten digits are one token.
            words = [phone.digits]
        } else {
            guard let parsed = QueueSQL.Search(text) else { return nil }
            words = Array(parsed.words.flatMap(TextFolding.words(of:)).prefix(8))
        }
        guard !words.isEmpty else { return nil }
        if words.count == 1, let only = words.first, only.count < 11, only.allSatisfy({ $0.isASCII && $0.isNumber }) {
            paddedAccount = String(repeating: "0", count: 11 - only.count) + only
        } else {
            paddedAccount = nil
        }
    }

    /// The words the full-text index is asked for while paging. A one-letter word beside longer ones is
    /// left to `residualWords`: its doclist is a large part of the index (every "Rd" for `r`), and
    /// intersecting it costs more than testing the few candidates the other words leave.
    var indexedWords: [String] {
        let long = words.filter { $0.count > 1 }
        return long.isEmpty ? words : long
    }

    /// The words `indexedWords` leaves out, tested with `instr` on each candidate.
    var residualWords: [String] {
        let asked = Set(indexedWords)
        return words.filter { !asked.contains($0) }
    }

    /// The FTS5 query: each word a quoted prefix term, ANDed; `allWords` for counting.
    func ftsQuery(allWords: Bool) -> String {
        let terms = (allWords ? words : indexedWords).map { "\"\($0)\"*" }.joined(separator: " AND ")
        if let paddedAccount { return terms + " OR \"\(paddedAccount)\"" }
        return terms
    }

    /// The same test as `ftsQuery(allWords: true)`, on `search_key` (of the name index's entry).
    /// `column` is a fixed name from this module, never user input.
    func keyCondition(column: String = "search_key") -> (String, StatementArguments) {
        Self.instr(words, column: column, padded: paddedAccount)
    }

    /// The residual words' test on `search_key`, or nil when there are none.
    func residualCondition(column: String = "search_key") -> (String, StatementArguments)? {
        let residual = residualWords
        return residual.isEmpty ? nil : Self.instr(residual, column: column, padded: nil)
    }

    private static func instr(_ words: [String], column: String, padded: String?) -> (String, StatementArguments) {
        var sql = "(" + words.map { _ in "instr(\(column), ?) > 0" }.joined(separator: " AND ")
        var arguments = StatementArguments(words.map { " " + $0 })
        if let padded {
            sql += " OR instr(\(column), ?) > 0"
            arguments += [" " + padded]
        }
        return (sql + ")", arguments)
    }
}

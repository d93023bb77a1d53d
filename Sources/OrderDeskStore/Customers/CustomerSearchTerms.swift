import OrderDeskCore

/// What a person typed in the customers list's search box, as a safe full-text query.
///
/// The words are split like the queue's search (`QueueSQL.Search`) and folded like the index folds
/// them, so each can be sent to FTS5 as a quoted prefix term: no input is ever an FTS syntax error.
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

    /// The FTS5 query: each word a quoted prefix term, ANDed (the padded account number as an alternative).
    var ftsQuery: String {
        let terms = words.map { "\"\($0)\"*" }.joined(separator: " AND ")
        if let paddedAccount { return terms + " OR \"\(paddedAccount)\"" }
        return terms
    }
}

import Foundation
import OrderDeskCore

/// Customer names folded for search the way the FTS5 `unicode61 remove_diacritics 2` tokenizer
/// folds them: lowercase, accents removed, split on anything that is not a letter or digit.
///
/// Broad searches walk the sort index and test each row's stored `customer_key`: a fraction of a
/// microsecond a row, where gathering every matching customer from the full-text index first costs
/// tens of milliseconds for a one- or two-letter search.
enum NameMatch {
    /// The search key stored beside an order's customer: the folded words of the name and the account
    /// number, each after a space (the same tokens as the full-text index), so `instr(key, ' ' || word) > 0`
    /// tells whether some token starts with `word`.
    static func key(name: String, account: String) -> String {
        (TextFolding.words(of: name) + [account]).map { " " + $0 }.joined()
    }
}

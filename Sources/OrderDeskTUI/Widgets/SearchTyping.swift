import OrderDeskTerminal

/// How a search-as-you-type field answers a key, for every list that has one: Enter keeps the search
/// and leaves the field, Esc clears both, any other key edits the text.
enum SearchTyping {
    /// The text to search for now, or nil when the search stays as it is.
    static func handle(_ key: Key, field: inout TextField, searching: inout Bool) -> String? {
        switch key {
        case .enter:
            searching = false
            return nil
        case .escape:
            searching = false
            field = TextField()
            return ""
        default:
            return field.handle(key) ? field.text : nil
        }
    }
}

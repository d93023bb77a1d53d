import OrderDeskCore
import OrderDeskTerminal

/// One value a choice field can take: what is saved, what is shown, and an optional word about it.
public struct FormOption: Hashable, Sendable {
    /// The value the form hands back (`billing`, `scheduled`).
    public var value: String
    /// What the person reads (`billing`, `site access`).
    public var label: String
    /// Shown after the value, muted (`give the date`).
    public var hint: String?

    public init(_ value: String, _ label: String? = nil, hint: String? = nil) {
        self.value = value; self.label = label ?? value; self.hint = hint
    }
}

/// A labelled field of a form: text, a choice, a date or several lines of text.
///
/// A field knows its value as loaded (`initial`), so the form can tell whether anything was changed, and
/// shows at most one error (in the danger style, after a "✗") and any number of notes (information that
/// does not stop a save, e.g. an LOA mismatch) under itself.
public struct FormField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// One line of text.
        case text
        /// `YYYY-MM-DD`, checked as a real day when the field is left.
        case date
        /// Several lines; Enter starts a new line. `rows` is how many show.
        case multiline(rows: Int)
        /// One of a fixed list, cycled with ←/→ or Space.
        case choice([FormOption])
    }

    /// The stable name `FieldError.field` uses (`email`, `state_code`).
    public var key: String
    public var label: String
    public var kind: Kind
    /// The text of a text, date or multi-line field.
    public var text: TextField
    /// The selected option of a choice field.
    public var selected: Int
    /// The value as loaded: the field is changed when `value` differs from it.
    public var initial: String
    /// A blank value is refused with "<label> is required." (the domain's checks usually say it first).
    public var required: Bool
    /// Cells for the value; nil for the rest of the row.
    public var width: Int?
    /// Shown muted in an empty field that does not have the focus.
    public var placeholder: String?
    /// Not shown and not checked (a survey's date unless it is scheduled).
    public var isHidden = false
    /// Shown, muted, but skipped by the focus.
    public var isReadOnly = false
    /// The message under the field, set when the field is left, on Ctrl-S, or by the store.
    public var error: String?
    /// Information under the field that does not stop a save, drawn as given in the warning style.
    public var notes: [String] = []

    public init(key: String, label: String, kind: Kind, value: String, required: Bool = false, width: Int? = nil,
                placeholder: String? = nil) {
        self.key = key; self.label = label; self.kind = kind; self.required = required; self.width = width
        self.placeholder = placeholder
        if case .multiline = kind { text = TextField(value, multiline: true) } else { text = TextField(value) }
        selected = 0
        initial = value
        if case .choice(let options) = kind { selected = options.firstIndex { $0.value == value } ?? 0 }
        initial = self.value
    }

    public static func text(_ key: String, _ label: String, _ value: String, required: Bool = false, width: Int? = nil,
                            placeholder: String? = nil) -> FormField {
        FormField(key: key, label: label, kind: .text, value: value, required: required, width: width, placeholder: placeholder)
    }

    public static func date(_ key: String, _ label: String, _ value: String, required: Bool = false) -> FormField {
        FormField(key: key, label: label, kind: .date, value: value, required: required, width: 12, placeholder: "YYYY-MM-DD")
    }

    public static func multiline(_ key: String, _ label: String, _ value: String, rows: Int = 3, required: Bool = false) -> FormField {
        FormField(key: key, label: label, kind: .multiline(rows: rows), value: value, required: required)
    }

    public static func choice(_ key: String, _ label: String, _ options: [FormOption], selected value: String) -> FormField {
        FormField(key: key, label: label, kind: .choice(options), value: value)
    }

    /// The options of a choice field (empty for the others).
    public var options: [FormOption] {
        if case .choice(let options) = kind { return options }
        return []
    }

    /// What the field holds: the text, or the selected option's value.
    public var value: String {
        get {
            if case .choice(let options) = kind { return options.indices.contains(selected) ? options[selected].value : "" }
            return text.text
        }
        set {
            if case .choice(let options) = kind {
                selected = options.firstIndex { $0.value == newValue } ?? selected
            } else {
                text = TextField(newValue, multiline: text.multiline)
            }
        }
    }

    public var isChanged: Bool { value != initial }

    /// What a person can change in a field: its text (with the cursor) and its selected option.
    public struct Content: Hashable, Sendable {
        public var text: TextField
        public var selected: Int
    }

    /// The field's content, for undo.
    public var content: Content { Content(text: text, selected: selected) }

    /// Puts back a content taken earlier.
    public mutating func restore(_ content: Content) { text = content.text; selected = content.selected }
    /// The focus stops here.
    public var isFocusable: Bool { !isHidden && !isReadOnly }
    var isMultiline: Bool { if case .multiline = kind { return true } else { return false } }
    var isChoice: Bool { if case .choice = kind { return true } else { return false } }

    /// The checks a field makes by itself: required, and a date that exists.
    public var ownError: String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty { return "\(label) is required." }
        if case .date = kind, !trimmed.isEmpty, Day(iso: trimmed) == nil {
            return "'\(trimmed)' is not a date: type it as YYYY-MM-DD (e.g. 2026-12-03)."
        }
        return nil
    }

    /// Applies an editing key to the field; returns false when the key does not edit it.
    mutating func edit(_ key: Key) -> Bool {
        switch kind {
        case .choice(let options):
            guard !options.isEmpty else { return false }
            switch key {
            case .right, .character(" "): selected = (selected + 1) % options.count
            case .left: selected = (selected + options.count - 1) % options.count
            case .character(let c):
                // A letter jumps to the next option that starts with it.
                let n = options.count
                guard let next = (1...n).map({ (selected + $0) % n })
                    .first(where: { options[$0].label.lowercased().hasPrefix(String(c).lowercased()) }) else { return false }
                selected = next
            default: return false
            }
            return true
        case .date:
            // Digits and dashes only: a date has nothing else.
            if case .character(let c) = key, !(c.isASCII && (c.isNumber || c == "-")) { return false }
            return text.handle(key)
        case .text, .multiline:
            return text.handle(key)
        }
    }
}

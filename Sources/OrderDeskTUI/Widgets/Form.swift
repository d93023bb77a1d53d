import OrderDeskCore
import OrderDeskTerminal

/// Text at the top of a form: a refusal from the store (a conflict, a forbidden change) or a notice.
public struct FormMessage: Hashable, Sendable {
    public enum Tone: Hashable, Sendable {
        case error, warning, info

        var slot: ThemeSlot {
            switch self {
            case .error: return .danger
            case .warning: return .warning
            case .info: return .ok
            }
        }
    }

    public var text: String
    public var tone: Tone
    public init(_ text: String, tone: Tone = .error) { self.text = text; self.tone = tone }
}

/// A form being filled in: its fields, the focus, and whether it is asking to discard.
public struct FormState: Hashable, Sendable {
    public var title: String
    public var fields: [FormField]
    /// Index of the focused field in `fields`.
    public var focus: Int
    /// Esc was pressed with changes: "Discard your changes? y/n" is showing.
    public var confirmingDiscard = false
    /// A message at the top of the form (what the store said).
    public var message: FormMessage?
    /// Information at the top that does not stop a save (the LOA check's summary).
    public var notice: FormMessage?
    /// The box's width when the terminal has room.
    public var preferredWidth: Int
    /// What Ctrl-Z goes back to, newest last: the fields as they were before each change.
    public var undoStack: [FormUndoStep] = []
    /// The field whose run of typing the newest undo step covers; nil once the person leaves it (or undoes),
    /// so coming back starts a new step.
    var undoRun: Int?

    public init(title: String, fields: [FormField], preferredWidth: Int = 76) {
        self.title = title; self.fields = fields; self.preferredWidth = preferredWidth
        focus = fields.firstIndex(where: \.isFocusable) ?? 0
    }

    /// True when any field differs from what was loaded.
    public var isDirty: Bool { fields.contains { !$0.isHidden && $0.isChanged } }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    public func index(of key: String) -> Int? { fields.firstIndex { $0.key == key } }

    /// The value of the field named `key` ("" when there is none).
    public subscript(key: String) -> String {
        get { index(of: key).map { fields[$0].value } ?? "" }
        set { if let i = index(of: key) { fields[i].value = newValue } }
    }

    public func field(_ key: String) -> FormField? { index(of: key).map { fields[$0] } }

    /// Runs `change` on the field named `key`, if there is one.
    public mutating func update(_ key: String, _ change: (inout FormField) -> Void) {
        if let i = index(of: key) { change(&fields[i]) }
    }

    /// After a reload: the fields the person has not touched take the fresh values, the ones they typed in
    /// keep what they typed, and every field's "as loaded" value becomes the fresh one. Undo steps that
    /// held the old loaded value of a field hold the fresh one instead, so Ctrl-Z goes back to what is saved now.
    public mutating func takeFresh(_ values: [String: String]) {
        for i in fields.indices {
            guard let fresh = values[fields[i].key] else { continue }
            let old = fields[i].initial
            if !fields[i].isChanged { fields[i].value = fresh }
            fields[i].initial = fresh
            for s in undoStack.indices where undoStack[s].contents.indices.contains(i) {
                var field = fields[i]
                field.restore(undoStack[s].contents[i])
                guard field.value == old else { continue }
                field.value = fresh
                undoStack[s].contents[i] = field.content
            }
        }
    }

    /// Whether Ctrl-Z has anything to undo.
    public var canUndo: Bool { !undoStack.isEmpty }
}

/// One step Ctrl-Z undoes: every field's content before the change (so a change the form made to other
/// fields as a consequence, like a date filled in when a document is marked received, goes back with it),
/// and the field that was changed (the focus returns there).
public struct FormUndoStep: Hashable, Sendable {
    public var contents: [FormField.Content]
    public var field: Int
}

/// What a key did to a form.
public enum FormEvent: Hashable, Sendable {
    case stay
    /// A field's value changed (the form may recompute what depends on it).
    case edited
    /// Ctrl-S with every field valid.
    case save
    /// Esc with nothing changed, or a discard confirmed.
    case close
}

/// The form widget: keys, validation and drawing over a `FormState`. The checks themselves come from the
/// caller (`validate` returns every problem of the form, usually the domain's `…Edit.validate()`).
public enum Form {
    public typealias Validator = (FormState) -> [FieldError]

    public static let discardQuestion = "Discard your changes? y/n"

    public static func update(_ state: inout FormState, _ key: Key, validate: Validator) -> FormEvent {
        if state.confirmingDiscard {
            switch key {
            case .character("y"), .character("Y"): return .close
            case .character("n"), .character("N"), .escape: state.confirmingDiscard = false
            default: break
            }
            return .stay
        }
        let multiline = state.focusedField?.isMultiline == true
        switch key {
        case .escape:
            if state.isDirty { state.confirmingDiscard = true; return .stay }
            return .close
        case .control("s"):
            return validateAll(&state, validate) ? .save : .stay
        case .tab, .down:
            moveFocus(&state, by: 1, validate: validate)
        case .backTab, .up:
            moveFocus(&state, by: -1, validate: validate)
        case .enter where !multiline:
            moveFocus(&state, by: 1, validate: validate)
        case .control("z"):
            guard undo(&state) else { return .stay }
            revalidateShownErrors(&state, validate)
            return .edited
        default:
            guard state.fields.indices.contains(state.focus), state.fields[state.focus].isFocusable else { return .stay }
            let before = state.fields.map(\.content)
            let valueBefore = state.fields[state.focus].value
            guard state.fields[state.focus].edit(key) else { return .stay }
            if state.fields[state.focus].value != valueBefore { recordUndo(&state, before: before) }
            revalidateShownErrors(&state, validate)
            return .edited
        }
        return .stay
    }

    /// The most undo steps a form keeps.
    public static let undoLimit = 200

    /// Remembers the fields as they were before a change to the focused field, unless the change continues
    /// the run of typing the newest step already covers.
    static func recordUndo(_ state: inout FormState, before: [FormField.Content]) {
        guard state.undoRun != state.focus || state.undoStack.isEmpty else { return }
        state.undoStack.append(FormUndoStep(contents: before, field: state.focus))
        if state.undoStack.count > undoLimit { state.undoStack.removeFirst(state.undoStack.count - undoLimit) }
        state.undoRun = state.focus
    }

    /// Ctrl-Z: puts every field back as it was before the newest step and moves the focus to the field that
    /// changed. False when there is nothing to undo.
    @discardableResult
    public static func undo(_ state: inout FormState) -> Bool {
        guard let step = state.undoStack.popLast() else { return false }
        for i in state.fields.indices where step.contents.indices.contains(i) { state.fields[i].restore(step.contents[i]) }
        if state.fields.indices.contains(step.field), state.fields[step.field].isFocusable { state.focus = step.field }
        state.undoRun = nil
        state.confirmingDiscard = false
        return true
    }

    /// Each field's first problem: its own check, then the form's.
    public static func problems(_ state: FormState, _ validate: Validator) -> [String: String] {
        var found: [String: String] = [:]
        for field in state.fields where !field.isHidden {
            if let own = field.ownError { found[field.key] = own }
        }
        for error in validate(state) where found[error.field] == nil {
            if let field = state.field(error.field), field.isHidden { continue }
            found[error.field] = error.message
        }
        return found
    }

    /// Checks every field, shows each one's message, and on a problem moves the focus to the first bad field.
    /// Returns true when the form may be saved.
    @discardableResult
    public static func validateAll(_ state: inout FormState, _ validate: Validator) -> Bool {
        let found = problems(state, validate)
        for i in state.fields.indices { state.fields[i].error = state.fields[i].isHidden ? nil : found[state.fields[i].key] }
        guard let first = state.fields.firstIndex(where: { $0.error != nil }) else { return true }
        if state.fields[first].isFocusable, state.focus != first { state.focus = first; state.undoRun = nil }
        return false
    }

    /// The store's field errors under their fields (those naming no field of the form at the top);
    /// the focus goes to the first bad field.
    public static func show(storeErrors errors: [FieldError], in state: inout FormState) {
        var unplaced: [String] = []
        for i in state.fields.indices { state.fields[i].error = nil }
        for error in errors {
            if let i = state.index(of: error.field), !state.fields[i].isHidden {
                if state.fields[i].error == nil { state.fields[i].error = error.message }
            } else {
                unplaced.append(error.message)
            }
        }
        state.message = unplaced.isEmpty ? nil : FormMessage(unplaced.joined(separator: " "))
        if let first = state.fields.firstIndex(where: { $0.error != nil && $0.isFocusable }), state.focus != first {
            state.focus = first
            state.undoRun = nil
        }
    }

    /// Leaves the focused field (checking it) for the next focusable one, wrapping around.
    private static func moveFocus(_ state: inout FormState, by step: Int, validate: Validator) {
        let n = state.fields.count
        guard n > 0 else { return }
        leave(&state, validate: validate)
        var i = state.focus
        for _ in 0..<n {
            i = ((i + step) % n + n) % n
            if state.fields[i].isFocusable { state.focus = i; return }
        }
    }

    /// Checks the focused field as the focus leaves it, and ends its run of undoable typing.
    private static func leave(_ state: inout FormState, validate: Validator) {
        state.undoRun = nil
        if state.fields.indices.contains(state.focus) {
            let key = state.fields[state.focus].key
            state.fields[state.focus].error = problems(state, validate)[key]
        }
    }

    /// While a field shows a message, every change re-checks it, so the message goes as soon as it is fixed
    /// (typing an email clears "give a phone number or an email address" under the phone).
    private static func revalidateShownErrors(_ state: inout FormState, _ validate: Validator) {
        guard state.fields.contains(where: { $0.error != nil }) else { return }
        let found = problems(state, validate)
        for i in state.fields.indices where state.fields[i].error != nil {
            state.fields[i].error = found[state.fields[i].key]
        }
    }

    // MARK: Drawing

    /// One row of a form's body, tied to the field it belongs to (for scrolling).
    enum Row: Hashable {
        case value(Int)
        /// The n-th extra row of a multi-line field.
        case more(Int, Int)
        case error(Int, String)
        case note(Int, String)
    }

    /// The label column: the longest label plus the focus marker and a space.
    static func labelWidth(_ state: FormState) -> Int {
        (state.fields.filter { !$0.isHidden }.map { DisplayWidth.of($0.label) }.max() ?? 0) + 3
    }

    /// The body's rows at a given value width.
    static func rows(_ state: FormState, valueWidth: Int) -> [Row] {
        var rows: [Row] = []
        for (i, field) in state.fields.enumerated() where !field.isHidden {
            rows.append(.value(i))
            if case .multiline(let n) = field.kind, n > 1 { for r in 1..<n { rows.append(.more(i, r)) } }
            if let error = field.error {
                for line in hanging("✗ " + error, width: valueWidth) { rows.append(.error(i, line)) }
            }
            for note in field.notes {
                for line in hanging(note, width: valueWidth) { rows.append(.note(i, line)) }
            }
        }
        return rows
    }

    /// Text wrapped to `width` with the lines after the first indented by two cells (under the text after "✗ ").
    static func hanging(_ text: String, width: Int) -> [String] {
        let lines = TextWrap.lines(text, width: max(1, width))
        guard lines.count > 1, width > 4 else { return lines }
        let rest = lines.dropFirst().joined(separator: " ")
        return [lines[0]] + TextWrap.lines(rest, width: width - 2).map { "  " + $0 }
    }

    /// Where a form's parts go on a `rows` × `columns` screen: computed once for drawing and for clicks.
    struct Layout {
        /// The box (border included) and its inside.
        var frame: (top: Int, left: Int, height: Int, width: Int)
        var inner: (top: Int, left: Int, height: Int, width: Int)
        var header: [(String, ThemeSlot)]
        var body: [Row]
        var bodyTop: Int
        var bodyHeight: Int
        /// The first body row shown (the body scrolls to keep the focused field in view).
        var offset: Int
        var labelWidth: Int
        var valueWidth: Int
    }

    /// The form's layout, or nil when the screen is too small to draw it.
    static func layout(_ state: FormState, rows: Int, columns: Int) -> Layout? {
        let width = min(state.preferredWidth, columns - 2)
        let innerWidth = width - 4
        guard innerWidth > 20 else { return nil }
        let labelWidth = min(labelWidth(state), innerWidth / 2)
        let valueWidth = innerWidth - labelWidth
        var header: [(String, ThemeSlot)] = []
        for message in [state.message, state.notice].compactMap({ $0 }) {
            for line in TextWrap.lines(message.text, width: innerWidth).prefix(4) { header.append((line, message.tone.slot)) }
        }
        if !header.isEmpty { header.append(("", .dialog)) }
        let body = Self.rows(state, valueWidth: valueWidth)
        // Border, header, body, a blank row, the message row and the key line.
        let wanted = 2 + header.count + body.count + 3
        let frame = Canvas.centredFrame(height: wanted, width: width, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        guard inner.height >= 4 else { return nil }
        let bodyTop = inner.top + min(header.count, max(0, inner.height - 4))
        let bodyHeight = max(1, inner.top + inner.height - 2 - bodyTop)
        // Keep the focused field's rows in view: scroll no further than needed to show their last row.
        let owned = body.enumerated().filter { owner(of: $0.element) == state.focus }.map(\.offset)
        var offset = 0
        if let last = owned.last, last >= bodyHeight { offset = last - bodyHeight + 1 }
        if let first = owned.first, first < offset { offset = first }
        offset = max(0, min(offset, max(0, body.count - bodyHeight)))
        return Layout(frame: frame, inner: inner, header: header, body: body, bodyTop: bodyTop, bodyHeight: bodyHeight,
                      offset: offset, labelWidth: labelWidth, valueWidth: valueWidth)
    }

    /// The field whose rows (label, value, its messages) are drawn at a cell, when it can take the focus.
    static func field(atRow y: Int, column x: Int, _ state: FormState, rows: Int, columns: Int) -> Int? {
        guard let l = layout(state, rows: rows, columns: columns), x >= l.inner.left, x < l.inner.left + l.inner.width,
              let r = RowHit.index(row: y, firstRow: l.bodyTop, end: l.bodyTop + l.bodyHeight, offset: l.offset,
                                   count: l.body.count)
        else { return nil }
        let index = owner(of: l.body[r])
        return state.fields[index].isFocusable ? index : nil
    }

    /// Puts the focus on a field (a click), as Tab would: the field left is checked, its undo run ends.
    public static func focus(_ state: inout FormState, on index: Int, validate: Validator) {
        guard state.fields.indices.contains(index), state.fields[index].isFocusable, index != state.focus else { return }
        leave(&state, validate: validate)
        state.focus = index
    }

    /// Draws the form centred, scrolled so the focused field and its messages show; `hints` go first in the
    /// key line (a form's own keys).
    public static func render(_ state: FormState, on canvas: Canvas, hints: [String] = []) {
        let theme = canvas.theme
        guard let l = layout(state, rows: canvas.rows, columns: canvas.columns) else { return }
        let title = state.title + (state.isDirty ? " ● modified" : "")
        let inner = canvas.box(top: l.frame.top, left: l.frame.left, height: l.frame.height, width: l.frame.width, title: title)
        var y = inner.top
        for (line, slot) in l.header.prefix(max(0, inner.height - 4)) {
            canvas.cell(line, row: y, column: inner.left, width: inner.width, style: theme.style(slot))
            y += 1
        }
        let (body, bodyTop, bodyHeight, offset) = (l.body, l.bodyTop, l.bodyHeight, l.offset)
        for (r, row) in body.dropFirst(offset).prefix(bodyHeight).enumerated() {
            draw(row, state: state, on: canvas, y: bodyTop + r, left: inner.left, labelWidth: l.labelWidth, valueWidth: l.valueWidth)
        }
        if offset > 0 {
            canvas.cell("▲ more", row: bodyTop, column: inner.left + inner.width - 6, width: 6, style: theme.style(.muted))
        }
        if offset + bodyHeight < body.count {
            canvas.cell("▼ more", row: bodyTop + bodyHeight - 1, column: inner.left + inner.width - 6, width: 6,
                        style: theme.style(.muted))
        }
        var keys = hints
        switch state.focusedField?.kind {
        case .choice?: keys.append("←→ Space change")
        case .multiline?: keys.append("Enter new line")
        default: break
        }
        keys += ["Tab next", "S-Tab back", "Ctrl-S save", "Esc cancel"]
        if state.canUndo { keys.append("Ctrl-Z undo") }
        let hint = fitting(keys, width: inner.width)
        if state.confirmingDiscard {
            canvas.terminal.hideCursor()
            canvas.dialogFooter(inner, hint: "y discard · n keep editing", message: discardQuestion, messageSlot: .warning)
        } else {
            let bad = state.fields.filter { $0.error != nil && !$0.isHidden }.count
            let message = bad == 0 ? nil : bad == 1 ? "✗ 1 field to fix before saving." : "✗ \(bad) fields to fix before saving."
            canvas.dialogFooter(inner, hint: hint, message: message)
        }
    }

    /// As many hints as fit, joined by " · ".
    static func fitting(_ hints: [String], width: Int) -> String {
        var out = ""
        for hint in hints {
            let next = out.isEmpty ? hint : out + " · " + hint
            if DisplayWidth.of(next) > width { break }
            out = next
        }
        return out
    }

    private static func owner(of row: Row) -> Int {
        switch row {
        case .value(let i), .more(let i, _), .error(let i, _), .note(let i, _): return i
        }
    }

    private static func draw(_ row: Row, state: FormState, on canvas: Canvas, y: Int, left: Int, labelWidth: Int,
                             valueWidth: Int) {
        let theme = canvas.theme
        let valueLeft = left + labelWidth
        switch row {
        case .error(_, let text):
            canvas.cell(text, row: y, column: valueLeft, width: valueWidth, style: theme.style(.danger))
        case .note(_, let text):
            canvas.cell(text, row: y, column: valueLeft, width: valueWidth, style: theme.style(.warning))
        case .more(let i, let r):
            let field = state.fields[i]
            let focused = i == state.focus && !state.confirmingDiscard
            let lines = multilineRows(field, width: valueWidth)
            canvas.cell(r < lines.count ? lines[r] : "", row: y, column: valueLeft, width: valueWidth,
                        style: theme.style(focused ? .fieldFocus : .field))
        case .value(let i):
            let field = state.fields[i]
            let focused = i == state.focus && !state.confirmingDiscard
            let labelSlot: ThemeSlot = field.error != nil ? .danger : focused ? .accent : field.isReadOnly ? .muted : .dialog
            canvas.cell((focused ? "▸ " : "  ") + field.label, row: y, column: left, width: labelWidth - 1,
                        style: theme.style(labelSlot))
            let style = theme.style(field.isReadOnly ? .muted : focused ? .fieldFocus : .field)
            let width = min(field.width ?? valueWidth, valueWidth)
            switch field.kind {
            case .choice(let options):
                guard options.indices.contains(field.selected) else { return }
                let option = options[field.selected]
                let shown = field.isReadOnly ? option.label : "◂ " + option.label + " ▸"
                let shownWidth = DisplayWidth.of(shown)
                canvas.cell(shown, row: y, column: valueLeft, width: min(shownWidth, valueWidth),
                            style: field.isReadOnly ? theme.style(.dialog) : style)
                var after: [String] = []
                if let hint = option.hint { after.append(hint) }
                if focused && options.count > 1 { after.append("\(field.selected + 1) of \(options.count)") }
                if !after.isEmpty, shownWidth + 2 < valueWidth {
                    canvas.cell(after.joined(separator: " · "), row: y, column: valueLeft + shownWidth + 2,
                                width: valueWidth - shownWidth - 2, style: theme.style(.muted))
                }
            case .multiline:
                let lines = multilineRows(field, width: valueWidth)
                canvas.cell(lines.first ?? "", row: y, column: valueLeft, width: valueWidth, style: style)
                if focused {
                    let (cursorRow, cursorColumn) = multilineCursor(field, width: valueWidth)
                    canvas.terminal.setCursor(row: y + cursorRow, column: valueLeft + min(valueWidth - 1, cursorColumn))
                }
            case .text, .date:
                let x = field.text.draw(on: canvas, row: y, column: valueLeft, width: width, style: style)
                if focused { canvas.terminal.setCursor(row: y, column: x) }
                if field.text.text.isEmpty, !focused, let placeholder = field.placeholder {
                    canvas.cell(placeholder, row: y, column: valueLeft, width: width, style: theme.style(.muted))
                }
            }
        }
    }

    /// The rows of a multi-line field that show: the last ones, where the cursor is while writing.
    static func multilineRows(_ field: FormField, width: Int) -> [String] {
        guard case .multiline(let n) = field.kind else { return [] }
        let lines = TextWrap.lines(field.text.text, width: width)
        return Array(lines.suffix(max(1, n)))
    }

    private static func multilineCursor(_ field: FormField, width: Int) -> (Int, Int) {
        let shown = multilineRows(field, width: width)
        return (max(0, shown.count - 1), DisplayWidth.of(shown.last ?? ""))
    }
}

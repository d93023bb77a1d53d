import OrderDeskCore
import OrderDeskTerminal

/// A field of the editor's header (the terms above the lines). The raw value is the field key the draft's
/// `validate()` and the store use, so their messages land under the field.
public enum ContractEditorField: String, CaseIterable, Hashable, Sendable {
    case kind, parent, term
    case start
    case location
    case constructionCost = "construction_cost"
    case monthlyCost = "monthly_cost"
    case commission

    public var label: String {
        switch self {
        case .kind: return "Kind"
        case .parent: return "Parent"
        case .term: return "Term"
        case .start: return "Start"
        case .location: return "Location"
        case .constructionCost: return "Construction"
        case .monthlyCost: return "Monthly cost"
        case .commission: return "Commission"
        }
    }

    /// A choice cycled with ←/→ (the others are typed in).
    public var isChoice: Bool { [.kind, .parent, .term, .location].contains(self) }
    /// An amount in dollars.
    public var isMoney: Bool { [.constructionCost, .monthlyCost, .commission].contains(self) }
}

/// A cell of a contract line that the person can change (the product and its list MRR are shown only).
public enum ContractLineColumn: String, CaseIterable, Hashable, Sendable {
    case quantity
    case netMRR = "net_mrr"
    case discount
    case nrc
    case waived

    /// `line.0.net_mrr`: the key of this cell of line `index` (0-based), as the draft's checks name it.
    public func key(line index: Int) -> String { "line.\(index).\(rawValue)" }

    var title: String {
        switch self {
        case .quantity: return "quantity"
        case .netMRR: return "net MRR"
        case .discount: return "discount"
        case .nrc: return "NRC"
        case .waived: return "NRC waived"
        }
    }
}

/// Where the keys go in the editor.
public enum ContractEditorFocus: Hashable, Sendable {
    case field(ContractEditorField)
    /// A cell of line `line` (0-based).
    case cell(line: Int, ContractLineColumn)
    /// The row under the lines that adds one from the price book.
    case addLine
    /// The totals, the ROI figures, the early-termination schedule and the route, scrolled with ↑↓.
    case figures

    /// The key of the field or cell, as the draft's checks and the store name it (`lines` for the add row).
    public var key: String? {
        switch self {
        case .field(let field): return field.rawValue
        case .cell(let line, let column): return column.key(line: line)
        case .addLine: return "lines"
        case .figures: return nil
        }
    }
}

/// The text a person types into the cells of one line; the line itself is in the draft.
public struct ContractLineTexts: Hashable, Sendable {
    public var quantity: TextField
    public var netMRR: TextField
    public var discount: TextField
    public var nrc: TextField

    public init(_ line: ContractLine) {
        quantity = TextField(String(line.quantity))
        netMRR = TextField(line.unitMRR.grouped)
        discount = TextField(line.discount.display)
        nrc = TextField(line.unitNRC.grouped)
    }

    subscript(column: ContractLineColumn) -> TextField? {
        get {
            switch column {
            case .quantity: return quantity
            case .netMRR: return netMRR
            case .discount: return discount
            case .nrc: return nrc
            case .waived: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch column {
            case .quantity: quantity = newValue
            case .netMRR: netMRR = newValue
            case .discount: discount = newValue
            case .nrc: nrc = newValue
            case .waived: break
            }
        }
    }
}

/// One step Ctrl-Z undoes: everything the person can change, as it was before the change, and where it was.
public struct ContractEditorUndoStep: Hashable, Sendable {
    var draft: ContractDraft
    var texts: [ContractEditorField: TextField]
    var lineTexts: [ContractLineTexts]
    var commissionIsOwn: Bool
    var constructionIsOwn: Bool
    var rememberedParent: Int64?
    var focus: ContractEditorFocus
}

/// The contract editor: header fields, the lines, the live totals, ROI and route.
public struct ContractEditorState: Hashable, Sendable {
    public var context: ContractContext
    /// The terms as they stand, from every field and cell whose text reads as a value (a cell whose text
    /// does not read keeps its last good value here, and shows an error once it is left).
    public var draft: ContractDraft
    /// nil for a new contract.
    public var contractID: Int64?
    public var number: String?
    public var version: Int64?
    /// The terms as loaded (after a conflict: as saved now). The editor is modified while `draft` differs
    /// from them or some text does not read.
    public var loaded: ContractDraft
    /// The text of the typed header fields (start, construction cost, monthly cost, commission).
    public var texts: [ContractEditorField: TextField] = [:]
    /// The text of each line's cells, parallel to `draft.lines`.
    public var lineTexts: [ContractLineTexts] = []
    /// The person typed a commission: the proposal no longer follows the MRR.
    public var commissionIsOwn = false
    /// The person typed a construction cost: picking a location no longer sets it.
    public var constructionIsOwn = false
    /// The parent last chosen, so a kind that needs none and back again keeps it.
    public var rememberedParent: Int64?
    public var focus: ContractEditorFocus = .field(.kind)
    /// The focused text was just entered: typing replaces it (it shows selected).
    public var replacing = false
    /// Messages under fields and cells, by key (`commission`, `line.0.discount`, `lines`).
    public var errors: [String: String] = [:]
    /// What the store said, at the top (a conflict, a refusal).
    public var message: FormMessage?
    /// Esc with changes: "Discard your changes? y/n".
    public var confirmingDiscard = false
    /// The price-book picker, open over the editor.
    public var picker: PriceBookPickerState?
    /// The first row of the figures section that shows (when it is scrolled).
    public var figuresScroll = 0
    public var undoStack: [ContractEditorUndoStep] = []
    /// The focus whose run of changes the newest undo step covers; nil once it is left.
    var undoRun: ContractEditorFocus?

    public init(context: ContractContext, draft: ContractDraft, contractID: Int64? = nil, number: String? = nil, version: Int64? = nil) {
        self.context = context; self.draft = draft; self.contractID = contractID; self.number = number; self.version = version
        loaded = draft
        rememberedParent = draft.parentID
        let proposal = context.policy.proposedCommission(kind: draft.kind, netMRR: draft.lines.reduce(.zero) { $0 + $1.netMRR })
        if contractID == nil {
            // A new contract starts from the proposals: the location's estimate and the commission.
            commissionIsOwn = false
            constructionIsOwn = draft.constructionCost != .zero && draft.constructionCost != estimate(of: draft.locationID)
        } else {
            commissionIsOwn = draft.commission != proposal
            constructionIsOwn = draft.constructionCost != (estimate(of: draft.locationID) ?? .zero)
        }
        ContractEditor.applyProposals(&self)
        for field in ContractEditorField.allCases where !field.isChoice { texts[field] = TextField(ContractEditor.text(of: field, in: self.draft)) }
        lineTexts = self.draft.lines.map(ContractLineTexts.init)
        if contractID == nil { loaded = self.draft }
    }

    /// The serviceability estimate of a location of the customer.
    func estimate(of locationID: Int64?) -> Money? {
        guard let locationID else { return nil }
        return context.locations.first { $0.id == locationID }?.constructionEstimate
    }

    /// `New contract · Café Roma LLC` or `CSA-000123 · Café Roma LLC`.
    public var title: String { (number ?? "New contract") + " · " + context.customerName }

    /// Some text does not read as a value, or the terms differ from those loaded.
    public var isDirty: Bool { draft != loaded || !ContractEditor.textProblems(self).isEmpty }

    /// Figures and route of the terms as they stand.
    public var assessment: (figures: ContractFigures, route: ApprovalRoute) { ApprovalRouting.assess(draft, policy: context.policy) }

    /// Where Tab goes, in order: the header fields (the parent only for a renewal or an addendum), every
    /// cell of every line, the add row, then the figures.
    public var focusOrder: [ContractEditorFocus] {
        var order: [ContractEditorFocus] = ContractEditorField.allCases.filter { $0 != .parent || draft.needsParent }.map { .field($0) }
        for i in draft.lines.indices { order += ContractLineColumn.allCases.map { .cell(line: i, $0) } }
        return order + [.addLine, .figures]
    }

    public var canUndo: Bool { !undoStack.isEmpty }
}

/// What the editor asks the desk for.
public enum ContractEditorRequest: Hashable, Sendable {
    /// Products matching the picker's search (hand them back with `ContractEditor.priceBookLoaded`).
    case searchPriceBook(String)
    /// Save the draft (create when `contractID` is nil); the editor stays open until it succeeds.
    case save(ContractDraft, contractID: Int64?, expectedVersion: Int64?)
}

/// The contract editor's keys and answers. Tab/Shift-Tab visit the fields and every cell of the lines;
/// values are read as they are typed, so the totals, the ROI and the route follow every key; a field's
/// problem shows under it when it is left and on Ctrl-S.
public enum ContractEditor {
    public static let discardQuestion = Form.discardQuestion

    // MARK: Keys

    public static func update(_ state: inout ContractEditorState, _ key: Key) -> DialogOutcome {
        if state.confirmingDiscard {
            switch key {
            case .character("y"), .character("Y"): return .close
            case .character("n"), .character("N"), .escape: state.confirmingDiscard = false
            default: break
            }
            return .stay
        }
        if state.picker != nil { return updatePicker(&state, key) }
        switch key {
        case .escape:
            if state.isDirty { state.confirmingDiscard = true; return .stay }
            return .close
        case .control("s"):
            return save(&state)
        case .control("z"):
            undo(&state)
        case .insert:
            return openPicker(&state)
        case .tab:
            moveFocus(&state, by: 1)
        case .backTab:
            moveFocus(&state, by: -1)
        case .enter:
            if state.focus == .addLine { return openPicker(&state) }
            moveFocus(&state, by: 1)
        case .down, .up:
            let step = key == .down ? 1 : -1
            switch state.focus {
            case .figures: scrollFigures(&state, by: step)
            case .cell(let line, let column):
                let target = line + step
                if state.draft.lines.indices.contains(target) {
                    setFocus(&state, .cell(line: target, column))
                } else {
                    moveFocus(&state, to: target < 0 ? lastHeaderFocus(state) : .addLine)
                }
            case .addLine where step < 0 && !state.draft.lines.isEmpty:
                moveFocus(&state, to: .cell(line: state.draft.lines.count - 1, .quantity))
            default:
                moveFocus(&state, by: step)
            }
        case .pageDown where state.focus == .figures: scrollFigures(&state, by: 8)
        case .pageUp where state.focus == .figures: scrollFigures(&state, by: -8)
        case .home where state.focus == .figures: state.figuresScroll = 0
        default:
            return edit(&state, key)
        }
        return .stay
    }

    /// Scrolls the figures, no further than leaves their last lines in a section of the smallest height
    /// the layouts give it (the drawing stops at the real end; this keeps ↑ answering at once after it).
    private static func scrollFigures(_ state: inout ContractEditorState, by step: Int) {
        let count = figuresLines(state, state.assessment, width: 40).count
        state.figuresScroll = max(0, min(state.figuresScroll + step, count - 10))
    }

    /// A key that changes the focused field or cell (or adds and removes lines).
    private static func edit(_ state: inout ContractEditorState, _ key: Key) -> DialogOutcome {
        switch state.focus {
        case .figures:
            return .stay
        case .addLine:
            if key == .character("a") || key == .character("A") { return openPicker(&state) }
            return .stay
        case .cell(let line, let column):
            switch key {
            case .character("a"), .character("A"): return openPicker(&state)
            case .character("d"), .character("D"), .delete:
                removeLine(&state, at: line)
                return .stay
            default: break
            }
            if column == .waived {
                guard key == .character(" ") else { return .stay }
                record(&state) { $0.draft.lines[line].nrcWaived.toggle() }
                state.undoRun = nil
                afterChange(&state)
                return .stay
            }
            editText(&state, key)
        case .field(let field):
            if field.isChoice {
                changeChoice(&state, field, key)
            } else {
                editText(&state, key)
            }
        }
        return .stay
    }

    /// The characters a typed field or cell takes: digits and what amounts, percentages and dates are written with.
    static func accepts(_ c: Character, in focus: ContractEditorFocus) -> Bool {
        guard c.isASCII else { return false }
        if case .field(.start) = focus { return c.isNumber || c == "-" }
        return c.isNumber || ".,$%-()".contains(c)
    }

    /// Typing into the focused text: a character replaces the text when it was just entered (it shows
    /// selected), Backspace then clears it; ←/→/Home/End keep the text and move the cursor.
    private static func editText(_ state: inout ContractEditorState, _ key: Key) {
        guard var field = focusedText(state) else { return }
        let before = field.text
        switch key {
        case .character(let c):
            guard accepts(c, in: state.focus) else { return }
            if state.replacing { field = TextField() }
            _ = field.handle(key)
        case .backspace where state.replacing:
            field = TextField()
        case .backspace, .delete, .left, .right, .home, .end, .control("a"), .control("e"), .control("u"), .control("w"):
            _ = field.handle(key)
        default:
            return
        }
        state.replacing = false
        guard field.text != before else { setFocusedText(&state, field); return }
        record(&state) { setFocusedText(&$0, field) }
        apply(&state, focus: state.focus)
        afterChange(&state)
    }

    // MARK: Focus

    static func setFocus(_ state: inout ContractEditorState, _ focus: ContractEditorFocus) {
        leave(&state)
        state.focus = focus
        state.replacing = focusedText(state) != nil
        state.undoRun = nil
    }

    private static func moveFocus(_ state: inout ContractEditorState, to focus: ContractEditorFocus) { setFocus(&state, focus) }

    private static func moveFocus(_ state: inout ContractEditorState, by step: Int) {
        let order = state.focusOrder
        let i = order.firstIndex(of: state.focus) ?? 0
        setFocus(&state, order[((i + step) % order.count + order.count) % order.count])
    }

    private static func lastHeaderFocus(_ state: ContractEditorState) -> ContractEditorFocus { .field(.commission) }

    /// Leaving a field or cell: its text is checked (the message shows under it) and, when it reads, written
    /// the way the editor writes values (`1234.5` becomes `1,234.50`).
    private static func leave(_ state: inout ContractEditorState) {
        // Passing the add row is not a mistake: "add at least one line" waits for Ctrl-S.
        guard state.focus != .addLine, let key = state.focus.key else { return }
        let problems = self.problems(state)
        state.errors[key] = problems[key]
        if problems[key] == nil, focusedText(state) != nil { normalize(&state, state.focus) }
    }

    /// Makes sure the focus is on something that exists (after lines went, or the parent field hid).
    static func settleFocus(_ state: inout ContractEditorState) {
        let order = state.focusOrder
        guard !order.contains(state.focus) else { return }
        switch state.focus {
        case .cell(let line, let column):
            state.focus = state.draft.lines.isEmpty ? .addLine : .cell(line: min(line, state.draft.lines.count - 1), column)
        case .field(.parent):
            state.focus = .field(.kind)
        default:
            state.focus = order.first ?? .addLine
        }
        state.replacing = focusedText(state) != nil
    }

    // MARK: Texts

    static func focusedText(_ state: ContractEditorState) -> TextField? {
        switch state.focus {
        case .field(let field): return field.isChoice ? nil : state.texts[field]
        case .cell(let line, let column):
            return state.lineTexts.indices.contains(line) ? state.lineTexts[line][column] : nil
        case .addLine, .figures: return nil
        }
    }

    static func setFocusedText(_ state: inout ContractEditorState, _ text: TextField) {
        switch state.focus {
        case .field(let field): state.texts[field] = text
        case .cell(let line, let column): if state.lineTexts.indices.contains(line) { state.lineTexts[line][column] = text }
        case .addLine, .figures: break
        }
    }

    /// How the editor writes a header field's value.
    static func text(of field: ContractEditorField, in draft: ContractDraft) -> String {
        switch field {
        case .start: return draft.startOn?.iso ?? ""
        case .constructionCost: return draft.constructionCost.grouped
        case .monthlyCost: return draft.monthlyCost.grouped
        case .commission: return draft.commission.grouped
        case .kind: return draft.kind.rawValue
        case .parent: return draft.parentID.map(String.init) ?? ""
        case .term: return String(draft.termMonths)
        case .location: return draft.locationID.map(String.init) ?? ""
        }
    }

    /// Rewrites a text that reads as a value the way the editor writes it.
    private static func normalize(_ state: inout ContractEditorState, _ focus: ContractEditorFocus) {
        switch focus {
        case .field(let field) where !field.isChoice:
            state.texts[field] = TextField(text(of: field, in: state.draft))
        case .cell(let i, let column) where state.draft.lines.indices.contains(i):
            let line = state.draft.lines[i]
            switch column {
            case .quantity: state.lineTexts[i].quantity = TextField(String(line.quantity))
            case .netMRR: state.lineTexts[i].netMRR = TextField(line.unitMRR.grouped)
            case .discount: state.lineTexts[i].discount = TextField(line.discount.display)
            case .nrc: state.lineTexts[i].nrc = TextField(line.unitNRC.grouped)
            case .waived: break
            }
        default: break
        }
    }

    /// Reads the text of a field or cell into the draft, when it reads; net MRR and discount rewrite each other.
    static func apply(_ state: inout ContractEditorState, focus: ContractEditorFocus) {
        switch focus {
        case .field(let field):
            guard let raw = state.texts[field]?.text else { return }
            let text = raw.trimmingCharacters(in: .whitespaces)
            switch field {
            case .start:
                if text.isEmpty { state.draft.startOn = nil } else if let day = Day(iso: text) { state.draft.startOn = day }
            case .constructionCost:
                state.constructionIsOwn = true
                if let money = readMoney(text, blankIsZero: true) { state.draft.constructionCost = money }
            case .monthlyCost:
                if let money = readMoney(text, blankIsZero: true) { state.draft.monthlyCost = money }
            case .commission:
                state.commissionIsOwn = true
                if let money = readMoney(text, blankIsZero: true) { state.draft.commission = money }
            default: break
            }
        case .cell(let i, let column):
            guard state.draft.lines.indices.contains(i), let raw = state.lineTexts[i][column]?.text else { return }
            let text = raw.trimmingCharacters(in: .whitespaces)
            switch column {
            case .quantity:
                if let quantity = readQuantity(text) { state.draft.lines[i].quantity = quantity }
            case .netMRR:
                if let money = readMoney(text, blankIsZero: false) {
                    state.draft.lines[i].unitMRR = money
                    state.lineTexts[i].discount = TextField(state.draft.lines[i].discount.display)
                }
            case .discount:
                if let discount = readDiscount(text) {
                    state.draft.lines[i].setDiscount(discount)
                    state.lineTexts[i].netMRR = TextField(state.draft.lines[i].unitMRR.grouped)
                }
            case .nrc:
                if let money = readMoney(text, blankIsZero: false) { state.draft.lines[i].unitNRC = money }
            case .waived: break
            }
        case .addLine, .figures: break
        }
    }

    static func readMoney(_ text: String, blankIsZero: Bool) -> Money? {
        if text.isEmpty { return blankIsZero ? .zero : nil }
        return Money(parsing: text)
    }

    static func readQuantity(_ text: String) -> Int? {
        let digits = text.replacingOccurrences(of: ",", with: "")
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 4,
              let n = Int(digits), (1...9_999).contains(n) else { return nil }
        return n
    }

    static func readDiscount(_ text: String) -> Percentage? {
        guard let p = Percentage(parsing: text), (0...10_000).contains(p.basisPoints) else { return nil }
        return p
    }

    /// After any change: the proposals follow (commission from the MRR, unless typed), errors already shown
    /// are checked again so a fixed one goes.
    static func afterChange(_ state: inout ContractEditorState) {
        applyProposals(&state)
        guard !state.errors.isEmpty else { return }
        let found = problems(state)
        for key in Array(state.errors.keys) { state.errors[key] = found[key] }
    }

    /// The commission proposed from the net MRR until the person types one; the construction cost from the
    /// location's estimate until the person types one.
    static func applyProposals(_ state: inout ContractEditorState) {
        if !state.commissionIsOwn {
            let netMRR = state.draft.lines.reduce(Money.zero) { $0 + $1.netMRR }
            let proposal = state.context.policy.proposedCommission(kind: state.draft.kind, netMRR: netMRR)
            if state.draft.commission != proposal || state.texts[.commission] == nil {
                state.draft.commission = proposal
                state.texts[.commission] = TextField(proposal.grouped)
            }
        }
        if !state.constructionIsOwn {
            let estimate = state.estimate(of: state.draft.locationID) ?? .zero
            if state.draft.constructionCost != estimate {
                state.draft.constructionCost = estimate
                state.texts[.constructionCost] = TextField(estimate.grouped)
            }
        }
    }

    // MARK: Choices

    /// The options of a choice field: value and label.
    static func options(_ field: ContractEditorField, _ state: ContractEditorState) -> [(value: String, label: String, hint: String?)] {
        switch field {
        case .kind:
            return ContractKind.allCases.map { ($0.rawValue, $0 == .reclamation ? "reclamation" : $0.label, kindHints[$0]) }
        case .term:
            return ContractDraft.terms.map {
                (String($0), "\($0) months", "discount allowance " + state.context.policy.allowance(termMonths: $0).display)
            }
        case .parent:
            guard !state.context.parents.isEmpty else { return [("", "none to pick", "the customer has no active or expired contract")] }
            return state.context.parents.map { parent in
                var hint = parent.kind.label + " · " + parent.status.label
                if let end = parent.endOn { hint += " · ends " + end.iso }
                return (String(parent.id), parent.number, hint)
            }
        case .location:
            return [("", "not chosen", nil)] + state.context.locations.map { location in
                (String(location.id), location.address,
                 location.constructionEstimate.map { "estimate $" + $0.grouped } ?? "no estimate")
            }
        default:
            return []
        }
    }

    static let kindHints: [ContractKind: String] = [
        .new: "a new customer or service", .renewal: "renews a contract", .addendum: "amends a contract",
        .reclamation: "a win-back",
    ]

    static func selectedIndex(_ field: ContractEditorField, _ state: ContractEditorState) -> Int {
        let value = text(of: field, in: state.draft)
        return options(field, state).firstIndex { $0.value == value } ?? 0
    }

    private static func changeChoice(_ state: inout ContractEditorState, _ field: ContractEditorField, _ key: Key) {
        let options = options(field, state)
        guard options.count > 1 else { return }
        let current = selectedIndex(field, state)
        let next: Int
        switch key {
        case .right, .character(" "): next = (current + 1) % options.count
        case .left: next = (current + options.count - 1) % options.count
        case .character(let c):
            let n = options.count
            guard let found = (1...n).map({ (current + $0) % n })
                .first(where: { options[$0].label.lowercased().hasPrefix(String(c).lowercased()) }) else { return }
            next = found
        default: return
        }
        guard next != current else { return }
        let value = options[next].value
        record(&state) { state in
            switch field {
            case .kind:
                state.draft.kind = ContractKind(rawValue: value) ?? .new
                if state.draft.needsParent {
                    state.draft.parentID = state.rememberedParent ?? state.context.parents.first?.id
                } else {
                    state.draft.parentID = nil
                }
            case .parent:
                state.draft.parentID = Int64(value)
                state.rememberedParent = state.draft.parentID
            case .term:
                state.draft.termMonths = Int(value) ?? state.draft.termMonths
            case .location:
                state.draft.locationID = Int64(value)
            default: break
            }
        }
        afterChange(&state)
    }

    // MARK: Lines

    private static func openPicker(_ state: inout ContractEditorState) -> DialogOutcome {
        leave(&state)
        state.picker = PriceBookPickerState()
        return .contractEditor(.searchPriceBook(""))
    }

    private static func updatePicker(_ state: inout ContractEditorState, _ key: Key) -> DialogOutcome {
        guard var picker = state.picker else { return .stay }
        let event = PriceBookPicker.update(&picker, key)
        state.picker = picker
        switch event {
        case .stay: return .stay
        case .search(let text): return .contractEditor(.searchPriceBook(text))
        case .pick(let product): addLine(&state, product)
        case .close: state.picker = nil
        }
        return .stay
    }

    /// A line of `product` at list price; the focus goes to its quantity.
    public static func addLine(_ state: inout ContractEditorState, _ product: PriceBookProduct) {
        record(&state) { state in
            let line = ContractLine(product: product)
            state.draft.lines.append(line)
            state.lineTexts.append(ContractLineTexts(line))
        }
        state.undoRun = nil
        state.errors["lines"] = nil
        state.focus = .cell(line: state.draft.lines.count - 1, .quantity)
        state.replacing = true
        afterChange(&state)
    }

    static func removeLine(_ state: inout ContractEditorState, at index: Int) {
        guard state.draft.lines.indices.contains(index) else { return }
        record(&state) { state in
            state.draft.lines.remove(at: index)
            state.lineTexts.remove(at: index)
        }
        state.undoRun = nil
        // The messages of the lines after it would now name the wrong line: check the lines again.
        let shownLines = state.errors.keys.filter { $0.hasPrefix("line.") }
        for key in shownLines { state.errors[key] = nil }
        settleFocus(&state)
        afterChange(&state)
        if !shownLines.isEmpty {
            let found = problems(state)
            for (key, message) in found where key.hasPrefix("line.") { state.errors[key] = message }
        }
    }

    // MARK: Undo

    /// Runs a change, first remembering how things were unless the change continues the run of changes the
    /// newest step covers (typing on in the same field or cell, or cycling the same choice).
    private static func record(_ state: inout ContractEditorState, _ change: (inout ContractEditorState) -> Void) {
        if state.undoRun != state.focus || state.undoStack.isEmpty {
            state.undoStack.append(ContractEditorUndoStep(
                draft: state.draft, texts: state.texts, lineTexts: state.lineTexts, commissionIsOwn: state.commissionIsOwn,
                constructionIsOwn: state.constructionIsOwn, rememberedParent: state.rememberedParent, focus: state.focus))
            if state.undoStack.count > Form.undoLimit { state.undoStack.removeFirst(state.undoStack.count - Form.undoLimit) }
            state.undoRun = state.focus
        }
        change(&state)
    }

    /// Ctrl-Z: everything back as it was before the newest step, the focus where that change was made.
    public static func undo(_ state: inout ContractEditorState) {
        guard let step = state.undoStack.popLast() else { return }
        state.draft = step.draft; state.texts = step.texts; state.lineTexts = step.lineTexts
        state.commissionIsOwn = step.commissionIsOwn; state.constructionIsOwn = step.constructionIsOwn
        state.rememberedParent = step.rememberedParent
        state.focus = step.focus
        settleFocus(&state)
        state.replacing = false
        state.undoRun = nil
        afterChange(&state)
    }

    // MARK: Checks and saving

    /// The problems of texts that do not read as values, by key.
    static func textProblems(_ state: ContractEditorState) -> [String: String] {
        var found: [String: String] = [:]
        if let start = state.texts[.start]?.text.trimmingCharacters(in: .whitespaces), !start.isEmpty, Day(iso: start) == nil {
            found["start"] = "'\(start)' is not a date: type the start as YYYY-MM-DD (e.g. 2026-12-01), or leave it blank."
        }
        for field in [ContractEditorField.constructionCost, .monthlyCost, .commission] {
            let text = (state.texts[field]?.text ?? "").trimmingCharacters(in: .whitespaces)
            if readMoney(text, blankIsZero: true) == nil {
                found[field.rawValue] = "'\(text)' is not an amount: type dollars such as 1,234.50 or $1234.5."
            }
        }
        for (i, texts) in state.lineTexts.enumerated() {
            let n = i + 1
            let quantity = texts.quantity.text.trimmingCharacters(in: .whitespaces)
            if readQuantity(quantity) == nil {
                found[ContractLineColumn.quantity.key(line: i)] = "Line \(n): '\(quantity)' is not a quantity: type a whole number from 1 to 9,999."
            }
            let net = texts.netMRR.text.trimmingCharacters(in: .whitespaces)
            if readMoney(net, blankIsZero: false) == nil {
                found[ContractLineColumn.netMRR.key(line: i)] = "Line \(n): '\(net)' is not an amount: type the net MRR of one unit, e.g. 249.00."
            }
            let discount = texts.discount.text.trimmingCharacters(in: .whitespaces)
            if readDiscount(discount) == nil {
                found[ContractLineColumn.discount.key(line: i)] = "Line \(n): '\(discount)' is not a discount: type a percentage from 0 to 100, e.g. 15 or 12.5."
            }
            let nrc = texts.nrc.text.trimmingCharacters(in: .whitespaces)
            if readMoney(nrc, blankIsZero: false) == nil {
                found[ContractLineColumn.nrc.key(line: i)] = "Line \(n): '\(nrc)' is not an amount: type the NRC of one unit, e.g. 150.00."
            }
        }
        return found
    }

    /// Every problem by key: texts that do not read first, then the draft's own checks.
    static func problems(_ state: ContractEditorState) -> [String: String] {
        var found = textProblems(state)
        for error in state.draft.validate() where found[error.field] == nil { found[error.field] = error.message }
        return found
    }

    /// The focus that shows the message of `key`.
    static func focus(forKey key: String, in state: ContractEditorState) -> ContractEditorFocus? {
        state.focusOrder.first { $0.key == key }
    }

    /// Ctrl-S: the texts and the draft's checks first (each message under its field or cell, the focus on
    /// the first), then the save.
    private static func save(_ state: inout ContractEditorState) -> DialogOutcome {
        if state.focus.key != nil, focusedText(state) != nil, problems(state)[state.focus.key!] == nil { normalize(&state, state.focus) }
        let found = problems(state)
        state.errors = found
        guard found.isEmpty else {
            if let first = state.focusOrder.first(where: { $0.key.map { found[$0] != nil } ?? false }) {
                state.focus = first
                state.replacing = focusedText(state) != nil
                state.undoRun = nil
            }
            let unplaced = found.filter { key, _ in focus(forKey: key, in: state) == nil }.map(\.value).sorted()
            state.message = unplaced.isEmpty ? nil : FormMessage(unplaced.joined(separator: " "))
            return .stay
        }
        state.message = nil
        return .contractEditor(.save(state.draft, contractID: state.contractID, expectedVersion: state.version))
    }

    // MARK: Answers from the desk

    public static func priceBookLoaded(_ state: inout ContractEditorState, search: String, products: [PriceBookProduct]) {
        guard state.picker != nil else { return }
        PriceBookPicker.loaded(&state.picker!, products, for: search)
    }

    public static func priceBookFailed(_ state: inout ContractEditorState, _ message: String) {
        state.picker?.error = message
    }

    /// The store's field errors under their fields and cells (those naming nothing here at the top); the
    /// focus goes to the first.
    public static func show(storeErrors errors: [FieldError], in state: inout ContractEditorState) {
        state.errors = [:]
        var unplaced: [String] = []
        for error in errors {
            if focus(forKey: error.field, in: state) != nil {
                if state.errors[error.field] == nil { state.errors[error.field] = error.message }
            } else {
                unplaced.append(error.message)
            }
        }
        state.message = FormMessage(unplaced.isEmpty ? "Not saved: fix the fields marked ✗." : unplaced.joined(separator: " "))
        if let first = state.focusOrder.first(where: { $0.key.map { state.errors[$0] != nil } ?? false }) {
            state.focus = first
            state.replacing = focusedText(state) != nil
            state.undoRun = nil
        }
    }

    /// Someone else saved the contract: the message at the top, the fresh version (so Ctrl-S saves over it),
    /// and everything typed here kept. Modified now means: different from what is saved.
    public static func conflict(_ state: inout ContractEditorState, message: String, fresh: ContractDetail?) {
        state.message = FormMessage(message)
        guard let fresh else { return }
        state.version = fresh.version
        state.number = fresh.number
        state.loaded = fresh.terms
        state.context.policy = fresh.policy
    }

    /// A refusal (forbidden, not a draft any more, …) at the top; nothing typed is lost.
    public static func refused(_ state: inout ContractEditorState, message: String) {
        state.message = FormMessage(message)
    }
}

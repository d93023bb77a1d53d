import OrderDeskCore
import OrderDeskTerminal

/// What the order wizard asks the desk for.
public enum OrderWizardRequest: Hashable, Sendable {
    /// Products matching the picker's search (hand them back with `OrderWizard.priceBookLoaded`).
    case searchPriceBook(String)
    /// The lines in service at a location, for a change or disconnect (`OrderWizard.serviceLinesLoaded`).
    case loadServiceLines(locationID: Int64)
    /// Save the order as a draft (`OrderWizard.saved` on success).
    case create(MACOrderDraft)
    /// Submit the saved draft; the wizard closes whatever the workflow says.
    case submit(QueueRow)
}

/// A move, add, change or disconnect order put together in three steps: the type, the location (for a move
/// also the new one), then the lines from the price book with the term. Ctrl-S saves it as a draft and asks
/// whether to submit it.
public struct OrderWizardState: Hashable, Sendable {
    public enum Step: Int, Hashable, Sendable, Comparable {
        case type = 1, location, lines
        public static func < (a: Step, b: Step) -> Bool { a.rawValue < b.rawValue }
    }

    /// The editable cells of a line.
    public enum Column: Hashable, Sendable { case quantity, mrr }

    public static let terms = [12, 24, 36, 60]

    public var customerID: Int64
    public var customerName: String
    public var locations: [CustomerLocation]
    public var step = Step.type
    public var typeIndex = 0
    /// The location the order is for (for a move: where service is now), an index in `locations`.
    public var locationIndex = 0
    /// A move only: where the service goes.
    public var newLocationIndex: Int?
    /// A move, step 2: picking the new location.
    public var choosingNewLocation = false
    public var lines: [DraftLine] = []
    public var lineCursor = 0
    public var column = Column.quantity
    /// The cell being typed into, if any.
    public var editor: TextField?
    public var termMonths = 36
    /// The location whose service the lines were prefilled from (nil: picked by hand), and how many there were.
    public var prefilledFrom: Int64?
    public var prefilledCount = 0
    /// The price-book picker, open over the lines.
    public var picker: PriceBookPickerState?
    /// What keeps the order from being saved, or the store's refusal.
    public var errors: [String] = []
    /// Esc on step 1 with lines picked: "Leave the order? y/n".
    public var confirmingLeave = false
    /// The draft, once saved: the wizard asks whether to submit it.
    public var saved: QueueRow?
    /// The workflow's refusal of the submit (the draft stays saved).
    public var submitRefusal: String?

    public init(customer: CustomerDetail, locationID: Int64?) {
        customerID = customer.header.id; customerName = customer.header.name; locations = customer.locations
        locationIndex = locationID.flatMap { id in locations.firstIndex { $0.id == id } } ?? 0
    }

    public var type: MACOrderType { MACOrderType.allCases[typeIndex] }
    public var location: CustomerLocation? { locations.indices.contains(locationIndex) ? locations[locationIndex] : nil }
    public var newLocation: CustomerLocation? {
        guard type == .move, let i = newLocationIndex, locations.indices.contains(i) else { return nil }
        return locations[i]
    }

    /// The order as it stands.
    public var draft: MACOrderDraft {
        MACOrderDraft(type: type, customerID: customerID, locationID: location?.id, newLocationID: newLocation?.id,
                      lines: lines, termMonths: termMonths)
    }
}

public enum OrderWizard {
    static let descriptions: [MACOrderType: String] = [
        .move: "move the service to another of the customer's locations",
        .add: "add service at a location",
        .change: "change the service at a location (starts from what is in service)",
        .disconnect: "end service at a location (starts from what is in service)",
    ]

    // MARK: Keys

    public static func update(_ state: inout OrderWizardState, _ key: Key) -> DialogOutcome {
        if let row = state.saved {
            if state.submitRefusal != nil { return key == .escape || key == .enter ? .close : .stay }
            switch key {
            case .character("y"), .character("Y"): return .orderWizard(.submit(row))
            case .character("n"), .character("N"), .escape: return .close
            default: return .stay
            }
        }
        if state.confirmingLeave {
            switch key {
            case .character("y"), .character("Y"): return .close
            case .character("n"), .character("N"), .escape: state.confirmingLeave = false
            default: break
            }
            return .stay
        }
        if state.picker != nil { return updatePicker(&state, key) }
        if key == .control("s") { return save(&state) }
        switch state.step {
        case .type: return updateType(&state, key)
        case .location: return updateLocation(&state, key)
        case .lines: return updateLines(&state, key)
        }
    }

    private static func updateType(_ state: inout OrderWizardState, _ key: Key) -> DialogOutcome {
        let n = MACOrderType.allCases.count
        switch key {
        case .escape:
            guard state.lines.isEmpty else { state.confirmingLeave = true; return .stay }
            return .close
        case .down, .character("j"), .tab: state.typeIndex = (state.typeIndex + 1) % n
        case .up, .character("k"), .backTab: state.typeIndex = (state.typeIndex + n - 1) % n
        case .enter:
            state.step = .location; state.choosingNewLocation = false; state.errors = []
        case .character(let c):
            guard let digit = c.wholeNumberValue, (1...n).contains(digit) else { return .stay }
            state.typeIndex = digit - 1
            return updateType(&state, .enter)
        default: break
        }
        return .stay
    }

    private static func updateLocation(_ state: inout OrderWizardState, _ key: Key) -> DialogOutcome {
        let n = state.locations.count
        func move(_ step: Int) {
            guard n > 0 else { return }
            if state.choosingNewLocation {
                state.newLocationIndex = ((state.newLocationIndex ?? 0) + step + n) % n
            } else {
                state.locationIndex = (state.locationIndex + step + n) % n
            }
            state.errors = []
        }
        switch key {
        case .escape:
            state.errors = []
            if state.choosingNewLocation { state.choosingNewLocation = false } else { state.step = .type }
        case .down, .character("j"), .tab: move(1)
        case .up, .character("k"), .backTab: move(-1)
        case .enter:
            guard n > 0 else {
                state.errors = ["\(state.customerName) has no locations yet: add one in the locations pane (a) first."]
                return .stay
            }
            guard state.type == .move else { return enterLines(&state) }
            if !state.choosingNewLocation {
                guard n > 1 else {
                    state.errors = ["A move needs a second location to move to: add it in the locations pane (a) first."]
                    return .stay
                }
                state.choosingNewLocation = true
                if state.newLocationIndex == nil || state.newLocationIndex == state.locationIndex {
                    state.newLocationIndex = state.locations.indices.first { $0 != state.locationIndex }
                }
                state.errors = []
                return .stay
            }
            if let problem = state.draft.validate().first(where: { $0.field == "new_location" }) {
                state.errors = [problem.message]
                return .stay
            }
            return enterLines(&state)
        default: break
        }
        return .stay
    }

    /// Step 3. A change or disconnect starts from the lines in service at the location (loaded once per
    /// location); an add or move starts from lines picked by hand, so prefilled ones are dropped.
    private static func enterLines(_ state: inout OrderWizardState) -> DialogOutcome {
        state.step = .lines
        state.errors = []
        guard let location = state.location else { return .stay }
        if state.type.prefillsCurrentService {
            if state.prefilledFrom != location.id { return .orderWizard(.loadServiceLines(locationID: location.id)) }
        } else if state.prefilledFrom != nil {
            state.lines = []; state.lineCursor = 0; state.prefilledFrom = nil; state.prefilledCount = 0
        }
        return .stay
    }

    private static func updateLines(_ state: inout OrderWizardState, _ key: Key) -> DialogOutcome {
        if state.editor != nil { return updateEditor(&state, key) }
        switch key {
        case .escape:
            state.errors = []
            state.step = .location
            state.choosingNewLocation = state.type == .move
        case .down, .character("j"): state.lineCursor = min(state.lineCursor + 1, max(0, state.lines.count - 1))
        case .up, .character("k"): state.lineCursor = max(0, state.lineCursor - 1)
        case .left, .right, .tab, .backTab, .character("h"), .character("l"):
            state.column = state.column == .quantity ? .mrr : .quantity
        case .character("a"):
            state.picker = PriceBookPickerState()
            state.errors = []
            return .orderWizard(.searchPriceBook(""))
        case .character("d"):
            guard state.lines.indices.contains(state.lineCursor) else { return .stay }
            state.lines.remove(at: state.lineCursor)
            state.lineCursor = max(0, min(state.lineCursor, state.lines.count - 1))
            state.errors = []
        case .character("t"), .character("T"):
            let terms = OrderWizardState.terms
            let i = terms.firstIndex(of: state.termMonths) ?? 2
            state.termMonths = terms[(i + (key == .character("t") ? 1 : terms.count - 1)) % terms.count]
        case .enter:
            startEditing(&state, with: nil)
        case .backspace:
            startEditing(&state, with: .backspace)
        case .character(let c) where c.isNumber || c == ".":
            guard state.lines.indices.contains(state.lineCursor) else { return .stay }
            state.editor = TextField()
            _ = state.editor?.handle(key)
        default: break
        }
        return .stay
    }

    private static func startEditing(_ state: inout OrderWizardState, with key: Key?) {
        guard state.lines.indices.contains(state.lineCursor) else { return }
        let line = state.lines[state.lineCursor]
        var field = TextField(state.column == .quantity ? String(line.quantity) : line.mrr.plain)
        if let key { _ = field.handle(key) }
        state.editor = field
    }

    private static func updateEditor(_ state: inout OrderWizardState, _ key: Key) -> DialogOutcome {
        switch key {
        case .escape:
            state.editor = nil; state.errors = []
        case .enter:
            _ = commit(&state)
        case .tab, .backTab, .left, .right:
            // Like a spreadsheet: the arrows keep the value and go to the other cell.
            if commit(&state) { state.column = state.column == .quantity ? .mrr : .quantity }
        case .down:
            if commit(&state) { state.lineCursor = min(state.lineCursor + 1, max(0, state.lines.count - 1)) }
        case .up:
            if commit(&state) { state.lineCursor = max(0, state.lineCursor - 1) }
        case .character(let c) where c.isNumber || c == "." || c == "," || c == "$":
            _ = state.editor?.handle(key)
        case .backspace, .delete, .control("u"):
            _ = state.editor?.handle(key)
        default: break
        }
        return .stay
    }

    /// Puts the typed value into the line; false (with a message, still editing) when it is not a value.
    /// A new quantity keeps the line's unit prices, so a discount given per unit stays.
    static func commit(_ state: inout OrderWizardState) -> Bool {
        guard let editor = state.editor, state.lines.indices.contains(state.lineCursor) else { state.editor = nil; return true }
        let text = editor.text.trimmingCharacters(in: .whitespaces)
        var line = state.lines[state.lineCursor]
        switch state.column {
        case .quantity:
            guard let quantity = Int(text), (1...9_999).contains(quantity) else {
                state.errors = ["Quantity: '\(text)' is not a whole number from 1 to 9,999."]
                return false
            }
            line = rescaled(line, to: quantity)
        case .mrr:
            guard let money = Money(parsing: text), money >= .zero else {
                state.errors = ["Net MRR: '\(text)' is not an amount; type dollars such as 279.00."]
                return false
            }
            line.mrr = money
        }
        state.lines[state.lineCursor] = line
        state.editor = nil
        state.errors = []
        return true
    }

    /// The line with another quantity at the same unit prices (list stays list).
    static func rescaled(_ line: DraftLine, to quantity: Int) -> DraftLine {
        let old = max(1, line.quantity)
        func scale(_ money: Money, list: Money) -> Money {
            if money == list * old { return list * quantity }
            return Money(cents: (money.cents * Int64(quantity) + Int64(old) / 2) / Int64(old))
        }
        return DraftLine(product: line.product, quantity: quantity, mrr: scale(line.mrr, list: line.product.listMRR),
                         nrc: scale(line.nrc, list: line.product.nrc))
    }

    private static func updatePicker(_ state: inout OrderWizardState, _ key: Key) -> DialogOutcome {
        guard var picker = state.picker else { return .stay }
        defer { if state.picker != nil { state.picker = picker } }
        switch PriceBookPicker.update(&picker, key) {
        case .stay: return .stay
        case .search(let text): return .orderWizard(.searchPriceBook(text))
        case .pick(let product):
            state.lines.append(DraftLine(product: product))
            state.lineCursor = state.lines.count - 1
            state.errors = []
            return .stay
        case .close:
            state.picker = nil
            return .stay
        }
    }

    /// Ctrl-S: the draft's own checks first, then the save.
    private static func save(_ state: inout OrderWizardState) -> DialogOutcome {
        if state.editor != nil, !commit(&state) { return .stay }
        let problems = state.draft.validate()
        guard problems.isEmpty else {
            state.errors = problems.map(\.message)
            return .stay
        }
        state.errors = []
        return .orderWizard(.create(state.draft))
    }

    // MARK: Answers from the desk

    public static func priceBookLoaded(_ state: inout OrderWizardState, _ products: [PriceBookProduct], for search: String) {
        guard state.picker != nil else { return }
        PriceBookPicker.loaded(&state.picker!, products, for: search)
    }

    public static func priceBookFailed(_ state: inout OrderWizardState, _ message: String) {
        state.picker?.error = message
    }

    public static func serviceLinesLoaded(_ state: inout OrderWizardState, _ lines: [DraftLine], locationID: Int64) {
        state.lines = lines
        state.lineCursor = 0
        state.prefilledFrom = locationID
        state.prefilledCount = lines.count
    }

    public static func saved(_ state: inout OrderWizardState, _ row: QueueRow) {
        state.saved = row
        state.errors = []
        state.editor = nil
    }

    /// What the lines step says about where its lines came from.
    static func prefillNote(_ state: OrderWizardState) -> String? {
        guard state.type.prefillsCurrentService, let location = state.location, state.prefilledFrom == location.id else {
            return nil
        }
        let at = location.address.street
        if state.prefilledCount == 0 { return "Nothing is in service at \(at): there was nothing to prefill." }
        let lines = state.prefilledCount == 1 ? "the line" : "the \(state.prefilledCount) lines"
        return state.type == .disconnect
            ? "Prefilled with \(lines) in service at \(at): these are disconnected."
            : "Prefilled with \(lines) in service at \(at): change what is needed."
    }

    // MARK: Drawing

    public static func render(_ state: OrderWizardState, on canvas: Canvas) {
        let count = state.lines.count
        let title = "New order for " + state.customerName + (count == 0 ? "" : count == 1 ? " · 1 line" : " · \(count) lines")
        let inner = canvas.centredBox(height: min(30, canvas.rows - 2), width: min(100, canvas.columns - 2), title: title)
        guard inner.width > 40, inner.height > 10 else { return }
        renderSteps(state, on: canvas, row: inner.top, left: inner.left, width: inner.width)
        let message: String?, slot: ThemeSlot, hint: String
        if let row = state.saved {
            if let refusal = state.submitRefusal {
                message = "Draft order \(row.orderNumber) is saved, but it was not submitted: " + refusal
                slot = .danger; hint = "Enter or Esc close · the draft is in the queue"
            } else {
                message = "Draft order \(row.orderNumber) saved. Submit it now? y/n"
                slot = .ok; hint = "y submit · n keep it as a draft"
            }
        } else if state.confirmingLeave {
            message = "Leave this order? The lines you picked are lost. y/n"; slot = .warning; hint = "y leave · n stay"
        } else {
            message = state.errors.isEmpty ? nil : state.errors.joined(separator: " "); slot = .danger
            switch state.step {
            case .type: hint = "↑↓ or 1–4 choose · Enter next · Esc cancel"
            case .location: hint = "↑↓ choose · Enter next · Esc back"
            case .lines:
                hint = state.editor != nil ? "type the value · Enter keep · ←→ other cell · Esc cancel the edit"
                    : Form.fitting(["a add", "d remove", "←→ qty/MRR", "digits edit", "t term", "Ctrl-S save draft", "Esc back"],
                                   width: inner.width)
            }
        }
        let messageRows = message.map { min(3, TextWrap.lines($0, width: inner.width).count) } ?? 0
        let top = inner.top + 2
        let bottom = inner.top + inner.height - 1 - messageRows // exclusive; the key line is below
        switch state.step {
        case .type: renderTypes(state, on: canvas, top: top, left: inner.left, width: inner.width)
        case .location: renderLocations(state, on: canvas, top: top, bottom: bottom, left: inner.left, width: inner.width)
        case .lines: renderLines(state, on: canvas, top: top, bottom: bottom, left: inner.left, width: inner.width)
        }
        canvas.dialogFooter(inner, hint: hint, message: message, messageSlot: slot, messageLines: 3)
        if let picker = state.picker, state.saved == nil {
            // Docked at the bottom, so the lines picked so far stay in sight above it.
            let height = min(inner.height - 2, max(10, inner.height * 3 / 5))
            PriceBookPicker.render(picker, on: canvas, top: inner.top + inner.height - height, left: inner.left - 1,
                                   height: height, width: inner.width + 2)
        } else if state.editor == nil {
            canvas.terminal.hideCursor()
        }
    }

    /// `1 Type: move › 2 Location: 12 Main St → 40 Oak Ave › 3 Lines`, the current step highlighted.
    private static func renderSteps(_ state: OrderWizardState, on canvas: Canvas, row: Int, left: Int, width: Int) {
        let theme = canvas.theme
        var location = "2 Location"
        if state.step > .location, let current = state.location {
            location += ": " + current.address.street + (state.newLocation.map { " → " + $0.address.street } ?? "")
        }
        let steps: [(OrderWizardState.Step, String)] = [
            (.type, "1 Type" + (state.step > .type ? ": " + state.type.label : "")), (.location, location), (.lines, "3 Lines"),
        ]
        var x = left
        for (i, (step, text)) in steps.enumerated() {
            let slot: ThemeSlot = step == state.step ? .accent : step < state.step ? .dialog : .muted
            let shown = DisplayWidth.truncate(text, to: max(0, left + width - x))
            canvas.cell(shown, row: row, column: x, width: DisplayWidth.of(shown), style: theme.style(slot))
            x += DisplayWidth.of(shown)
            if i < steps.count - 1, x + 3 < left + width {
                canvas.cell(" › ", row: row, column: x, width: 3, style: theme.style(.muted))
                x += 3
            }
        }
    }

    private static func renderTypes(_ state: OrderWizardState, on canvas: Canvas, top: Int, left: Int, width: Int) {
        let theme = canvas.theme
        canvas.cell("What kind of order for \(state.customerName)?", row: top, column: left, width: width,
                    style: theme.style(.dialogTitle))
        for (i, type) in MACOrderType.allCases.enumerated() {
            let selected = i == state.typeIndex
            let text = (selected ? "▸ " : "  ") + "\(i + 1) " + DisplayWidth.pad(type.label, to: 11) + (descriptions[type] ?? "")
            canvas.cell(text, row: top + 2 + i, column: left, width: width, style: theme.style(selected ? .tableCursor : .dialog))
        }
    }

    private static func renderLocations(_ state: OrderWizardState, on canvas: Canvas, top: Int, bottom: Int, left: Int, width: Int) {
        let theme = canvas.theme
        let question = state.type == .move
            ? (state.choosingNewLocation ? "Where does the service go? (the new location)" : "Where is the service now?")
            : "Which location is the \(state.type.label) for?"
        canvas.cell(question, row: top, column: left, width: width, style: theme.style(.dialogTitle))
        guard !state.locations.isEmpty else {
            canvas.cell("\(state.customerName) has no locations yet.", row: top + 2, column: left, width: width,
                        style: theme.style(.muted))
            return
        }
        let cursor = state.choosingNewLocation ? (state.newLocationIndex ?? 0) : state.locationIndex
        let rows = max(1, bottom - top - 2)
        let first = max(0, min(cursor - rows + 1, state.locations.count - rows))
        let tailWidth = 22
        let addressWidth = max(10, width - 2 - 2 - 10 - 1 - tailWidth)
        for (i, location) in state.locations.enumerated().dropFirst(first).prefix(rows) {
            let selected = i == cursor
            let isCurrent = state.choosingNewLocation && i == state.locationIndex
            var tail: String
            switch location.serviceability {
            case .nearNet: tail = location.distanceFeet.map { "\($0) ft" } ?? ""
            case .offNet: tail = location.distanceFeet.map { "\($0) ft" } ?? "no plant near"
            case .unknown: tail = "not checked"
            case .onNet: tail = ""
            }
            let services = location.services.count
            let servicesText = services == 0 ? "no service" : services == 1 ? "1 service" : "\(services) services"
            tail = isCurrent ? "current location" : tail.isEmpty ? servicesText : tail + " · " + servicesText
            let text = (selected ? "▸ " : "  ") + String(location.serviceability.symbol) + " "
                + DisplayWidth.pad(location.serviceability.label, to: 10) + " "
                + DisplayWidth.pad(location.address.singleLine, to: addressWidth) + DisplayWidth.pad(tail, to: tailWidth, alignRight: true)
            let slot: ThemeSlot = selected ? .tableCursor : isCurrent ? .muted : .dialog
            canvas.cell(text, row: top + 2 + i - first, column: left, width: width, style: theme.style(slot))
        }
    }

    /// Column widths of the lines table: marker, product, quantity, list MRR, net MRR (with the floor mark),
    /// difference, NRC.
    static func lineColumns(width: Int) -> [Int] {
        let fixed = [2, 0, 5, 10, 11, 9, 9]
        let product = max(8, width - fixed.reduce(0, +) - 5)
        return [2, product, 5, 10, 11, 9, 9]
    }

    private static func renderLines(_ state: OrderWizardState, on canvas: Canvas, top: Int, bottom: Int, left: Int, width: Int) {
        let theme = canvas.theme
        var where_ = state.location.map { " at " + $0.address.street + ", " + $0.address.city } ?? ""
        if let new = state.newLocation { where_ += " → " + new.address.street + ", " + new.address.city }
        let heading = state.type.label.prefix(1).uppercased() + state.type.label.dropFirst() + where_
        let term = "Term ◂ \(state.termMonths) months ▸ t"
        let termWidth = DisplayWidth.of(term)
        canvas.cell(heading, row: top, column: left, width: width - termWidth - 2, style: theme.style(.dialogTitle))
        canvas.cell(term, row: top, column: left + width - termWidth, width: termWidth, style: theme.style(.accent))
        // Where the lines came from, on one or two rows; the table starts below.
        let noteLines = prefillNote(state).map { Array(TextWrap.lines($0, width: width).prefix(2)) } ?? []
        for (i, line) in noteLines.enumerated() {
            canvas.cell(line, row: top + 1 + i, column: left, width: width, style: theme.style(.muted))
        }
        let headerRow = top + 1 + max(1, noteLines.count)
        let widths = lineColumns(width: width)
        func cells(_ texts: [String], row: Int, style: (Int) -> Style) {
            var x = left
            for (i, (text, w)) in zip(texts, widths).enumerated() {
                canvas.cell(text, row: row, column: x, width: w, style: style(i), alignRight: i >= 2)
                x += w + (i == 0 ? 0 : 1)
            }
        }
        cells(["", "product", "qty", "list MRR", "net MRR ", "diff", "NRC"], row: headerRow) { _ in theme.style(.tableHeader) }
        let anyBelowFloor = state.lines.contains(where: isBelowFloor)
        // Totals (and the floor legend) at the bottom of the area; the lines scroll above them.
        let totalsRow = bottom - (anyBelowFloor ? 2 : 1)
        let rows = max(1, totalsRow - 1 - (headerRow + 1))
        if state.lines.isEmpty {
            canvas.cell("No lines yet: press a to add one from the price book.", row: headerRow + 1, column: left + 2,
                        width: width - 2, style: theme.style(.muted))
        }
        let first = max(0, min(state.lineCursor - rows + 1, state.lines.count - rows))
        for (i, line) in state.lines.enumerated().dropFirst(first).prefix(rows) {
            let selected = i == state.lineCursor && state.picker == nil
            let list = line.product.listMRR * line.quantity
            let diff = line.mrr - list
            let below = isBelowFloor(line)
            let editingColumn = state.column == .quantity ? 2 : 4
            var texts = [selected ? "▸" : "", line.product.name, String(line.quantity), list.grouped,
                         line.mrr.grouped + (below ? "▼" : " "), diff.cents == 0 ? "·" : (diff.cents > 0 ? "+" : "") + diff.grouped,
                         line.nrc.grouped]
            if selected, let editor = state.editor {
                texts[editingColumn] = editor.text + (editingColumn == 4 ? " " : "")
            }
            let y = headerRow + 1 + i - first
            cells(texts, row: y) { column in
                if selected && column == editingColumn { return theme.style(.fieldFocus) }
                if column == 4 && below { return theme.style(selected ? .tableCursor : .danger).adding(bold: true) }
                return theme.style(selected ? .tableCursor : .dialog)
            }
            if selected, state.editor != nil {
                var x = left
                for w in widths.prefix(editingColumn) { x += w + 1 }
                x -= 1
                canvas.terminal.setCursor(row: y, column: x + widths[editingColumn] - (editingColumn == 4 ? 1 : 0))
            }
        }
        let draft = state.draft
        let listTotal = state.lines.reduce(Money.zero) { $0 + $1.product.listMRR * $1.quantity }
        let difference = draft.totalMRR - listTotal
        var totals = "Total  MRR \(draft.totalMRR.grouped)"
        if difference.cents != 0 { totals += " (list \(listTotal.grouped), \(difference.cents > 0 ? "+" : "")\(difference.grouped))" }
        totals += " · NRC \(draft.totalNRC.grouped) · \(state.termMonths) months"
        canvas.cell(totals, row: totalsRow, column: left, width: width, style: theme.style(.dialogTitle))
        if anyBelowFloor {
            canvas.cell("▼ net MRR below the price book's floor: the order needs a discount approval.", row: totalsRow + 1,
                        column: left, width: width, style: theme.style(.warning))
        }
    }

    /// The line's net MRR is under the floor for its quantity.
    static func isBelowFloor(_ line: DraftLine) -> Bool { line.mrr < line.product.floorMRR * line.quantity }
}

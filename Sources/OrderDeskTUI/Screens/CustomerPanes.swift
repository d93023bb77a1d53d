import OrderDeskCore
import OrderDeskTerminal

/// The customer screen's six panes: each one's table and the strip that shows its selected row in full.
/// Every state reads without colour: serviceability, order states, the LOA check and renewals carry a symbol.
enum CustomerPanes {
    /// One table cell: its text and what colours it (nil: the row's own style).
    struct Cell {
        var text: String
        var slot: ThemeSlot?
        var state: OrderState?

        init(_ text: String, _ slot: ThemeSlot? = nil, state: OrderState? = nil) {
            self.text = text; self.slot = slot; self.state = state
        }
    }

    /// A line of the strip: segments of text in their slots.
    typealias Line = [(String, ThemeSlot)]

    // MARK: Tables

    static func renderTable(_ state: CustomerState, _ d: CustomerDetail, on canvas: Canvas, today: Day, now: Int64,
                            top: Int, bottom: Int) {
        switch state.pane {
        case .locations:
            draw(locationColumns, d.locations, state, on: canvas, top: top, bottom: bottom,
                 empty: "No locations yet · a adds one.") { locationCell($0, $1, width: $2) }
        case .orders:
            draw(orderColumns, d.orders, state, on: canvas, top: top, bottom: bottom,
                 empty: "No orders yet · o starts a move, add, change or disconnect order.") { row, column, _ in orderCell(row, column) }
        case .contracts:
            draw(contractColumns, d.contracts, state, on: canvas, top: top, bottom: bottom,
                 empty: "No contracts.") { row, column, _ in contractCell(row, column, today: today) }
        case .contacts:
            draw(contactColumns, d.contacts, state, on: canvas, top: top, bottom: bottom,
                 empty: "No contacts yet · a adds one (billing, technical, signer, site access).") { row, column, _ in contactCell(row, column) }
        case .documents:
            let account = d.portingAccount
            draw(documentColumns, d.documents, state, on: canvas, top: top, bottom: bottom,
                 empty: "No CSR or LOA on file · a records one (a number port needs both).") { row, column, _ in
                documentCell(row, column, account: account)
            }
        case .timeline:
            draw(timelineColumns, d.timeline, state, on: canvas, top: top, bottom: bottom,
                 empty: "Nothing on the timeline yet · n writes a note.") { row, column, _ in timelineCell(row, column) }
        }
    }

    /// A pane's header and its visible rows, the cursor's reversed.
    private static func draw<Row, ID: Hashable & Sendable>(
        _ columns: [TableColumn<ID>], _ rows: [Row], _ state: CustomerState, on canvas: Canvas, top: Int, bottom: Int,
        empty: String, cell: (Row, ID, Int) -> Cell
    ) {
        let theme = canvas.theme
        let layout = TableLayout.layout(columns, totalWidth: canvas.columns)
        TableLayout.drawHeader(layout, on: canvas, row: top)
        if rows.isEmpty {
            canvas.text(empty, row: top + 2, column: 2, style: theme.style(.muted))
            return
        }
        for (i, row) in rows.dropFirst(state.top).enumerated() where top + 1 + i < bottom {
            let y = top + 1 + i
            let isCursor = state.top + i == state.cursor
            let base = isCursor ? theme.style(.tableCursor) : theme.style(.body)
            canvas.fill(row: y, style: base)
            for placed in layout {
                let c = cell(row, placed.id, placed.width)
                let own = c.state.map { theme.style(for: $0) } ?? c.slot.map { theme.style($0) }
                let style = isCursor ? base.adding(bold: own?.bold ?? false) : own ?? base
                canvas.cell(c.text, row: y, column: placed.x, width: placed.width, style: style, alignRight: placed.column.alignRight)
            }
        }
    }

    // MARK: Locations

    enum LocationColumn: Hashable, Sendable { case address, serviceability, distance, survey, estimate, services }

    static let locationColumns: [TableColumn<LocationColumn>] = [
        TableColumn(.address, "Address", width: 20, maxWidth: 60),
        TableColumn(.serviceability, "Service", width: 10),
        TableColumn(.distance, "Dist ft", width: 7, alignRight: true),
        TableColumn(.survey, "Survey", width: 12, maxWidth: 24),
        TableColumn(.estimate, "Estimate", width: 10, alignRight: true),
        TableColumn(.services, "Svc", width: 3, alignRight: true),
    ]

    static func locationCell(_ l: CustomerLocation, _ column: LocationColumn, width: Int) -> Cell {
        switch column {
        case .address:
            // The whole address when it fits, else the street and the city (the strip has it all).
            let whole = l.address.singleLine
            return Cell(DisplayWidth.of(whole) <= width ? whole : l.address.street + ", " + l.address.city)
        case .serviceability: return Cell(serviceabilityText(l.serviceability), slot(l.serviceability))
        case .distance: return Cell(l.distanceFeet.map(Money.groupedInteger) ?? "—", l.distanceFeet == nil ? .muted : nil)
        case .survey: return Cell(surveyText(l.survey.status, width: width), slot(l.survey.status))
        case .estimate: return Cell(l.constructionEstimate?.grouped ?? "")
        case .services: return Cell(String(l.services.count))
        }
    }

    /// `◐ near net`
    static func serviceabilityText(_ s: Serviceability) -> String { String(s.symbol) + " " + s.label }

    static func slot(_ s: Serviceability) -> ThemeSlot {
        switch s {
        case .onNet: return .ok
        case .nearNet: return .warning
        case .offNet: return .danger
        case .unknown: return .muted
        }
    }

    static func slot(_ s: SurveyStatus) -> ThemeSlot? {
        switch s {
        case .notNeeded: return .muted
        case .requested, .scheduled: return .accent
        case .completed(.notFeasible): return .danger
        case .completed(.feasibleWithConstruction): return .warning
        case .completed(.feasible): return .ok
        }
    }

    /// The survey's label, or a shorter one when the column is narrow: `sched. 2026-12-03`, `done: needs build`.
    static func surveyText(_ s: SurveyStatus, width: Int) -> String {
        if DisplayWidth.of(s.label) <= width { return s.label }
        switch s {
        case .notNeeded, .requested: return s.label
        case .scheduled(let day): return "sched. " + day.iso
        case .completed(.feasible): return "done: feasible"
        case .completed(.feasibleWithConstruction): return "done: needs build"
        case .completed(.notFeasible): return "done: not feasible"
        }
    }

    /// `12 Main St: near net, 120 ft, construction estimate $6,700.00`: the result of a check, in words.
    static func checkResult(_ l: CustomerLocation) -> String {
        var parts = [l.serviceability.label]
        if let feet = l.distanceFeet, l.serviceability != .onNet { parts.append(Money.groupedInteger(feet) + " ft") }
        if l.serviceability == .offNet && l.distanceFeet == nil { parts.append("no plant known near it") }
        if let estimate = l.constructionEstimate { parts.append("construction estimate $" + estimate.grouped) }
        return l.address.street + ": " + parts.joined(separator: ", ")
    }

    // MARK: Orders

    enum OrderColumn: Hashable, Sendable { case flag, number, type, state, booked, install, mrr }

    static let orderColumns: [TableColumn<OrderColumn>] = [
        TableColumn(.flag, "", width: 1),
        TableColumn(.number, "Order", width: 8),
        TableColumn(.type, "Typ", width: 3),
        TableColumn(.state, "State", width: 13),
        TableColumn(.booked, "Booked", width: 10),
        TableColumn(.install, "Install", width: 10),
        TableColumn(.mrr, "MRR", width: 10, maxWidth: 12, alignRight: true),
    ]

    static func orderCell(_ row: QueueRow, _ column: OrderColumn) -> Cell {
        switch column {
        case .flag: return Cell(row.escalated ? "▲" : row.state == .notDone ? "!" : "", .danger)
        case .number: return Cell(row.orderNumber)
        case .type: return Cell(row.type.short)
        case .state: return Cell(String(row.state.symbol) + " " + row.state.label, state: row.state)
        case .booked: return Cell(row.bookedOn.iso)
        case .install: return Cell(row.installOn?.iso ?? "")
        case .mrr: return Cell(row.mrr.grouped)
        }
    }

    // MARK: Contracts

    enum ContractColumn: Hashable, Sendable { case number, kind, status, term, start, end, mrr, renewal }

    static let contractColumns: [TableColumn<ContractColumn>] = [
        TableColumn(.number, "Contract", width: 10),
        TableColumn(.kind, "Kind", width: 11),
        TableColumn(.status, "Status", width: 16),
        TableColumn(.term, "Term", width: 4, alignRight: true),
        TableColumn(.start, "Start", width: 10, drop: 1),
        TableColumn(.end, "End", width: 10),
        TableColumn(.mrr, "MRR", width: 10, maxWidth: 12, alignRight: true),
        TableColumn(.renewal, "", width: 7),
    ]

    static let renewalMarker = "⟳ renew"

    static func contractCell(_ c: ContractSummary, _ column: ContractColumn, today: Day) -> Cell {
        switch column {
        case .number: return Cell(c.number)
        case .kind: return Cell(c.kind.label)
        case .status: return Cell(c.status.label, slot(c.status))
        case .term: return Cell(String(c.termMonths) + "m")
        case .start: return Cell(c.startOn?.iso ?? "—")
        case .end: return Cell(c.endOn?.iso ?? "—")
        case .mrr: return Cell(c.mrr.grouped)
        case .renewal: return Cell(c.isDueForRenewal(today: today) ? renewalMarker : "", .warning)
        }
    }

    static func slot(_ s: ContractStatus) -> ThemeSlot? {
        switch s {
        case .active: return .ok
        case .pendingApproval: return .warning
        case .expired, .terminated: return .muted
        case .draft, .approved, .sent: return nil
        }
    }

    // MARK: Contacts

    enum ContactColumn: Hashable, Sendable { case name, role, phone, email }

    static let contactColumns: [TableColumn<ContactColumn>] = [
        TableColumn(.name, "Name", width: 16, maxWidth: 30),
        TableColumn(.role, "Role", width: 11),
        TableColumn(.phone, "Phone", width: 14),
        TableColumn(.email, "Email", width: 16, maxWidth: 60),
    ]

    static func contactCell(_ c: Contact, _ column: ContactColumn) -> Cell {
        switch column {
        case .name: return Cell(c.name)
        case .role: return Cell(c.role.label)
        case .phone: return Cell(c.phone ?? "—", c.phone == nil ? .muted : nil)
        case .email: return Cell(c.email ?? "—", c.email == nil ? .muted : nil)
        }
    }

    // MARK: Documents

    enum DocumentColumn: Hashable, Sendable { case kind, received, check, note }

    static let documentColumns: [TableColumn<DocumentColumn>] = [
        TableColumn(.kind, "Doc", width: 3),
        TableColumn(.received, "Received", width: 10),
        TableColumn(.check, "LOA check", width: 22, maxWidth: 30),
        TableColumn(.note, "Note", width: 10, maxWidth: 80, drop: 1),
    ]

    static func documentCell(_ doc: PortingDocument, _ column: DocumentColumn, account: PortingAccount) -> Cell {
        switch column {
        case .kind: return Cell(doc.kind.label)
        case .received: return doc.receivedOn.map { Cell($0.iso) } ?? Cell("missing", .warning)
        case .check: return loaCheck(doc, account: account)
        case .note: return Cell(oneLine(doc.note ?? ""), .muted)
        }
    }

    /// `✓ matches the account`, `✗ name, ZIP`; a CSR has nothing to check.
    static func loaCheck(_ doc: PortingDocument, account: PortingAccount) -> Cell {
        guard doc.kind == .loa else { return Cell("—", .muted) }
        guard doc.isReceived else { return Cell("not received", .warning) }
        guard let loa = doc.loa else { return Cell("letter not typed in", .warning) }
        let mismatches = LOACheck.mismatches(loa, account: account)
        if mismatches.isEmpty { return Cell("✓ matches the account", .ok) }
        return Cell("✗ " + mismatches.map { shortLabel($0.field) }.joined(separator: ", "), .danger)
    }

    /// The field's name in a table cell: `name`, `address`, `ZIP`, `BTN`.
    static func shortLabel(_ field: LOAField) -> String {
        switch field {
        case .authorizedName: return "name"
        case .serviceAddress: return "address"
        case .zip: return "ZIP"
        case .billingTelephoneNumber: return "BTN"
        }
    }

    /// The field's name in the strip, at most 15 cells.
    static func stripLabel(_ field: LOAField) -> String {
        field == .billingTelephoneNumber ? "billing number" : field.label
    }

    /// What the account says for a field the letter is checked against: the mismatch's value, or for a
    /// field that matched, the value it matched.
    static func accountValue(_ field: LOAField, loa: LOADetails, account: PortingAccount, mismatch: LOAMismatch?) -> String {
        if let mismatch { return mismatch.onAccount }
        let street = StreetName.normalized(loa.serviceAddress)
        let matched = account.locations.first { StreetName.normalized($0.street) == street }
        switch field {
        case .authorizedName: return account.customerName
        case .serviceAddress: return matched?.street ?? ""
        case .zip:
            let zip5 = loa.zip.trimmingCharacters(in: .whitespaces).prefix(5)
            return (matched.map { [$0] } ?? account.locations).first { $0.zip.prefix(5) == zip5 }?.zip ?? ""
        case .billingTelephoneNumber: return account.billingTelephoneNumber ?? ""
        }
    }

    // MARK: Timeline

    enum TimelineColumn: Hashable, Sendable { case kind, at, actor, subject, text }

    static let timelineColumns: [TableColumn<TimelineColumn>] = [
        TableColumn(.kind, "", width: 1),
        TableColumn(.at, "When (UTC)", width: 16),
        TableColumn(.actor, "Who", width: 12, maxWidth: 18),
        TableColumn(.subject, "Subject", width: 12, maxWidth: 26),
        TableColumn(.text, "What", width: 16, maxWidth: 200),
    ]

    static func timelineCell(_ e: TimelineEntry, _ column: TimelineColumn) -> Cell {
        switch column {
        case .kind: return Cell(kindMarker(e.kind), .muted)
        case .at: return Cell(Timestamp.display(e.at), .muted)
        case .actor: return Cell(e.actor)
        case .subject: return Cell(e.subject)
        case .text: return Cell(oneLine(e.text))
        }
    }

    /// `✎` a note someone wrote, `•` a change the audit log recorded.
    static func kindMarker(_ kind: TimelineEntry.Kind) -> String { kind == .note ? "✎" : "•" }

    /// Text on one line: line breaks become spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    // MARK: The selected row in full

    static func renderStrip(_ state: CustomerState, _ d: CustomerDetail, on canvas: Canvas, today: Day, now: Int64, top: Int) {
        let theme = canvas.theme
        canvas.fill(row: top, style: theme.style(.tableHeader))
        let (heading, lines) = strip(state, d, width: canvas.columns - 2, today: today, now: now)
        canvas.cell(" " + heading, row: top, column: 0, width: canvas.columns, style: theme.style(.tableHeader))
        for (i, line) in lines.prefix(CustomerScreen.stripRows - 1).enumerated() {
            CustomerScreen.drawSegments(line, on: canvas, row: top + 1 + i, column: 1)
        }
    }

    /// The strip's heading and lines for the current pane's selected row.
    static func strip(_ state: CustomerState, _ d: CustomerDetail, width: Int, today: Day, now: Int64) -> (String, [Line]) {
        switch state.pane {
        case .locations:
            guard let l = state.selectedLocation else { return ("Locations", []) }
            return locationStrip(l)
        case .orders:
            guard let o = state.selectedOrder else { return ("Orders", []) }
            return orderStrip(o, now: now)
        case .contracts:
            guard let c = state.selectedContract else { return ("Contracts", []) }
            return contractStrip(c, today: today)
        case .contacts:
            guard let c = state.selectedContact else { return ("Contacts", []) }
            return (c.name + " · " + c.role.label, [
                [("phone ", .muted), (c.phone ?? "—", .body), (" · email ", .muted), (c.email ?? "—", .body)],
                [("e edits · d removes · a adds a contact", .muted)],
            ])
        case .documents:
            guard let doc = state.selectedDocument else { return ("Documents", []) }
            return documentStrip(doc, account: d.portingAccount, width: width)
        case .timeline:
            guard let e = state.selectedEntry else { return ("Timeline", []) }
            let heading = Timestamp.display(e.at) + " UTC · " + e.actor + " · " + (e.kind == .note ? "note" : "change")
                + " on " + e.subject
            var wrapped = TextWrap.lines(e.text, width: max(10, width))
            let room = CustomerScreen.stripRows - 1
            if wrapped.count > room {
                wrapped = Array(wrapped.prefix(room))
                wrapped[room - 1] = DisplayWidth.truncate(wrapped[room - 1] + " …", to: width)
            }
            return (heading, wrapped.map { [($0, .body)] })
        }
    }

    static func locationStrip(_ l: CustomerLocation) -> (String, [Line]) {
        var heading = l.address.singleLine + " · " + serviceabilityText(l.serviceability)
        if let feet = l.distanceFeet { heading += " · " + Money.groupedInteger(feet) + " ft" }
        if let estimate = l.constructionEstimate { heading += " · construction estimate $" + estimate.grouped }
        let checked: Line = if let by = l.checkedBy, let at = l.checkedAt {
            [("checked by ", .muted), (by, .body), (" at ", .muted), (Timestamp.display(at) + " UTC", .body)]
        } else {
            [("never checked · v checks it against the plant", .muted)]
        }
        var survey: Line = [("survey ", .muted), (l.survey.status.label, slot(l.survey.status) ?? .body)]
        if let note = l.survey.note, !note.isEmpty { survey += [(" · ", .muted), (oneLine(note), .body)] }
        return (heading, [
            [("services ", .muted), (l.services.isEmpty ? "none in service here" : l.services.joined(separator: ", "), .body)],
            checked,
            survey,
            [("v checks serviceability · s survey · e edits · o orders for this location", .muted)],
        ])
    }

    static func orderStrip(_ o: QueueRow, now: Int64) -> (String, [Line]) {
        var heading = "Order " + o.orderNumber + "  " + o.type.rawValue + "  " + String(o.state.symbol) + " " + o.state.label
            + " for \(o.daysInState(now: now)) days"
        if o.escalated { heading += "  ▲ escalated" }
        return (heading, [
            [("booked ", .muted), (o.bookedOn.iso, .body), (" · install ", .muted), (o.installOn?.iso ?? "—", .body),
             (" · MRR ", .muted), (o.mrr.grouped, .body), (" · owner ", .muted), (o.ownerLogin ?? "—", .body)],
            [("Enter opens the order (Esc comes back here)", .muted)],
        ])
    }

    static func contractStrip(_ c: ContractSummary, today: Day) -> (String, [Line]) {
        let heading = c.number + " · " + c.kind.label + " · " + c.status.label + " · \(c.termMonths) months · MRR " + c.mrr.grouped
        let term: Line = if let start = c.startOn, let end = c.endOn {
            [("term ", .muted), (start.iso + " → " + end.iso, .body)]
        } else {
            [("not started: no term dates yet", .muted)]
        }
        var lines = [term]
        if let end = c.endOn {
            let days = end - today
            if c.isDueForRenewal(today: today) {
                let when = days < 0 ? "ended \(-days) days ago, still active" : days == 0 ? "ends today" : "ends in \(days) days"
                lines.append([("⟳ " + when
                    + ": due for renewal (active contracts ending within \(ContractSummary.renewalWindowDays) days)", .warning)])
            } else if days >= 0 {
                lines.append([("ends in \(days) days", .muted)])
            } else {
                lines.append([("ended \(-days) days ago", .muted)])
            }
        }
        lines.append([("Enter opens the contract · R renews it · n writes a new contract", .muted)])
        return (heading, lines)
    }

    static func documentStrip(_ doc: PortingDocument, account: PortingAccount, width: Int) -> (String, [Line]) {
        let received = doc.receivedOn.map { "received " + $0.iso } ?? "missing: still to be obtained"
        guard doc.kind == .loa, doc.isReceived, let loa = doc.loa else {
            var lines: [Line] = []
            if let note = doc.note, !note.isEmpty { lines.append([("note ", .muted), (oneLine(note), .body)]) }
            if doc.kind == .csr {
                lines.append([("The CSR is the losing carrier's record of the numbers; the LOA is checked against the account.", .muted)])
            } else {
                lines.append([("e records it as received with what the letter says; the check runs as the fields are typed.", .muted)])
            }
            return (doc.kind.label + " " + received, lines)
        }
        let mismatches = LOACheck.mismatches(loa, account: account)
        let verdict = mismatches.isEmpty
            ? "✓ matches the account"
            : "✗ " + mismatches.map { shortLabel($0.field) }.joined(separator: ", ")
                + (mismatches.count == 1 ? " does not match" : " do not match") + ": the port would be rejected"
        // Each field: ✓/✗, its name, the letter's value, the account's.
        let labelWidth = 15
        let valueWidth = max(8, (width - 3 - labelWidth - 8 - 10) / 2)
        let lines: [Line] = LOAField.allCases.map { field in
            let mismatch = mismatches.first { $0.field == field }
            let mark: (String, ThemeSlot) = mismatch == nil ? ("✓ ", .ok) : ("✗ ", .danger)
            let onAccount = accountValue(field, loa: loa, account: account, mismatch: mismatch)
            return [mark, (DisplayWidth.pad(stripLabel(field), to: labelWidth), .body),
                    (" letter ", .muted), (DisplayWidth.pad(loa.value(of: field), to: valueWidth), mismatch == nil ? .body : .danger),
                    (" account ", .muted), (onAccount, .body)]
        }
        return ("LOA " + received + " · " + verdict, lines)
    }
}

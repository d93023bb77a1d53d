import GRDB
import OrderDeskCore

/// The demo's contracts as the store would have written them: priced lines from the price book, costs,
/// stored totals (`ContractFigures`), the route `ApprovalRouting` gives them under the default policy,
/// who submitted and who decided, the lifecycle's dates, and for the contracts people work on (every one
/// still being agreed, active or terminated) the audit trail the store writes, so their history reads
/// like the desk's own. Expired contracts are plain history: their row, no trail.
///
/// `DemoCustomerDetails` decides each contract's kind, status and dates from its stream as before; the
/// terms come from a stream of their own (`terms`), so adding them changed nothing else in the demo.
struct DemoContracts {
    /// A customer's location as a contract may name it: its id and, when near-net, the construction estimate.
    struct Site { let id: Int64; let estimate: Int64? }

    /// A line of a fixed contract: product code, quantity, discount off list in percent.
    struct FixedLine { let code: String; let quantity: Int; let discount: Int; var waived = false }

    /// The terms of a fixed customer's contract, the same in every demo.
    struct FixedTerms {
        let lines: [FixedLine]
        /// Index of the customer's site; its near-net estimate becomes the construction cost when `builds`.
        let site: Int
        var builds = false
        /// The monthly cost as a percentage of the net MRR.
        var costPercent = 45
        /// For a draft: rejected with this comment (by a supervisor, or a director when the route asks for one).
        var rejection: String?
        /// The approver's comment.
        var comment: String?
    }

    let now: Int64
    let today: Day
    let managers: [Int64]
    let supervisors: [Int64]
    let directors: [Int64]
    let policy = ContractPolicy.defaults
    var terms: SeededRandom
    private var contracts: RawStatement
    private var lines: RawStatement
    private var audit: RawStatement
    private let products: [PriceBookProduct]
    private let productIndex: [String: Int]

    init(db: Database, seed: UInt64, now: Int64, managers: [Int64], supervisors: [Int64], directors: [Int64]) throws {
        self.now = now; self.managers = managers; self.supervisors = supervisors; self.directors = directors
        today = Day(unixSeconds: now)
        terms = SeededRandom(seed: seed ^ 0x7E4A_5C0D_E2B1_9F37)
        products = DemoNames.products.enumerated().map { i, p in
            PriceBookProduct(id: Int64(i + 1), code: p.code, name: p.name, family: p.family, listMRR: Money(cents: Int64(p.listCents)),
                             floorMRR: Money(cents: Int64(p.floorCents)), nrc: Money(cents: Int64(p.nrcCents)))
        }
        productIndex = Dictionary(uniqueKeysWithValues: DemoNames.products.enumerated().map { ($1.code, $0) })
        contracts = try RawStatement(db, sql: """
            INSERT INTO contracts(id, number, customer_id, kind, parent_id, status, term_months, start_on, end_on, mrr_cents,
              owner_id, version, created_at, updated_by, updated_at, location_id, list_mrr_cents, nrc_cents, nrc_waived_cents,
              construction_cost_cents, monthly_cost_cents, commission_cents, required_level, needs_comment, submitted_by,
              submitted_at, route_summary, decided_by, decided_at, decision, decision_comment, sent_on, terminated_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        lines = try RawStatement(db, sql: """
            INSERT INTO contract_lines(contract_id, position, product_id, quantity, list_mrr_cents, floor_mrr_cents, list_nrc_cents,
              unit_mrr_cents, unit_nrc_cents, nrc_waived)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        audit = try RawStatement(db, sql: """
            INSERT INTO audit_log(at, actor_id, entity, entity_id, action, field, old_value, new_value)
            VALUES (?, ?, 'contract', ?, ?, ?, ?, ?)
            """)
    }

    // MARK: - Terms

    /// Random terms: 1–3 lines, mostly at list price, some discounted within the term's allowance, some
    /// deeper, a few under the floor; construction for some new contracts at a near-net site.
    private mutating func randomTerms(customerID: Int64, kind: ContractKind, term: Int, start: Day?, sites: [Site], mustRoute: Bool) -> ContractDraft {
        let site = sites.isEmpty || terms.chance(0.1) ? nil : terms.pick(sites)
        var drawn: [ContractLine] = []
        for _ in 0..<(terms.weighted([50, 35, 15]) + 1) {
            let index = terms.int(0...(products.count - 1))
            let product = products[index]
            let most = DemoNames.products[index].maxQuantity
            var line = ContractLine(product: product, quantity: most == 1 ? 1 : terms.int(1...min(most, 12)))
            line.nrcWaived = terms.chance(kind == .renewal || kind == .addendum ? 0.3 : 0.1)
            drawn.append(line)
        }
        let target = terms.int(0...(drawn.count - 1))
        let allowance = policy.allowance(termMonths: term).basisPoints / 100
        switch terms.weighted([55, 27, 12, 6]) {
        case 1:  // within the allowance: a supervisor
            drawn[target].setDiscount(Percentage(percent: terms.int(1...max(1, allowance))))
        case 2:  // deeper than the allowance, still above the floor: a director
            let line = drawn[target]
            let room = Int((line.product.listMRR.cents - line.product.floorMRR.cents) * 100 / max(1, line.product.listMRR.cents))
            drawn[target].setDiscount(Percentage(percent: min(room, terms.int((allowance + 1)...(allowance + 8)))))
        case 3:  // under the floor: a director
            let floor = drawn[target].product.floorMRR.cents
            drawn[target].unitMRR = Money(cents: floor - max(1, floor * Int64(terms.int(1...8)) / 100))
        default:
            break
        }
        var draft = ContractDraft(customerID: customerID, kind: kind, parentID: nil, termMonths: term, startOn: start,
                                  locationID: site?.id, lines: drawn)
        if let estimate = site?.estimate, kind == .new || kind == .reclamation, terms.chance(0.6) {
            draft.constructionCost = Money(cents: estimate)
        }
        let costShare = Percentage(percent: terms.int(35...60))
        func price(_ draft: inout ContractDraft) {
            let net = draft.lines.reduce(Money.zero) { $0 + $1.netMRR }
            draft.monthlyCost = costShare.of(net)
            draft.commission = policy.proposedCommission(kind: kind, netMRR: net)
        }
        price(&draft)
        if mustRoute && ApprovalRouting.assess(draft, policy: policy).route.level == .none {
            // Pending means someone must approve: a small discount on one line asks a supervisor.
            draft.lines[target].setDiscount(Percentage(percent: 5))
            price(&draft)
        }
        return draft
    }

    private func fixedTerms(_ fixed: FixedTerms, customerID: Int64, kind: ContractKind, term: Int, start: Day?, sites: [Site]) -> ContractDraft {
        let site = sites[min(fixed.site, sites.count - 1)]
        let drawn = fixed.lines.map { spec -> ContractLine in
            var line = ContractLine(product: products[productIndex[spec.code]!], quantity: spec.quantity)
            line.setDiscount(Percentage(percent: spec.discount))
            line.nrcWaived = spec.waived
            return line
        }
        let net = drawn.reduce(Money.zero) { $0 + $1.netMRR }
        return ContractDraft(
            customerID: customerID, kind: kind, parentID: nil, termMonths: term, startOn: start, locationID: site.id, lines: drawn,
            constructionCost: fixed.builds ? Money(cents: site.estimate ?? 0) : .zero,
            monthlyCost: Percentage(percent: fixed.costPercent).of(net), commission: policy.proposedCommission(kind: kind, netMRR: net))
    }

    // MARK: - Writing

    static let approvalComments = [
        "Fits the account plan.", "Approved: matches the competitor's quote.", "OK for this term only.",
        "Approved; keep the discount off the renewal.", "Good margin, go ahead.",
    ]
    static let negativeNPVComments = [
        "Anchor customer in a new building: the build-out serves the whole block.",
        "Strategic logo for the region; construction shared with the next two sites.",
        "Approved at a loss to win the multi-site RFP that follows.",
    ]
    static let rejectionComments = [
        "Too deep for this term: offer the allowance or make it 36 months.",
        "Payback is too long: ask the customer to share the construction.",
        "Price the fiber at floor or above, then resubmit.",
        "Waive less of the NRC; the install is real work.",
        "Check the monthly cost: it looks low for this site.",
    ]
    static let terminationReasons = [
        "Customer closed the site.", "Moved to a competitor at a lower price.", "Business sold; the buyer has its own carrier.",
        "Service moved to another of the customer's sites.",
    ]

    /// One contract with its lines and, unless it is plain history, its audit trail.
    mutating func insert(
        id: Int64, customerID: Int64, kind: ContractKind, parent: Int64?, status: ContractStatus, term: Int, start: Day?,
        owner: Int64?, created: Int64, sites: [Site], fixed: FixedTerms? = nil
    ) throws {
        let draft = fixed.map { fixedTerms($0, customerID: customerID, kind: kind, term: term, start: start, sites: sites) }
            ?? randomTerms(customerID: customerID, kind: kind, term: term, start: start, sites: sites, mustRoute: status == .pendingApproval)
        let (figures, route) = ApprovalRouting.assess(draft, policy: policy)
        let seller = owner ?? managers[Int(id % Int64(managers.count))]
        let end = start.map { ContractSummary.endDay(start: $0, months: term) }

        // The trail people read: every contract still being agreed or terminated, and the active ones
        // that started or end within six months (the ones the list marks and people open). The rest is
        // plain history; its texts are not even built (the 1M-order demo has ~265,000 contracts).
        var trail = Trail(writes: fixed != nil || status == .terminated
                            || (status != .active && status != .expired)
                            || (status == .active && (end.map { $0 - today <= 180 } ?? false || start.map { today - $0 <= 180 } ?? false)))
        trail.step(created, seller, "create", [(nil, nil, trail.writes ? ContractChanges.creationSummary(draft) : nil)])
        var submittedBy: Int64?, submittedAt: Int64?, decidedBy: Int64?, decidedAt: Int64?
        var decision: String?, comment: String?, sentOn: Day?, terminatedOn: Day?
        // Only a contract someone had to approve can have been rejected.
        let rejected = status == .draft && route.level != .none && (fixed?.rejection != nil || (fixed == nil && terms.chance(0.35)))
        if status != .draft || rejected {
            let submitted = min(now, created + Int64(terms.int(1...20)) * 3_600)
            trail.step(submitted, seller, "submit", [
                ("route", nil, trail.writes ? route.summary : nil),
                ("status", ContractStatus.draft.rawValue, (route.level == .none ? ContractStatus.approved : .pendingApproval).rawValue),
            ])
            submittedBy = seller; submittedAt = submitted
            let decided = min(now, submitted + Int64(terms.int(1...24)) * 3_600)
            let approver = route.level == .director || terms.chance(0.2) ? terms.pick(directors) : terms.pick(supervisors)
            if rejected {
                comment = fixed?.rejection ?? terms.pick(Self.rejectionComments)
                trail.step(decided, approver, "reject", [
                    ("comment", nil, comment), ("status", ContractStatus.pendingApproval.rawValue, ContractStatus.draft.rawValue),
                ])
                decision = "rejected"; decidedBy = approver; decidedAt = decided
                // A rejection clears the submission, as the store does.
                submittedBy = nil; submittedAt = nil
            } else if status != .pendingApproval && route.level != .none {
                comment = fixed?.comment ?? (route.needsComment ? terms.pick(Self.negativeNPVComments)
                                             : terms.chance(0.3) ? terms.pick(Self.approvalComments) : nil)
                trail.step(decided, approver, "approve", (comment == nil ? [] : [("comment", nil, comment)])
                           + [("status", ContractStatus.pendingApproval.rawValue, ContractStatus.approved.rawValue)])
                decision = "approved"; decidedBy = approver; decidedAt = decided
            }
        }
        if status == .sent || status == .active || status == .expired || status == .terminated {
            let ready = Day(unixSeconds: decidedAt ?? submittedAt ?? created)
            var day = ready.adding(days: terms.int(0...2))
            if let start { day = min(day, start) }
            day = min(day, today)
            sentOn = day
            let at = min(now, max(trail.lastAt, day.unixSeconds + 9 * 3_600 + Int64(terms.int(0...28_800))))
            trail.step(at, seller, "send", [
                ("sent_on", nil, trail.writes ? day.iso : nil), ("status", ContractStatus.approved.rawValue, ContractStatus.sent.rawValue),
            ])
        }
        if let start, status == .active || status == .expired || status == .terminated {
            let at = min(now, max(trail.lastAt, start.unixSeconds + 8 * 3_600))
            trail.step(at, seller, "activate", [("status", ContractStatus.sent.rawValue, ContractStatus.active.rawValue)])
        }
        if let start, let end, status == .terminated {
            let last = min(end, today)
            let day = last.ordinal <= start.ordinal + 30 ? last : Day(ordinal: terms.int((start.ordinal + 30)...last.ordinal))
            terminatedOn = day
            let at = min(now, max(trail.lastAt, day.unixSeconds + 10 * 3_600))
            trail.step(at, terms.pick(supervisors), "terminate", [
                ("reason", nil, terms.pick(Self.terminationReasons)), ("terminated_on", nil, day.iso),
                ("status", ContractStatus.active.rawValue, ContractStatus.terminated.rawValue),
            ])
        }

        contracts.add(id); contracts.add(ContractSQL.number(id)); contracts.add(customerID); contracts.add(kind.rawValue)
        contracts.add(parent); contracts.add(status.rawValue); contracts.add(term); contracts.add(start?.iso); contracts.add(end?.iso)
        contracts.add(figures.netMRR.cents); contracts.add(owner)
        // The version counts the saves: the creation, then one for each step.
        contracts.add(trail.steps)
        contracts.add(created); contracts.add(trail.lastActor); contracts.add(trail.lastAt)
        contracts.add(draft.locationID); contracts.add(figures.listMRR.cents); contracts.add(figures.nrcCharged.cents)
        contracts.add(figures.nrcWaived.cents); contracts.add(draft.constructionCost.cents); contracts.add(draft.monthlyCost.cents)
        contracts.add(draft.commission.cents)
        let submitted = submittedBy != nil
        contracts.add((submitted ? route.level : .none).rawValue); contracts.add(submitted && route.needsComment ? 1 : 0)
        contracts.add(submittedBy); contracts.add(submittedAt)
        // The route's words only where people read them (the detail shows the route of the terms as they are).
        contracts.add(submitted && trail.writes ? route.summary : nil)
        contracts.add(decidedBy); contracts.add(decidedAt); contracts.add(decision); contracts.add(comment)
        contracts.add(sentOn?.iso); contracts.add(terminatedOn?.iso)
        try contracts.insert()

        for (position, line) in draft.lines.enumerated() {
            lines.add(id); lines.add(position); lines.add(line.product.id); lines.add(line.quantity)
            lines.add(line.product.listMRR.cents); lines.add(line.product.floorMRR.cents); lines.add(line.product.nrc.cents)
            lines.add(line.unitMRR.cents); lines.add(line.unitNRC.cents); lines.add(line.nrcWaived ? 1 : 0)
            try lines.insert()
        }
        for row in trail.rows {
            audit.add(row.at); audit.add(row.actor); audit.add(id); audit.add(row.action); audit.add(row.field)
            audit.add(row.old); audit.add(row.new)
            try audit.insert()
        }
    }

    /// A contract's steps as the store would have audited them: each a save (a version), its rows kept
    /// only when the trail is written.
    private struct Trail {
        let writes: Bool
        private(set) var rows: [(at: Int64, actor: Int64, action: String, field: String?, old: String?, new: String?)] = []
        private(set) var steps = 0
        private(set) var lastAt: Int64 = 0
        private(set) var lastActor: Int64 = 0

        init(writes: Bool) { self.writes = writes }

        mutating func step(_ at: Int64, _ actor: Int64, _ action: String, _ changes: [(field: String?, old: String?, new: String?)]) {
            steps += 1; lastAt = at; lastActor = actor
            guard writes else { return }
            for change in changes { rows.append((at, actor, action, change.field, change.old, change.new)) }
        }
    }
}

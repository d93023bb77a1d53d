/// Who must approve a contract before it can be sent.
public enum ApprovalLevel: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case none, supervisor, director

    private var rank: Int { ApprovalLevel.allCases.firstIndex(of: self)! }
    public static func < (a: ApprovalLevel, b: ApprovalLevel) -> Bool { a.rank < b.rank }

    /// `no approval`, `a supervisor`, `a director`.
    public var phrase: String {
        switch self {
        case .none: return "no approval"
        case .supervisor: return "a supervisor"
        case .director: return "a director"
        }
    }
}

/// The rules of the approval routing table, each with a stable name shown beside the figure it judges.
public enum ApprovalRule: String, CaseIterable, Sendable, Codable, Hashable {
    /// Any line under list price needs a supervisor; deeper than the term's allowance, a director.
    case discount
    /// A line priced under its product's floor needs a director.
    case belowFloor = "below_floor"
    /// Payback over the automatic limit needs a supervisor; over the supervisor's limit (or never), a director.
    case payback
    /// An IRR under the minimum needs a supervisor.
    case irr
    /// A term shorter than the minimum needs a supervisor.
    case term
    /// NRC waived over the limit needs a supervisor.
    case nrcWaiver = "nrc_waiver"
    /// A negative NPV is refused unless a director approves it with a comment.
    case negativeNPV = "negative_npv"

    /// The rule's name as the editor shows it beside a figure: `[discount > 10%]`.
    public var title: String {
        switch self {
        case .discount: return "discount"
        case .belowFloor: return "below floor"
        case .payback: return "payback"
        case .irr: return "IRR"
        case .term: return "term"
        case .nrcWaiver: return "NRC waiver"
        case .negativeNPV: return "negative NPV"
        }
    }
}

/// One rule that applies to a contract: which, the level it asks for, and why, in words.
public struct ApprovalReason: Hashable, Sendable, Codable {
    public var rule: ApprovalRule
    public var level: ApprovalLevel
    /// `line 2's discount of 15% is over the 36-month allowance of 10%`
    public var text: String

    public init(rule: ApprovalRule, level: ApprovalLevel, text: String) {
        self.rule = rule; self.level = level; self.text = text
    }
}

/// Where a contract must go before it can be sent, and why.
public struct ApprovalRoute: Hashable, Sendable, Codable {
    /// The highest level any rule asks for.
    public var level: ApprovalLevel
    /// Every rule that applies, highest level first.
    public var reasons: [ApprovalReason]
    /// A negative NPV: the approver must be a director and must write a comment.
    public var needsComment: Bool { reasons.contains { $0.rule == .negativeNPV } }

    public init(level: ApprovalLevel, reasons: [ApprovalReason]) { self.level = level; self.reasons = reasons }

    /// What the editor says before submission: `A director must approve: line 1's discount of 15% is over …`.
    public var summary: String {
        guard level != .none else { return "No approval needed: at list price, paying back and earning within the limits." }
        let who = level == .director ? "A director" : "A supervisor"
        let comment = needsComment ? " (with a comment: the NPV is negative)" : ""
        let why = reasons.filter { $0.level == level }.map(\.text).joined(separator: "; ")
        return "\(who) must approve\(comment): \(why)."
    }

    /// The rules that apply to a figure, for showing the figure in the danger style with their names.
    public func rules(_ rule: ApprovalRule) -> [ApprovalReason] { reasons.filter { $0.rule == rule } }
}

/// The approval routing: a table of rules, each reading its thresholds from the `ContractPolicy` (which the
/// store reads from settings). Every rule that applies is collected; the highest level decides.
public enum ApprovalRouting {
    public typealias Check = @Sendable (ContractDraft, ContractFigures, ContractPolicy) -> [ApprovalReason]

    /// The table, in the order the editor lists the reasons.
    public static let table: [(rule: ApprovalRule, check: Check)] = [
        (.negativeNPV, { _, figures, _ in
            figures.npv.cents < 0
                ? [ApprovalReason(rule: .negativeNPV, level: .director, text: "the NPV of $\(figures.npv.grouped) is negative")]
                : []
        }),
        (.belowFloor, { draft, figures, _ in
            figures.linesBelowFloor.map { i in
                let line = draft.lines[i]
                return ApprovalReason(
                    rule: .belowFloor, level: .director,
                    text: "line \(i + 1) (\(line.product.code)) at $\(line.unitMRR.grouped) is under its floor of $\(line.product.floorMRR.grouped)")
            }
        }),
        (.discount, { draft, _, policy in
            let allowance = policy.allowance(termMonths: draft.termMonths)
            guard let (i, line) = draft.lines.enumerated().max(by: { $0.element.discount < $1.element.discount }),
                  line.discount > .zero else { return [] }
            if line.discount > allowance {
                return [ApprovalReason(
                    rule: .discount, level: .director,
                    text: "line \(i + 1)'s discount of \(line.discount.display) is over the \(draft.termMonths)-month allowance of \(allowance.display)")]
            }
            return [ApprovalReason(rule: .discount, level: .supervisor,
                                   text: "line \(i + 1) has a discount of \(line.discount.display) (not at list price)")]
        }),
        (.payback, { _, figures, policy in
            guard let months = figures.paybackMonths else {
                return [ApprovalReason(rule: .payback, level: .director, text: "the margin never pays back the outlay")]
            }
            if months > policy.supervisorMaxPaybackMonths {
                return [ApprovalReason(rule: .payback, level: .director,
                                       text: "payback of \(months) months is over \(policy.supervisorMaxPaybackMonths)")]
            }
            if months > policy.autoMaxPaybackMonths {
                return [ApprovalReason(rule: .payback, level: .supervisor,
                                       text: "payback of \(months) months is over \(policy.autoMaxPaybackMonths)")]
            }
            return []
        }),
        (.irr, { _, figures, policy in
            figures.irr.reaches(policy.autoMinIRR)
                ? []
                : [ApprovalReason(rule: .irr, level: .supervisor, text: "the IRR of \(figures.irr.display) is under \(policy.autoMinIRR.display)")]
        }),
        (.term, { draft, _, policy in
            draft.termMonths < policy.autoMinTermMonths
                ? [ApprovalReason(rule: .term, level: .supervisor,
                                  text: "the term of \(draft.termMonths) months is under \(policy.autoMinTermMonths)")]
                : []
        }),
        (.nrcWaiver, { _, figures, policy in
            figures.nrcWaived > policy.nrcWaiverLimit
                ? [ApprovalReason(rule: .nrcWaiver, level: .supervisor,
                                  text: "$\(figures.nrcWaived.grouped) of NRC waived is over the limit of $\(policy.nrcWaiverLimit.grouped)")]
                : []
        }),
    ]

    /// The route of a contract: every rule of the table that applies, highest level first.
    public static func route(_ draft: ContractDraft, figures: ContractFigures, policy: ContractPolicy) -> ApprovalRoute {
        let reasons = table.flatMap { $0.check(draft, figures, policy) }
        let ordered = reasons.enumerated().sorted { a, b in
            a.element.level != b.element.level ? a.element.level > b.element.level : a.offset < b.offset
        }.map(\.element)
        return ApprovalRoute(level: ordered.first?.level ?? .none, reasons: ordered)
    }

    /// Figures and route together.
    public static func assess(_ draft: ContractDraft, policy: ContractPolicy) -> (figures: ContractFigures, route: ApprovalRoute) {
        let figures = ContractFigures(draft, policy: policy)
        return (figures, route(draft, figures: figures, policy: policy))
    }
}

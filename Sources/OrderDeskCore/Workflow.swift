/// Something a transition needs before it may happen.
public enum TransitionRequirement: String, Sendable, Hashable, CaseIterable {
    case reasonCode = "reason code"
    case installDate = "install date"
    case billStartDate = "bill start date"
    case locationAndPricedLines = "a service location and at least one priced order line"
}

/// What the person supplies when they move an order.
public struct TransitionInput: Sendable, Hashable {
    public var reasonCode: String?
    public var installDate: Day?
    public var billStartDate: Day?
    public var note: String?

    public init(reasonCode: String? = nil, installDate: Day? = nil, billStartDate: Day? = nil, note: String? = nil) {
        self.reasonCode = reasonCode; self.installDate = installDate
        self.billStartDate = billStartDate; self.note = note
    }
}

/// What the workflow needs to know about an order to judge a transition.
public struct TransitionContext: Sendable, Hashable {
    public var hasLocation: Bool
    public var pricedLineCount: Int
    public var hasApprovedContract: Bool

    public init(hasLocation: Bool, pricedLineCount: Int, hasApprovedContract: Bool = false) {
        self.hasLocation = hasLocation; self.pricedLineCount = pricedLineCount
        self.hasApprovedContract = hasApprovedContract
    }
}

/// The order workflow: one table of state → allowed next states, and what each needs.
public enum Workflow {
    private static let table: [OrderState: [OrderState]] = [
        .draft: [.submitted, .cancelled],
        .submitted: [.inProgress, .pending, .held, .rejected, .cancelled],
        .pending: [.inProgress, .cancelled],
        .held: [.inProgress, .cancelled],
        .inProgress: [.scheduled, .pending, .held, .cancelled],
        .scheduled: [.installed, .notDone, .pending, .cancelled],
        .notDone: [.scheduled, .inProgress, .cancelled],
        .installed: [.billed],
        .billed: [], .cancelled: [], .rejected: [],
    ]

    /// The states an order may move to from `state`, in the table's order.
    public static func allowedTargets(from state: OrderState) -> [OrderState] { table[state] ?? [] }

    public static func isAllowed(from: OrderState, to: OrderState) -> Bool {
        allowedTargets(from: from).contains(to)
    }

    /// What moving into `target` needs.
    public static func requirements(for target: OrderState) -> [TransitionRequirement] {
        switch target {
        case .cancelled, .held, .notDone, .rejected: return [.reasonCode]
        case .scheduled: return [.installDate]
        case .billed: return [.billStartDate]
        case .submitted: return [.locationAndPricedLines]
        default: return []
        }
    }

    /// Checks a transition and its inputs; throws the first thing that is wrong.
    public static func validate(
        from: OrderState, to: OrderState, input: TransitionInput, context: TransitionContext
    ) throws(OrderDeskError) {
        guard isAllowed(from: from, to: to) else {
            throw .transitionNotAllowed(from: from, to: to, allowed: allowedTargets(from: from))
        }
        for requirement in requirements(for: to) {
            switch requirement {
            case .reasonCode:
                guard let code = input.reasonCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty else {
                    throw .missingRequirement(requirement, target: to)
                }
                guard ReasonCode.codes(for: to).contains(where: { $0.code == code }) else {
                    throw .unknownReasonCode(code, target: to)
                }
            case .installDate:
                guard input.installDate != nil else { throw .missingRequirement(requirement, target: to) }
            case .billStartDate:
                guard input.billStartDate != nil else { throw .missingRequirement(requirement, target: to) }
            case .locationAndPricedLines:
                guard context.hasLocation, context.pricedLineCount > 0 || context.hasApprovedContract else {
                    throw .missingRequirement(requirement, target: to)
                }
            }
        }
    }
}

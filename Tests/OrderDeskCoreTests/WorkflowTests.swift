import Testing
@testable import OrderDeskCore

/// The transition table of FORMATS.md, written out independently of `Workflow`.
private let expectedTable: [OrderState: Set<OrderState>] = [
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

/// Inputs that satisfy whatever `target` needs.
private func completeInput(for target: OrderState) -> TransitionInput {
    TransitionInput(
        reasonCode: ReasonCode.codes(for: target).first?.code,
        installDate: Day(year: 2026, month: 3, day: 21),
        billStartDate: Day(year: 2026, month: 4, day: 1)
    )
}

private let readyContext = TransitionContext(hasLocation: true, pricedLineCount: 2)

struct WorkflowTests {
    @Test(arguments: OrderState.allCases)
    func everyPairIsAllowedExactlyWhenTheTableSaysSo(from: OrderState) throws {
        for to in OrderState.allCases {
            let allowed = expectedTable[from]!.contains(to)
            #expect(Workflow.isAllowed(from: from, to: to) == allowed, "\(from) → \(to)")
            if allowed {
                try Workflow.validate(from: from, to: to, input: completeInput(for: to), context: readyContext)
            } else {
                #expect(throws: OrderDeskError.transitionNotAllowed(
                    from: from, to: to, allowed: Workflow.allowedTargets(from: from))) {
                    try Workflow.validate(from: from, to: to, input: completeInput(for: to), context: readyContext)
                }
            }
        }
    }

    @Test func finalStatesAreBilledCancelledRejected() {
        #expect(OrderState.allCases.filter(\.isFinal) == [.billed, .cancelled, .rejected])
    }

    @Test(arguments: [OrderState.cancelled, .held, .notDone, .rejected])
    func reasonCodeIsRequired(target: OrderState) throws {
        let from = OrderState.allCases.first { Workflow.isAllowed(from: $0, to: target) }!
        #expect(throws: OrderDeskError.missingRequirement(.reasonCode, target: target)) {
            try Workflow.validate(from: from, to: target, input: TransitionInput(), context: readyContext)
        }
        #expect(throws: OrderDeskError.missingRequirement(.reasonCode, target: target)) {
            try Workflow.validate(from: from, to: target, input: TransitionInput(reasonCode: "  "), context: readyContext)
        }
        #expect(throws: OrderDeskError.unknownReasonCode("NOPE", target: target)) {
            try Workflow.validate(from: from, to: target, input: TransitionInput(reasonCode: "NOPE"), context: readyContext)
        }
        let code = ReasonCode.codes(for: target)[0].code
        try Workflow.validate(from: from, to: target, input: TransitionInput(reasonCode: code), context: readyContext)
    }

    @Test func scheduledNeedsAnInstallDate() throws {
        #expect(throws: OrderDeskError.missingRequirement(.installDate, target: .scheduled)) {
            try Workflow.validate(from: .inProgress, to: .scheduled, input: TransitionInput(), context: readyContext)
        }
        try Workflow.validate(from: .inProgress, to: .scheduled,
                              input: TransitionInput(installDate: Day(ordinal: 20_000)), context: readyContext)
    }

    @Test func billedNeedsABillStartDate() throws {
        #expect(throws: OrderDeskError.missingRequirement(.billStartDate, target: .billed)) {
            try Workflow.validate(from: .installed, to: .billed, input: TransitionInput(), context: readyContext)
        }
        try Workflow.validate(from: .installed, to: .billed,
                              input: TransitionInput(billStartDate: Day(ordinal: 20_000)), context: readyContext)
    }

    @Test func submittedNeedsALocationAndAPricedLineOrAnApprovedContract() throws {
        let missing = OrderDeskError.missingRequirement(.locationAndPricedLines, target: .submitted)
        #expect(throws: missing) {
            try Workflow.validate(from: .draft, to: .submitted, input: TransitionInput(),
                                  context: TransitionContext(hasLocation: false, pricedLineCount: 3))
        }
        #expect(throws: missing) {
            try Workflow.validate(from: .draft, to: .submitted, input: TransitionInput(),
                                  context: TransitionContext(hasLocation: true, pricedLineCount: 0))
        }
        try Workflow.validate(from: .draft, to: .submitted, input: TransitionInput(),
                              context: TransitionContext(hasLocation: true, pricedLineCount: 1))
        try Workflow.validate(from: .draft, to: .submitted, input: TransitionInput(),
                              context: TransitionContext(hasLocation: true, pricedLineCount: 0, hasApprovedContract: true))
    }

    @Test func statesWithoutRequirementsNeedNothing() throws {
        try Workflow.validate(from: .submitted, to: .inProgress, input: TransitionInput(), context: readyContext)
        try Workflow.validate(from: .scheduled, to: .installed, input: TransitionInput(), context: readyContext)
        try Workflow.validate(from: .inProgress, to: .pending, input: TransitionInput(), context: readyContext)
    }

    @Test func errorMessagesSayWhatToDo() {
        let refused = OrderDeskError.transitionNotAllowed(from: .billed, to: .draft, allowed: [])
        #expect(refused.errorDescription == "An order cannot move from billed to draft. Allowed from billed: none: billed is final.")
        let unknown = OrderDeskError.unknownUser(login: "kim")
        #expect(unknown.errorDescription!.contains("orderdesk users add kim"))
        let conflict = OrderDeskError.conflict(orderNumber: "00451234", changedBy: "Dana Ruiz", changedAt: 1_773_064_931)
        #expect(conflict.errorDescription!.contains("Dana Ruiz at 2026-03-09 14:02"))
    }

    @Test func stateSymbolsAreDistinct() {
        #expect(Set(OrderState.allCases.map(\.symbol)).count == OrderState.allCases.count)
        #expect(OrderState(name: "In Progress") == .inProgress)
        #expect(OrderState(name: "not_done") == .notDone)
    }
}

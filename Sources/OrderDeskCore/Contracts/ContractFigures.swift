import Foundation

/// What early termination costs in one year of the term: the fee in its first month and in its last.
public struct EarlyTerminationRow: Hashable, Sendable {
    /// The first and last month of service the row covers (1-based).
    public var fromMonth: Int
    public var toMonth: Int
    /// The fee when the customer leaves after `fromMonth − 1` months of service…
    public var feeAtStart: Money
    /// …and after `toMonth − 1` months.
    public var feeAtEnd: Money

    public init(fromMonth: Int, toMonth: Int, feeAtStart: Money, feeAtEnd: Money) {
        self.fromMonth = fromMonth; self.toMonth = toMonth; self.feeAtStart = feeAtStart; self.feeAtEnd = feeAtEnd
    }
}

/// The internal rate of return as the assessment reports it.
public enum ReturnRate: Hashable, Sendable {
    /// A yearly rate (0.15 is 15%).
    case annual(Double)
    /// Nothing is paid out at the start: there is no investment to return (it passes any minimum).
    case noInvestment
    /// The months never bring back what was paid out at the start.
    case noReturn

    /// `18.4%`, `n/a (no outlay)`, `none`.
    public var display: String {
        switch self {
        case .annual(let rate):
            if rate >= 9.995 { return ">999%" }
            return String(format: "%.1f%%", rate * 100)
        case .noInvestment: return "n/a (no outlay)"
        case .noReturn: return "none"
        }
    }

    /// Whether it reaches `minimum`.
    public func reaches(_ minimum: Percentage) -> Bool {
        switch self {
        case .annual(let rate): return rate * 10_000 >= Double(minimum.basisPoints) - 1e-9
        case .noInvestment: return true
        case .noReturn: return false
        }
    }
}

/// The totals and the ROI assessment of a contract's terms, recomputed on every keystroke.
///
/// The cash flows are monthly: month 0 is the NRC charged less the construction cost and the commission,
/// months 1 to the term are the monthly margin (net MRR less the monthly cost of service).
public struct ContractFigures: Hashable, Sendable {
    public var termMonths: Int
    /// The lines' MRR at list price and as agreed.
    public var listMRR: Money
    public var netMRR: Money
    /// One-time charges before waivers, waived, and charged.
    public var nrc: Money
    public var nrcWaived: Money
    public var nrcCharged: Money
    public var monthlyCost: Money
    /// Net MRR less the monthly cost of service.
    public var monthlyMargin: Money
    public var constructionCost: Money
    public var commission: Money
    /// Net MRR over the whole term plus the NRC charged.
    public var totalContractValue: Money
    /// The whole contract's discount off list MRR.
    public var discount: Percentage
    /// The deepest discount of any one line.
    public var largestLineDiscount: Percentage
    /// The 0-based indexes of lines priced under their product's floor.
    public var linesBelowFloor: [Int]
    /// Month 0 to the term.
    public var cashFlows: [Money]
    /// Months to recover month 0's outlay; nil when the margin never does.
    public var paybackMonths: Int?
    public var npv: Money
    public var irr: ReturnRate
    public var earlyTermination: [EarlyTerminationRow]

    /// The figures of `draft` under `policy`.
    public init(_ draft: ContractDraft, policy: ContractPolicy = .defaults) {
        let term = max(1, draft.termMonths)
        termMonths = term
        listMRR = draft.lines.reduce(.zero) { $0 + $1.listMRR }
        netMRR = draft.lines.reduce(.zero) { $0 + $1.netMRR }
        nrc = draft.lines.reduce(.zero) { $0 + $1.nrc }
        nrcWaived = draft.lines.reduce(.zero) { $0 + $1.nrcWaivedAmount }
        nrcCharged = nrc - nrcWaived
        monthlyCost = draft.monthlyCost
        monthlyMargin = netMRR - draft.monthlyCost
        constructionCost = draft.constructionCost
        commission = draft.commission
        totalContractValue = netMRR * term + nrcCharged
        discount = ContractLine.discount(list: listMRR, net: netMRR)
        largestLineDiscount = draft.lines.map(\.discount).max() ?? .zero
        linesBelowFloor = draft.lines.indices.filter { draft.lines[$0].isBelowFloor }
        let opening = nrcCharged - draft.constructionCost - draft.commission
        cashFlows = [opening] + Array(repeating: monthlyMargin, count: term)
        paybackMonths = CashFlow.paybackMonths(opening: opening, monthly: monthlyMargin)
        let flows = cashFlows.map { Double($0.cents) / 100 }
        let monthlyRate = CashFlow.monthlyRate(annual: policy.annualDiscountRate.fraction)
        npv = Money(cents: Int64((CashFlow.netPresentValue(rate: monthlyRate, flows: flows) * 100).rounded()))
        if opening.cents >= 0 && monthlyMargin.cents >= 0 {
            irr = .noInvestment
        } else if let monthly = CashFlow.internalRate(flows: flows) {
            let annual = pow(1 + monthly, 12) - 1
            irr = .annual(annual.isFinite ? annual : .greatestFiniteMagnitude)
        } else {
            irr = .noReturn
        }
        earlyTermination = Self.earlyTerminationSchedule(
            term: term, netMRR: netMRR, share: policy.earlyTerminationShare,
            unrecovered: draft.constructionCost + nrcWaived)
    }

    /// The fee when a customer leaves after `served` months of a `term`: the share of the MRR of every
    /// remaining month, plus the construction cost and the waived NRC not yet earned back (prorated by the
    /// remaining months). Each part is rounded to the cent.
    public static func earlyTerminationFee(served: Int, term: Int, netMRR: Money, share: Percentage, unrecovered: Money) -> Money {
        let remaining = Int64(max(0, term - served))
        let mrrPart = share.of(netMRR * Int(remaining))
        let unrecoveredPart = Money(cents: Percentage.divideRounded(unrecovered.cents * remaining, by: Int64(max(1, term))))
        return mrrPart + unrecoveredPart
    }

    /// One row for each year of the term (the last may be shorter).
    public static func earlyTerminationSchedule(term: Int, netMRR: Money, share: Percentage, unrecovered: Money) -> [EarlyTerminationRow] {
        stride(from: 0, to: term, by: 12).map { startServed in
            let to = min(startServed + 12, term)
            return EarlyTerminationRow(
                fromMonth: startServed + 1, toMonth: to,
                feeAtStart: earlyTerminationFee(served: startServed, term: term, netMRR: netMRR, share: share, unrecovered: unrecovered),
                feeAtEnd: earlyTerminationFee(served: to - 1, term: term, netMRR: netMRR, share: share, unrecovered: unrecovered))
        }
    }
}

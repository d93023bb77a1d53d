/// The thresholds the ROI assessment and the approval routing use. The store reads them from settings
/// (see `Setting`); these are the defaults.
public struct ContractPolicy: Hashable, Sendable {
    /// The yearly rate that discounts future cash for the NPV.
    public var annualDiscountRate = Percentage(percent: 10)
    /// The share of the remaining MRR an early termination charges.
    public var earlyTerminationShare = Percentage(percent: 50)
    /// No approval needs: payback within this many months…
    public var autoMaxPaybackMonths = 24
    /// …an IRR at least this…
    public var autoMinIRR = Percentage(percent: 15)
    /// …and a term at least this long (and every line at list price).
    public var autoMinTermMonths = 36
    /// A payback up to this many months a supervisor approves; longer needs a director.
    public var supervisorMaxPaybackMonths = 36
    /// The term discount table: the largest discount a supervisor approves at each term (longer terms earn
    /// more); any deeper discount needs a director.
    public var discountAllowance: [Int: Percentage] = [
        12: Percentage(percent: 5), 24: Percentage(percent: 8), 36: Percentage(percent: 10), 60: Percentage(percent: 12),
    ]
    /// NRC waived above this in one contract needs a supervisor.
    public var nrcWaiverLimit = Money(cents: 50_000)
    /// The commission the editor proposes, as a multiple of the total net MRR: new contracts and win-backs…
    public var commissionRateNew = Percentage(percent: 100)
    /// …renewals and addenda.
    public var commissionRateRenewal = Percentage(percent: 50)

    public init() {}

    public static let defaults = ContractPolicy()

    /// The discount a supervisor may approve at `termMonths` (the nearest shorter term's when the table has
    /// no row for it; zero below the table).
    public func allowance(termMonths: Int) -> Percentage {
        if let exact = discountAllowance[termMonths] { return exact }
        return discountAllowance.filter { $0.key <= termMonths }.max { $0.key < $1.key }?.value ?? .zero
    }

    /// The commission the editor proposes for a contract of `kind` with this total net MRR.
    public func proposedCommission(kind: ContractKind, netMRR: Money) -> Money {
        (kind == .new || kind == .reclamation ? commissionRateNew : commissionRateRenewal).of(netMRR)
    }
}

/// The terms of a contract as the editor holds them: everything a person fills in.
public struct ContractDraft: Hashable, Sendable {
    public static let terms = [12, 24, 36, 60]

    public var customerID: Int64
    public var kind: ContractKind
    /// The contract a renewal renews or an addendum amends; nil for a new contract or a win-back.
    public var parentID: Int64?
    public var termMonths: Int
    /// The first day of service; a draft may not have one yet (it is needed to activate).
    public var startOn: Day?
    /// The service location (whose serviceability estimate is the construction cost).
    public var locationID: Int64?
    public var lines: [ContractLine]
    /// Building out to a near-net site, paid once at the start.
    public var constructionCost: Money
    /// What delivering the service costs each month.
    public var monthlyCost: Money
    /// Paid once to the seller when the contract is signed.
    public var commission: Money

    public init(customerID: Int64, kind: ContractKind = .new, parentID: Int64? = nil, termMonths: Int = 36,
                startOn: Day? = nil, locationID: Int64? = nil, lines: [ContractLine] = [],
                constructionCost: Money = .zero, monthlyCost: Money = .zero, commission: Money = .zero) {
        self.customerID = customerID; self.kind = kind; self.parentID = parentID; self.termMonths = termMonths
        self.startOn = startOn; self.locationID = locationID; self.lines = lines
        self.constructionCost = constructionCost; self.monthlyCost = monthlyCost; self.commission = commission
    }

    /// The last day of the term, when the contract has a start date.
    public var endOn: Day? { startOn.map { ContractSummary.endDay(start: $0, months: termMonths) } }

    /// A renewal and an addendum name the contract they follow.
    public var needsParent: Bool { kind == .renewal || kind == .addendum }

    /// Every problem that keeps the draft from being saved, in the order a person fixes them. Field keys:
    /// `kind`, `parent`, `term`, `location`, `lines`, `line.<i>.quantity`, `line.<i>.net_mrr`, `line.<i>.nrc`
    /// (i from 0), `construction_cost`, `monthly_cost`, `commission`.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if needsParent && parentID == nil {
            errors.append(FieldError(field: "parent", message: "A \(kind.label) names the contract it follows: pick the parent contract."))
        } else if !needsParent && parentID != nil {
            errors.append(FieldError(field: "parent", message: "A \(kind.label) contract has no parent: clear it or change the kind."))
        }
        if !Self.terms.contains(termMonths) {
            errors.append(FieldError(field: "term", message: "The term must be 12, 24, 36 or 60 months."))
        }
        if lines.isEmpty { errors.append(FieldError(field: "lines", message: "Add at least one line from the price book (Ins).")) }
        for (i, line) in lines.enumerated() {
            if !(1...9_999).contains(line.quantity) {
                errors.append(FieldError(field: "line.\(i).quantity", message: "Line \(i + 1): the quantity must be between 1 and 9,999."))
            }
            if line.unitMRR.cents < 0 {
                errors.append(FieldError(field: "line.\(i).net_mrr", message: "Line \(i + 1): the net MRR cannot be negative."))
            } else if line.unitMRR.cents > Self.largestAmount.cents {
                errors.append(FieldError(field: "line.\(i).net_mrr", message: "Line \(i + 1): the net MRR is over $10,000,000."))
            }
            if line.unitNRC.cents < 0 || line.unitNRC.cents > Self.largestAmount.cents {
                errors.append(FieldError(field: "line.\(i).nrc", message: "Line \(i + 1): the NRC must be from $0 to $10,000,000."))
            }
        }
        for (key, label, amount) in [("construction_cost", "The construction cost", constructionCost),
                                     ("monthly_cost", "The monthly cost of service", monthlyCost),
                                     ("commission", "The commission", commission)]
        where amount.cents < 0 || amount.cents > Self.largestAmount.cents {
            errors.append(FieldError(field: key, message: "\(label) must be from $0 to $10,000,000."))
        }
        return errors
    }

    /// The largest amount any one figure may hold: $10,000,000.
    public static let largestAmount = Money(cents: 1_000_000_000)
}

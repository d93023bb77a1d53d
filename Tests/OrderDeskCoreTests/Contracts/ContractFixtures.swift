@testable import OrderDeskCore

/// Products and drafts the contract tests share.
enum ContractFixtures {
    /// List $1,000.00 a month, floor $800.00, NRC $500.00.
    static let fiber = PriceBookProduct(id: 1, code: "DIA-1G", name: "Dedicated Internet 1G", family: "Internet",
                                        listMRR: Money(cents: 100_000), floorMRR: Money(cents: 80_000), nrc: Money(cents: 50_000))
    /// List $40.00, floor $30.00, NRC $25.00.
    static let voice = PriceBookProduct(id: 2, code: "SIP-1", name: "SIP trunk", family: "Voice",
                                        listMRR: Money(cents: 4_000), floorMRR: Money(cents: 3_000), nrc: Money(cents: 2_500))

    /// One fiber line at `discount`, with costs that pay back quickly at list price.
    static func draft(discount: Percentage = .zero, term: Int = 36, construction: Int64 = 0, monthlyCost: Int64 = 40_000,
                      commission: Int64 = 100_000, waived: Bool = false) -> ContractDraft {
        var line = ContractLine(product: fiber)
        line.setDiscount(discount)
        line.nrcWaived = waived
        return ContractDraft(customerID: 1, kind: .new, termMonths: term, lines: [line],
                             constructionCost: Money(cents: construction), monthlyCost: Money(cents: monthlyCost),
                             commission: Money(cents: commission))
    }
}

import Testing
@testable import OrderDeskCore

/// Every rule of the default routing table at its threshold and just over it. The base contract is one
/// line at list price ($1,000.00, NRC $500.00 charged), $400.00 a month to deliver and $1,000.00 of
/// commission: month 0 is −$500.00, the margin $600.00, so it pays back in one month and needs no approval.
struct ApprovalRoutingTests {
    let policy = ContractPolicy.defaults

    func route(_ draft: ContractDraft, _ policy: ContractPolicy = .defaults) -> ApprovalRoute {
        ApprovalRouting.assess(draft, policy: policy).route
    }

    func rules(_ route: ApprovalRoute) -> Set<ApprovalRule> { Set(route.reasons.map(\.rule)) }

    @Test func atListPriceWithAQuickPaybackAndALongTermNeedsNoApproval() {
        let route = route(ContractFixtures.draft())
        #expect(route.level == .none)
        #expect(route.reasons.isEmpty)
        #expect(route.summary.hasPrefix("No approval needed"))
    }

    @Test func anyDiscountUpToTheAllowanceNeedsASupervisor() {
        let small = route(ContractFixtures.draft(discount: Percentage(basisPoints: 1)))
        #expect(small.level == .supervisor)
        #expect(rules(small) == [.discount])
        let atAllowance = route(ContractFixtures.draft(discount: Percentage(percent: 10)))
        #expect(atAllowance.level == .supervisor)
        #expect(atAllowance.summary == "A supervisor must approve: line 1 has a discount of 10% (not at list price).")
    }

    @Test func aDiscountJustOverTheAllowanceNeedsADirector() {
        let over = route(ContractFixtures.draft(discount: Percentage(basisPoints: 1_001)))
        #expect(over.level == .director)
        #expect(rules(over) == [.discount])
        // The example: 15% on 36 months.
        let fifteen = route(ContractFixtures.draft(discount: Percentage(percent: 15)))
        #expect(fifteen.level == .director)
        #expect(fifteen.summary == "A director must approve: line 1's discount of 15% is over the 36-month allowance of 10%.")
    }

    @Test func longerTermsEarnALargerAllowance() {
        // 12% is over the 36-month allowance but within the 60-month one.
        #expect(route(ContractFixtures.draft(discount: Percentage(percent: 12), term: 60)).level == .supervisor)
        #expect(route(ContractFixtures.draft(discount: Percentage(basisPoints: 1_201), term: 60)).level == .director)
        // On 12 months only 5% (and the short term itself needs a supervisor).
        let short = route(ContractFixtures.draft(discount: Percentage(percent: 5), term: 12))
        #expect(short.level == .supervisor)
        #expect(rules(short) == [.discount, .term])
        #expect(route(ContractFixtures.draft(discount: Percentage(basisPoints: 501), term: 12)).level == .director)
        #expect(policy.allowance(termMonths: 24) == Percentage(percent: 8))
    }

    @Test func paybackOverTwentyFourMonthsNeedsASupervisorAndOverThirtySixADirector() {
        // Construction sets month 0: −(500 … ) so that 600 a month pays back in exactly N months.
        func payback(owing dollars: Int64, term: Int = 36) -> ApprovalRoute {
            route(ContractFixtures.draft(term: term, construction: (dollars - 500) * 100))
        }
        let twentyFour = payback(owing: 14_400)
        #expect(ApprovalRouting.assess(ContractFixtures.draft(construction: 1_390_000), policy: policy).figures.paybackMonths == 24)
        #expect(twentyFour.level == .none)
        let twentyFive = payback(owing: 14_401)
        #expect(twentyFive.level == .supervisor)
        #expect(rules(twentyFive) == [.payback])
        // On 60 months the IRR stays above 15% (24.7%) and the NPV positive, so only the payback rule speaks.
        let thirtySix = payback(owing: 21_600, term: 60)
        #expect(thirtySix.level == .supervisor)
        #expect(rules(thirtySix) == [.payback])
        let thirtySeven = payback(owing: 21_601, term: 60)
        #expect(thirtySeven.level == .director)
        #expect(rules(thirtySeven) == [.payback])
        #expect(thirtySeven.reasons[0].text == "payback of 37 months is over 36")
    }

    @Test func anIRRUnderTheMinimumNeedsASupervisor() {
        #expect(ReturnRate.annual(0.15).reaches(Percentage(percent: 15)))
        #expect(!ReturnRate.annual(0.1499).reaches(Percentage(percent: 15)))
        // Raise the minimum over this contract's IRR (32.6%): only the IRR rule applies.
        var strict = ContractPolicy()
        strict.autoMinIRR = Percentage(percent: 33)
        let draft = ContractFixtures.draft(construction: 1_390_000)
        #expect(route(draft).level == .none)
        let irr = route(draft, strict)
        #expect(irr.level == .supervisor)
        #expect(rules(irr) == [.irr])
    }

    @Test func aTermUnderThirtySixMonthsNeedsASupervisor() {
        #expect(route(ContractFixtures.draft(term: 36)).level == .none)
        let short = route(ContractFixtures.draft(term: 24))
        #expect(short.level == .supervisor)
        #expect(rules(short) == [.term])
    }

    @Test func aLineUnderItsFloorNeedsADirector() {
        // A generous allowance so the discount rule asks only a supervisor: at the floor ($800.00, 20%)…
        var generous = ContractPolicy()
        generous.discountAllowance = [36: Percentage(percent: 30)]
        var draft = ContractFixtures.draft()
        draft.lines[0].unitMRR = Money(cents: 80_000)
        #expect(route(draft, generous).level == .supervisor)
        // …and a cent under it.
        draft.lines[0].unitMRR = Money(cents: 79_999)
        let under = route(draft, generous)
        #expect(under.level == .director)
        #expect(rules(under) == [.belowFloor, .discount])
        #expect(under.reasons[0].text == "line 1 (DIA-1G) at $799.99 is under its floor of $800.00")
    }

    @Test func nrcWaivedOverTheLimitNeedsASupervisor() {
        // Waiving the whole $500.00: at the limit…
        #expect(route(ContractFixtures.draft(waived: true)).level == .none)
        // …and a cent over a lower one.
        var tight = ContractPolicy()
        tight.nrcWaiverLimit = Money(cents: 49_999)
        let over = route(ContractFixtures.draft(waived: true), tight)
        #expect(over.level == .supervisor)
        #expect(rules(over) == [.nrcWaiver])
    }

    @Test func aNegativeNPVNeedsADirectorWithAComment() {
        // $20,000.00 of construction against $600.00 a month over 36 months.
        let negative = route(ContractFixtures.draft(construction: 2_000_000))
        #expect(negative.level == .director)
        #expect(negative.needsComment)
        #expect(negative.reasons[0].rule == .negativeNPV)
        #expect(negative.summary.hasPrefix("A director must approve (with a comment: the NPV is negative): the NPV of $-"))
        // Break-even is not negative.
        #expect(!route(ContractFixtures.draft()).needsComment)
    }

    @Test func theHighestLevelDecidesAndItsReasonsComeFirst() {
        let both = route(ContractFixtures.draft(discount: Percentage(percent: 15), term: 24))
        #expect(both.level == .director)
        #expect(both.reasons.map(\.level) == [.director, .supervisor])
        #expect(both.summary.contains("discount of 15% is over the 24-month allowance of 8%"))
        #expect(!both.summary.contains("term"))
    }
}

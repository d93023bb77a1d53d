import Foundation
import Testing
@testable import OrderDeskCore

/// The ROI figures against worked examples. The reference values come from a spreadsheet's functions over
/// the same monthly series (B1 = month 0, B2:B37 = months 1–36):
/// NPV `=B1+NPV((1+10%)^(1/12)-1, B2:B37)` and IRR `=(1+IRR(B1:B37))^12-1`; they were computed with
/// numpy-financial's `npv`/`irr`, which follow the spreadsheet definitions, and checked against the annuity
/// closed form `B1 + m·(1−(1+r)^−n)/r`.
struct ContractFiguresTests {
    /// Worked example A: a 1G line at 15% off ($850.00), NRC $500.00 charged, $400.00 a month to deliver,
    /// $12,000.00 of construction and $850.00 of commission, 36 months. Month 0 is 500 − 12,000 − 850 = −12,350;
    /// every month after brings 850 − 400 = 450.
    static func exampleA(construction: Int64 = 1_200_000) -> ContractDraft {
        var draft = ContractFixtures.draft(discount: Percentage(percent: 15), construction: construction,
                                           commission: 85_000)
        draft.monthlyCost = Money(cents: 40_000)
        return draft
    }

    @Test func npvAndIRROfAMonthlySeriesMatchTheSpreadsheet() {
        let figures = ContractFigures(Self.exampleA())
        #expect(figures.cashFlows.count == 37)
        #expect(figures.cashFlows[0] == Money(cents: -1_235_000))
        #expect(figures.cashFlows[1...].allSatisfy { $0 == Money(cents: 45_000) })
        #expect(figures.npv == Money(cents: 168_391))  // spreadsheet: 1,683.906299
        guard case .annual(let irr) = figures.irr else { Issue.record("expected an IRR"); return }
        #expect(abs(irr - 0.2023091209) < 1e-8)          // spreadsheet: 20.23091209%
        #expect(figures.irr.display == "20.2%")
    }

    @Test func theMonthlyRateIsTheAnnualRateCompounded() {
        #expect(abs(CashFlow.monthlyRate(annual: 0.10) - 0.007974140429) < 1e-12)
        // NPV and IRR of other series, from the same spreadsheet.
        let sixty = [-25_000.0] + Array(repeating: 600.0, count: 60)
        #expect(abs(CashFlow.netPresentValue(rate: CashFlow.monthlyRate(annual: 0.10), flows: sixty) - 3_523.100163) < 1e-5)
        #expect(abs(CashFlow.internalRate(flows: sixty)! - 0.012832685205) < 1e-10)
        let losing = [-20_000.0] + Array(repeating: 400.0, count: 36)
        #expect(abs(CashFlow.netPresentValue(rate: CashFlow.monthlyRate(annual: 0.10), flows: losing) - (-7_525.416623)) < 1e-5)
        #expect(abs(CashFlow.internalRate(flows: losing)! - (-0.016781728615)) < 1e-10)
        let short = [-1_000.0] + Array(repeating: 100.0, count: 12)
        #expect(abs(CashFlow.netPresentValue(rate: CashFlow.monthlyRate(annual: 0.10), flows: short) - 140.048783) < 1e-5)
        #expect(abs(CashFlow.internalRate(flows: short)! - 0.029228540769) < 1e-10)
    }

    @Test func aSmallOutlayAgainstLargeReturnsHasAHugeIRRNotNone() throws {
        // $12.65 out, $211.65 a month back: about 1,570% a month.
        let flows = [-12.65] + Array(repeating: 211.65, count: 36)
        let monthly = try #require(CashFlow.internalRate(flows: flows))
        #expect(abs(CashFlow.netPresentValue(rate: monthly, flows: flows)) < 1e-6)
        #expect(monthly > 15)
        var draft = ContractFixtures.draft(commission: 51_000)  // NRC 500 charged, commission 510
        draft.monthlyCost = .zero
        let figures = ContractFigures(draft)
        #expect(figures.irr.display == ">999%")
        #expect(figures.irr.reaches(Percentage(percent: 15)))
    }

    @Test func anIRRNeedsAnOutlayAndAReturn() {
        #expect(CashFlow.internalRate(flows: [100, 50, 50]) == nil)
        #expect(CashFlow.internalRate(flows: [-100, -5, -5]) == nil)
        // No outlay at all: nothing to return, which passes any minimum.
        let free = ContractFigures(ContractFixtures.draft(commission: 0))
        #expect(free.irr == .noInvestment)
        #expect(free.irr.reaches(Percentage(percent: 15)))
        // A margin that never comes: no return.
        let losing = ContractFigures(ContractFixtures.draft(monthlyCost: 120_000))
        #expect(losing.irr == .noReturn)
        #expect(!losing.irr.reaches(.zero))
    }

    @Test func paybackWithAndWithoutConstructionCost() {
        // 12,350 owed at 450 a month: 27.4 months, so the 28th month pays it back.
        #expect(ContractFigures(Self.exampleA()).paybackMonths == 28)
        // Without construction only 350 is owed: one month.
        #expect(ContractFigures(Self.exampleA(construction: 0)).paybackMonths == 1)
        // Exactly 27 months of 450 is 12,150.
        #expect(CashFlow.paybackMonths(opening: Money(cents: -1_215_000), monthly: Money(cents: 45_000)) == 27)
        #expect(CashFlow.paybackMonths(opening: Money(cents: -1_215_001), monthly: Money(cents: 45_000)) == 28)
        // Nothing owed: paid back at the start. No margin: never.
        #expect(CashFlow.paybackMonths(opening: .zero, monthly: Money(cents: 45_000)) == 0)
        #expect(CashFlow.paybackMonths(opening: Money(cents: -1), monthly: .zero) == nil)
    }

    @Test func theEarlyTerminationSchedule() {
        // Example A: half of the remaining MRR ($850.00 a month) plus the $12,000.00 of construction prorated
        // over the months that remain.
        let figures = ContractFigures(Self.exampleA())
        #expect(figures.earlyTermination == [
            // Leaving before month 1: 0.5 × 850 × 36 = 15,300 + 12,000 = 27,300; before month 12: 25 months
            // remain, 10,625 + 8,333.33.
            EarlyTerminationRow(fromMonth: 1, toMonth: 12, feeAtStart: Money(cents: 2_730_000), feeAtEnd: Money(cents: 1_895_833)),
            EarlyTerminationRow(fromMonth: 13, toMonth: 24, feeAtStart: Money(cents: 1_820_000), feeAtEnd: Money(cents: 985_833)),
            EarlyTerminationRow(fromMonth: 25, toMonth: 36, feeAtStart: Money(cents: 910_000), feeAtEnd: Money(cents: 75_833)),
        ])
        // A 60-month term has five rows; a waived NRC is earned back like construction.
        var sixty = ContractFixtures.draft(term: 60, commission: 0, waived: true)
        sixty.constructionCost = .zero
        let rows = ContractFigures(sixty).earlyTermination
        #expect(rows.count == 5)
        // 0.5 × 1,000 × 60 = 30,000 + the waived 500.
        #expect(rows[0].feeAtStart == Money(cents: 3_050_000))
        // After 59 months: 500 + 500/60 = 8.33.
        #expect(rows[4].feeAtEnd == Money(cents: 50_833))
    }

    @Test func totalsAddUpTheLines() {
        var draft = ContractFixtures.draft(discount: Percentage(percent: 10))
        var voice = ContractLine(product: ContractFixtures.voice, quantity: 10)
        voice.nrcWaived = true
        draft.lines.append(voice)
        let figures = ContractFigures(draft)
        #expect(figures.listMRR == Money(cents: 140_000))
        #expect(figures.netMRR == Money(cents: 130_000))
        #expect(figures.nrc == Money(cents: 75_000))
        #expect(figures.nrcWaived == Money(cents: 25_000))
        #expect(figures.nrcCharged == Money(cents: 50_000))
        #expect(figures.monthlyMargin == Money(cents: 90_000))
        // 1,300 × 36 + 500.
        #expect(figures.totalContractValue == Money(cents: 4_730_000))
        // (1,400 − 1,300) / 1,400 = 7.14%; the deepest line is 10%.
        #expect(figures.discount == Percentage(basisPoints: 714))
        #expect(figures.largestLineDiscount == Percentage(percent: 10))
    }

    @Test func discountsAndNetPricesFollowEachOther() {
        var line = ContractLine(product: ContractFixtures.fiber)
        line.setDiscount(Percentage(basisPoints: 1_250))
        #expect(line.unitMRR == Money(cents: 87_500))
        #expect(line.discount == Percentage(basisPoints: 1_250))
        line.unitMRR = Money(cents: 79_999)
        #expect(line.isBelowFloor)
        #expect(line.discount == Percentage(basisPoints: 2_000))
        line.unitMRR = Money(cents: 120_000)
        #expect(line.discount == .zero)
    }
}

struct PercentageTests {
    @Test func parsesWhatPeopleType() {
        #expect(Percentage(parsing: "15") == Percentage(percent: 15))
        #expect(Percentage(parsing: " 15 % ") == Percentage(percent: 15))
        #expect(Percentage(parsing: "12.5") == Percentage(basisPoints: 1_250))
        #expect(Percentage(parsing: "7.25%") == Percentage(basisPoints: 725))
        #expect(Percentage(parsing: "-2") == Percentage(basisPoints: -200))
        for bad in ["", "%", "abc", "1.234", "1,5", "1.", ".5", "١٥"] { #expect(Percentage(parsing: bad) == nil, "\(bad)") }
    }

    @Test func showsWithoutTrailingZeros() {
        #expect(Percentage(percent: 15).display == "15%")
        #expect(Percentage(basisPoints: 1_250).display == "12.5%")
        #expect(Percentage(basisPoints: 725).display == "7.25%")
        #expect(Percentage(basisPoints: 5).display == "0.05%")
        #expect(Percentage(basisPoints: -1_050).display == "-10.5%")
    }

    @Test func takesAShareOfMoneyRoundingHalfAwayFromZero() {
        #expect(Percentage(percent: 15).of(Money(cents: 100_000)) == Money(cents: 15_000))
        #expect(Percentage(basisPoints: 3_333).of(Money(cents: 100)) == Money(cents: 33))
        #expect(Percentage(basisPoints: 5_000).of(Money(cents: 1)) == Money(cents: 1))
        #expect(Percentage(basisPoints: 5_000).of(Money(cents: -1)) == Money(cents: -1))
    }
}

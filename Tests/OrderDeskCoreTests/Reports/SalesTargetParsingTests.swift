import OrderDeskCore
import Testing

/// How people type a target's month and a commission rate.
struct SalesTargetParsingTests {
    @Test(arguments: [("2026-11", "2026-11"), ("2026-1", "2026-01"), (" 2027-12 ", "2027-12")])
    func monthsAreRead(text: String, stored: String) {
        #expect(TargetMonth(parsing: text)?.description == stored)
    }

    @Test(arguments: ["2026-13", "2026-00", "26-11", "2026/11", "2026-11-01", "", "november", "1999-12"])
    func badMonthsAreRefused(text: String) {
        #expect(TargetMonth(parsing: text) == nil)
    }

    @Test func aMonthHoldsItsDaysAndSorts() throws {
        let day = try #require(Day(iso: "2028-02-29"))
        #expect(TargetMonth(containing: day).description == "2028-02")
        #expect(try #require(TargetMonth(parsing: "2026-12")) < #require(TargetMonth(parsing: "2027-01")))
    }

    @Test(arguments: [("1x", 10_000), ("0.5x", 5_000), ("0.5×", 5_000), ("1.25", 12_500), ("50%", 5_000),
                      ("12.5%", 1_250), ("0", 0), ("10x", 100_000), (" 2X ", 20_000)])
    func ratesAreReadAsMultiplesOrPercentages(text: String, basisPoints: Int) {
        #expect(CommissionRate.parseRate(text) == Percentage(basisPoints: basisPoints))
    }

    @Test(arguments: ["11x", "-1x", "abc", "", "1.255x", "1001%"])
    func badRatesAreRefused(text: String) {
        #expect(CommissionRate.parseRate(text) == nil)
    }

    @Test func ratesReadBackAsMultiplesOfMRR() {
        #expect(CommissionRate(type: .new, rate: Percentage(basisPoints: 10_000)).multipleText == "1× MRR")
        #expect(CommissionRate(type: .renewal, rate: Percentage(basisPoints: 5_000)).multipleText == "0.5× MRR")
        #expect(CommissionRate(type: .add, rate: Percentage(basisPoints: 1_250)).multipleText == "0.125× MRR")
        #expect(CommissionRate(type: .move, rate: .zero).multipleText == "0× MRR")
    }
}

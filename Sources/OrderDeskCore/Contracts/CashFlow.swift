import Foundation

/// Discounted cash-flow arithmetic over monthly series: month 0 first.
public enum CashFlow {
    /// The monthly rate equivalent to an effective annual rate: `(1 + annual)^(1/12) − 1`.
    public static func monthlyRate(annual: Double) -> Double { pow(1 + annual, 1.0 / 12) - 1 }

    /// `Σ flows[t] / (1 + rate)^t`, month 0 undiscounted. A spreadsheet's `=B1 + NPV(rate, B2:Bn)`.
    public static func netPresentValue(rate: Double, flows: [Double]) -> Double {
        var total = 0.0, factor = 1.0
        for flow in flows {
            total += flow / factor
            factor *= 1 + rate
        }
        return total
    }

    /// The monthly rate at which the NPV is zero (a spreadsheet's `IRR`), for a series that starts with an
    /// outlay and has returns; nil when there is no such rate. A tiny outlay against large returns has a huge
    /// rate (thousands of percent a month): the search widens until it brackets it.
    public static func internalRate(flows: [Double]) -> Double? {
        guard let first = flows.first, first < 0, flows.contains(where: { $0 > 0 }) else { return nil }
        // Bisection: with one outlay followed by returns the NPV falls as the rate rises.
        var low = -0.999_999, high = 1.0
        guard netPresentValue(rate: low, flows: flows) > 0 else { return nil }
        while netPresentValue(rate: high, flows: flows) > 0 {
            guard high < 1e12 else { return nil }
            low = high
            high *= 10
        }
        for _ in 0..<300 {
            let mid = (low + high) / 2
            if netPresentValue(rate: mid, flows: flows) > 0 { low = mid } else { high = mid }
            if high - low <= 1e-15 * max(1, abs(high)) { break }
        }
        return (low + high) / 2
    }

    /// The months of `monthly` it takes to recover `opening` (month 0's flow): 0 when month 0 is not
    /// negative, nil when the monthly flow never recovers it (zero or negative). Not limited to a term.
    public static func paybackMonths(opening: Money, monthly: Money) -> Int? {
        guard opening.cents < 0 else { return 0 }
        guard monthly.cents > 0 else { return nil }
        let owed = -opening.cents
        return Int((owed + monthly.cents - 1) / monthly.cents)
    }
}

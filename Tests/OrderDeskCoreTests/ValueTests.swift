import Testing
@testable import OrderDeskCore

struct MoneyTests {
    @Test(arguments: [
        ("1234.5", 123_450), ("1,234.50", 123_450), ("$1234.50", 123_450), (" 0.00 ", 0),
        ("-12", -1_200), ("-$3.07", -307), ("12", 1_200), ("1,000,000.01", 100_000_001), (".5", 50),
    ] as [(String, Int64)])
    func parsesWhatExportsWrite(text: String, cents: Int64) {
        #expect(Money(parsing: text)?.cents == cents)
    }

    @Test(arguments: ["", "abc", "12abc", "1.234", "1,23.00", "12,34", "$", "1..2", "--1"])
    func refusesWhatIsNotAnAmount(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    @Test func printsPlainAndGrouped() {
        #expect(Money(cents: 123_450).plain == "1234.50")
        #expect(Money(cents: 123_450).grouped == "1,234.50")
        #expect(Money(cents: -5).plain == "-0.05")
        #expect(Money(cents: 100_000_000).grouped == "1,000,000.00")
        #expect(Money(cents: 99).grouped == "0.99")
    }
}

struct DayTests {
    @Test func roundTripsEveryDayOfSeveralYears() {
        var previous: Day?
        for ordinal in 18_000...21_000 {
            let day = Day(ordinal: ordinal)
            #expect(Day(iso: day.iso) == day)
            if let previous { #expect(day - previous == 1) }
            previous = day
        }
    }

    @Test func knowsLeapYearsAndRefusesImpossibleDates() {
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-1-01") == nil)
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(iso: "2026-03-07")?.iso == "2026-03-07")
    }

    @Test func convertsUnixTime() {
        #expect(Day(unixSeconds: 1_773_064_931).iso == "2026-03-09")
        #expect(Day(unixSeconds: -1).iso == "1969-12-31")
        #expect(Timestamp.iso(1_773_064_931) == "2026-03-09T14:02:11Z")
    }
}

struct AccountNumberTests {
    @Test func keepsAndRestoresLeadingZeros() {
        #expect(AccountNumber("07830012345")?.digits == "07830012345")
        #expect(AccountNumber("7830012345") == nil)
        #expect(AccountNumber(restoringZeros: "7830012345")?.digits == "07830012345")
        #expect(AccountNumber(restoringZeros: "123456789012") == nil)
        #expect(AccountNumber(restoringZeros: "78300-12345") == nil)
    }
}

struct SpreadsheetSafetyTests {
    @Test func neutralisesFormulas() {
        #expect(SpreadsheetSafety.neutralise("=SUM(A1)") == "'=SUM(A1)")
        #expect(SpreadsheetSafety.neutralise("+1") == "'+1")
        #expect(SpreadsheetSafety.neutralise("-1") == "'-1")
        #expect(SpreadsheetSafety.neutralise("@cmd") == "'@cmd")
        #expect(SpreadsheetSafety.neutralise("Café") == "Café")
        #expect(SpreadsheetSafety.csvField("a,b") == "\"a,b\"")
        #expect(SpreadsheetSafety.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(SpreadsheetSafety.csvField("=1,2") == "\"'=1,2\"")
    }
}

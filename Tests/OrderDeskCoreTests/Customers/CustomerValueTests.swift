import Testing
@testable import OrderDeskCore

struct CustomerValueTests {
    let today = Day(year: 2026, month: 11, day: 29)!

    func contract(_ status: ContractStatus, endingIn days: Int?) -> ContractSummary {
        ContractSummary(id: 1, number: "CSA-000001", kind: .new, status: status, termMonths: 36,
                        startOn: days.map { today.adding(days: $0 - 1000) }, endOn: days.map { today.adding(days: $0) },
                        mrr: Money(cents: 10_000))
    }

    @Test func activeContractsEndingWithinNinetyDaysAreDueForRenewal() {
        #expect(contract(.active, endingIn: 90).isDueForRenewal(today: today))
        #expect(contract(.active, endingIn: 0).isDueForRenewal(today: today))
        #expect(contract(.active, endingIn: -3).isDueForRenewal(today: today))
        #expect(!contract(.active, endingIn: 91).isDueForRenewal(today: today))
        #expect(!contract(.expired, endingIn: 10).isDueForRenewal(today: today))
        #expect(!contract(.draft, endingIn: nil).isDueForRenewal(today: today))
    }

    @Test func aTermEndsTheDayBeforeTheSameDateMonthsLater() {
        #expect(ContractSummary.endDay(start: Day(year: 2026, month: 3, day: 1)!, months: 36) == Day(year: 2029, month: 2, day: 28))
        #expect(ContractSummary.endDay(start: Day(year: 2026, month: 1, day: 15)!, months: 12) == Day(year: 2027, month: 1, day: 14))
        // From 31 January: the month's last day is clamped, then the day before.
        #expect(ContractSummary.endDay(start: Day(year: 2027, month: 1, day: 31)!, months: 13) == Day(year: 2028, month: 2, day: 28))
        #expect(ContractSummary.endDay(start: Day(year: 2026, month: 12, day: 1)!, months: 60) == Day(year: 2031, month: 11, day: 30))
    }

    let product = PriceBookProduct(id: 1, code: "DIA-100", name: "Dedicated Internet 100M", family: "Internet",
                                   listMRR: Money(cents: 45_000), floorMRR: Money(cents: 38_000), nrc: Money(cents: 50_000))

    @Test func aLineAtListPriceMultipliesByTheQuantity() {
        let line = DraftLine(product: product, quantity: 3)
        #expect(line.mrr == Money(cents: 135_000))
        #expect(line.nrc == Money(cents: 150_000))
    }

    @Test func aDraftNeedsALocationLinesAndForAMoveAnotherLocation() {
        var draft = MACOrderDraft(type: .move, customerID: 1)
        #expect(draft.validate().map(\.field) == ["location", "new_location", "lines"])
        draft.locationID = 10; draft.newLocationID = 10
        #expect(draft.validate().map(\.message).contains("The new location is the current one: pick another."))
        draft.newLocationID = 11
        draft.lines = [DraftLine(product: product, quantity: 0)]
        #expect(draft.validate().map(\.message) == ["Line 1: the quantity must be between 1 and 9,999."])
        draft.lines = [DraftLine(product: product, quantity: 2)]
        draft.termMonths = 18
        #expect(draft.validate().map(\.field) == ["term"])
        draft.termMonths = 36
        #expect(draft.validate().isEmpty)
        #expect(draft.totalMRR == Money(cents: 90_000))
        let add = MACOrderDraft(type: .add, customerID: 1, locationID: 10, lines: [DraftLine(product: product)])
        #expect(add.validate().isEmpty)
    }

    @Test func changeAndDisconnectStartFromTheCurrentService() {
        #expect(MACOrderType.allCases.filter(\.prefillsCurrentService) == [.change, .disconnect])
        #expect(MACOrderType.allCases.map(\.orderType) == [.move, .add, .change, .disconnect])
    }

    @Test func textFoldsAccentsAndCaseLikeTheSearchIndex() {
        #expect(TextFolding.words(of: "Café Roma, LLC") == ["cafe", "roma", "llc"])
        #expect(TextFolding.fold("ÑANDÚ Müller") == "nandu muller")
        #expect(TextFolding.words(of: "東京寿司 Sushi") == ["東京寿司", "sushi"])
    }
}

import Testing
@testable import OrderDeskCore

/// Exports written from the same random orders agree; changes injected into the SFDC side are
/// reported exactly, whatever the seed.
struct ReconcilePropertyTests {
    static func records(_ count: Int, random: inout SeededRandom) -> [ExportRecord] {
        (0..<count).map { n in
            let state = OrderState.allCases.filter { $0 != .draft }[random.below(10)]
            let booked = Day(year: 2026, month: 1, day: 1)!.adding(days: random.below(300))
            var record = Fixture.record(n, account: FieldParsing.accountText(UInt64(random.below(99_999_999_999))),
                                        mrr: Int64(random.below(500_000)), state: state)
            record.booked = booked
            record.install = random.below(2) == 0 ? booked.adding(days: 10 + random.below(40)) : nil
            record.nrc = Money(cents: Int64(random.below(3) * 4_950))
            record.termMonths = [12, 24, 36, 60][random.below(4)]
            record.customerName = ["Café Roma, LLC", "Ñandú \"Realty\"", "東京 Trading", "Plain Co"][random.below(4)]
            return record
        }
    }

    @Test(arguments: [1, 2, 3, 42, 2026] as [UInt64])
    func sameOrdersAgreeAndInjectedChangesAreReportedExactly(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let orders = Self.records(300, random: &random)
        #expect(try Fixture.run(ida: orders, sfdc: orders).agrees)

        var sfdc = orders
        var expected: [Difference] = []
        var touched = Set<Int>()
        for _ in 0..<25 {
            let i = random.below(orders.count)
            guard touched.insert(i).inserted else { continue }
            let ida = orders[i]
            func expect(_ field: DifferenceField, _ a: String?, _ b: String?) {
                expected.append(Difference(kind: field.kind, idaOrder: ida.idaOrder, sfdcID: ida.sfdcID, field: field,
                                           idaValue: a, sfdcValue: b, matchedBy: .crossReference))
            }
            switch random.below(7) {
            case 0:
                let other = OrderState.allCases.filter { $0 != ida.state && $0 != .draft }[random.below(9)]
                sfdc[i].state = other
                expect(.status, ida.state.rawValue, other.rawValue)
            case 1:
                sfdc[i].mrr = ida.mrr + Money(cents: 1 + Int64(random.below(10_000)))
                expect(.mrr, ida.mrr.plain, sfdc[i].mrr.plain)
            case 2:
                sfdc[i].nrc = ida.nrc + Money(cents: 100)
                expect(.nrc, ida.nrc.plain, sfdc[i].nrc.plain)
            case 3:
                sfdc[i].termMonths = ida.termMonths == 36 ? 24 : 36
                expect(.term, String(ida.termMonths), String(sfdc[i].termMonths))
            case 4:
                sfdc[i].install = ida.install == nil ? ida.booked.adding(days: 20) : nil
                expect(.installDate, ida.install?.iso, sfdc[i].install?.iso)
            case 5:
                sfdc[i].sfdcAccount = "99999999999"
                expect(.account, ida.account, "99999999999")
            default:
                sfdc[i].crossReference = "IDA-99" + String(i)  // unknown, so paired by account, date and MRR
                expected.append(Difference(kind: .missingCrossReference, idaOrder: ida.idaOrder, sfdcID: ida.sfdcID,
                                           matchedBy: .heuristic))
            }
        }
        // The account is unique per record except by chance; a clash would make the heuristic ambiguous.
        let accounts = Dictionary(grouping: orders, by: \.account)
        try #require(accounts.values.allSatisfy { $0.count == 1 })
        let result = try Fixture.run(ida: orders, sfdc: sfdc)
        #expect(result.rejectedRows.isEmpty)
        #expect(result.differences == expected.sorted(by: Difference.reportOrder))
        #expect(result.summary.matched == orders.count)
    }
}

private extension SeededRandom {
    /// A uniform integer in 0..<n.
    mutating func below(_ n: Int) -> Int { int(0...(n - 1)) }
}

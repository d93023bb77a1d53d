import Testing
@testable import OrderDeskCore

struct LOACheckTests {
    let account = PortingAccount(
        customerName: "Café Roma LLC",
        locations: [
            ServiceLocation(id: 1, street: "1200 Old Country Road", city: "Bethpage", stateCode: "NY", zip: "11714"),
            ServiceLocation(id: 2, street: "45 Main St", city: "Hicksville", stateCode: "NY", zip: "11801"),
        ],
        billingTelephoneNumber: "(516) 555-0142")

    /// A letter that matches, written the way customers write them.
    let matching = LOADetails(authorizedName: "CAFE ROMA, L.L.C.", serviceAddress: "1200 Old Country Rd",
                              zip: "11714-2202", billingTelephoneNumber: "516.555.0142")

    @Test func aLetterThatMatchesHasNoMismatch() {
        #expect(LOACheck.mismatches(matching, account: account).isEmpty)
        var second = matching
        second.serviceAddress = "45 MAIN STREET"; second.zip = "11801"
        #expect(LOACheck.mismatches(second, account: account).isEmpty)
    }

    @Test func aDifferentNameIsFlagged() {
        var letter = matching
        letter.authorizedName = "Caffe Roma LLC"
        #expect(LOACheck.mismatches(letter, account: account).map(\.field) == [.authorizedName])
        letter.authorizedName = "Café Roma"  // a missing word is a mismatch too
        let mismatch = LOACheck.mismatches(letter, account: account)
        #expect(mismatch == [LOAMismatch(field: .authorizedName, onLetter: "Café Roma", onAccount: "Café Roma LLC")])
    }

    @Test func anotherHouseNumberIsFlaggedAsTheAddress() {
        var letter = matching
        letter.serviceAddress = "1220 Old Country Road"
        let mismatch = LOACheck.mismatches(letter, account: account)
        #expect(mismatch.map(\.field) == [.serviceAddress])
        #expect(mismatch.first?.onAccount == "1200 Old Country Road")
    }

    @Test func aZipOfAnotherLocationIsFlagged() {
        var letter = matching
        letter.zip = "11801"  // the other location's ZIP, not this address's
        #expect(LOACheck.mismatches(letter, account: account) == [
            LOAMismatch(field: .zip, onLetter: "11801", onAccount: "11714"),
        ])
    }

    @Test func anotherBillingNumberIsFlagged() {
        var letter = matching
        letter.billingTelephoneNumber = "(516) 555-0143"
        #expect(LOACheck.mismatches(letter, account: account).map(\.field) == [.billingTelephoneNumber])
        letter.billingTelephoneNumber = "555-0142"  // without the area code it cannot be checked
        #expect(LOACheck.mismatches(letter, account: account).map(\.field) == [.billingTelephoneNumber])
    }

    @Test func everyFieldCanMismatchAtOnce() {
        let letter = LOADetails(authorizedName: "Roma Foods Inc", serviceAddress: "9 Elm St", zip: "10001",
                                billingTelephoneNumber: "(212) 555-0100")
        #expect(LOACheck.mismatches(letter, account: account).map(\.field) == LOAField.allCases)
    }

    @Test func anEmptyLetterMatchesNothing() {
        #expect(LOACheck.mismatches(LOADetails(), account: account).map(\.field) == LOAField.allCases)
    }
}

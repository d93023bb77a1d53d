import Testing
@testable import OrderDeskCore

struct ContractDocumentTests {
    static func detail(name: String = "Café Roma LLC") -> ContractDetail {
        var draft = ContractFiguresTests.exampleA()
        draft.kind = .renewal
        draft.parentID = 7
        draft.startOn = Day(year: 2027, month: 1, day: 1)
        var voice = ContractLine(product: ContractFixtures.voice, quantity: 4)
        voice.nrcWaived = true
        draft.lines.append(voice)
        return ContractDetail(
            id: 42, number: "CSA-000042", status: .approved, terms: draft, customerName: name, accountNumber: "07830012345",
            parentNumber: "CSA-000007", locationAddress: "12 Main St, Bethpage, NY 11714", ownerLogin: "dana.ruiz",
            ownerName: "Dana Ruiz", submittedByLogin: "dana.ruiz", submittedBy: 1, submittedAt: 0, requiredLevel: .director,
            lastDecision: nil, sentOn: nil, terminatedOn: nil, version: 3, updatedAt: 0, updatedByLogin: nil, history: [],
            policy: .defaults, needsComment: false)
    }

    @Test func thePlainTextAgreement() {
        let text = ContractDocument(Self.detail(), provider: "Northwind Business Services").render(.txt)
        #expect(text == """
            Commercial Service Agreement CSA-000042
            =======================================

            Renewal of CSA-000007

            PARTIES
              Provider:  Northwind Business Services, represented by Dana Ruiz
              Customer:  Café Roma LLC, account 07830012345

            TERM
              Term:        36 months
              Start date:  2027-01-01
              End date:    2029-12-31
              Status:      approved

            SERVICE LOCATION
              12 Main St, Bethpage, NY 11714

            SERVICES
              #  Product                       Qty   List MRR  Net MRR  Discount      MRR               NRC
              -  ----------------------------  ---  ---------  -------  --------  -------  ----------------
              1  DIA-1G Dedicated Internet 1G    1  $1,000.00  $850.00       15%  $850.00           $500.00
              2  SIP-1 SIP trunk                 4     $40.00   $40.00        0%  $160.00  waived ($100.00)

            TOTALS
              Monthly recurring charges:  $1,010.00
              One-time charges:           $500.00 ($100.00 waived)
              Total contract value:       $36,860.00

            EARLY TERMINATION
              If the Customer ends this agreement before its end date, the Customer pays
              50% of the monthly recurring charges for every remaining month, plus the
              share of any construction cost and waived one-time charges not yet
              recovered, prorated over the remaining months.

              Months of service  Fee at the start  Fee at the end
              -----------------  ----------------  --------------
              1–12                     $30,280.00      $21,027.78
              13–24                    $20,186.67      $10,934.44
              25–36                    $10,093.33         $841.11

            """)
    }

    @Test func theMarkdownAgreementEscapesNames() {
        let text = ContractDocument(Self.detail(name: "Pipe | *Star* Deli"), provider: "Northwind").render(.md)
        #expect(text.hasPrefix("# Commercial Service Agreement CSA-000042\n\nRenewal of CSA-000007\n\n## Parties\n"))
        #expect(text.contains("- **Customer:** Pipe \\| \\*Star\\* Deli, account 07830012345"))
        #expect(text.contains("| 1 | DIA-1G Dedicated Internet 1G | 1 | $1,000.00 | $850.00 | 15% | $850.00 | $500.00 |"))
        #expect(text.contains("| 2 | SIP-1 SIP trunk | 4 | $40.00 | $40.00 | 0% | $160.00 | waived ($100.00) |"))
        #expect(text.contains("- **Total contract value:** $36,860.00"))
        // 0.5 × 1,010 × 12 + the $12,100.00 of construction and waived NRC × 12/36.
        #expect(text.contains("| 25–36 | $10,093.33 | $841.11 |"))
        // Internal figures stay out of what the customer signs.
        for figure in ["NPV", "IRR", "margin", "commission", "Commission"] { #expect(!text.contains(figure)) }
    }

    @Test func wideNamesStayAligned() {
        var detail = Self.detail()
        detail.terms.lines[1].product.name = "東京 trunk"
        // Two cells for each CJK character.
        let width: @Sendable (String) -> Int = { $0.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x3000 ? 2 : 1) } }
        let lines = ContractDocument(detail, provider: "P", width: width).render(.txt).split(separator: "\n")
        let rows = lines.filter { $0.hasPrefix("  1  ") || $0.hasPrefix("  2  ") }
        #expect(rows.count == 2)
        #expect(width(String(rows[0])) == width(String(rows[1])))
    }
}

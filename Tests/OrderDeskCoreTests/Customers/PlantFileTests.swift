import Testing
@testable import OrderDeskCore

struct PlantFileTests {
    func parse(_ text: String) throws -> Result<[PlantEntry], PlantIssues> {
        PlantFile.parse(try CSVDocument.records(Array(text.utf8), name: "plant.csv"))
    }

    @Test func columnsInAnyOrderAndCaseWithStreetsStoredAsTheCheckLooksThemUp() throws {
        let result = try parse("Distance_Feet,ZIP,Street,region\r\n0,11714,1200 Old Country Road,east\r\n150,11714-2202,*,east\r\n\r\n\"1,250\",11801,\"West Main Street, Suite 2\",east\r\n")
        #expect(try result.get() == [
            PlantEntry(zip: "11714", street: "old country rd", distanceFeet: 0),
            PlantEntry(zip: "11714", street: "", distanceFeet: 150),
            PlantEntry(zip: "11801", street: "w main st", distanceFeet: 1_250),
        ])
    }

    @Test func everyBadLineIsReportedWithItsFieldAndNothingIsKept() throws {
        let result = try parse("zip,street,distance_feet\n1171,Main St,abc\n11714,Old Country Rd,0\n11714,1200 OLD COUNTRY ROAD,5\n11714,123,4\n11714,\"Elm St,9\n")
        guard case .failure(let problems) = result else { Issue.record("a bad file was accepted"); return }
        #expect(problems.issues.map(\.description) == [
            "line 2, zip: '1171' is not a ZIP code; use 5 digits",
            "line 2, distance_feet: 'abc' is not a distance; write whole feet from 0 (served) to 1,000,000",
            "line 4, street: 'old country rd' in 11714 is already on line 3; keep one row",
            "line 5, street: '123' has no street name; write the street, or * for the rest of the ZIP code",
            "line 6, row: " + (try CSVDocument.records(Array("11714,\"Elm St,9\n".utf8), name: "x")[0].error ?? "?"),
        ])
    }

    @Test func aMissingColumnIsNamed() throws {
        guard case .failure(let problems) = try parse("zip,street\n11714,Main St\n") else { Issue.record("accepted"); return }
        #expect(problems.issues == [PlantFileIssue(
            line: 1, field: "header", message: "missing column distance_feet; the first line must name zip,street,distance_feet")])
        guard case .failure(let empty) = try parse("") else { Issue.record("accepted"); return }
        #expect(empty.issues.first?.field == "header")
    }

    @Test func aUTF16FileIsRefusedWithWhatToDo() {
        #expect(throws: CSVDocumentError(file: "plant.csv", reason: "it is UTF-16 text; save it as CSV (UTF-8 or Windows-1252)")) {
            try CSVDocument.records([0xFF, 0xFE, 0x7A, 0x00], name: "plant.csv")
        }
    }
}

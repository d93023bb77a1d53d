/// One row of the plant table: how far a street (or the rest of a ZIP code) is from the network.
public struct PlantEntry: Hashable, Sendable {
    /// Five digits.
    public var zip: String
    /// `StreetName.streetOnly` of the street; empty for every other street of the ZIP code.
    public var street: String
    /// 0 for a served street.
    public var distanceFeet: Int

    public init(zip: String, street: String, distanceFeet: Int) {
        self.zip = zip; self.street = street; self.distanceFeet = distanceFeet
    }
}

/// A bad row of a plant file: where, which field, and what to write instead.
public struct PlantFileIssue: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var field: String
    public var message: String
    public var description: String { "line \(line), \(field): \(message)" }
}

/// Reads a plant file: CSV with the columns `zip`, `street` and `distance_feet` in any order and case
/// (extra columns ignored). A street of `*` or nothing covers the rest of the ZIP code. House numbers
/// and spelling (`Road`/`Rd`) do not matter: streets are stored as `StreetName.streetOnly` gives them.
public enum PlantFile {
    public static let columns = ["zip", "street", "distance_feet"]

    /// The entries, or every problem found (nothing is imported while any remains).
    public static func parse(_ records: [CSVRecord]) -> Result<[PlantEntry], PlantIssues> {
        guard let header = records.first else {
            return .failure(PlantIssues([PlantFileIssue(line: 1, field: "header", message: "the file is empty; the first line must name the columns zip,street,distance_feet")]))
        }
        let names = header.fields.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        let missing = columns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            return .failure(PlantIssues([PlantFileIssue(
                line: header.line, field: "header",
                message: "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); the first line must name zip,street,distance_feet")]))
        }
        let zipAt = names.firstIndex(of: "zip")!, streetAt = names.firstIndex(of: "street")!
        let distanceAt = names.firstIndex(of: "distance_feet")!
        var entries: [PlantEntry] = []
        var issues: [PlantFileIssue] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            if let error = record.error {
                issues.append(PlantFileIssue(line: record.line, field: "row", message: error)); continue
            }
            func field(_ i: Int) -> String { i < record.fields.count ? record.fields[i] : "" }
            let zipText = field(zipAt)
            var zip: String?
            if FieldValidation.zip(zipText) == nil {
                zip = String(zipText.trimmingCharacters(in: .whitespaces).prefix(5))
            } else {
                issues.append(PlantFileIssue(line: record.line, field: "zip", message: "'\(zipText)' is not a ZIP code; use 5 digits"))
            }
            let streetText = field(streetAt).trimmingCharacters(in: .whitespaces)
            let street = streetText == "*" ? "" : StreetName.streetOnly(streetText)
            if !streetText.isEmpty && streetText != "*" && street.isEmpty {
                issues.append(PlantFileIssue(line: record.line, field: "street",
                                             message: "'\(streetText)' has no street name; write the street, or * for the rest of the ZIP code"))
            }
            let distanceText = field(distanceAt).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
            let distance = Int(distanceText)
            if distance == nil || distance! < 0 || distance! > 1_000_000 {
                issues.append(PlantFileIssue(line: record.line, field: "distance_feet",
                                             message: "'\(field(distanceAt))' is not a distance; write whole feet from 0 (served) to 1,000,000"))
            }
            guard let zip, let distance, distance >= 0 else { continue }
            let key = zip + "|" + street
            if let first = seen[key] {
                issues.append(PlantFileIssue(line: record.line, field: "street",
                                             message: "\(street.isEmpty ? "the rest of ZIP \(zip)" : "'\(street)' in \(zip)") is already on line \(first); keep one row"))
                continue
            }
            seen[key] = record.line
            entries.append(PlantEntry(zip: zip, street: street, distanceFeet: distance))
        }
        return issues.isEmpty ? .success(entries) : .failure(PlantIssues(issues))
    }
}

/// Every problem of a plant file.
public struct PlantIssues: Error, Hashable, Sendable {
    public var issues: [PlantFileIssue]
    public init(_ issues: [PlantFileIssue]) { self.issues = issues }
}

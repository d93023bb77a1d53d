/// Street addresses reduced to a comparable form: `1200 Old Country Road` and `1200 OLD COUNTRY RD.`
/// are the same address, and both are on the street `old country rd`.
public enum StreetName {
    /// The folded words with the usual suffixes and directions abbreviated (USPS style).
    public static func normalized(_ address: String) -> String {
        TextFolding.words(of: address).map { abbreviations[$0] ?? $0 }.joined(separator: " ")
    }

    /// The street without its house number (and unit): what the plant table lists as served.
    public static func streetOnly(_ address: String) -> String {
        var words = normalized(address).split(separator: " ").map(String.init)
        // "1200", "12a", "12-14" (split as "12" "14"): leading tokens that start with a digit.
        while let first = words.first, first.first?.isNumber == true { words.removeFirst() }
        if let unit = words.firstIndex(where: { unitWords.contains($0) }) { words.removeSubrange(unit...) }
        return words.joined(separator: " ")
    }

    private static let unitWords: Set<String> = ["ste", "suite", "unit", "apt", "fl", "floor", "rm", "room"]

    static let abbreviations: [String: String] = [
        "street": "st", "avenue": "ave", "av": "ave", "road": "rd", "boulevard": "blvd", "drive": "dr",
        "lane": "ln", "place": "pl", "court": "ct", "parkway": "pkwy", "highway": "hwy", "terrace": "ter",
        "square": "sq", "circle": "cir", "turnpike": "tpke", "expressway": "expy", "plaza": "plz",
        "north": "n", "south": "s", "east": "e", "west": "w", "suite": "ste",
    ]
}

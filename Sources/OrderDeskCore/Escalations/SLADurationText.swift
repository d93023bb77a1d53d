import Foundation

extension SLADuration {
    /// How a setting stores it: `4h`, `1bd`.
    public var stored: String {
        switch self {
        case .hours(let n): return "\(n)h"
        case .businessDays(let n): return "\(n)bd"
        }
    }

    /// Reads a duration as people write it: `4h`, `4 hours`, `1 hour`, `1bd`, `1 business day`,
    /// `3 business days` (any case, spaces optional). nil for anything else, and for zero or less.
    public init?(parsing text: String) {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = lowered.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, let n = Int(digits), n > 0 else { return nil }
        let unit = lowered.dropFirst(digits.count).split(separator: " ").joined(separator: " ")
        switch unit {
        case "h", "hr", "hrs", "hour", "hours": self = .hours(n)
        case "bd", "business day", "business days": self = .businessDays(n)
        default: return nil
        }
    }
}

extension EscalationSeverity {
    /// Reads `P1`, `p2` or `3`.
    public init?(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        self.init(rawValue: key.hasPrefix("p") ? key : "p" + key)
    }
}

/// A problem with one field of a form, said so a person can fix it.
public struct FieldError: Hashable, Sendable, Error {
    /// The field's stable name (`email`, `zip`, `state_code`): forms put the message under it.
    public var field: String
    public var message: String

    public init(field: String, message: String) { self.field = field; self.message = message }
}

/// The checks forms run on each field, in the domain so the store runs the same ones below the UI.
public enum FieldValidation {
    public static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }

    /// Trimmed, with runs of spaces collapsed to one.
    public static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    public static func required(_ text: String, field: String, label: String, maxLength: Int = 100) -> FieldError? {
        if isBlank(text) { return FieldError(field: field, message: "\(label) is required.") }
        if collapsed(text).count > maxLength {
            return FieldError(field: field, message: "\(label) is too long: at most \(maxLength) characters.")
        }
        return nil
    }

    /// `name@example.com`: one `@`, a non-empty local part, a domain with a dot and no spaces.
    public static func email(_ text: String, field: String = "email", required: Bool) -> FieldError? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.isEmpty {
            return required ? FieldError(field: field, message: "Email is required.") : nil
        }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && value.count <= 254
            && !value.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
            && isDomain(parts[1])
        return valid ? nil : FieldError(
            field: field, message: "'\(value)' is not an email address: write it as name@example.com.")
    }

    private static func isDomain(_ text: Substring) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    /// A ten-digit North American number, any punctuation, optionally with a leading 1 or +1.
    public static func phone(_ text: String, field: String = "phone", required: Bool) -> FieldError? {
        if isBlank(text) {
            return required ? FieldError(field: field, message: "Phone is required.") : nil
        }
        if PhoneNumber(text) != nil { return nil }
        let digits = text.filter(\.isNumber).count
        let why = digits == 10 || digits == 11
            ? "the area code and exchange cannot start with 0 or 1"
            : "it has \(digits) digit\(digits == 1 ? "" : "s"), a number needs 10"
        return FieldError(
            field: field, message: "'\(text.trimmingCharacters(in: .whitespaces))' is not a phone number: \(why) (e.g. (516) 555-0142).")
    }

    /// Five digits, or ZIP+4 (`11714-2202`).
    public static func zip(_ text: String, field: String = "zip") -> FieldError? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return FieldError(field: field, message: "ZIP code is required.") }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        let valid = (parts.count == 1 && parts[0].count == 5 || parts.count == 2 && parts[0].count == 5 && parts[1].count == 4)
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        return valid ? nil : FieldError(field: field, message: "'\(value)' is not a ZIP code: use 5 digits or ZIP+4 (11714 or 11714-2202).")
    }

    /// A two-letter USPS state or territory code, any case.
    public static func stateCode(_ text: String, field: String = "state_code") -> FieldError? {
        let value = text.trimmingCharacters(in: .whitespaces).uppercased()
        if value.isEmpty { return FieldError(field: field, message: "State is required.") }
        return stateCodes.contains(value) ? nil : FieldError(
            field: field, message: "'\(value)' is not a US state code: use the two-letter USPS code (NY, NJ, CA…).")
    }

    /// The 50 states, DC and the territories.
    public static let stateCodes: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
        "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "VI", "GU",
        "AS", "MP",
    ]
}

/// A ten-digit North American phone number.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// Ten digits: area code, exchange, line.
    public let digits: String

    /// Accepts any punctuation and a leading 1 or +1; refuses area codes and exchanges starting with 0 or 1.
    public init?(_ text: String) {
        // Byte by byte: every allowed character is one ASCII byte, and any other byte (a letter, a
        // non-ASCII character) refuses the text. The search index parses every customer's phone.
        var digits: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 48...57: digits.append(byte)
            case 32, 40, 41, 45, 46, 43: continue  // space ( ) - . +
            default: return nil
            }
        }
        if digits.count == 11, digits.first == 49 { digits.removeFirst() }
        guard digits.count == 10 else { return nil }
        // Neither the area code nor the exchange starts with 0 or 1.
        guard digits[0] > 49, digits[3] > 49 else { return nil }
        self.digits = String(decoding: digits, as: UTF8.self)
    }

    /// `(516) 555-0142`
    public var formatted: String {
        let d = Array(digits)
        return "(" + String(d[0..<3]) + ") " + String(d[3..<6]) + "-" + String(d[6..<10])
    }

    public var description: String { formatted }
}

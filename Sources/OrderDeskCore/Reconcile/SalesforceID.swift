/// Salesforce record ids: the case-sensitive 15-character form and the 18-character form with its
/// case-checksum suffix.
public enum SalesforceID {
    private static let suffixAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".utf8)

    /// The 18-character id for a 15- or 18-character one; nil when it is neither or has other than letters and digits.
    public static func eighteen(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        guard bytes.count == 15 || bytes.count == 18, bytes.allSatisfy(isAlphanumeric) else { return nil }
        if bytes.count == 18 { return text }
        bytes += suffix(of: bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The three checksum characters for the 15 case-sensitive ones: one bit per upper-case letter, per group of five.
    static func suffix<C: RandomAccessCollection>(of fifteen: C) -> [UInt8] where C.Element == UInt8, C.Index == Int {
        (0..<3).map { group in
            var bits = 0
            for i in 0..<5 where isUpper(fifteen[fifteen.startIndex + group * 5 + i]) { bits |= 1 << i }
            return suffixAlphabet[bits]
        }
    }

    static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    static func isAlphanumeric(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || isUpper(b) || (b >= 97 && b <= 122) }
}

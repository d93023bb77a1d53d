/// Reads the values of export fields straight from their bytes, without making strings for the ones
/// that are numbers or dates. Each parser says `empty` for a blank field and `nil` for one it cannot
/// read without guessing; the caller turns that into a rejected row with the reason.
enum FieldParsing {
    /// Stands for an empty money field.
    static let emptyMoney = Int64.min
    /// Stands for an empty date field.
    static let emptyDay = Int32.min
    /// Stands for an empty term field.
    static let emptyTerm: Int32 = -1
    /// Stands for an empty account field.
    static let emptyAccount = UInt64.max

    /// Cents from `1234.50`, `1,234.50`, `$1,234.5`, `-12`, `(12.00)`, `1234.5000`; nil for `12,50`,
    /// `1.234`, `1e3`, `abc`; `emptyMoney` for a blank field.
    static func cents(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int64? {
        var (i, e) = trimmed(b, start, end)
        if i == e { return emptyMoney }
        var negative = false
        if b[i] == 0x28 && b[e - 1] == 0x29 { negative = true; i += 1; e -= 1 }  // (12.00), accounting style
        if i < e && (b[i] == 0x2D || b[i] == 0x2B) { negative = negative || b[i] == 0x2D; i += 1 }
        if i < e && b[i] == 0x24 { i += 1 }  // $
        if i < e && b[i] == 0x2D && !negative { negative = true; i += 1 }  // $-12
        var whole: Int64 = 0
        var digits = 0
        var groupDigits = 0
        var sawComma = false
        while i < e {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 {
                whole = whole * 10 + Int64(c - 0x30)
                digits += 1
                groupDigits += 1
                if digits > 13 { return nil }
            } else if c == 0x2C {
                // Thousands separators only: 1,234 and 12,345,678; never a decimal comma (12,50).
                if digits == 0 || (sawComma ? groupDigits != 3 : groupDigits > 3) { return nil }
                sawComma = true
                groupDigits = 0
            } else {
                break
            }
            i += 1
        }
        if sawComma && groupDigits != 3 { return nil }
        var fraction: Int64 = 0
        var places = 0
        if i < e && b[i] == 0x2E {
            i += 1
            while i < e, b[i] >= 0x30, b[i] <= 0x39 {
                let d = Int64(b[i] - 0x30)
                if places < 2 { fraction = fraction * 10 + d } else if d != 0 { return nil }
                places += 1
                i += 1
            }
            if places == 1 { fraction *= 10 }
        }
        guard i == e, digits > 0 || places > 0 else { return nil }
        let cents = whole * 100 + fraction
        return negative ? -cents : cents
    }

    /// Days since 1970 from `yyyy-MM-dd` (a time after `T` or a space is ignored), `M/D/YYYY` or
    /// `M/D/YY` (20YY, as spreadsheets write it); nil for anything else or a date that does not exist.
    static func day(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int32? {
        let (s, e) = trimmed(b, start, end)
        if s == e { return emptyDay }
        var i = s
        func number(maxDigits: Int) -> (value: Int, digits: Int) {
            var value = 0, digits = 0
            while i < e, digits < maxDigits, b[i] >= 0x30, b[i] <= 0x39 {
                value = value * 10 + Int(b[i] - 0x30); digits += 1; i += 1
            }
            return (value, digits)
        }
        let first = number(maxDigits: 4)
        guard i < e else { return nil }
        var year = 0, month = 0, dayOfMonth = 0
        if first.digits == 4 && b[i] == 0x2D {
            i += 1
            let m = number(maxDigits: 2)
            guard m.digits == 2, i < e, b[i] == 0x2D else { return nil }
            i += 1
            let d = number(maxDigits: 2)
            guard d.digits == 2 else { return nil }
            (year, month, dayOfMonth) = (first.value, m.value, d.value)
            if i < e && b[i] == 0x54 { i = e }  // 2026-03-09T14:02:11.000Z
        } else if (1...2).contains(first.digits) && b[i] == 0x2F {
            i += 1
            let d = number(maxDigits: 2)
            guard d.digits >= 1, i < e, b[i] == 0x2F else { return nil }
            i += 1
            let y = number(maxDigits: 4)
            guard y.digits == 4 || y.digits == 2 else { return nil }
            (year, month, dayOfMonth) = (y.digits == 2 ? 2000 + y.value : y.value, first.value, d.value)
        } else {
            return nil
        }
        // A time of day after the date ("3/7/2026 0:00", as a spreadsheet writes a date-time cell).
        if i < e && b[i] == 0x20 {
            i += 1
            while i < e, (b[i] >= 0x30 && b[i] <= 0x39) || b[i] == 0x3A || b[i] == 0x2E { i += 1 }
        }
        guard i == e, let day = Day(year: year, month: month, day: dayOfMonth) else { return nil }
        return Int32(day.ordinal)
    }

    /// Whole months from `36` or `36.0`; nil for `36.5`, `abc`, 0 or more than 999; `emptyTerm` for blank.
    static func term(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int32? {
        let (s, e) = trimmed(b, start, end)
        if s == e { return emptyTerm }
        var i = s
        var value: Int32 = 0
        var digits = 0
        while i < e, b[i] >= 0x30, b[i] <= 0x39 {
            value = value * 10 + Int32(b[i] - 0x30); digits += 1; i += 1
            if digits > 3 { return nil }
        }
        if i < e && b[i] == 0x2E {
            i += 1
            while i < e && b[i] == 0x30 { i += 1 }
        }
        guard digits > 0, i == e, value > 0 else { return nil }
        return value
    }

    /// The account number's value from up to 11 digits (leading zeros may be missing); nil for more
    /// digits or anything but digits; `emptyAccount` for blank.
    static func account(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> UInt64? {
        let (s, e) = trimmed(b, start, end)
        if s == e { return emptyAccount }
        guard e - s <= 11 else { return nil }
        var value: UInt64 = 0
        for i in s..<e {
            let c = b[i]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            value = value * 10 + UInt64(c - 0x30)
        }
        return value
    }

    /// The account number as 11 digits with its leading zeros.
    static func accountText(_ value: UInt64) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 11 - digits.count)) + digits
    }

    /// The order key: without spaces, an `IDA` prefix with or without `-`, and leading zeros;
    /// upper-cased. Digits only (most keys) come back as `.number`, anything else as `.text`.
    static func orderKey(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> OrderKeyValue {
        let (s, e) = trimmed(b, start, end)
        var hasInnerSpace = false
        for i in s..<e where b[i] == 0x20 || b[i] == 0x09 { hasInnerSpace = true; break }
        if hasInnerSpace {
            let compact = (s..<e).map { b[$0] }.filter { $0 != 0x20 && $0 != 0x09 }
            return compact.withUnsafeBytes { orderKey($0, 0, $0.count) }
        }
        var j = s
        if e - s >= 3, b[s] | 0x20 == 0x69, b[s + 1] | 0x20 == 0x64, b[s + 2] | 0x20 == 0x61 {
            j += 3
            if j < e && b[j] == 0x2D { j += 1 }
        }
        while j < e && b[j] == 0x30 { j += 1 }
        if j == e { return .none }
        var numeric: UInt64 = 0
        var k = j
        while k < e, k - j < 19, b[k] >= 0x30, b[k] <= 0x39 { numeric = numeric * 10 + UInt64(b[k] - 0x30); k += 1 }
        if k == e { return .number(numeric) }
        let upper = (j..<e).map { i -> UInt8 in let c = b[i]; return c >= 0x61 && c <= 0x7A ? c - 0x20 : c }
        return .text(String(decoding: upper, as: UTF8.self))
    }

    /// The span without spaces and tabs at either end.
    @inline(__always)
    static func trimmed(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> (Int, Int) {
        var s = start, e = end
        while s < e && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
        while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
        return (s, e)
    }
}

/// A normalised order key.
enum OrderKeyValue: Hashable {
    case none
    case number(UInt64)
    case text(String)

    /// The key as text: `451234`.
    var text: String {
        switch self {
        case .none: return ""
        case .number(let n): return String(n)
        case .text(let t): return t
        }
    }
}

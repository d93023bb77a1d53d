/// Turns field bytes into text: UTF-8 when they are valid UTF-8, Windows-1252 otherwise (the old
/// billing system writes it). Once a file shows bytes that are not UTF-8 it is read as Windows-1252
/// throughout, so a name like `CAFÃ‰` that happens to be valid UTF-8 does not slip through.
struct FieldText {
    private(set) var isWindows1252 = false

    /// The field's text, trimmed, with `""` inside quotes turned back into `"`.
    mutating func decode(_ b: UnsafeRawBufferPointer, _ field: FieldSpan) -> String {
        let (s, e) = FieldParsing.trimmed(b, field.start, field.end)
        var bytes = UnsafeRawBufferPointer(rebasing: b[s..<e])
        var unescaped: [UInt8] = []
        if field.hasEscapedQuote {
            var previousQuote = false
            for c in bytes {
                if c == 0x22 && previousQuote { previousQuote = false; continue }
                previousQuote = c == 0x22
                unescaped.append(c)
            }
        }
        return unescaped.withUnsafeBytes { unescapedBytes in
            if field.hasEscapedQuote { bytes = unescapedBytes }
            if !isWindows1252, !bytes.contains(where: { $0 >= 0x80 }) || String(validating: bytes, as: UTF8.self) != nil {
                return String(decoding: bytes, as: UTF8.self)
            }
            isWindows1252 = true
            return Self.windows1252(bytes)
        }
    }

    /// Windows-1252 to text: Latin-1 with printable characters in 0x80–0x9F.
    static func windows1252(_ bytes: UnsafeRawBufferPointer) -> String {
        var scalars = String.UnicodeScalarView()
        for c in bytes {
            if c >= 0x80 && c <= 0x9F {
                scalars.append(Unicode.Scalar(high[Int(c - 0x80)]) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(c))
            }
        }
        return String(scalars)
    }

    /// 0x80–0x9F in Windows-1252; 0xFFFD where the code page leaves a hole.
    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}

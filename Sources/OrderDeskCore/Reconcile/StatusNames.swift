/// Looks up a state by its export name straight from the field's bytes, any case, without making a
/// string or hashing one: a name is packed into its length and first and last eight bytes, lower-cased.
struct StatusNames {
    private struct Entry {
        var length: Int
        var head: UInt64
        var tail: UInt64
        var state: OrderState
    }

    private let entries: [Entry]
    /// The names as the export writes them, for messages.
    let hint: String

    init(_ names: [(String, OrderState)]) {
        entries = names.map { name, state in
            let bytes = Array(name.utf8)
            return bytes.withUnsafeBytes { b in
                let (head, tail) = Self.pack(b, 0, b.count)
                return Entry(length: b.count, head: head, tail: tail, state: state)
            }
        }
        hint = names.map(\.0).joined(separator: ", ")
    }

    func state(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> OrderState? {
        let (head, tail) = Self.pack(b, start, end)
        let length = end - start
        for entry in entries where entry.length == length && entry.head == head && entry.tail == tail {
            return entry.state
        }
        return nil
    }

    /// Names longer than 16 bytes are not export statuses; they pack to values no entry has.
    private static func pack(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> (UInt64, UInt64) {
        guard end - start <= 16 else { return (UInt64.max, UInt64.max) }
        var head: UInt64 = 0, tail: UInt64 = 0
        for i in start..<min(end, start + 8) { head = head << 8 | UInt64(lower(b[i])) }
        if end - start > 8 { for i in (start + 8)..<end { tail = tail << 8 | UInt64(lower(b[i])) } }
        return (head, tail)
    }

    @inline(__always)
    private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
}

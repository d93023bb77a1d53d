/// A hash map from numeric order keys to record positions: open addressing with linear probing and a
/// multiplicative hash. Several times faster than `Dictionary` for a million `UInt64` keys, whose
/// seeded SipHash the join does not need (the keys come from files, and a slow run is all a crafted
/// file could cause).
struct KeyIndex {
    private static let empty = UInt64.max
    /// Key and value side by side, so a lookup touches one cache line.
    private struct Entry {
        var key: UInt64
        var value: Int32
    }

    private var entries: [Entry]
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        var bits: UInt64 = 4
        while size < capacity * 2 { size <<= 1; bits += 1 }
        entries = [Entry](repeating: Entry(key: Self.empty, value: 0), count: size)
        mask = size - 1
        shift = 64 - bits
    }

    /// Fibonacci hashing: the top bits of the key times 2^64/φ.
    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value stored for `key`.
    func value(for key: UInt64) -> Int32? {
        entries.withUnsafeBufferPointer { table in
            var i = slot(key)
            while true {
                let k = table[i].key
                if k == key { return table[i].value }
                if k == Self.empty { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// Stores `value` unless `key` is already there; returns whether it stored it.
    @discardableResult
    mutating func insertIfAbsent(_ key: UInt64, _ value: Int32) -> Bool {
        precondition(key != Self.empty, "UInt64.max is the empty marker")
        if (count + 1) * 2 > entries.count { grow() }
        let start = slot(key)
        let stored = entries.withUnsafeMutableBufferPointer { table -> Bool in
            var i = start
            while true {
                let k = table[i].key
                if k == key { return false }
                if k == Self.empty {
                    table[i] = Entry(key: key, value: value)
                    return true
                }
                i = (i + 1) & mask
            }
        }
        if stored { count += 1 }
        return stored
    }

    private mutating func grow() {
        var bigger = KeyIndex(capacity: entries.count)
        for entry in entries where entry.key != Self.empty { bigger.insertIfAbsent(entry.key, entry.value) }
        self = bigger
    }
}

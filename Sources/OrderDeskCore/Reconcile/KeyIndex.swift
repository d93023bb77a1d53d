/// A hash map from numeric order keys to record positions, built for a million keys: open addressing
/// with linear probing, Fibonacci hashing, and each slot one `UInt64` (a 32-bit key and a 32-bit
/// position), so the table stays small enough for the cache. Keys of 32 bits or more (order numbers
/// of ten digits and longer) go to an ordinary dictionary.
///
/// Several times faster than `Dictionary` for this job, whose seeded SipHash it does not need: the
/// keys come from files, and the worst a crafted file could cause is a slow run.
struct KeyIndex {
    private static let empty = UInt64.max
    private var slots: [UInt64]
    private var mask: Int
    private var shift: UInt64
    private var compactCount = 0
    private var large: [UInt64: Int32] = [:]

    init(capacity: Int) {
        var size = 16
        var bits: UInt64 = 4
        while size * 7 < capacity * 10 { size <<= 1; bits += 1 }
        slots = [UInt64](repeating: Self.empty, count: size)
        mask = size - 1
        shift = 64 - bits
    }

    var count: Int { compactCount + large.count }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value stored for `key`.
    func value(for key: UInt64) -> Int32? {
        guard key < 0xFFFF_FFFF else { return large[key] }
        return slots.withUnsafeBufferPointer { table in
            var i = slot(key)
            while true {
                let entry = table[i]
                if entry >> 32 == key { return Int32(truncatingIfNeeded: entry) }
                if entry == Self.empty { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// Stores `value` (0 or more) unless `key` is already there; returns whether it stored it.
    @discardableResult
    mutating func insertIfAbsent(_ key: UInt64, _ value: Int32) -> Bool {
        precondition(value >= 0, "positions are 0 or more")
        guard key < 0xFFFF_FFFF else {
            if large[key] != nil { return false }
            large[key] = value
            return true
        }
        if (compactCount + 1) * 10 > slots.count * 7 { grow() }
        let start = slot(key)
        let mask = self.mask
        let stored = slots.withUnsafeMutableBufferPointer { table -> Bool in
            var i = start
            while true {
                let entry = table[i]
                if entry >> 32 == key { return false }
                if entry == Self.empty {
                    table[i] = key << 32 | UInt64(UInt32(value))
                    return true
                }
                i = (i + 1) & mask
            }
        }
        if stored { compactCount += 1 }
        return stored
    }

    private mutating func grow() {
        var bigger = KeyIndex(capacity: slots.count)
        bigger.large = large
        for entry in slots where entry != Self.empty {
            bigger.insertIfAbsent(entry >> 32, Int32(truncatingIfNeeded: entry))
        }
        self = bigger
    }
}

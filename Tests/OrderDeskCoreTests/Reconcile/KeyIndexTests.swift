import Testing
@testable import OrderDeskCore

struct KeyIndexTests {
    @Test func storesFindsAndRefusesRepeatsAcrossGrowthAndLargeKeys() {
        var index = KeyIndex(capacity: 4)
        var keys: [UInt64] = (0..<5_000).map { UInt64($0) * 1_024 }  // a pattern that clusters naive hashes
        keys += [0xFFFF_FFFE, 0xFFFF_FFFF, 9_999_999_999_999_999_999]
        for (n, key) in keys.enumerated() {
            let stored = index.insertIfAbsent(key, Int32(n))
            #expect(stored)
        }
        for (n, key) in keys.enumerated() {
            #expect(index.value(for: key) == Int32(n))
            let storedAgain = index.insertIfAbsent(key, 0)
            #expect(!storedAgain)
        }
        #expect(index.value(for: 1) == nil)
        #expect(index.value(for: 12_345_678_901) == nil)
        #expect(index.count == keys.count)
    }
}

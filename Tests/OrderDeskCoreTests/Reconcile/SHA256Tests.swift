import OrderDeskCore
import Testing

struct SHA256Tests {
    /// FIPS 180-4 / NIST example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ] as [(String, String)])
    func standardVectors(message: String, digest: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == digest)
    }

    @Test func oneMillionA() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Every split of a message around the block and padding boundaries gives the one-shot digest.
    @Test func chunkBoundaries() {
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 200] {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let whole = SHA256.hex(of: message)
            for first in Set([0, 1, 31, 55, 56, 63, 64, 65, 100, length].filter { $0 <= length }) {
                for second in Set([0, 1, 7, 64, 70].map { min(length, first + $0) }) {
                    var hasher = SHA256()
                    hasher.update(Array(message[..<first]))
                    hasher.update(Array(message[first..<second]))
                    hasher.update(Array(message[second...]))
                    #expect(hasher.finalize() == whole, "length \(length) split at \(first), \(second)")
                }
            }
        }
        // Byte by byte.
        let message = (0..<300).map { UInt8(truncatingIfNeeded: $0) }
        var hasher = SHA256()
        for byte in message { hasher.update([byte]) }
        #expect(hasher.finalize() == SHA256.hex(of: message))
    }

    @Test func finalizeLeavesTheHasherUsable() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        _ = hasher.finalize()
        hasher.update(Array("c".utf8))
        #expect(hasher.finalize() == SHA256.hex(of: Array("abc".utf8)))
    }
}

/// SHA-256 (FIPS 180-4), fed in pieces, for fingerprinting export files.
///
/// Written here rather than taken from a library because Core imports only the standard library and
/// Foundation, and Foundation on Linux has no hash. Whole blocks are hashed straight from the caller's
/// buffer; only a partial block is copied, into inline storage, so hashing allocates nothing.
public struct SHA256: Sendable {
    private var state = State()
    /// Bytes of a block not yet complete (the first `pendingCount` bytes count).
    private var pending = Block()
    private var pendingCount = 0
    /// Bytes hashed so far.
    private var length: UInt64 = 0

    public init() {}

    /// Hashes the next bytes of the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var p = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)
        if pendingCount > 0 {
            let n = min(64 - pendingCount, remaining)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.advanced(by: offset).copyMemory(from: p, byteCount: n) }
            pendingCount += n; p += n; remaining -= n
            guard pendingCount == 64 else { return }
            withUnsafeBytes(of: pending) { Self.compress(&state, $0.baseAddress!, blocks: 1) }
            pendingCount = 0
        }
        let blocks = remaining / 64
        if blocks > 0 {
            Self.compress(&state, p, blocks: blocks)
            p += blocks * 64; remaining -= blocks * 64
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: p, byteCount: remaining) }
            pendingCount = remaining
        }
    }

    /// Hashes the next bytes of the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything hashed so far, as 64 lowercase hex digits. The hasher itself is unchanged.
    public func finalize() -> String {
        var copy = self
        let bitLength = length &* 8
        // Padding: a 1 bit, zeros up to 56 mod 64, then the length in bits, big-endian.
        var tail = [UInt8](repeating: 0, count: pendingCount < 56 ? 64 - pendingCount : 128 - pendingCount)
        tail[0] = 0x80
        for i in 0..<8 { tail[tail.count - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i))) }
        tail.withUnsafeBytes { copy.update($0) }
        let words = [copy.state.a, copy.state.b, copy.state.c, copy.state.d,
                     copy.state.e, copy.state.f, copy.state.g, copy.state.h]
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) { hex.append(Self.hexDigits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The digest of `bytes`, as 64 lowercase hex digits.
    public static func hex(of bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The eight working words, named as in the standard.
    private struct State: Sendable {
        var a: UInt32 = 0x6a09_e667, b: UInt32 = 0xbb67_ae85, c: UInt32 = 0x3c6e_f372, d: UInt32 = 0xa54f_f53a
        var e: UInt32 = 0x510e_527f, f: UInt32 = 0x9b05_688c, g: UInt32 = 0x1f83_d9ab, h: UInt32 = 0x5be0_cd19
    }

    /// 64 bytes of inline storage (a tuple, so no heap allocation).
    private struct Block: Sendable {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    }

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }

    /// One round; the caller rotates the roles of the working words instead of moving them.
    /// Maj reuses a ^ b as the next round's b ^ c (`bc`); h + kw is added first, off the critical path.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32, _ bc: inout UInt32
    ) {
        let hk = h &+ kw
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let ch = g ^ (e & (f ^ g))
        let t1 = hk &+ ch &+ s1
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let ab = a ^ b
        let maj = b ^ (ab & bc)
        bc = ab
        d = d &+ t1
        h = t1 &+ s0 &+ maj
    }

    /// The next message word for a round at j mod 16 (from round 16 on), kept in a 16-word ring so the
    /// expansion interleaves with the rounds instead of running as a separate pass.
    @inline(__always)
    private static func expand(_ w: UnsafeMutablePointer<UInt32>, _ j: Int) -> UInt32 {
        let x = w[(j + 1) & 15], y = w[(j + 14) & 15]
        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
        let v = w[j] &+ s0 &+ w[(j + 9) & 15] &+ s1
        w[j] = v
        return v
    }

    /// Hashes `blocks` whole 64-byte blocks starting at `p` into `state`.
    private static func compress(_ state: inout State, _ p: UnsafeRawPointer, blocks: Int) {
        k.withUnsafeBufferPointer { kp in
            let k = kp.baseAddress!
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { wb in
                let w = wb.baseAddress!
                var block = p
                for _ in 0..<blocks {
                    for i in 0..<16 {
                        w[i] = block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self).bigEndian
                    }
                    var a = state.a, b = state.b, c = state.c, d = state.d
                    var e = state.e, f = state.f, g = state.g, h = state.h
                    var bc = b ^ c
                    // Rounds 0-15 use the block's words as loaded.
                    round(a, b, c, &d, e, f, g, &h, k[0] &+ w[0], &bc)
                    round(h, a, b, &c, d, e, f, &g, k[1] &+ w[1], &bc)
                    round(g, h, a, &b, c, d, e, &f, k[2] &+ w[2], &bc)
                    round(f, g, h, &a, b, c, d, &e, k[3] &+ w[3], &bc)
                    round(e, f, g, &h, a, b, c, &d, k[4] &+ w[4], &bc)
                    round(d, e, f, &g, h, a, b, &c, k[5] &+ w[5], &bc)
                    round(c, d, e, &f, g, h, a, &b, k[6] &+ w[6], &bc)
                    round(b, c, d, &e, f, g, h, &a, k[7] &+ w[7], &bc)
                    round(a, b, c, &d, e, f, g, &h, k[8] &+ w[8], &bc)
                    round(h, a, b, &c, d, e, f, &g, k[9] &+ w[9], &bc)
                    round(g, h, a, &b, c, d, e, &f, k[10] &+ w[10], &bc)
                    round(f, g, h, &a, b, c, d, &e, k[11] &+ w[11], &bc)
                    round(e, f, g, &h, a, b, c, &d, k[12] &+ w[12], &bc)
                    round(d, e, f, &g, h, a, b, &c, k[13] &+ w[13], &bc)
                    round(c, d, e, &f, g, h, a, &b, k[14] &+ w[14], &bc)
                    round(b, c, d, &e, f, g, h, &a, k[15] &+ w[15], &bc)
                    // Rounds 16-63 expand the schedule in the ring as they go.
                    var t = 16
                    while t < 64 {
                        round(a, b, c, &d, e, f, g, &h, k[t + 0] &+ expand(w, 0), &bc)
                        round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ expand(w, 1), &bc)
                        round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ expand(w, 2), &bc)
                        round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ expand(w, 3), &bc)
                        round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ expand(w, 4), &bc)
                        round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ expand(w, 5), &bc)
                        round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ expand(w, 6), &bc)
                        round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ expand(w, 7), &bc)
                        round(a, b, c, &d, e, f, g, &h, k[t + 8] &+ expand(w, 8), &bc)
                        round(h, a, b, &c, d, e, f, &g, k[t + 9] &+ expand(w, 9), &bc)
                        round(g, h, a, &b, c, d, e, &f, k[t + 10] &+ expand(w, 10), &bc)
                        round(f, g, h, &a, b, c, d, &e, k[t + 11] &+ expand(w, 11), &bc)
                        round(e, f, g, &h, a, b, c, &d, k[t + 12] &+ expand(w, 12), &bc)
                        round(d, e, f, &g, h, a, b, &c, k[t + 13] &+ expand(w, 13), &bc)
                        round(c, d, e, &f, g, h, a, &b, k[t + 14] &+ expand(w, 14), &bc)
                        round(b, c, d, &e, f, g, h, &a, k[t + 15] &+ expand(w, 15), &bc)
                        t += 16
                    }
                    state.a &+= a; state.b &+= b; state.c &+= c; state.d &+= d
                    state.e &+= e; state.f &+= f; state.g &+= g; state.h &+= h
                    block += 64
                }
            }
        }
    }
}

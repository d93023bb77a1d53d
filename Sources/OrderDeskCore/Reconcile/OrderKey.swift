/// The IDA order number as the two systems compare it.
public enum OrderKey {
    /// Without the `IDA-` prefix, spaces and leading zeros, upper-cased: `IDA-00451234` → `451234`.
    public static func normalise(_ text: String) -> String {
        var bytes = Array(text.utf8.filter { $0 != UInt8(ascii: " ") && $0 != 0x09 })
        if bytes.count >= 3, bytes[0] | 0x20 == UInt8(ascii: "i"), bytes[1] | 0x20 == UInt8(ascii: "d"),
           bytes[2] | 0x20 == UInt8(ascii: "a") {
            bytes.removeFirst(3)
            if bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
        }
        let firstNonZero = bytes.firstIndex { $0 != UInt8(ascii: "0") } ?? bytes.endIndex
        return String(decoding: bytes[firstNonZero...], as: UTF8.self).uppercased()
    }

    /// The store's 8-digit order number for an IDA order number, when it is one.
    public static func storeOrderNumber(_ idaOrder: String) -> String? {
        let key = normalise(idaOrder)
        guard !key.isEmpty, key.count <= 8, key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return String(repeating: "0", count: 8 - key.count) + key
    }
}

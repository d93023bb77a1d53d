/// The IDA order number as the two systems compare it.
public enum OrderKey {
    /// Without the `IDA-` prefix, spaces and leading zeros, upper-cased: `IDA-00451234` → `451234`.
    public static func normalise(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { FieldParsing.orderKey($0, 0, $0.count).text }
    }

    /// The store's 8-digit order number for an IDA order number, when it is one.
    public static func storeOrderNumber(_ idaOrder: String) -> String? {
        let key = normalise(idaOrder)
        guard !key.isEmpty, key.count <= 8, key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return String(repeating: "0", count: 8 - key.count) + key
    }
}

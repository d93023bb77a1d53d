/// Zero-padded decimal text (`zeroPadded(7, width: 3)` is `007`) without `String(format:)`, which is
/// slow on Linux in loops.
public func zeroPadded(_ n: Int, width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

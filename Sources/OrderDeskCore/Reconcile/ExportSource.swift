import Foundation

/// Where an export's bytes come from: a file (the store's `ExportFile`) or memory (`BytesExportSource`).
/// The engine reads it in chunks, so a file is never held whole in memory.
public protocol ExportSource: Sendable {
    /// The name used in messages, usually the file's name.
    var name: String { get }
    /// The total size in bytes when known (for progress).
    var size: Int64? { get }
    /// Fills the start of `buffer`; returns how many bytes it wrote, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// An export held in memory, for tests and for the demo's exports.
public final class BytesExportSource: ExportSource, @unchecked Sendable {
    public let name: String
    private let bytes: [UInt8]
    private var offset = 0
    private let lock = NSLock()

    public init(name: String, bytes: [UInt8]) { self.name = name; self.bytes = bytes }
    public convenience init(name: String, text: String) { self.init(name: name, bytes: Array(text.utf8)) }

    public var size: Int64? { Int64(bytes.count) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        lock.lock(); defer { lock.unlock() }
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: n)
        }
        offset += n
        return n
    }
}

/// How far a run has got, shared between the thread doing the work and the one showing it; also the
/// way to cancel the run.
public final class ReconcileProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var _bytesRead: Int64 = 0
    private var _rowsRead = 0
    private var _totalBytes: Int64 = 0
    private var _cancelled = false
    private var _phase = "reading"

    public init() {}

    /// A snapshot for display.
    public struct Snapshot: Hashable, Sendable {
        public var bytesRead: Int64
        public var totalBytes: Int64
        public var rowsRead: Int
        public var phase: String
        /// 0…1; 0 when the total is unknown.
        public var fraction: Double { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 0 }
    }

    public var snapshot: Snapshot {
        lock.lock(); defer { lock.unlock() }
        return Snapshot(bytesRead: _bytesRead, totalBytes: _totalBytes, rowsRead: _rowsRead, phase: _phase)
    }

    /// Asks the run to stop; it throws `ReconcileError.cancelled` at its next chunk.
    public func cancel() { lock.lock(); _cancelled = true; lock.unlock() }

    public var isCancelled: Bool { lock.lock(); defer { lock.unlock() }; return _cancelled }

    func addTotal(_ bytes: Int64) { lock.lock(); _totalBytes += bytes; lock.unlock() }

    func advance(bytes: Int, rows: Int) {
        lock.lock(); _bytesRead += Int64(bytes); _rowsRead += rows; lock.unlock()
    }

    /// Names what the run does now ("reading", "matching", "saving").
    public func setPhase(_ phase: String) { lock.lock(); _phase = phase; lock.unlock() }
}

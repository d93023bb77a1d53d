import Foundation

/// Reconciles an IDA export against an SFDC export (FORMATS.md): reads both, pairs their records by
/// cross-reference (then heuristically), and lists every difference in report order.
public enum Reconciliation {
    /// Reads both exports, each on its own thread and in chunks, and reconciles them with a hash join.
    /// Throws `ReconcileError` when a run cannot be done (no header, a required column missing, cancelled).
    public static func run(
        ida: some ExportSource, sfdc: some ExportSource, options: ReconcileOptions = ReconcileOptions(),
        progress: ReconcileProgress? = nil
    ) throws -> ReconcileResult {
        // A progress of our own when none is given: it is how a failed side stops the other one.
        let progress = progress ?? ReconcileProgress()
        progress.addTotal((ida.size ?? 0) + (sfdc.size ?? 0))
        progress.setPhase("reading")
        // Whichever side fails first stops the other at its next chunk, so a missing column is
        // reported at once, not after the other file has been read to its end.
        let idaLoad = BackgroundLoad {
            do { return try IDATable.load(ida, progress: progress) } catch { progress.cancel(); throw error }
        }
        let sfdcTable: SFDCTable
        do {
            sfdcTable = try SFDCTable.load(sfdc, progress: progress)
        } catch {
            progress.cancel()
            // When the IDA side failed first, its error is the cause and this side's is `cancelled`.
            do {
                _ = try idaLoad.wait()
            } catch let idaError where idaError as? ReconcileError != .cancelled {
                throw idaError
            } catch {}
            throw error
        }
        let idaTable = try idaLoad.wait()
        if progress.isCancelled { throw ReconcileError.cancelled }
        progress.setPhase("matching")
        return Matcher(ida: idaTable, sfdc: sfdcTable, options: options).result()
    }
}

/// Runs a load on a thread of its own; `wait()` returns its result or rethrows its error.
private final class BackgroundLoad<Value>: @unchecked Sendable {
    private var outcome: Result<Value, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () throws -> Value) {
        let box = UncheckedBox(work)
        let thread = Thread { [self] in
            self.outcome = Result { try box.value() }
            self.done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    func wait() throws -> Value {
        done.wait()
        return try outcome!.get()
    }
}

private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Pairs the records of the two tables and compares each pair (FORMATS.md's rules, in their order).
private struct Matcher {
    let ida: IDATable
    let sfdc: SFDCTable
    let options: ReconcileOptions

    func result() -> ReconcileResult {
        var differences: [Difference] = []
        var idaPaired = [Bool](repeating: false, count: ida.count)
        var unreferenced: [Int] = []
        var matched = 0

        // 1. Cross-references, in SFDC file order: a cross-reference met again is a duplicate.
        var unknownSeen = Set<OrderKeyValue>()
        for s in 0..<sfdc.count {
            let crossReference = sfdc.crossReferences[s]
            if let i = ida.index(of: crossReference).map(Int.init) {
                if idaPaired[i] {
                    differences.append(Difference(kind: .duplicateInSFDC, sfdcID: sfdc.id(s)))
                    continue
                }
                idaPaired[i] = true
                matched += 1
                compare(ida: i, sfdc: s, matchedBy: .crossReference, into: &differences)
            } else {
                if case .none = crossReference {} else if !unknownSeen.insert(crossReference).inserted {
                    differences.append(Difference(kind: .duplicateInSFDC, sfdcID: sfdc.id(s)))
                    continue
                }
                unreferenced.append(s)
            }
        }

        // 2. Heuristic pairing of the rest, in SFDC file order, with the IDA records still unpaired.
        if !unreferenced.isEmpty {
            var byAccount: [UInt64: [Int32]] = [:]
            for i in 0..<ida.count where !idaPaired[i] && ida.values[i].account != FieldParsing.emptyAccount {
                byAccount[ida.values[i].account, default: []].append(Int32(i))
            }
            for s in unreferenced {
                if let i = heuristicPartner(of: s, among: byAccount[sfdc.values[s].account] ?? [], paired: idaPaired) {
                    idaPaired[i] = true
                    matched += 1
                    differences.append(Difference(
                        kind: .missingCrossReference, idaOrder: ida.orders[i], sfdcID: sfdc.id(s), matchedBy: .heuristic))
                    compare(ida: i, sfdc: s, matchedBy: .heuristic, into: &differences)
                } else {
                    differences.append(Difference(kind: .missingInIDA, sfdcID: sfdc.id(s)))
                }
            }
        }

        // 3. What is left over, and the duplicates.
        for i in 0..<ida.count where !idaPaired[i] {
            differences.append(Difference(kind: .missingInSFDC, idaOrder: ida.orders[i]))
        }
        for order in ida.duplicates { differences.append(Difference(kind: .duplicateInIDA, idaOrder: order)) }

        differences = ReportOrder.sorted(differences)
        let summary = ReconcileSummary.counting(differences, idaRows: ida.rows, sfdcRows: sfdc.rows, matched: matched)
        return ReconcileResult(summary: summary, differences: differences, rejectedRows: ida.rejected + sfdc.rejected)
    }

    /// The one unpaired IDA record with the same account, booked within 3 days and an MRR within the
    /// tolerance; nil when there is none or more than one.
    private func heuristicPartner(of s: Int, among candidates: [Int32], paired: [Bool]) -> Int? {
        let booked = sfdc.values[s].booked
        guard booked != FieldParsing.emptyDay else { return nil }
        var found: Int?
        for c in candidates {
            let i = Int(c)
            guard !paired[i] else { continue }
            let idaBooked = ida.values[i].booked
            guard idaBooked != FieldParsing.emptyDay,
                  abs(Int(idaBooked) - Int(booked)) <= ReconcileOptions.heuristicBookedWindowDays,
                  !moneyDiffers(ida.values[i].mrr, sfdc.values[s].mrr)
            else { continue }
            if found != nil { return nil }
            found = i
        }
        return found
    }

    private func compare(ida i: Int, sfdc s: Int, matchedBy: MatchedBy, into differences: inout [Difference]) {
        let a = ida.values[i], b = sfdc.values[s]
        func add(_ field: DifferenceField, _ idaValue: String?, _ sfdcValue: String?) {
            differences.append(Difference(
                kind: field.kind, idaOrder: ida.orders[i], sfdcID: sfdc.id(s), field: field,
                idaValue: idaValue, sfdcValue: sfdcValue, matchedBy: matchedBy))
        }
        if a.state != b.state { add(.status, a.state.rawValue, b.state.rawValue) }
        if moneyDiffers(a.mrr, b.mrr) { add(.mrr, Self.money(a.mrr), Self.money(b.mrr)) }
        if moneyDiffers(a.nrc, b.nrc) { add(.nrc, Self.money(a.nrc), Self.money(b.nrc)) }
        if a.term != b.term { add(.term, Self.term(a.term), Self.term(b.term)) }
        if daysDiffer(a.install, b.install) { add(.installDate, Self.day(a.install), Self.day(b.install)) }
        if a.account != b.account { add(.account, Self.account(a.account), Self.account(b.account)) }
    }

    private func moneyDiffers(_ x: Int64, _ y: Int64) -> Bool {
        if x == FieldParsing.emptyMoney || y == FieldParsing.emptyMoney { return x != y }
        return abs(x - y) > options.moneyTolerance.cents
    }

    private func daysDiffer(_ x: Int32, _ y: Int32) -> Bool {
        if x == FieldParsing.emptyDay || y == FieldParsing.emptyDay { return x != y }
        return abs(Int(x) - Int(y)) > options.dateToleranceDays
    }

    static func money(_ cents: Int64) -> String? { cents == FieldParsing.emptyMoney ? nil : Money(cents: cents).plain }
    static func term(_ months: Int32) -> String? { months == FieldParsing.emptyTerm ? nil : String(months) }
    static func day(_ ordinal: Int32) -> String? { ordinal == FieldParsing.emptyDay ? nil : Day(ordinal: Int(ordinal)).iso }
    static func account(_ value: UInt64) -> String? {
        value == FieldParsing.emptyAccount ? nil : FieldParsing.accountText(value)
    }
}

/// Sorts differences into report order fast: each becomes six integers that compare like its
/// kind, IDA order (as bytes), SFDC id and field, and positions are sorted by those. A hundred
/// thousand differences sort in milliseconds instead of a noticeable part of a second. An IDA order
/// number too long to pack (over 14 bytes) falls back to comparing the differences themselves.
enum ReportOrder {
    static func sorted(_ differences: [Difference]) -> [Difference] {
        var keys: [(UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)] = []
        keys.reserveCapacity(differences.count)
        for d in differences {
            guard let ida = pack(d.idaOrder, words: 2), let sfdc = pack(d.sfdcID, words: 3) else {
                return differences.sorted(by: Difference.reportOrder)
            }
            let field = d.field.map { UInt64(fieldRank[$0]! + 1) } ?? 0
            keys.append((UInt64(d.kind.rank) << 8 | (d.idaOrder == nil ? 0 : 1), ida[0], ida[1] | (d.sfdcID == nil ? 0 : 1),
                         sfdc[0], sfdc[1], sfdc[2] | field))
        }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        return order.map { differences[$0] }
    }

    private static let fieldRank = Dictionary(uniqueKeysWithValues: DifferenceField.allCases.sorted().enumerated().map { ($1, $0) })

    /// The text's bytes big-endian in `words` words, zero-padded (so a prefix sorts first); the last
    /// word's low 16 bits stay free. nil when it does not fit or holds a zero byte.
    private static func pack(_ text: String?, words: Int) -> [UInt64]? {
        var packed = [UInt64](repeating: 0, count: words)
        guard let text else { return packed }
        let capacity = words * 8 - 2
        var n = 0
        for byte in text.utf8 {
            guard n < capacity, byte != 0 else { return nil }
            packed[n / 8] |= UInt64(byte) << (56 - 8 * UInt64(n % 8))
            n += 1
        }
        return packed
    }
}

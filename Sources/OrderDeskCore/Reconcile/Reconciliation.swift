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
        let idaLoad = BackgroundLoad { try IDATable.load(ida, progress: progress) }
        let sfdcTable: SFDCTable
        do {
            sfdcTable = try SFDCTable.load(sfdc, progress: progress)
        } catch {
            progress.cancel()  // the IDA thread stops at its next chunk
            _ = try? idaLoad.wait()
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

        // 1. Cross-references.
        for s in 0..<sfdc.count {
            if let i = ida.index(of: sfdc.crossReferences[s]) {
                idaPaired[Int(i)] = true
                matched += 1
                compare(ida: Int(i), sfdc: s, matchedBy: .crossReference, into: &differences)
            } else {
                unreferenced.append(s)
            }
        }

        // 2. Heuristic pairing of the rest, in SFDC file order, with the IDA records still unpaired.
        if !unreferenced.isEmpty {
            var byAccount: [UInt64: [Int32]] = [:]
            for i in 0..<ida.count where !idaPaired[i] && ida.fields.accounts[i] != FieldParsing.emptyAccount {
                byAccount[ida.fields.accounts[i], default: []].append(Int32(i))
            }
            for s in unreferenced {
                if let i = heuristicPartner(of: s, among: byAccount[sfdc.fields.accounts[s]] ?? [], paired: idaPaired) {
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
        for id in sfdc.duplicates { differences.append(Difference(kind: .duplicateInSFDC, sfdcID: id)) }

        differences.sort(by: Difference.reportOrder)
        let summary = ReconcileSummary.counting(differences, idaRows: ida.rows, sfdcRows: sfdc.rows, matched: matched)
        return ReconcileResult(summary: summary, differences: differences, rejectedRows: ida.rejected + sfdc.rejected)
    }

    /// The one unpaired IDA record with the same account, booked within 3 days and an MRR within the
    /// tolerance; nil when there is none or more than one.
    private func heuristicPartner(of s: Int, among candidates: [Int32], paired: [Bool]) -> Int? {
        let booked = sfdc.fields.booked[s]
        guard booked != FieldParsing.emptyDay else { return nil }
        var found: Int?
        for c in candidates {
            let i = Int(c)
            guard !paired[i] else { continue }
            let idaBooked = ida.fields.booked[i]
            guard idaBooked != FieldParsing.emptyDay,
                  abs(Int(idaBooked) - Int(booked)) <= ReconcileOptions.heuristicBookedWindowDays,
                  !moneyDiffers(ida.fields.mrr[i], sfdc.fields.mrr[s])
            else { continue }
            if found != nil { return nil }
            found = i
        }
        return found
    }

    private func compare(ida i: Int, sfdc s: Int, matchedBy: MatchedBy, into differences: inout [Difference]) {
        let a = ida.fields, b = sfdc.fields
        func add(_ field: DifferenceField, _ idaValue: String?, _ sfdcValue: String?) {
            differences.append(Difference(
                kind: field.kind, idaOrder: ida.orders[i], sfdcID: sfdc.id(s), field: field,
                idaValue: idaValue, sfdcValue: sfdcValue, matchedBy: matchedBy))
        }
        if a.states[i] != b.states[s] { add(.status, a.states[i].rawValue, b.states[s].rawValue) }
        if moneyDiffers(a.mrr[i], b.mrr[s]) { add(.mrr, Self.money(a.mrr[i]), Self.money(b.mrr[s])) }
        if moneyDiffers(a.nrc[i], b.nrc[s]) { add(.nrc, Self.money(a.nrc[i]), Self.money(b.nrc[s])) }
        if a.terms[i] != b.terms[s] { add(.term, Self.term(a.terms[i]), Self.term(b.terms[s])) }
        if daysDiffer(a.installs[i], b.installs[s]) {
            add(.installDate, Self.day(a.installs[i]), Self.day(b.installs[s]))
        }
        if a.accounts[i] != b.accounts[s] { add(.account, Self.account(a.accounts[i]), Self.account(b.accounts[s])) }
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

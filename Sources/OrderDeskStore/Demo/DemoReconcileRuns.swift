import GRDB
import OrderDeskCore

/// Two saved weekly reconciliation runs for a demo database: last week's, partly resolved with notes,
/// and this week's, where most of last week's differences are still there (recurring, carrying the
/// notes) beside some new ones. Exports are written from the demo's own recent orders, differences are
/// injected on purpose, and the real engine finds them. Deterministic for the demo's seed.
struct DemoReconcileRuns {
    let db: Database
    let now: Int64
    let currentLogin: String
    /// A stream of its own, so the rest of the demo does not change when this part does.
    var random: SeededRandom

    /// Recent orders exported; enough for a realistic run, few enough that a 1M-order demo stays fast.
    static let maxOrders = 5_000

    init(db: Database, seed: UInt64, now: Int64, currentLogin: String) {
        self.db = db; self.now = now; self.currentLogin = currentLogin
        random = SeededRandom(seed: seed ^ 0x5EED_0F_12EC0)
    }

    /// The deliberate differences, each written into the SFDC or IDA rows of one record.
    enum Fault: CaseIterable {
        case status, mrr, nrc, term, installDate, account, missingInSFDC, missingInIDA, duplicateInIDA
        case duplicateInSFDC, blankCrossReference, mistypedCrossReference
    }

    /// A fault on one record; `salt` fixes its details (amounts, ids) so the next week repeats it exactly.
    struct Injection {
        let fault: Fault
        let record: Int
        let salt: UInt64
    }

    mutating func build() throws {
        let base = try loadRecords()
        let lastWeek = now - 7 * 86_400
        // Each fault touches its own records; a few dozen in all, scaled down for tiny demos.
        var free = Array(base.indices)
        shuffle(&free)
        let perFault = base.count >= 30 ? min(6, max(1, base.count / 60)) : 0
        var week1: [Injection] = []
        for fault in Fault.allCases {
            for _ in 0..<perFault { week1.append(Injection(fault: fault, record: free.removeLast(), salt: random.next())) }
        }
        // This week: about three in four of last week's faults are still there, plus new ones.
        var week2 = week1.filter { _ in !random.chance(0.25) }
        let newPerFault = (perFault + 2) / 3
        for fault in Fault.allCases {
            for _ in 0..<newPerFault where !free.isEmpty {
                week2.append(Injection(fault: fault, record: free.removeLast(), salt: random.next()))
            }
        }

        let manager = try user(login: "dana.ruiz") ?? user(login: currentLogin)
        let current = try user(login: currentLogin) ?? manager
        guard let manager, let current else { return }

        let run1 = try saveRun(base, week1, at: lastWeek, by: manager)
        try resolveSome(of: run1, after: lastWeek)
        _ = try saveRun(base, week2, at: now, by: current)
    }

    // MARK: - Records

    /// The most recent orders past draft (IDA has no drafts), as both exports describe them.
    func loadRecords() throws -> [ExportRecord] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT o.order_number, c.account_number, c.name, l.street, l.city, l.state_code, l.zip, o.type, o.state,
                       o.mrr_cents, o.nrc_cents, o.term_months, o.booked_on, o.install_on, o.bill_start_on, o.channel,
                       o.owner_id, u.name, o.customer_id
                FROM orders o JOIN customers c ON c.id = o.customer_id
                LEFT JOIN locations l ON l.id = o.location_id LEFT JOIN users u ON u.id = o.owner_id
                WHERE o.state != 'draft' ORDER BY o.booked_on DESC, o.id DESC LIMIT ?
                """,
            arguments: [Self.maxOrders])
        return try rows.map { row in
            let number: String = row[0]
            let account: String = row[1]
            let customerID: Int64 = row[18]
            let ownerID: Int64? = row[16]
            guard let type = OrderType(rawValue: row[7]), let state = OrderState(rawValue: row[8]),
                  let channel = Channel(rawValue: row[15]), let booked = Day(iso: row[12] as String)
            else { throw StoreError.corruptValue(column: "orders", value: number) }
            return ExportRecord(
                idaOrder: "IDA-" + number, account: account, customerName: row[2], address: row[3] ?? "",
                city: row[4] ?? "", stateCode: row[5] ?? "", zip: row[6] ?? "", type: type, state: state,
                mrr: Money(cents: row[9]), nrc: Money(cents: row[10]), termMonths: row[11], booked: booked,
                install: (row[13] as String?).flatMap { Day(iso: $0) }, billStart: (row[14] as String?).flatMap { Day(iso: $0) },
                repID: "E" + zeroPadded(10_000 + Int(ownerID ?? 0) * 4_327 % 90_000, width: 5), channel: channel,
                ownerName: row[17] ?? "Integration User",
                // Derived from the order number: unique, and the same every week.
                sfdcID: Self.salesforceID(prefix: "8015e", number: Int(number) ?? 0), sfdcAccountID: Self.salesforceID(prefix: "0015e", number: Int(customerID)),
                // SFDC often loses the account's leading zero (FORMATS.md); reconciliation ignores it.
                sfdcAccount: account.hasPrefix("0") && customerID % 3 == 0 ? String(account.dropFirst()) : account)
        }
    }

    /// An 18-character Salesforce id: a 5-character prefix and `number` scrambled into 10 base-62 digits.
    static func salesforceID(prefix: String, number: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        // Multiplying by a number prime to 62^10, modulo 62^10, maps distinct numbers to distinct ids
        // while neighbouring orders get unrelated ones, as in a real org.
        let modulus: UInt64 = 839_299_365_868_340_224
        let product = UInt64(number).multipliedFullWidth(by: 521_496_385_071_249_307)
        var n = Int(modulus.dividingFullWidth((product.high % modulus, product.low)).remainder)
        var digits: [Character] = []
        for _ in 0..<10 { digits.append(alphabet[n % 62]); n /= 62 }
        let fifteen = prefix + String(digits.reversed())
        return SalesforceID.eighteen(fifteen) ?? fifteen
    }

    // MARK: - Exports with faults

    /// The two exports after the faults: IDA rows, then SFDC rows, each in file order.
    func exports(_ base: [ExportRecord], _ injections: [Injection]) -> (ida: [ExportRecord], sfdc: [ExportRecord]) {
        var ida: [ExportRecord?] = base
        var sfdc: [ExportRecord?] = base
        var idaExtra: [ExportRecord] = []
        var sfdcExtra: [ExportRecord] = []
        for injection in injections {
            let i = injection.record
            let record = base[i]
            let salt = injection.salt
            switch injection.fault {
            case .status:
                sfdc[i]?.state = Self.otherState(record.state)
            case .mrr:
                let delta = Int64(500 + Int(salt % 40) * 125)
                sfdc[i]?.mrr = Money(cents: record.mrr.cents > delta * 2 && salt & 1 == 0 ? record.mrr.cents - delta : record.mrr.cents + delta)
            case .nrc:
                sfdc[i]?.nrc = record.nrc == .zero ? Money(cents: 9_900 + Int64(salt % 5) * 10_000) : .zero
            case .term:
                let terms = [12, 24, 36, 60].filter { $0 != record.termMonths }
                sfdc[i]?.termMonths = terms[Int(salt % UInt64(terms.count))]
            case .installDate:
                let shift = Int(salt % 14) + 1
                sfdc[i]?.install = record.install.map { $0.adding(days: shift) } ?? record.booked.adding(days: 14 + shift)
            case .account:
                // The last digit mistyped in SFDC.
                var digits = Array(record.account.utf8)
                digits[digits.count - 1] = UInt8(ascii: "0") + (digits[digits.count - 1] - UInt8(ascii: "0") + 1) % 10
                sfdc[i]?.sfdcAccount = String(decoding: digits, as: UTF8.self)
            case .missingInSFDC:
                sfdc[i] = nil
            case .missingInIDA:
                ida[i] = nil
            case .duplicateInIDA:
                idaExtra.append(record)
            case .duplicateInSFDC:
                var copy = record
                copy.sfdcID = Self.salesforceID(prefix: "8015g", number: Int(salt % 1_000_000_000))
                sfdcExtra.append(copy)
            case .blankCrossReference:
                // Pairs heuristically: same account, booking date and MRR as its IDA record.
                sfdc[i]?.crossReference = nil
            case .mistypedCrossReference:
                // Letter O for zero: a reference to no IDA order, so it pairs heuristically too.
                sfdc[i]?.crossReference = record.idaOrder.replacingOccurrences(of: "0", with: "O")
            }
        }
        return (ida.compactMap { $0 } + idaExtra, sfdc.compactMap { $0 } + sfdcExtra)
    }

    /// A state SFDC plausibly shows when it is a step behind or ahead of IDA.
    static func otherState(_ state: OrderState) -> OrderState {
        switch state {
        case .draft, .submitted, .pending, .held: return .inProgress
        case .inProgress: return .scheduled
        case .scheduled: return .installed
        case .notDone: return .scheduled
        case .installed: return .billed
        case .billed: return .installed
        case .cancelled: return .inProgress
        case .rejected: return .submitted
        }
    }

    // MARK: - Runs

    /// Writes both exports for `at`'s date, reconciles them with the engine and saves the run.
    mutating func saveRun(_ base: [ExportRecord], _ injections: [Injection], at: Int64, by user: UserAccount) throws -> Int64 {
        let (idaRecords, sfdcRecords) = exports(base, injections)
        let date = Day(unixSeconds: at).iso
        let idaBytes = Array(ExportWriter.idaFile(idaRecords).utf8)
        let sfdcBytes = Array(ExportWriter.sfdcFile(sfdcRecords).utf8)
        let idaName = "ida_orders_" + date + ".csv"
        let sfdcName = "sfdc_orders_" + date + ".csv"
        let result = try Reconciliation.run(
            ida: BytesExportSource(name: idaName, bytes: idaBytes), sfdc: BytesExportSource(name: sfdcName, bytes: sfdcBytes))
        return try AppDatabase.insertReconcileRun(
            db, result,
            ida: ExportFileInfo(name: idaName, size: Int64(idaBytes.count), sha256: SHA256.hex(of: idaBytes)),
            sfdc: ExportFileInfo(name: sfdcName, size: Int64(sfdcBytes.count), sha256: SHA256.hex(of: sfdcBytes)),
            options: ReconcileOptions(), actorID: user.id, now: at)
    }

    /// Resolves a bit under half of a run's differences, by several account managers during the week after it.
    mutating func resolveSome(of runID: Int64, after ranAt: Int64) throws {
        let managers = try Row.fetchAll(db, sql: "SELECT id, login, name, role FROM users WHERE role = 'account_manager' ORDER BY id")
            .map(AppDatabase.user(from:))
        guard !managers.isEmpty else { return }
        let differences = try Row.fetchAll(
            db, sql: "SELECT id, kind FROM reconcile_differences WHERE run_id = ? ORDER BY position", arguments: [runID])
        var ticket = 1_234
        for row in differences where random.chance(0.45) {
            guard let kind = DifferenceKind(rawValue: row[1]) else { continue }
            ticket += random.int(1...37)
            let (resolution, note) = Self.decision(for: kind, ticket: ticket)
            let at = ranAt + 3_600 + Int64(random.int(0...(5 * 86_400)))
            try AppDatabase.resolveDifference(
                db, id: row[0], resolution: resolution, note: note, actor: random.pick(managers), now: at)
        }
    }

    /// What an account manager would typically decide and write for a kind of difference.
    static func decision(for kind: DifferenceKind, ticket: Int) -> (DifferenceResolution, String) {
        let sf = "ticket SF-" + String(ticket)
        switch kind {
        case .statusMismatch: return (.fixInSFDC, "SFDC status is behind the install; fix in SFDC — " + sf)
        case .mrrMismatch: return (.fixInIDA, "Billing has the old price; fix in IDA — case BIL-" + String(ticket + 4_000))
        case .nrcMismatch: return (.fixInIDA, "Install fee waived on the CSA; fix in IDA — case BIL-" + String(ticket + 4_000))
        case .termMismatch: return (.fixInSFDC, "Signed CSA has the IDA term; fix in SFDC — " + sf)
        case .installDateMismatch: return (.accepted, "Install moved at the customer's request; SFDC catches up on its own")
        case .accountMismatch: return (.fixInSFDC, "Account number mistyped in SFDC — " + sf)
        case .missingInSFDC: return (.fixInSFDC, "Order never synced to SFDC; fix in SFDC — " + sf)
        case .missingInIDA: return (.fixInIDA, "Order entry missed it; keyed into IDA — case ENT-" + String(ticket + 7_000))
        case .duplicateInIDA, .duplicateInSFDC: return (.ignored, "Duplicate row from the export job; nothing to fix")
        case .missingCrossReference: return (.fixInSFDC, "IDA order number missing in SFDC; fix in SFDC — " + sf)
        }
    }

    // MARK: - Helpers

    func user(login: String) throws -> UserAccount? { try AppDatabase.fetchUser(db, login: login) }

    mutating func shuffle(_ items: inout [Int]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, random.int(0...i)) }
    }
}

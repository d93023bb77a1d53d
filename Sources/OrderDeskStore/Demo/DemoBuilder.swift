import Foundation
import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Builds a demo database at `path` (deterministic for `options.seed`) and opens it.
    /// The data is written to a side file and moved into place at the end, so an interrupted build
    /// leaves nothing half-made; an existing demo database is replaced, any other file is refused.
    public static func buildDemo(
        at path: String, options: DemoOptions, now: Int64, progress: (DemoProgress) -> Void
    ) throws -> AppDatabase {
        guard (1...20_000_000).contains(options.orders) else {
            throw StoreError.invalidDemoOptions("the number of orders must be between 1 and 20,000,000")
        }
        guard isValidLogin(options.currentLogin) else { throw StoreError.invalidLogin(options.currentLogin) }
        let currentName = options.currentName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !currentName.isEmpty else { throw StoreError.invalidName(options.currentName) }
        try refuseToReplaceRealData(at: path)

        let fm = FileManager.default
        try fm.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let building = path + ".building"
        for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: building + suffix) }
        do {
            var config = configuration()
            // A private file nobody else reads yet: no journal, no fsync, a large cache.
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY; PRAGMA threads = 2")
            }
            let queue = try DatabaseQueue(path: building, configuration: config)
            try Migrations.migrator.migrate(queue)
            try withoutActuallyEscaping(progress) { progress in
                try queue.inDatabase { db in
                    var builder = DemoBuilder(
                        db: db, options: options, currentName: currentName, now: now, progress: progress)
                    try builder.build()
                }
            }
            try queue.close()
            for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: path + suffix) }
            try fm.moveItem(atPath: building, toPath: path)
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: building + suffix) }
            throw error
        }
        return try open(at: path)
    }

    /// An empty file or a demo database may be replaced; anything else is someone's data.
    private static func refuseToReplaceRealData(at path: String) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return }
        let size = (try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { return }
        var isDemo = false
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
            isDemo = try queue.read { db in
                try db.tableExists("settings")
                    && String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'demo'") == "1"
            }
            try queue.close()
        } catch {
            isDemo = false
        }
        if !isDemo { throw StoreError.notADemoDatabase(path) }
    }
}

/// Fills an empty, migrated database with a realistic desk: staff, price book, customers, orders.
private struct DemoBuilder {
    let db: Database
    let options: DemoOptions
    let currentName: String
    let now: Int64
    let progress: (DemoProgress) -> Void
    var random: SeededRandom
    let today: Day
    /// Cumulative weights of an order's booking day by its age in days (`bookingWeights`).
    let bookingWeights: [Int]

    /// Account manager ids (orders' owners).
    var managers: [Int64] = []
    var managerLogins: [Int64: String] = [:]
    /// Who approves the demo's contracts.
    var supervisors: [Int64] = []
    var directors: [Int64] = []
    /// Per customer (index = id - 1): first location id, location count, channel, owner.
    var customerNames: [String] = []
    var customerKeys: [String] = []
    var firstLocation: [Int64] = []
    var locationCount: [Int] = []
    var customerChannel: [Channel] = []
    /// Orders the escalations are written for, once every order is in.
    var escalationCandidates: [DemoEscalations.Candidate] = []

    init(db: Database, options: DemoOptions, currentName: String, now: Int64, progress: @escaping (DemoProgress) -> Void) {
        self.db = db; self.options = options; self.currentName = currentName; self.now = now
        self.progress = progress
        random = SeededRandom(seed: options.seed)
        today = Day(unixSeconds: now)
        bookingWeights = Self.bookingWeights(today: today)
    }

    mutating func build() throws {
        // Generated rows reference only rows generated before them; the tests run foreign_key_check.
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        // Indexes are cheaper to build once over sorted data than to maintain row by row.
        for name in Migrations.v1OrderIndexNames + ["orders_customer_totals", "customers_by_name", "customers_by_position"]
            + Migrations.v4ContractIndexNames + Migrations.v6OrderIndexNames {
            try db.execute(sql: "DROP INDEX \(name)")
        }
        // Likewise the search index is built once at the end ('rebuild') instead of row by row.
        try db.execute(sql: "DROP TRIGGER customers_fts_insert")
        // And the queue's count summary is computed once from the orders rather than bumped per row.
        try db.execute(sql: "DROP TRIGGER orders_count_insert")
        // The same for the contracts' summary.
        try db.execute(sql: "DROP TRIGGER contracts_count_insert")
        // And the team board's aging summary.
        try db.execute(sql: "DROP TRIGGER orders_aging_insert")
        // And the reports' state-flow summary and indexes, rebuilt once from the orders' trails at the end.
        try AppDatabase.suspendReportSummaries(db)
        try inTransaction { try $0.insertUsers() }
        try inTransaction { try $0.insertProducts() }
        try inTransaction { builder in
            try builder.insertCustomers()
            try builder.indexCustomersList()
        }
        try inTransaction { try $0.insertOrders() }
        let indexes = Migrations.v1OrderIndexes
            + [Migrations.ordersCustomerTotalsIndex, Migrations.customersByNameIndex, Migrations.listPositionIndex]
            + Migrations.v4ContractIndexes + Migrations.v6OrderIndexes
        // CREATE INDEX sorts fastest with a small cache and file-backed temp storage, merging runs on
        // two threads (measured on 1M orders: 3.7 s an index with the bulk-insert settings, ~1.4 s with these).
        try db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT; PRAGMA threads = 2")
        for (i, sql) in indexes.enumerated() {
            progress(DemoProgress(phase: "indexes", done: i, total: indexes.count))
            try db.execute(sql: sql)
        }
        try db.execute(sql: Migrations.ordersCountInsertTrigger)
        try db.execute(sql: """
            INSERT INTO order_counts(state, channel, owner_id, n)
            SELECT state, channel, COALESCE(owner_id, 0), count(*) FROM orders GROUP BY 1, 2, 3
            """)
        try db.execute(sql: Migrations.contractsCountInsertTrigger)
        try db.execute(sql: Migrations.contractCountsFill)
        try db.execute(sql: Migrations.orderAgingInsertTrigger)
        try db.execute(sql: Migrations.orderAgingFill)
        progress(DemoProgress(phase: "indexes", done: indexes.count, total: indexes.count))
        // Escalations, now that every order is in (their triggers set the orders' flag).
        progress(DemoProgress(phase: "escalations", done: 0, total: 1))
        try inTransaction { builder in
            var escalations = DemoEscalations(db: builder.db, seed: builder.options.seed, now: builder.now, managers: builder.managers,
                                              supervisors: builder.supervisors, directors: builder.directors)
            try escalations.build(builder.escalationCandidates)
            builder.escalationCandidates = []
        }
        progress(DemoProgress(phase: "escalations", done: 1, total: 1))
        // Teams' monthly targets, from what each account manager installed (issue 7's commission figures).
        progress(DemoProgress(phase: "targets", done: 0, total: 1))
        try inTransaction { builder in
            try DemoTargets.insertTargets(builder.db, seed: builder.options.seed, today: builder.today, managers: builder.managers)
        }
        progress(DemoProgress(phase: "targets", done: 1, total: 1))
        // The reports' summary, from the orders' trails now that they are all in (issue 7).
        progress(DemoProgress(phase: "reports", done: 0, total: 1))
        try inTransaction { builder in try AppDatabase.rebuildReportSummaries(builder.db) }
        progress(DemoProgress(phase: "reports", done: 1, total: 1))
        progress(DemoProgress(phase: "search", done: 0, total: 1))
        try db.execute(sql: Migrations.customersFTSInsertTrigger)
        try db.execute(sql: "INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')")
        try db.execute(sql: "INSERT INTO customer_fts(customer_fts) VALUES ('optimize')")
        progress(DemoProgress(phase: "search", done: 1, total: 1))
        // Last week's and this week's reconciliation runs, from the orders just written.
        progress(DemoProgress(phase: "reconcile", done: 0, total: 1))
        try inTransaction { builder in
            var runs = DemoReconcileRuns(
                db: builder.db, seed: builder.options.seed, now: builder.now, currentLogin: builder.options.currentLogin)
            try runs.build()
        }
        progress(DemoProgress(phase: "reconcile", done: 1, total: 1))
        progress(DemoProgress(phase: "statistics", done: 0, total: 1))
        try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('demo', '1'), ('demo_seed', ?)",
                       arguments: [String(options.seed)])
        // Approximate statistics are enough for the planner and take a fraction of the time on 1M rows.
        try db.execute(sql: "PRAGMA analysis_limit = 2000")
        try db.execute(sql: "ANALYZE")
        try db.execute(sql: "PRAGMA journal_mode = WAL")
        progress(DemoProgress(phase: "statistics", done: 1, total: 1))
    }

    private mutating func inTransaction(_ body: (inout DemoBuilder) throws -> Void) throws {
        try db.execute(sql: "BEGIN")
        do {
            try body(&self)
            try db.execute(sql: "COMMIT")
        } catch {
            try? db.execute(sql: "ROLLBACK")
            throw error
        }
    }

    private func report(_ phase: String, _ done: Int, _ total: Int) {
        let step = max(1, total / 100)
        if done % step == 0 || done == total { progress(DemoProgress(phase: phase, done: done, total: total)) }
    }

    // MARK: - Staff and price book

    mutating func insertUsers() throws {
        var people = DemoNames.staff
        if !people.contains(where: { $0.login == options.currentLogin }) {
            people.append(DemoNames.Person(login: options.currentLogin, name: currentName, role: .accountManager))
        }
        try DemoTargets.insertTeams(db)
        let statement = try db.makeStatement(sql: "INSERT INTO users(id, login, name, role, created_at, team_id) VALUES (?, ?, ?, ?, ?, ?)")
        let created = now - 800 * 86_400
        for (index, person) in people.enumerated() {
            let id = Int64(index + 1)
            // Every account manager is in a team, dealt in turn.
            let team = person.role == .accountManager ? DemoTargets.team(ofManager: managers.count) : nil
            statement.setUncheckedArguments([id, person.login, person.name, person.role.rawValue, created, team])
            try statement.execute()
            switch person.role {
            case .accountManager:
                managers.append(id)
                managerLogins[id] = person.login
            case .supervisor: supervisors.append(id)
            case .director: directors.append(id)
            case .admin, .viewer: break
            }
        }
        report("users", people.count, people.count)
    }

    mutating func insertProducts() throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO products(id, code, name, family, list_mrr_cents, floor_mrr_cents, nrc_cents)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, p) in DemoNames.products.enumerated() {
            statement.setUncheckedArguments([index + 1, p.code, p.name, p.family, p.listCents, p.floorCents, p.nrcCents])
            try statement.execute()
        }
        report("products", DemoNames.products.count, DemoNames.products.count)
    }

    // MARK: - Customers and locations

    mutating func customerName(_ index: Int) -> String {
        if index < DemoNames.fixedCustomers.count { return DemoNames.fixedCustomers[index] }
        if random.chance(0.03) {
            return random.pick(DemoNames.cjkNames) + " " + random.pick(DemoNames.cjkKinds)
        }
        let suffix = random.pick(DemoNames.suffixes)
        let base = random.pick(DemoNames.namePrefixes) + " " + random.pick(DemoNames.businessKinds)
        return suffix.isEmpty ? base : base + " " + suffix
    }

    mutating func insertCustomers() throws {
        let count = max(options.orders / 4, 8)
        var customers = try RawStatement(db, sql: """
            INSERT INTO customers(id, account_number, name, segment, channel, phone, owner_id, since, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var details = try DemoCustomerDetails(db: db, seed: options.seed, now: now, managers: managers, supervisors: supervisors,
                                              directors: directors)
        let channelWeights = [35, 25, 10, 10, 20]  // direct, agent, carrier, referral, smb
        // The low ten digits walk a permutation of 0..<10^10 (odd multiplier, not a multiple of 5),
        // so account numbers are unique; the first digit is a zero more often than not, as in IDA.
        let offset = Int(random.next() % 10_000_000_000)
        var nextLocation: Int64 = 1
        customerNames.reserveCapacity(count)
        for index in 0..<count {
            let id = Int64(index + 1)
            let low = (index &* 7_919_357 &+ offset) % 10_000_000_000
            let first = random.chance(0.55) ? 0 : random.int(1...9)
            let account = String(first) + zeroPadded(low, width: 10)
            let name = customerName(index)
            let channel = Channel.allCases[random.weighted(channelWeights)]
            let place = random.pick(DemoNames.places)
            var phone = "(" + place.area + ") " + zeroPadded(random.int(200...999), width: 3) + "-"
                + zeroPadded(random.int(0...9999), width: 4)
            let since = today.adding(days: -random.int(60...3650))
            let owner: Int64? = random.chance(0.9) ? random.pick(managers) : nil
            let segment = DemoNames.segments[random.weighted(DemoNames.segmentWeights)]
            var addresses = (0..<(random.weighted([70, 22, 8]) + 1)).map { site -> DemoCustomerDetails.Address in
                let where_ = site == 0 ? place : random.pick(DemoNames.places)
                let street = String(random.int(1...2999)) + " " + random.pick(DemoNames.streets)
                return DemoCustomerDetails.Address(street: street, city: where_.city, state: where_.state, zip: where_.zip)
            }
            // The fixed customers' phone and locations are the same in every demo (drawn above all the same,
            // so the stream, and everything after, stays as it was).
            if let fixed = DemoFixedCustomers.customer(index, today: today) {
                phone = fixed.phone
                addresses = fixed.sites.map { DemoCustomerDetails.Address(street: $0.street, city: $0.city, state: $0.state, zip: $0.zip) }
            }
            customers.add(id); customers.add(account); customers.add(name); customers.add(segment)
            customers.add(channel.rawValue); customers.add(phone); customers.add(owner); customers.add(since.iso)
            customers.add(since.unixSeconds)
            try customers.insert()
            try details.insert(customerID: id, index: index, name: name, phone: phone, owner: owner, since: since,
                               addresses: addresses, firstLocation: nextLocation)
            firstLocation.append(nextLocation)
            locationCount.append(addresses.count)
            nextLocation += Int64(addresses.count)
            customerNames.append(name)
            customerKeys.append(NameMatch.key(name: name, account: account))
            customerChannel.append(channel)
            report("customers", index + 1, count)
        }
    }

    /// The customers list's positions and full-text rows, in one pass over every customer (rows in list
    /// order, merged into one segment at the end rather than as they come: measured on 250,000
    /// customers, 10.6 s → 8.3 s); its indexes come with the others.
    mutating func indexCustomersList() throws {
        try db.execute(sql: "INSERT INTO customer_directory(customer_directory, rank) VALUES ('automerge', 0), ('crisismerge', 1000000)")
        try CustomerSearchIndex.rebuild(db) { done, total in report("list", done, total) }
        try db.execute(sql: "INSERT INTO customer_directory(customer_directory) VALUES ('optimize')")
        // FTS5's defaults back for the desk's own writes.
        try db.execute(sql: "INSERT INTO customer_directory(customer_directory, rank) VALUES ('automerge', 4), ('crisismerge', 16)")
    }

    // MARK: - Orders

    /// State weights by the order's age: old orders are mostly finished, recent ones mostly open.
    /// Order: draft, submitted, pending, held, in_progress, scheduled, not_done, installed, billed, cancelled, rejected.
    /// The fewest days after booking that an order can plausibly have reached a state.
    static func minimumAge(_ state: OrderState) -> Int {
        switch state {
        case .billed: return 21
        case .installed: return 10
        case .notDone: return 8
        case .scheduled: return 3
        case .inProgress, .held, .pending, .rejected: return 1
        default: return 0
        }
    }

    static let recentWeights = [120, 150, 100, 60, 200, 180, 40, 40, 30, 60, 20]
    /// Three to six weeks old: installs under way, so the last weeks' reports have installs too.
    static let youngWeights = [40, 60, 70, 50, 150, 170, 50, 200, 110, 60, 20]
    static let middleWeights = [20, 20, 40, 40, 80, 100, 50, 100, 450, 80, 20]
    static let oldWeights = [2, 3, 10, 10, 10, 5, 10, 10, 820, 90, 30]
    static let typeWeights = [45, 8, 15, 15, 5, 12]  // new, move, add, change, disconnect, renewal
    static let channelWeights = [35, 25, 10, 10, 20]
    static let terms = [12, 24, 36, 36, 36, 60]

    /// The state an order most plausibly came from, for its audit trail.
    static func predecessor(_ state: OrderState) -> OrderState {
        switch state {
        case .draft, .submitted: return .draft
        case .pending, .held, .inProgress, .rejected, .cancelled: return .submitted
        case .scheduled: return .inProgress
        case .notDone, .installed: return .scheduled
        case .billed: return .installed
        }
    }

    /// Cumulative weights of the booking day by age (0 is today, up to 729 days ago), so the reports'
    /// days, weeks and months have a shape: weekdays busier than weekends, a swell in the autumn and a
    /// trough in the spring, a push in the last three days of a month, and growth of about 15% a year.
    static func bookingWeights(today: Day) -> [Int] {
        var cumulative: [Int] = []
        cumulative.reserveCapacity(730)
        var total = 0
        for age in 0..<730 {
            let day = today.adding(days: -age)
            let (year, month, dayOfMonth) = day.components
            var weight = day.isoWeekday <= 5 ? 1.0 : day.isoWeekday == 6 ? 0.3 : 0.15
            let dayOfYear = Double(day.ordinal - Day(year: year, month: 1, day: 1)!.ordinal)
            weight *= 1 + 0.2 * cos(2 * Double.pi * (dayOfYear - 258) / 365.25)
            if dayOfMonth > Day.daysIn(month: month, year: year) - 3 { weight *= 1.3 }
            weight *= 1 + 0.3 * Double(729 - age) / 729
            total += Int(weight * 1_000)
            cumulative.append(total)
        }
        return cumulative
    }

    /// An age in days drawn from `bookingWeights` (one draw from the stream, as the uniform age it replaced).
    mutating func bookingAge() -> Int {
        let roll = random.int(0...(bookingWeights[bookingWeights.count - 1] - 1))
        var low = 0, high = bookingWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if bookingWeights[middle] > roll { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// A time of day during office hours on `day`, never after `now`.
    mutating func officeTime(_ day: Day) -> Int64 {
        min(now, day.unixSeconds + 8 * 3600 + Int64(random.int(0...35_999)))
    }

    /// A day `range` days after `day`, drawn among the days up to today (so recent orders' installs spread
    /// over the days since rather than piling up on today); `day` itself when it is today or later.
    mutating func day(_ day: Day, plus range: ClosedRange<Int>) -> Day {
        let latest = max(range.lowerBound, min(range.upperBound, today - day))
        return min(today, day.adding(days: random.int(range.lowerBound...latest)))
    }

    /// A day between two days (inclusive; `b` may be before `a`, then `a`).
    mutating func day(between a: Day, _ b: Day) -> Day {
        b.ordinal <= a.ordinal ? a : Day(ordinal: random.int(a.ordinal...b.ordinal))
    }

    mutating func insertOrders() throws {
        let total = options.orders
        var orders = try RawStatement(db, sql: """
            INSERT INTO orders(id, order_number, customer_id, location_id, customer_name, customer_key, type, state,
              channel, owner_id, owner_login, mrr_cents, nrc_cents, term_months, booked_on, state_since, install_on,
              bill_start_on, submitted_on, reason_code, escalated, version, updated_by, updated_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var lines = try RawStatement(db, sql: """
            INSERT INTO order_lines(order_id, product_id, quantity, mrr_cents, nrc_cents) VALUES (?, ?, ?, ?, ?)
            """)
        var history = try DemoHistory(db: db, seed: options.seed, now: now, managers: managers, supervisors: supervisors)
        let states = OrderState.allCases
        let products = DemoNames.products
        var lineMRR: [Int] = [], lineNRC: [Int] = [], lineProduct: [Int] = [], lineQuantity: [Int] = []

        for index in 0..<total {
            let id = Int64(index + 1)
            let orderNumber = zeroPadded(100_000 + index * 3 + random.int(0...2), width: 8)
            let customerIndex = random.int(0...(customerNames.count - 1))
            let drawnAge = bookingAge()
            let weights = drawnAge < 20 ? Self.recentWeights : drawnAge < 45 ? Self.youngWeights
                : drawnAge < 120 ? Self.middleWeights : Self.oldWeights
            let state = states[random.weighted(weights)]
            // An order booked today cannot be installed or billed yet: late states get a plausible minimum age.
            let minimumAge = Self.minimumAge(state)
            let age = drawnAge < minimumAge ? minimumAge + random.int(0...20) : drawnAge
            let booked = today.adding(days: -age)
            let type = OrderType.allCases[random.weighted(Self.typeWeights)]
            let channel = random.chance(0.8) ? customerChannel[customerIndex] : Channel.allCases[random.weighted(Self.channelWeights)]
            let ownerID: Int64? = random.chance(0.92) ? random.pick(managers) : nil
            let creator = ownerID ?? random.pick(managers)
            // Drafts may not have a service location yet; everything past draft needs one.
            let hasLocation = state != .draft || random.chance(0.6)
            let locationID: Int64? = hasLocation
                ? firstLocation[customerIndex] + Int64(random.int(0...(locationCount[customerIndex] - 1))) : nil

            // Dates: booked ≤ submitted ≤ install ≤ bill start, none after today except future installs.
            let submitted: Day? = state == .draft ? nil : min(today, booked.adding(days: random.int(0...2)))
            var install: Day?
            var billStart: Day?
            let after = submitted ?? booked
            switch state {
            case .scheduled:
                install = random.chance(0.85)
                    ? today.adding(days: random.int(1...45))
                    : max(after, today.adding(days: -random.int(1...10)))
            case .notDone:
                install = self.day(after, plus: 5...40)
            case .installed:
                install = self.day(after, plus: 7...60)
            case .billed:
                let installDay = self.day(after, plus: 7...60)
                install = installDay
                billStart = self.day(installDay, plus: 0...20)
            default:
                break
            }
            let drawnCreatedAt = min(now, booked.unixSeconds + 8 * 3600 + Int64(random.int(0...35_999)))
            var stateSince: Int64
            switch state {
            case .draft: stateSince = drawnCreatedAt
            case .submitted: stateSince = officeTime(after)
            case .scheduled: stateSince = officeTime(day(between: after, min(today, install ?? today)))
            case .notDone, .installed: stateSince = officeTime(install ?? after)
            case .billed: stateSince = officeTime(billStart ?? after)
            default: stateSince = officeTime(day(between: after, min(today, after.adding(days: 90))))
            }
            stateSince = max(stateSince, drawnCreatedAt)

            let reasonCodes = ReasonCode.codes(for: state)
            let reason: String? = reasonCodes.isEmpty ? nil : random.pick(reasonCodes).code
            // Recent orders get their whole trail (which may need the creation a little earlier).
            let order = DemoHistory.Order(
                id: id, state: state, owner: ownerID, creator: creator, createdAt: drawnCreatedAt, submitted: submitted,
                install: install, billStart: billStart, stateSince: stateSince, reason: reason)
            let trail = age <= DemoHistory.windowDays ? history.plan(order) : nil
            let createdAt = trail?.createdAt ?? drawnCreatedAt
            // About 2% of open orders get a manual escalation (drawn as always, so the stream is unchanged).
            let manualEscalation = state.isOpen && random.chance(0.02) && state != .draft
            let facts = StuckOrderFacts(orderID: id, state: state, stateSince: stateSince, installOn: install)
            let finding = AutoEscalation.finding(for: facts, now: now)
            if finding != nil || manualEscalation {
                escalationCandidates.append(DemoEscalations.Candidate(
                    orderID: id, ownerID: ownerID, createdAt: createdAt, facts: facts, finding: finding, manual: manualEscalation))
            }

            // Lines priced from the price book: usually list, sometimes discounted toward the floor.
            lineMRR.removeAll(keepingCapacity: true); lineNRC.removeAll(keepingCapacity: true)
            lineProduct.removeAll(keepingCapacity: true); lineQuantity.removeAll(keepingCapacity: true)
            for _ in 0..<(random.weighted([55, 30, 15]) + 1) {
                let productIndex = random.int(0...(products.count - 1))
                let product = products[productIndex]
                let quantity = product.maxQuantity == 1 ? 1 : random.int(1...product.maxQuantity)
                let unit = random.chance(0.6) ? product.listCents : random.int(product.floorCents...product.listCents)
                let nrc = random.chance(0.3) ? 0 : product.nrcCents * quantity
                lineProduct.append(productIndex + 1); lineQuantity.append(quantity)
                lineMRR.append(unit * quantity); lineNRC.append(nrc)
            }

            // Older orders' thin trail: the creation, and for some the move into the current state.
            let recordMove = state != .draft && random.chance(0.3)
            let mover = ownerID ?? creator
            var version: Int64 = recordMove ? 2 : 1
            var updatedBy = recordMove ? mover : creator
            var updatedAt = recordMove ? stateSince : createdAt
            if let trail { (version, updatedBy, updatedAt) = (trail.version, trail.updatedBy, trail.updatedAt) }
            // A note outside any move, on one order in ten; it takes a version like the store's.
            let note: (at: Int64, text: String, author: Int64)? = random.chance(0.1)
                ? (createdAt + Int64(random.int(0...Int(max(0, now - createdAt)))), random.pick(DemoNames.noteTexts),
                   ownerID ?? random.pick(managers))
                : nil
            if let note {
                version += 1
                if note.at >= updatedAt { (updatedBy, updatedAt) = (note.author, note.at) }
            }

            orders.add(id); orders.add(orderNumber); orders.add(customerIndex + 1); orders.add(locationID)
            orders.add(customerNames[customerIndex]); orders.add(customerKeys[customerIndex])
            orders.add(type.rawValue); orders.add(state.rawValue)
            orders.add(channel.rawValue); orders.add(ownerID); orders.add(ownerID.flatMap { managerLogins[$0] })
            orders.add(lineMRR.reduce(0, +)); orders.add(lineNRC.reduce(0, +)); orders.add(random.pick(Self.terms))
            orders.add(booked.iso); orders.add(stateSince); orders.add(install?.iso); orders.add(billStart?.iso)
            orders.add(submitted?.iso); orders.add(reason); orders.add(0); orders.add(version)
            orders.add(updatedBy); orders.add(updatedAt); orders.add(createdAt)
            try orders.insert()
            for line in 0..<lineMRR.count {
                lines.add(id); lines.add(lineProduct[line]); lines.add(lineQuantity[line])
                lines.add(lineMRR[line]); lines.add(lineNRC[line])
                try lines.insert()
            }
            try history.writeCreation(orderID: id, at: createdAt, by: creator)
            if trail != nil {
                try history.writeMoves(order)
            } else if recordMove {
                try history.writeLastMove(orderID: id, at: stateSince, by: mover, from: Self.predecessor(state), to: state,
                                          reason: reason)
            }
            if let note { try history.writeNote(orderID: id, at: note.at, by: note.author, text: note.text) }
            report("orders", index + 1, total)
        }
    }
}

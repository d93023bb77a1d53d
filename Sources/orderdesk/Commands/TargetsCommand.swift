import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTerminal

/// `orderdesk targets list|set`: the monthly installed-MRR targets the commission figures are measured against.
struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets", abstract: "Show or set the account executives' monthly installed-MRR targets.",
        subcommands: [List.self, Set.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one target a line: month, login, name, team, target.")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .long, help: "Only this month (YYYY-MM).") var month: String?

        func run() throws {
            try Failure.reporting {
                let month = try self.month.map(TargetsCommand.month)
                let db = try AppDatabase.open(at: database.resolvedPath())
                let targets = try db.salesTargets(month: month)
                guard !targets.isEmpty else {
                    StandardError.print(month.map { "No targets for \($0): set one with orderdesk targets set LOGIN \($0) AMOUNT." }
                        ?? "No targets yet: set one with orderdesk targets set LOGIN YYYY-MM AMOUNT.")
                    return
                }
                let rows = targets.map { [$0.month.description, $0.login, $0.name, $0.team ?? "—", $0.installedMRR.grouped] }
                let table = TextTable(header: ["Month", "Login", "Name", "Team", "Target MRR"], rows: rows, rightAligned: [4], indent: "")
                for line in table.lines(width: { DisplayWidth.of($0) }) { print(line) }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a person's target for a month (supervisors, directors and admins; audited).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The account executive's login.") var login: String
        @Argument(help: "The month, YYYY-MM.") var month: String
        @Argument(help: "Installed MRR in dollars (12500 or 12,500.00), or none to remove the target.") var amount: String
        @Option(name: .long, help: "Act as this login (demo databases only).") var user: String?

        func run() throws {
            try Failure.reporting {
                let month = try TargetsCommand.month(self.month)
                var target: Money?
                if amount.lowercased() != "none" {
                    guard let parsed = Money(parsing: amount), parsed.cents >= 0 else {
                        throw Failure.message("'\(amount)' is not an amount: type dollars of zero or more (12500 or 12,500.00), or none.", status: 1)
                    }
                    target = parsed
                }
                let db = try AppDatabase.open(at: database.resolvedPath())
                let actor = try Identity.resolve(in: db, override: user)
                try db.setSalesTarget(login: login, month: month, installedMRR: target, actor: actor,
                                      now: Int64(Date().timeIntervalSince1970))
                print(target.map { "\(login)'s target for \(month) is now \($0.grouped) installed MRR." }
                    ?? "\(login) has no target for \(month) now.")
            }
        }
    }

    /// A month argument, or exit 1 saying what to type.
    static func month(_ text: String) throws -> TargetMonth {
        guard let month = TargetMonth(parsing: text) else {
            throw Failure.message("'\(text)' is not a month: type \(TargetMonth.expected).", status: 1)
        }
        return month
    }
}

/// `orderdesk rates list|set`: the commission paid on installed MRR, by order type.
struct RatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates", abstract: "Show or set the commission rates by order type.",
        subcommands: [List.self, Set.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one order type a line with its rate.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try Failure.reporting {
                let db = try AppDatabase.open(at: database.resolvedPath())
                for rate in try db.commissionRates() {
                    print(rate.type.rawValue + "\t" + rate.multipleText + "\t(" + rate.rate.display + ")")
                }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an order type's rate (supervisors, directors and admins; audited).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The order type: new, move, add, change, disconnect or renewal.") var type: String
        @Argument(help: "A multiple of MRR (1x, 0.5x) or a percentage (50%).") var rate: String
        @Option(name: .long, help: "Act as this login (demo databases only).") var user: String?

        func run() throws {
            try Failure.reporting {
                guard let type = OrderType(rawValue: type.lowercased()) else {
                    throw Failure.message("'\(self.type)' is not an order type: use \(OrderType.allCases.map(\.rawValue).joined(separator: ", ")).", status: 1)
                }
                guard let rate = CommissionRate.parseRate(rate) else {
                    throw Failure.message("'\(self.rate)' is not a rate: type \(CommissionRate.expectedRate).", status: 1)
                }
                let db = try AppDatabase.open(at: database.resolvedPath())
                let actor = try Identity.resolve(in: db, override: user)
                try db.setCommissionRate(type, rate: rate, actor: actor, now: Int64(Date().timeIntervalSince1970))
                print("The \(type.rawValue) rate is now \(CommissionRate(type: type, rate: rate).multipleText).")
            }
        }
    }
}

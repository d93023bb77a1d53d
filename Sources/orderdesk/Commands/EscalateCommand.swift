import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore

/// `orderdesk escalate --auto` (for cron) and `orderdesk escalate NUMBER --reason R --severity P --note TEXT`.
struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate",
        abstract: "Run the automatic escalation rules (--auto, for cron), or escalate one order.",
        discussion: """
            With --auto, every order stuck longer than the settings allow (not done, held, pending, or scheduled \
            with its install date passed) gets one escalation for that stuck episode; running it again raises \
            nothing twice. The thresholds and severities are in `orderdesk settings list` (escalation.*).
            With an order number, raises an escalation on it as the current user (anyone but a viewer).
            Reasons: \(EscalationReason.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var database: DatabaseOptions
    @Flag(name: .long, help: "Run the automatic rules over every order.") var auto = false
    @Argument(help: "The order to escalate (00451234 or 451234).") var number: String?
    @Option(name: .long, help: "Why: install_date_missed, customer_complaint, billing_dispute, other, …") var reason: String?
    @Option(name: .long, help: "P1, P2 or P3 (P1 is the most urgent).") var severity: String?
    @Option(name: .long, help: "What is wrong and what is needed (required with an order).") var note: String?
    @Option(name: .long, help: "Act as this login (demo databases only).") var user: String?

    func validate() throws {
        if auto {
            guard number == nil, reason == nil, severity == nil, note == nil else {
                throw ValidationError("--auto runs the rules over every order: give it no order, --reason, --severity or --note.")
            }
        } else {
            guard number != nil else {
                throw ValidationError("Say which order to escalate (orderdesk escalate 00451234 --reason … --severity … --note …), or --auto to run the rules.")
            }
        }
    }

    func run() throws {
        try Failure.reporting {
            let db = try AppDatabase.open(at: database.resolvedPath())
            let now = Int64(Date().timeIntervalSince1970)
            if auto {
                let raised = try db.runAutoEscalations(now: now, policy: db.autoEscalationPolicy())
                print(raised == 1 ? "1 escalation raised." : "\(raised) escalations raised.")
                return
            }
            let actor = try Identity.resolve(in: db, override: user)
            let (reason, severity, note) = try parsed()
            guard let number, let id = try db.orderID(number: number) else { throw OrderDeskError.orderNotFound(number ?? "") }
            let record = try db.raiseEscalation(orderID: id, reason: reason, severity: severity, note: note, actor: actor, now: now)
            print("Escalated order \(record.orderNumber): \(record.severity.label) \(record.reason.label), owner "
                + (record.ownerLogin ?? "none") + ", due " + Timestamp.display(record.dueAt) + " UTC.")
        }
    }

    /// The reason, the severity and the note, each checked with a message that says what to type.
    private func parsed() throws -> (EscalationReason, EscalationSeverity, String) {
        let reasons = EscalationReason.allCases.map(\.rawValue).joined(separator: ", ")
        guard let reasonText = reason else { throw Failure.message("--reason is missing: one of \(reasons).", status: 1) }
        let key = reasonText.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        guard let reason = EscalationReason(rawValue: key) else {
            throw Failure.message("--reason '\(reasonText)' is not known: use one of \(reasons).", status: 1)
        }
        guard let severityText = severity else { throw Failure.message("--severity is missing: P1, P2 or P3.", status: 1) }
        guard let severity = EscalationSeverity(rawValue: severityText.lowercased()) else {
            throw Failure.message("--severity '\(severityText)' is not known: use P1, P2 or P3.", status: 1)
        }
        guard let note = note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty else {
            throw Failure.message("--note is missing: say what is wrong and what is needed.", status: 1)
        }
        return (reason, severity, note)
    }
}

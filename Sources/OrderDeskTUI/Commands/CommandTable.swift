import Foundation
import OrderDeskTerminal

/// One row of the command table: the single source for key handling, footer hints, help and `:`.
public struct CommandSpec: Sendable {
    public let id: CommandID
    public let keys: [Key]
    /// How the keys are written in help and hints.
    public let keyLabel: String
    public let description: String
    public let contexts: [CommandContext]
    /// Shown in the footer of these contexts (short label).
    public let hint: String?

    public var name: String { id.rawValue }
}

/// The desk's commands. Keys resolve in the screen's context first, then globally.
public enum CommandTable {
    public static let all: [CommandSpec] = [
        spec(.moveDown, [.down, .character("j")], "↓ j", "Move the cursor down one row", lists),
        spec(.moveUp, [.up, .character("k")], "↑ k", "Move the cursor up one row", lists),
        spec(.pageDown, [.pageDown, .control("f")], "PgDn", "Next page", lists),
        spec(.pageUp, [.pageUp, .control("b")], "PgUp", "Previous page", lists),
        spec(.first, [.home, .character("g")], "Home g", "First row", lists),
        spec(.last, [.end, .character("G")], "End G", "Last row", lists),
        spec(.open, [.enter], "Enter", "Open the order's detail", [.queue], hint: "open"),
        spec(.search, [.character("/")], "/", "Search customer, account or order number as you type", [.queue], hint: "search"),
        spec(.filter, [.character("f")], "f", "Filter by state, channel, owner, days in state", [.queue], hint: "filter"),
        spec(.clearFilter, [.character("F")], "F", "Clear the filter and the search", [.queue]),
        spec(.sortNext, [.character("s")], "s", "Sort by the next column", [.queue], hint: "sort"),
        spec(.sortDirection, [.character("S")], "S", "Reverse the sort direction", [.queue]),
        spec(.take, [.character("t")], "t", "Take the order (assign it to yourself)", [.queue, .detail], hint: "take"),
        spec(.move, [.character("m")], "m", "Move the order to another state", [.queue, .detail], hint: "move"),
        spec(.note, [.character("n")], "n", "Add a note to the order", [.queue, .detail], hint: "note"),
        spec(.reconcileOpen, [.enter], "Enter", "Open the run's differences", [.reconcileRuns], hint: "open"),
        spec(.reconcileOpenOrder, [.enter], "Enter", "Open the difference's order", [.reconcileRun], hint: "order"),
        spec(.reconcileResolve, [.character("r")], "r", "Resolve the difference (fix in SFDC or IDA, accept, ignore) with a note",
             [.reconcileRun], hint: "resolve"),
        spec(.reconcileFilterKind, [.character("f")], "f", "Show one kind of difference (a list with counts)", [.reconcileRun],
             hint: "kind"),
        spec(.reconcileSearch, [.character("/")], "/", "Search order number, SFDC id or values as you type", [.reconcileRun],
             hint: "search"),
        spec(.reconcileToggleResolved, [.character("o")], "o", "Show only open differences, or all again", [.reconcileRun],
             hint: "open only"),
        spec(.reconcileClearFilter, [.character("F")], "F", "Clear the kind, the search and open-only", [.reconcileRun]),
        spec(.reconcileExport, [.character("x")], "x", "Export the run's open differences to a CSV file", [.reconcileRun],
             hint: "export"),
        spec(.reconcileNew, [.character("i")], "i", "Reconcile two exports (IDA and SFDC) and save the run",
             [.reconcileRuns, .reconcileRun], hint: "new run"),
        spec(.customersSearch, [.character("/")], "/", "Search name, account number, phone or address as you type",
             [.customers], hint: "search"),
        spec(.customersOpen, [.enter], "Enter", "Open the customer", [.customers], hint: "open"),
        spec(.openCustomer, [.character("c")], "c", "Open the order's customer", [.queue, .detail], hint: "customer"),
        spec(.customerNextPane, [.tab, .right, .character("l")], "Tab →", "Next pane (locations, orders, contracts, contacts, documents, timeline)",
             [.customer], hint: "pane"),
        spec(.customerPreviousPane, [.backTab, .left, .character("h")], "S-Tab ←", "Previous pane", [.customer]),
        spec(.customerOpenItem, [.enter], "Enter", "Open the selected order or contract, or edit the selected row",
             [.customer], hint: "open"),
        spec(.customerEdit, [.character("e")], "e", "Edit the selected location, contact or document (the customer elsewhere)",
             [.customer], hint: "edit"),
        spec(.customerAdd, [.character("a")], "a", "Add a location, contact or document in the current pane", [.customer],
             hint: "add"),
        spec(.customerRemove, [.character("d")], "d", "Remove the selected contact (asks first)", [.customer], hint: "remove"),
        spec(.customerCheckServiceability, [.character("v")], "v", "Check the selected location's serviceability against the plant",
             [.customer], hint: "check"),
        spec(.customerSurvey, [.character("s")], "s", "Request, schedule or record the selected location's site survey",
             [.customer], hint: "survey"),
        spec(.customerNote, [.character("n")], "n", "Add a note to the customer's timeline (on the contracts pane: a new contract)",
             [.customer], hint: "note"),
        spec(.customerNewOrder, [.character("o")], "o", "New move, add, change or disconnect order", [.customer],
             hint: "order"),
        spec(.contractOpen, [.enter], "Enter", "Open the contract", [.contracts], hint: "open"),
        spec(.contractsFilter, [.character("f")], "f", "Filter by status, kind, owner, awaiting my approval, due for renewal",
             [.contracts], hint: "filter"),
        spec(.contractsInbox, [.character("i")], "i", "Show only what awaits my approval (the approvals inbox), or all again",
             [.contracts], hint: "inbox"),
        spec(.contractsClearFilter, [.character("F")], "F", "Clear the filter", [.contracts]),
        spec(.contractNew, [.character("n")], "n", "New contract: pick the customer, then write it", [.contracts],
             hint: "new contract"),
        spec(.contractNextSection, [.tab, .right, .character("l")], "Tab →", "Next part (lines, figures, route, history)",
             [.contract], hint: "pane"),
        spec(.contractPreviousSection, [.backTab, .left, .character("h")], "S-Tab ←", "Previous part", [.contract]),
        spec(.contractEdit, [.character("e")], "e", "Edit the draft (any other status says why not and what to do)",
             [.contract], hint: "edit"),
        spec(.contractSubmit, [.character("s")], "s", "Submit for approval (says first who must approve and why)",
             [.contract], hint: "submit"),
        spec(.contractWithdraw, [.character("w")], "w", "Withdraw to draft (pending, approved or sent): it needs approval again",
             [.contract], hint: "withdraw"),
        spec(.contractApprove, [.character("a")], "a", "Approve, seeing the key figures and the route, with a comment",
             [.contract], hint: "approve"),
        spec(.contractReject, [.character("x")], "x", "Reject back to draft with a comment for the submitter (required)",
             [.contract], hint: "reject"),
        spec(.contractSend, [.character("t")], "t", "Mark as sent to the customer", [.contract], hint: "sent"),
        spec(.contractActivate, [.character("v")], "v", "Activate: countersigned, service runs from the start date",
             [.contract], hint: "activate"),
        spec(.contractTerminate, [.character("T")], "T", "Terminate an active contract early: the last day and a reason",
             [.contract], hint: "terminate"),
        spec(.contractAddendum, [.character("A")], "A", "Addendum: a new draft that amends this active contract",
             [.contract], hint: "addendum"),
        spec(.contractRenew, [.character("R")], "R", "Renew: a renewal draft of an active or expired contract",
             [.contract, .customer], hint: "renew"),
        spec(.escalate, [.character("e")], "e", "Escalate the order: reason, severity and a note", [.queue, .detail],
             hint: "escalate"),
        spec(.statusNextPane, [.tab, .backTab], "Tab", "Switch between the team board and the escalation list", [.status],
             hint: "pane"),
        spec(.escalationOpenOrder, [.enter], "Enter", "Open the escalation's order (on the team board: the account manager's open orders)",
             [.status], hint: "order"),
        spec(.escalationAcknowledge, [.character("a")], "a", "Acknowledge the escalation (supervisors)", [.status],
             hint: "acknowledge"),
        spec(.escalationResolve, [.character("r")], "r", "Resolve the escalation with a note (supervisors)", [.status],
             hint: "resolve"),
        spec(.escalationReassign, [.character("o")], "o", "Reassign the escalation to another supervisor (supervisors)",
             [.status], hint: "reassign"),
        spec(.escalationReopen, [.character("O")], "O", "Reopen a resolved escalation (supervisors)", [.status]),
        spec(.escalationNote, [.character("n")], "n", "Add a note to the escalation's thread (supervisors)", [.status],
             hint: "note"),
        spec(.escalationsFilter, [.character("f")], "f", "Filter by status, severity, owner and reason", [.status],
             hint: "filter"),
        spec(.escalationsClearFilter, [.character("F")], "F", "Clear the filter", [.status]),
        spec(.reportDaily, [.character("d")], "d", "Daily report", [.reports], hint: "day"),
        spec(.reportWeekly, [.character("w")], "w", "Weekly report (Monday to Sunday)", [.reports], hint: "week"),
        spec(.reportMonthly, [.character("m")], "m", "Monthly report", [.reports], hint: "month"),
        spec(.reportPrevious, [.left, .character("h")], "← h", "The previous period", [.reports], hint: "prev"),
        spec(.reportNext, [.right, .character("l")], "→ l", "The next period", [.reports], hint: "next"),
        spec(.reportToday, [.character("t")], "t", "Back to the period holding today", [.reports]),
        spec(.reportChannel, [.character("c")], "c", "Next channel (all channels, then each one)", [.reports], hint: "channel"),
        spec(.reportExport, [.character("x")], "x", "Export what is shown as CSV to a file you name", [.reports], hint: "export"),
        spec(.refresh, [.control("r")], "Ctrl-R", "Reload from the database", [.global]),
        spec(.queueScreen, [.character("1")], "1", "Go to the order queue", [.global]),
        spec(.customersScreen, [.character("2")], "2", "Go to the customers list", [.global]),
        spec(.contractsScreen, [.character("3")], "3", "Go to the contracts list (and the approvals inbox)", [.global]),
        spec(.reconcileScreen, [.character("4")], "4", "Go to the reconciliation runs", [.global]),
        spec(.statusScreen, [.character("5")], "5", "Go to the status view (escalations and the team board)", [.global]),
        spec(.reportsScreen, [.character("6")], "6", "Go to the sales reports", [.global]),
        spec(.help, [.character("?"), .function(1)], "? F1", "Show this help", [.global], hint: "help"),
        spec(.commandLine, [.character(":")], ":", "Run a command by its long name", [.global]),
        spec(.theme, [], ":theme", "Apply another theme at once: :theme NAME (Tab lists them)", [.global]),
        spec(.back, [.escape], "Esc", "Go back", [.global], hint: "back"),
        spec(.quit, [.character("q")], "q", "Quit", [.global], hint: "quit"),
    ]

    /// Where the cursor commands apply: every screen that is a list or scrolls.
    private static let lists: [CommandContext] = [.queue, .detail, .reconcileRuns, .reconcileRun, .customers, .customer,
                                                  .contracts, .contract, .status, .reports]

    private static func spec(
        _ id: CommandID, _ keys: [Key], _ label: String, _ description: String,
        _ contexts: [CommandContext], hint: String? = nil
    ) -> CommandSpec {
        CommandSpec(id: id, keys: keys, keyLabel: label, description: description, contexts: contexts, hint: hint)
    }

    public static func spec(for id: CommandID) -> CommandSpec? { byID[id] }

    /// Every frame asks for specs and context lists (the footer, the help): looked up, not searched.
    private static let byID: [CommandID: CommandSpec] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    private static let byContext: [CommandContext: [CommandSpec]] = Dictionary(uniqueKeysWithValues: CommandContext.allCases.map { context in
        (context, all.filter { $0.contexts.contains(context) } + (context == .global ? [] : all.filter { $0.contexts.contains(.global) }))
    })

    /// Looks a command up by its long name, as typed at `:`.
    public static func command(named name: String) -> CommandID? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return CommandID(rawValue: trimmed) ?? all.first { $0.id.rawValue.hasSuffix("." + trimmed) }?.id
    }

    /// The commands available in a context, with the global ones last.
    public static func commands(in context: CommandContext) -> [CommandSpec] { byContext[context] ?? [] }
}

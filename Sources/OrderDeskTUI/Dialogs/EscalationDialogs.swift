import OrderDeskCore
import OrderDeskTerminal

/// The status view's dialogs: resolve (a note), reassign (a supervisor), a note, the filter.
/// CONTRACT STUB: the status-view helper fills this in.
public enum EscalationDialogState: Hashable, Sendable {
    case placeholder
}

/// What a status-view dialog asks the desk for.
public enum EscalationDialogRequest: Hashable, Sendable {
    /// A supervisor's step, with the version the person saw.
    case step(escalationID: Int64, EscalationStep, expectedVersion: Int64)
    case addNote(escalationID: Int64, String)
    case applyFilter(EscalationFilter)
}

public enum EscalationDialogs {
    public static func update(_ dialog: inout EscalationDialogState, _ key: Key) -> DialogOutcome { .close }
    public static func render(_ dialog: EscalationDialogState, on canvas: Canvas) {}
    public static func setError(_ dialog: inout EscalationDialogState, _ text: String) {}
}

/// The named places a theme colours. The raw value is the table name in a theme file.
public enum ThemeSlot: String, CaseIterable, Sendable {
    case body
    case title
    case tab
    case tabActive = "tab.active"
    case tableHeader = "table.header"
    case tableCursor = "table.cursor"
    case tableSelection = "table.selection"
    case statusLine = "statusline"
    case statusLineKey = "statusline.key"
    case dialog
    case dialogTitle = "dialog.title"
    case dialogBorder = "dialog.border"
    case field
    case fieldFocus = "field.focus"
    case ok, warning, danger, muted, accent
    case stateDraft = "state.draft"
    case stateSubmitted = "state.submitted"
    case statePending = "state.pending"
    case stateHeld = "state.held"
    case stateInProgress = "state.in_progress"
    case stateScheduled = "state.scheduled"
    case stateNotDone = "state.not_done"
    case stateInstalled = "state.installed"
    case stateBilled = "state.billed"
    case stateCancelled = "state.cancelled"
    case stateRejected = "state.rejected"
}

import OrderDeskCore

/// A dialog or overlay drawn over the current screen; it gets the keys while open.
public enum Modal: Hashable, Sendable {
    case help(scroll: Int)
    case commandLine(TextField)
    case filter(FilterDialogState)
    case move(MoveDialogState)
    case note(NoteDialogState)
}

/// A line of feedback in the footer.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// Everything on screen: the queue, the open order (if any), a dialog (if any), a message.
public struct DeskState: Hashable, Sendable {
    public var queue: QueueState
    /// The order detail, when it is the current screen.
    public var detail: OrderDetailState?
    public var modal: Modal?
    public var message: StatusMessage?
    public var isRunning = true

    public init(queue: QueueState = QueueState()) { self.queue = queue }

    /// The context whose commands the keys run.
    public var context: CommandContext { detail == nil ? .queue : .detail }
}

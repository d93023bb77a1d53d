/// One event on a customer's timeline: a note someone wrote or a change the audit log recorded.
public struct TimelineEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case note, change
    }

    public var at: Int64
    /// Name of the person (or `system`).
    public var actor: String
    public var kind: Kind
    /// What it is about: `customer`, `order 00412345`, `location 12 Main St`, `contact Ana Ruiz`.
    public var subject: String
    /// The note, or the change in words (`state: scheduled → installed`).
    public var text: String

    public init(at: Int64, actor: String, kind: Kind, subject: String, text: String) {
        self.at = at; self.actor = actor; self.kind = kind; self.subject = subject; self.text = text
    }
}

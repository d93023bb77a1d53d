import OrderDeskCore
import OrderDeskTerminal

/// `x` on the reports screen: where to write the CSV. CONTRACT STUB.
public struct ReportExportState: Hashable, Sendable {
    public var error: String?
    public init() {}
}

public enum ReportExportPrompt {
    public static func update(_ state: inout ReportExportState, _ key: Key) -> DialogOutcome { .close }
    public static func render(_ state: ReportExportState, on canvas: Canvas) {}
}

/// The codes and names each export uses for states, order types and channels (FORMATS.md).
public enum ExportVocabulary {
    /// IDA's `STATUS_CD` for each canonical state; IDA has no draft.
    public static func idaStatus(_ state: OrderState) -> String? {
        switch state {
        case .draft: return nil
        case .submitted: return "ENT"
        case .pending: return "PND"
        case .held: return "HLD"
        case .inProgress: return "PRV"
        case .scheduled: return "SCH"
        case .notDone: return "ND"
        case .installed: return "CMP"
        case .billed: return "BIL"
        case .cancelled: return "CAN"
        case .rejected: return "REJ"
        }
    }

    /// SFDC's `Status` for each canonical state.
    public static func sfdcStatus(_ state: OrderState) -> String {
        switch state {
        case .draft: return "Draft"
        case .submitted: return "Submitted"
        case .pending: return "Pending Customer"
        case .held: return "On Hold"
        case .inProgress: return "In Provisioning"
        case .scheduled: return "Scheduled"
        case .notDone: return "Not Done"
        case .installed: return "Installed"
        case .billed: return "Activated"
        case .cancelled: return "Cancelled"
        case .rejected: return "Rejected"
        }
    }

    /// IDA's `ORDER_TYPE`: the desk's three-letter form.
    public static func idaType(_ type: OrderType) -> String { type.short }

    public static func sfdcType(_ type: OrderType) -> String {
        switch type {
        case .new: return "New"
        case .move: return "Move"
        case .add: return "Add"
        case .change: return "Change"
        case .disconnect: return "Disconnect"
        case .renewal: return "Renewal"
        }
    }

    /// IDA's `CHANNEL_CD`: the desk's three-letter form.
    public static func idaChannel(_ channel: Channel) -> String { channel.short }

    public static func sfdcChannel(_ channel: Channel) -> String {
        switch channel {
        case .direct: return "Direct"
        case .agent: return "Agent"
        case .carrier: return "Carrier"
        case .referral: return "Referral Partner"
        case .smb: return "SMB"
        }
    }
}

import OrderDeskCore
import OrderDeskTerminal

/// Recording a porting document (CSR or LOA): received or missing, the day it came, and for an LOA what
/// the letter says. The LOA is checked against the account on every key: each field that does not match is
/// flagged under itself, because a mismatch gets a port rejected. It can still be saved; the store records
/// the mismatches as information.
public struct DocumentFormState: Hashable, Sendable {
    public var customerID: Int64
    /// nil for a new document.
    public var documentID: Int64?
    public var version: Int64?
    public var customerName: String
    /// What the LOA is checked against.
    public var account: PortingAccount
    /// The day a "received: yes" starts with.
    public var today: Day
    public var form: FormState
    /// The LOA check's findings for the fields as they are now (empty unless a received LOA).
    public internal(set) var mismatches: [LOAMismatch] = []

    public init(customer: CustomerDetail, document: PortingDocument?, kind: PortingDocumentKind, today: Day) {
        customerID = customer.header.id; documentID = document?.id; version = document?.version
        customerName = customer.header.name
        account = customer.portingAccount
        self.today = today
        let values = DocumentForm.values(document, kind: document?.kind ?? kind)
        var kindField = FormField.choice("kind", "Document", DocumentForm.kindOptions, selected: values["kind"]!)
        kindField.isReadOnly = document != nil
        form = FormState(title: "", fields: [
            kindField,
            .choice("received", "Received", DocumentForm.receivedOptions, selected: values["received"]!),
            .date("received_on", "Received on", values["received_on"]!, required: true),
            .text(LOAField.authorizedName.rawValue, "Authorised name", values[LOAField.authorizedName.rawValue]!),
            .text(LOAField.serviceAddress.rawValue, "Service address", values[LOAField.serviceAddress.rawValue]!,
                  placeholder: "as on the letter"),
            .text(LOAField.zip.rawValue, "ZIP code", values[LOAField.zip.rawValue]!, width: 12),
            .text(LOAField.billingTelephoneNumber.rawValue, "Billing telephone number",
                  values[LOAField.billingTelephoneNumber.rawValue]!, width: 20, placeholder: "e.g. (516) 555-0142"),
            .text("note", "Note", values["note"]!),
        ], preferredWidth: 90)
        DocumentForm.sync(&self)
    }

    public var kind: PortingDocumentKind { PortingDocumentKind(rawValue: form["kind"]) ?? .csr }
    public var isReceived: Bool { form["received"] == "yes" }
    /// The letter's fields as typed (trimmed).
    public var loaDetails: LOADetails {
        func value(_ field: LOAField) -> String { form[field.rawValue].trimmingCharacters(in: .whitespaces) }
        return LOADetails(authorizedName: value(.authorizedName), serviceAddress: value(.serviceAddress), zip: value(.zip),
                          billingTelephoneNumber: value(.billingTelephoneNumber))
    }

    mutating func reloaded(from detail: CustomerDetail) -> Bool {
        account = detail.portingAccount
        guard let id = documentID, let fresh = detail.documents.first(where: { $0.id == id }) else { return false }
        version = fresh.version
        form.takeFresh(DocumentForm.values(fresh, kind: fresh.kind))
        DocumentForm.sync(&self)
        return true
    }
}

public enum DocumentForm {
    static let kindOptions = [
        FormOption(PortingDocumentKind.csr.rawValue, "CSR", hint: "customer service record from the losing carrier"),
        FormOption(PortingDocumentKind.loa.rawValue, "LOA", hint: "letter of authorization signed by the customer"),
    ]
    static let receivedOptions = [FormOption("no", hint: "missing: still to be obtained"), FormOption("yes")]

    static func values(_ document: PortingDocument?, kind: PortingDocumentKind) -> [String: String] {
        var values = ["kind": kind.rawValue, "received": document?.isReceived == true ? "yes" : "no",
                      "received_on": document?.receivedOn?.iso ?? "", "note": document?.note ?? ""]
        for field in LOAField.allCases { values[field.rawValue] = document?.loa?.value(of: field) ?? "" }
        return values
    }

    /// "does not match" text under a field.
    public static func mismatchNote(_ mismatch: LOAMismatch) -> String {
        "✗ does not match the account (account: " + mismatch.onAccount + ")"
    }

    /// Shows what applies (the day once received, the letter's fields for a received LOA) and runs the LOA check.
    static func sync(_ state: inout DocumentFormState) {
        let received = state.isReceived, isLOA = state.kind == .loa
        state.form.title = (state.documentID == nil ? "New " : "") + state.kind.label + " for " + state.customerName
        state.form.update("received_on") { $0.isHidden = !received; if !received { $0.error = nil } }
        for field in LOAField.allCases {
            state.form.update(field.rawValue) { $0.isHidden = !(received && isLOA); $0.notes = [] }
        }
        guard received && isLOA else {
            state.mismatches = []
            state.form.notice = nil
            return
        }
        state.mismatches = LOACheck.mismatches(state.loaDetails, account: state.account)
        for mismatch in state.mismatches {
            state.form.update(mismatch.field.rawValue) { $0.notes = [mismatchNote(mismatch)] }
        }
        if state.mismatches.isEmpty {
            state.form.notice = FormMessage("✓ The LOA matches the account: name, service address, ZIP and billing number.",
                                            tone: .info)
        } else {
            let n = state.mismatches.count
            let names = state.mismatches.map(\.field.label).joined(separator: ", ")
            state.form.notice = FormMessage(
                "\(n) of 4 fields do not match the account (\(names)): a port is rejected on a mismatch. "
                    + "It can still be saved; the mismatches are recorded.", tone: .warning)
        }
    }

    /// The received day's own check (a day, required once received) is all there is: LOA mismatches are
    /// information, not errors.
    public static func validate(_ form: FormState) -> [FieldError] { [] }

    public static func update(_ state: inout DocumentFormState, _ key: Key) -> DialogOutcome {
        let wasReceived = state.isReceived
        let event = Form.update(&state.form, key, validate: validate)
        if state.isReceived && !wasReceived && FieldValidation.isBlank(state.form["received_on"]) {
            state.form["received_on"] = state.today.iso
        }
        sync(&state)
        switch event {
        case .save:
            let receivedOn = state.isReceived ? Day(iso: state.form["received_on"].trimmingCharacters(in: .whitespaces)) : nil
            let loa = state.kind == .loa && state.isReceived ? state.loaDetails : nil
            return .saveCustomerRecord(.document(
                customerID: state.customerID, documentID: state.documentID, state.kind, receivedOn: receivedOn, loa: loa,
                note: CustomerForms.optional(state.form["note"]), expectedVersion: state.version))
        case .close: return .close
        case .stay, .edited: return .stay
        }
    }
}

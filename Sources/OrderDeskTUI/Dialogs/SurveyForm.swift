import OrderDeskCore
import OrderDeskTerminal

/// Requesting, scheduling or recording a location's site survey: the status, a date when scheduled, the
/// result when completed, and a note.
public struct SurveyFormState: Hashable, Sendable {
    /// The customer the location belongs to, to reload it after a conflict (nil when the caller did not say).
    public var customerID: Int64
    public var locationID: Int64
    public var version: Int64
    public var form: FormState

    public init(location: CustomerLocation, customerID: Int64) {
        self.customerID = customerID; locationID = location.id; version = location.version
        let values = SurveyForm.values(location.survey)
        form = FormState(title: "Site survey · " + location.address.street + ", " + location.address.city, fields: [
            .choice("status", "Status", SurveyForm.statusOptions, selected: values["status"]!),
            .date("date", "Survey date", values["date"]!, required: true),
            .choice("result", "Result", SurveyResult.allCases.map { FormOption($0.rawValue, $0.label, hint: SurveyForm.resultHints[$0]) },
                    selected: values["result"]!),
            .multiline("note", "Note", values["note"]!, rows: 3),
        ])
        SurveyForm.sync(&form)
    }

    /// The survey as the fields say, nil while the date is not a day.
    public var survey: SiteSurvey? { SurveyForm.survey(form) }

    mutating func reloaded(from detail: CustomerDetail) -> Bool {
        guard let fresh = detail.locations.first(where: { $0.id == locationID }) else { return false }
        version = fresh.version
        form.takeFresh(SurveyForm.values(fresh.survey))
        SurveyForm.sync(&form)
        return true
    }
}

public enum SurveyForm {
    static let statusOptions = [
        FormOption("not_needed", "not needed"),
        FormOption("requested", "requested", hint: "waiting for a date"),
        FormOption("scheduled", "scheduled", hint: "give the date"),
        FormOption("completed", "completed", hint: "give the result"),
    ]

    static let resultHints: [SurveyResult: String] = [
        .feasible: "install as assessed", .feasibleWithConstruction: "needs construction beyond the estimate",
        .notFeasible: "cannot be installed here",
    ]

    static func values(_ survey: SiteSurvey) -> [String: String] {
        ["status": survey.status.name, "date": survey.status.day?.iso ?? "",
         "result": (survey.status.result ?? .feasible).rawValue, "note": survey.note ?? ""]
    }

    /// The date shows only for a scheduled survey, the result only for a completed one.
    static func sync(_ form: inout FormState) {
        let status = form["status"]
        form.update("date") { $0.isHidden = status != "scheduled"; if $0.isHidden { $0.error = nil } }
        form.update("result") { $0.isHidden = status != "completed" }
    }

    static func survey(_ form: FormState) -> SiteSurvey? {
        let status: SurveyStatus
        switch form["status"] {
        case "requested": status = .requested
        case "scheduled":
            guard let day = Day(iso: form["date"].trimmingCharacters(in: .whitespaces)) else { return nil }
            status = .scheduled(day)
        case "completed": status = .completed(SurveyResult(rawValue: form["result"]) ?? .feasible)
        default: status = .notNeeded
        }
        return SiteSurvey(status: status, note: CustomerForms.optional(form["note"]))
    }

    /// The date's own check (a day, required when scheduled) is all there is.
    public static func validate(_ form: FormState) -> [FieldError] { [] }

    public static func update(_ state: inout SurveyFormState, _ key: Key) -> DialogOutcome {
        let event = Form.update(&state.form, key, validate: validate)
        sync(&state.form)
        switch event {
        case .save:
            guard let survey = state.survey else { return .stay }
            return .saveCustomerRecord(.survey(locationID: state.locationID, survey, expectedVersion: state.version))
        case .close: return .close
        case .stay, .edited: return .stay
        }
    }
}

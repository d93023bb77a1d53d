/// What a completed site survey found.
public enum SurveyResult: String, CaseIterable, Sendable, Codable, Hashable {
    /// Service can be installed as assessed.
    case feasible
    /// Service can be installed, but only with construction beyond the estimate.
    case feasibleWithConstruction = "feasible_with_construction"
    /// Service cannot be installed at this address.
    case notFeasible = "not_feasible"

    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// Where a location's site survey stands.
public enum SurveyStatus: Hashable, Sendable {
    case notNeeded
    case requested
    case scheduled(Day)
    case completed(SurveyResult)

    /// The stored name: `not_needed`, `requested`, `scheduled`, `completed`.
    public var name: String {
        switch self {
        case .notNeeded: return "not_needed"
        case .requested: return "requested"
        case .scheduled: return "scheduled"
        case .completed: return "completed"
        }
    }

    /// For people: `not needed`, `requested`, `scheduled 2026-12-03`, `completed: feasible`.
    public var label: String {
        switch self {
        case .notNeeded: return "not needed"
        case .requested: return "requested"
        case .scheduled(let day): return "scheduled " + day.iso
        case .completed(let result): return "completed: " + result.label
        }
    }

    /// Rebuilds a status from its stored columns; nil when they do not fit together.
    public init?(name: String, on day: Day?, result: SurveyResult?) {
        switch (name, day, result) {
        case ("not_needed", nil, nil): self = .notNeeded
        case ("requested", nil, nil): self = .requested
        case ("scheduled", let day?, nil): self = .scheduled(day)
        case ("completed", _, let result?): self = .completed(result)
        default: return nil
        }
    }

    /// The day for `scheduled`, else nil.
    public var day: Day? { if case .scheduled(let day) = self { return day } else { return nil } }
    /// The result for `completed`, else nil.
    public var result: SurveyResult? { if case .completed(let result) = self { return result } else { return nil } }
}

/// A site survey as recorded, with its note (who to meet, what was found).
public struct SiteSurvey: Hashable, Sendable {
    public var status: SurveyStatus
    public var note: String?

    public init(status: SurveyStatus, note: String? = nil) { self.status = status; self.note = note }
}

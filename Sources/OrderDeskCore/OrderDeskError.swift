import Foundation

/// Everything the desk refuses, each with a message a person can act on.
public enum OrderDeskError: Error, LocalizedError, Equatable, Sendable {
    case transitionNotAllowed(from: OrderState, to: OrderState, allowed: [OrderState])
    case missingRequirement(TransitionRequirement, target: OrderState)
    case unknownReasonCode(String, target: OrderState)
    /// Someone else saved the order after this person loaded it.
    case conflict(orderNumber: String, changedBy: String, changedAt: Int64)
    case forbidden(login: String, role: Role, action: String)
    case orderNotFound(String)
    case unknownUser(login: String)
    case invalidInput(field: String, value: String, expected: String)
    /// Someone else saved this record (a customer, location, contact, document) after this person loaded it.
    /// `what` names it for people: `customer Café Roma`, `contact Ana Ruiz`.
    case recordConflict(what: String, changedBy: String, changedAt: Int64)
    /// A form's fields failed the domain's checks (the store runs them again below the UI).
    case invalidFields([FieldError])
    /// No such customer, location, contact or document (`what`: `customer #12`).
    case recordNotFound(what: String)
    /// A step the record's state does not allow, with what to do instead (a contract that is active, pending…).
    case refused(String)

    public var errorDescription: String? {
        switch self {
        case let .transitionNotAllowed(from, to, allowed):
            let list = allowed.isEmpty ? "none: \(from.label) is final" : allowed.map(\.label).joined(separator: ", ")
            return "An order cannot move from \(from.label) to \(to.label). Allowed from \(from.label): \(list)."
        case let .missingRequirement(requirement, target):
            return "Moving to \(target.label) needs \(requirement.rawValue)."
        case let .unknownReasonCode(code, target):
            let codes = ReasonCode.codes(for: target).map(\.code).joined(separator: ", ")
            return "'\(code)' is not a reason code for \(target.label). Use one of: \(codes)."
        case let .conflict(number, who, at):
            return "Order \(number) was changed by \(who) at \(Timestamp.display(at)) after you opened it. "
                + "It has been reloaded; nothing you typed is lost — check it and save again."
        case let .forbidden(login, role, action):
            return "\(login) has the role \(role.rawValue), which may not \(action). Ask an admin to change the role."
        case let .orderNotFound(number):
            return "No order \(number)."
        case let .unknownUser(login):
            return "The login '\(login)' is not an OrderDesk user. "
                + "Ask an admin to run: orderdesk users add \(login) --name \"Full Name\" --role account_manager"
        case let .invalidInput(field, value, expected):
            return "\(field): '\(value)' is not valid; expected \(expected)."
        case let .recordConflict(what, who, at):
            return "The \(what) was changed by \(who) at \(Timestamp.display(at)) after you opened it. "
                + "It has been reloaded; what you typed is kept — check it and save again."
        case let .invalidFields(errors):
            return errors.map(\.message).joined(separator: " ")
        case let .refused(message):
            return message
        case let .recordNotFound(what):
            return "There is no \(what) any more: someone may have removed it. Reload (Ctrl-R) and pick again."
        }
    }
}

/// Unix-time helpers for display; the desk keeps times as whole seconds since 1970, UTC.
public enum Timestamp {
    /// `2026-03-09 14:02` in UTC.
    public static func display(_ seconds: Int64) -> String {
        let day = Day(unixSeconds: seconds)
        let secondOfDay = seconds - day.unixSeconds
        let h = secondOfDay / 3600, m = (secondOfDay % 3600) / 60
        return day.iso + " " + (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// A length of time, short: `42m`, `3h 05m`, `2d 4h` (negative spans as their size).
    public static func span(_ seconds: Int64) -> String {
        let s = abs(seconds)
        let days = s / 86_400, hours = (s % 86_400) / 3_600, minutes = (s % 3_600) / 60
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h " + (minutes < 10 ? "0" : "") + "\(minutes)m" }
        return "\(minutes)m"
    }

    /// ISO 8601 with a Z: `2026-03-09T14:02:11Z`.
    public static func iso(_ seconds: Int64) -> String {
        let day = Day(unixSeconds: seconds)
        let s = seconds - day.unixSeconds
        func two(_ n: Int64) -> String { n < 10 ? "0" + String(n) : String(n) }
        return day.iso + "T" + two(s / 3600) + ":" + two((s % 3600) / 60) + ":" + two(s % 60) + "Z"
    }
}

import InspectCore

/// Checks every value of an operation's parameters against `InputLimits` before the operation runs: texts, instants,
/// dates and counts, however deeply nested, found by reflection, so an operation added later is covered without its
/// author listing its fields. Both transports pass here (`APIOperation.authorizedPerform`).
enum ParameterCheck {
    /// - Throws: `InspectError.invalidInput` naming the first value out of its range.
    static func validate(_ value: Any, field: String = "parameters") throws {
        switch value {
        case let text as String: try check(.text(text), as: field)
        case let instant as Instant: try check(.instant(instant), as: field)
        case let date as CivilDate: try check(.date(date), as: field)
        case let number as Int: try check(.count(number), as: field)
        case is Int64, is Bool, is TimeOfDay: return
        default:
            for child in Mirror(reflecting: value).children {
                // An optional's payload and a collection's elements are checked as the field that holds them.
                let label = child.label.flatMap { $0 == "some" || $0.hasPrefix(".") ? nil : $0 } ?? field
                try validate(child.value, field: label)
            }
        }
    }

    /// Checks parameters that list their own values, in the order reflection would find them.
    static func validate(listed parameters: some ListedParameters) throws {
        for (field, value) in parameters.listedValues { try check(value, as: field) }
    }

    private static func check(_ value: CheckedValue, as field: String) throws {
        switch value {
        case .text(let text): try InputLimits.rule(forField: field).check(text, as: field)
        case .instant(let instant): try InputLimits.check(instant, as: field)
        case .date(let date): try InputLimits.check(date, as: field)
        case .count(let number): try InputLimits.check(number, as: field)
        case .unchecked: return
        }
    }
}

/// A value of the kinds `ParameterCheck` checks, or one it lets pass (an id, a flag, a time of day, an absent
/// optional).
public enum CheckedValue: Sendable, Equatable {
    case text(String)
    case instant(Instant)
    case date(CivilDate)
    case count(Int)
    case unchecked
}

/// Parameters that list their values for `ParameterCheck`, so checking them needs no reflection.
///
/// Reflecting a type the first time costs a scan of the binary's ~11,500 conformance records, and a one-shot command
/// meets each type for the first time: for `finding log` in direct mode the reflective check was a twentieth of the
/// command (README, Speed). So the request of an operation run once per process may list its values instead.
/// `ListedParametersTests` holds every conforming type to reflection: the same fields in the same order, and the
/// same verdict on generated values.
public protocol ListedParameters {
    /// Every stored property, by its name, in declaration order; an absent optional is `.unchecked`.
    var listedValues: [(field: String, value: CheckedValue)] { get }
}

extension APIOperation where Parameters: ListedParameters {
    /// Checks the listed values (see ``ListedParameters``).
    public static func checkParameters(_ parameters: Parameters) throws {
        try ParameterCheck.validate(listed: parameters)
    }
}

import InspectCore

/// Checks every value of an operation's parameters against `InputLimits` before the operation runs: texts, instants,
/// dates and counts, however deeply nested, found by reflection, so an operation added later is covered without its
/// author listing its fields. Both transports pass here (`APIOperation.authorizedPerform`).
enum ParameterCheck {
    /// - Throws: `InspectError.invalidInput` naming the first value out of its range.
    static func validate(_ value: Any, field: String = "parameters") throws {
        switch value {
        case let text as String: try InputLimits.rule(forField: field).check(text, as: field)
        case let instant as Instant: try InputLimits.check(instant, as: field)
        case let date as CivilDate: try InputLimits.check(date, as: field)
        case let number as Int: try InputLimits.check(number, as: field)
        case is Int64, is Bool, is TimeOfDay: return
        default:
            for child in Mirror(reflecting: value).children {
                // An optional's payload and a collection's elements are checked as the field that holds them.
                let label = child.label.flatMap { $0 == "some" || $0.hasPrefix(".") ? nil : $0 } ?? field
                try validate(child.value, field: label)
            }
        }
    }
}

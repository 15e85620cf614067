import ArgumentParser
import InspectCore
import InspectService

extension StaffLevel: ExpressibleByArgument {}
extension QualificationKind: ExpressibleByArgument {}

/// The options every level or title change takes: when it took effect, why, and the decision behind it.
struct ProfileChangeOptions: ParsableArguments {
    @Option(help: "The day it took effect, YYYY-MM-DD (default: today).") var on: String?
    @Option(help: "Why it changed (kept in the history; at most 2000 characters).") var reason: String
    @Option(help: "The decision behind it, e.g. its number and date (at most 200 characters).") var evidence: String?

    /// The request to set the person `badge`'s level or title to `value`.
    func request(badge: String, value: String) throws -> ProfileSetRequest {
        ProfileSetRequest(
            badge: badge, value: value, date: try on.map { try Self.date($0, option: "--on") }, reason: reason,
            evidence: evidence)
    }

    /// A date typed as `YYYY-MM-DD` for `option`.
    /// - Throws: `InspectError.invalidInput` naming the option.
    static func date(_ text: String, option: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else {
            throw InspectError.invalidInput("\(option) '\(text)' is not a date; use YYYY-MM-DD")
        }
        return date
    }
}

import ArgumentParser
import Foundation
import InspectCore

extension OfficeKind: ExpressibleByArgument {}
extension StaffCategory: ExpressibleByArgument {}
extension InspectionStatus: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension BreakdownDimension: ExpressibleByArgument {}

/// Reading values people type that ArgumentParser cannot check on its own.
enum Arguments {
    /// A clock time `HH:MM`.
    static func clock(_ text: String?, option: String) throws -> TimeOfDay? {
        guard let text else { return nil }
        guard let time = TimeOfDay(parsing: text) else {
            throw InspectError.invalidInput("\(option) '\(text)' is not a time; use HH:MM (24-hour)")
        }
        return time
    }

    /// The contents of a file named on the command line.
    static func fileText(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw InspectError.notFound(kind: "file", key: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InspectError.invalidInput("cannot read \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InspectError.invalidInput("\(path) is not UTF-8 text")
        }
        return text
    }
}

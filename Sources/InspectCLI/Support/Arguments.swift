import ArgumentParser
import Foundation
import InspectCore
import InspectService

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

    /// The contents of a file named on the command line (an import), read through `BoundedFile`: a regular file of
    /// at most `BoundedFile.importBytes`, in UTF-8.
    /// - Throws: `InspectError.notFound` when there is no such file, `.invalidInput` naming it otherwise.
    static func fileText(_ path: String) throws -> String {
        let bytes: [UInt8]
        do {
            bytes = try BoundedFile.read(path, limit: BoundedFile.importBytes)
        } catch .missing {
            throw InspectError.notFound(kind: "file", key: path)
        } catch {
            throw InspectError.invalidInput("\(path) \(error)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InspectError.invalidInput("\(path) is not UTF-8 text")
        }
        return text
    }
}

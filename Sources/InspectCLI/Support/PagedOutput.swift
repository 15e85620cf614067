import ArgumentParser
import Foundation
import InspectCore
import InspectService

extension CommandContext {
    /// Performs a listing page by page (``Page``), handing each reply to `each` before asking for the next, so that
    /// neither the daemon nor this process ever holds the whole listing.
    func forEachPage<Op: APIOperation, Cursor>(
        _ operation: Op.Type, _ parameters: Op.Parameters, after: WritableKeyPath<Op.Parameters, Cursor?>,
        next: (Op.Reply) -> Cursor?, _ each: (Op.Reply) throws -> Void
    ) throws {
        var parameters = parameters
        while true {
            let reply = try perform(operation, parameters)
            try each(reply)
            guard let cursor = next(reply) else { return }
            parameters[keyPath: after] = cursor
        }
    }
}

/// Where a listing that arrives in pages is written as it arrives: standard output, or a file that appears only
/// when complete (written beside it and renamed at the end), so that a failed export leaves no half file behind.
final class PagedOutput {
    private let path: String?
    private let partial: String?
    /// The partial file; none for standard output, written with `Swift.print`, exactly, as JSON and exports are.
    private let handle: FileHandle?

    /// - Throws: `ExitCode(73)` after saying why, when the file cannot be created.
    init(path: String?) throws {
        self.path = path
        guard let path else {
            partial = nil
            handle = nil
            return
        }
        let partial = path + ".partial-\(getpid())"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial)
        else { throw Self.cannotWrite(path, reason: String(cString: strerror(errno))) }
        self.partial = partial
        self.handle = handle
    }

    /// Removes the partial file of an export that did not finish.
    deinit {
        if let partial { unlink(partial) }
    }

    /// Writes `text` now.
    func write(_ text: String) throws {
        guard let handle else { return Swift.print(text, terminator: "") }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw Self.cannotWrite(path ?? "standard output", reason: (error as NSError).localizedDescription)
        }
    }

    /// Makes the file appear under its name, whole.
    func finish() throws {
        guard let handle, let partial, let path else { return }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw Self.cannotWrite(path, reason: (error as NSError).localizedDescription)
        }
        guard rename(partial, path) == 0 else { throw Self.cannotWrite(path, reason: String(cString: strerror(errno))) }
    }

    private static func cannotWrite(_ path: String, reason: String) -> ExitCode {
        Output.error("inspectctl: cannot write \(path): \(reason)")
        return ExitCode(ExitStatus.cantCreate.rawValue)
    }
}

/// A JSON array written a page at a time, laid out exactly as ``Output/jsonText(_:zone:)`` lays out the whole.
struct JSONArrayPages {
    private var started = false

    /// The text that adds `rows` to the array.
    mutating func text(_ rows: [some Encodable], zone: LocalZone) throws -> String {
        guard !rows.isEmpty else { return "" }
        // A pretty array is "[\n", its elements, "\n]\n": keep the elements.
        let whole = try Output.jsonText(rows, zone: zone)
        let elements = whole.dropFirst(2).dropLast(3)
        defer { started = true }
        return (started ? ",\n" : "[\n") + elements
    }

    /// The text that closes the array (the whole of an empty one).
    func end(zone: LocalZone) throws -> String {
        started ? "\n]\n" : try Output.jsonText([Int](), zone: zone)
    }
}

import Foundation
import Glibc
import InspectCore

/// Reads `/etc/inspectd`: `inspectd.conf` with its drop-ins in `inspectd.conf.d/`, the yearly holiday files in
/// `holidays.d/`, the plans in `plans.d/` (each `NAME.conf` with drop-ins in `NAME.conf.d/`), the escalation
/// rules in `escalation.conf` with drop-ins in `escalation.conf.d/`, the staff titles in `titles.conf` with
/// drop-ins in `titles.conf.d/`, and the qualification standards in `standards.conf` with drop-ins in
/// `standards.conf.d/`, the competency test bands in `bands.conf` with drop-ins in `bands.conf.d/`, and the yearly
/// classification's rules in `classification.conf` with drop-ins in `classification.conf.d/`, all relative to the
/// main file's directory. Without an `escalation.conf` no escalation rule applies; without a `titles.conf` no title
/// is known; without a `standards.conf` no standard; without a `bands.conf` no test result can be recorded; without
/// a `classification.conf` no classification can be proposed.
/// Each file is read through ``BoundedFile``: a regular file of at most 1 MiB, or the load fails naming it.
public enum ConfigLoader {
    /// Loads the configuration whose main file is `path`.
    ///
    /// A missing main file at the default path means the compiled defaults (a fresh install works without one); a
    /// missing file the caller named explicitly is an error.
    /// - Throws: `InspectError.invalidConfig` with the file and line of the first problem.
    public static func load(path: String, explicit: Bool) throws -> InspectConfiguration {
        let files = FileManager.default
        let main: IniDocument
        if files.fileExists(atPath: path) {
            main = try document(path)
        } else if explicit {
            throw InspectError.invalidConfig(path: path, line: 0, reason: "no such file")
        } else {
            main = try IniDocument(text: "", path: path)
        }
        let directory = (path as NSString).deletingLastPathComponent
        let base = directory.isEmpty ? "." : directory
        let dropIns = try documents(in: path + ".d")
        let holidays = try documents(in: base + "/holidays.d")
        let plans = try documents(in: base + "/plans.d").map { plan in
            IniDocument.merging(main: plan, dropIns: try documents(in: plan.path + ".d"))
        }
        return try InspectConfiguration(
            main: .merging(main: main, dropIns: dropIns), holidayFiles: holidays, planFiles: plans,
            escalationFile: try optionalDocument(base + "/escalation.conf"),
            titlesFile: try optionalDocument(base + "/titles.conf"),
            standardsFile: try optionalDocument(base + "/standards.conf"),
            bandsFile: try optionalDocument(base + "/bands.conf"),
            classificationFile: try optionalDocument(base + "/classification.conf"))
    }

    /// The file at `path` merged with its drop-ins in `path.d/`; the drop-ins alone when the file is missing; nil
    /// when there is neither.
    private static func optionalDocument(_ path: String) throws -> IniDocument? {
        let dropIns = try documents(in: path + ".d")
        if FileManager.default.fileExists(atPath: path) {
            return .merging(main: try document(path), dropIns: dropIns)
        }
        guard let first = dropIns.first else { return nil }
        return .merging(main: try IniDocument(text: "", path: first.path), dropIns: dropIns)
    }

    /// Reads plan files given by name (`inspectctl plan validate`), each with its drop-ins.
    public static func planDocuments(_ paths: [String]) throws -> [IniDocument] {
        try paths.map { path in
            guard FileManager.default.fileExists(atPath: path) else {
                throw InspectError.invalidConfig(path: path, line: 0, reason: "no such file")
            }
            return IniDocument.merging(main: try document(path), dropIns: try documents(in: path + ".d"))
        }
    }

    /// The parsed `*.conf` files of `directory`, by file name; none when the directory does not exist.
    static func documents(in directory: String) throws -> [IniDocument] {
        try names(in: directory).filter { $0.hasSuffix(".conf") }.sorted().map { try document("\(directory)/\($0)") }
    }

    /// The names in `directory`, none when it cannot be listed (missing, not a directory, not readable).
    ///
    /// Read with `readdir` rather than `FileManager`: every command loads the configuration, which looks for eight
    /// directories that mostly do not exist, and `FileManager` building its error for each cost a one-shot
    /// `finding log` more than reading the file that does (README, Speed).
    private static func names(in directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Reads and parses one file through ``BoundedFile``: a regular file of at most ``BoundedFile/configBytes``.
    private static func document(_ path: String) throws -> IniDocument {
        let bytes: [UInt8]
        do {
            bytes = try BoundedFile.read(path, limit: BoundedFile.configBytes)
        } catch {
            throw InspectError.invalidConfig(path: path, line: 0, reason: error.description)
        }
        return try IniDocument(bytes: bytes, path: path)
    }
}

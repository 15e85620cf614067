import Foundation

/// Runs a program of the system (`journalctl`, `systemd-cat`) and collects what it printed.
public enum SystemTool {
    /// How a run ended.
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var errorOutput: String
    }

    /// The program's path on `$PATH` (and the sbin directories, where root's tools live), or `nil` if it is missing.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `name` with `arguments`, feeding it `input`, and waits for it to exit.
    ///
    /// - Throws: ``HarnessError`` when the program is missing or cannot be started.
    public static func run(_ name: String, _ arguments: [String], input: String? = nil) throws -> Result {
        guard let executable = find(name) else { throw HarnessError("\(name) not found") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // Files rather than pipes: a chatty program cannot fill a pipe and stall while nobody reads it.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inspectd-tool-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("stdin")
        let outputURL = directory.appendingPathComponent("stdout")
        let errorURL = directory.appendingPathComponent("stderr")
        try Data((input ?? "").utf8).write(to: inputURL)
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        let stdin = try FileHandle(forReadingFrom: inputURL)
        let stdout = try FileHandle(forWritingTo: outputURL)
        let stderr = try FileHandle(forWritingTo: errorURL)
        defer {
            for handle in [stdin, stdout, stderr] { try? handle.close() }
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
            errorOutput: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self)
        )
    }
}

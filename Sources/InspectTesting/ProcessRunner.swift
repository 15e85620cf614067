import Foundation

/// Runs a real process to completion and captures what it printed.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum ProcessRunner {
    /// Runs `executable` with `arguments`; `environment` entries are added to (or, with nil values, removed from) the
    /// test process's own.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String?] = [:], stdin: String? = nil
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        // A child that exits before reading all its input must fail the call, not kill the test process.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        defer { process.waitUntilExit() }
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child cannot block on a full pipe.
        let errData = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.data, as: UTF8.self))
    }

    /// ``run(_:_:environment:stdin:)`` on a thread of its own (``onOwnThread(_:)``), for async tests.
    public static func detached(
        _ executable: String, _ arguments: [String], environment: [String: String?] = [:], stdin: String? = nil
    ) async throws -> ProcessResult {
        try await onOwnThread { try run(executable, arguments, environment: environment, stdin: stdin) }
    }

    /// The path of a program on `PATH`, or nil.
    public static func which(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Data written by one reader thread and read after `DispatchGroup.wait()`, which orders the two.
private final class Box: @unchecked Sendable {
    var data = Data()
}

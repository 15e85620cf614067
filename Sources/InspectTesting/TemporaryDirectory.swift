import Foundation

/// A fresh directory under the system's temporary directory, removed when the value is released.
public final class TemporaryDirectory: Sendable {
    public let path: String

    /// - Parameter inMemory: Under `/dev/shm` when the system has it: for tests that commit thousands of small
    ///   transactions, each of which would otherwise wait for the disk.
    public init(prefix: String = "inspectd-test", inMemory: Bool = false) {
        let shared = "/dev/shm"
        let base =
            inMemory && FileManager.default.isWritableFile(atPath: shared)
            ? shared : FileManager.default.temporaryDirectory.path
        path = "\(base)/\(prefix)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String { "\(path)/\(name)" }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let target = file(name)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

import Foundation
import InspectTesting
import Testing

/// Configuration and import files are read only when they are regular files within their size, and a file that
/// fails to parse is not repeated beyond the offending line.
@Suite("inspectd and inspectctl read only regular files of bounded size", .serialized)
struct ConfigReaderTests {
    @Test("a FIFO or /dev/zero drop-in on SIGHUP is refused by name; the daemon keeps running and stops on SIGTERM")
    func reloadRefusesSpecialFiles() async throws {
        // Given a running daemon
        let daemon = try DaemonFixture()
        try await daemon.start()
        let dropIns = daemon.directory.file("inspectd.conf.d")
        try FileManager.default.createDirectory(atPath: dropIns, withIntermediateDirectories: true)

        // When a drop-in is a FIFO nobody writes to, and the daemon reloads
        let fifo = dropIns + "/10-fifo.conf"
        try #require(mkfifo(fifo, 0o600) == 0)
        daemon.signal(SIGHUP)
        // Then the reload finishes (READY=1 again) with the running configuration kept and the file named
        _ = try await daemon.harness.waitUntil(timeout: .seconds(10), "READY=1 after reloading with a FIFO") {
            $0.filter { $0 == "READY=1" }.count >= 2
        }
        let afterFIFO = try daemon.sql("SELECT message FROM outbox WHERE kind = 'config-invalid'")
        #expect(afterFIFO.contains("\(fifo): is a FIFO, not a regular file"), "\(afterFIFO)")

        // When it is a symbolic link to /dev/zero instead
        try FileManager.default.removeItem(atPath: fifo)
        let zero = dropIns + "/20-zero.conf"
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        daemon.signal(SIGHUP)
        _ = try await daemon.harness.waitUntil(timeout: .seconds(10), "READY=1 after reloading with /dev/zero") {
            $0.filter { $0 == "READY=1" }.count >= 3
        }
        let afterZero = try daemon.sql("SELECT message FROM outbox WHERE kind = 'config-invalid'")
        #expect(afterZero.contains("\(zero): is a character device, not a regular file"), "\(afterZero)")

        // Then it still stops on SIGTERM, at once
        #expect(daemon.process?.isRunning == true)
        let started = ContinuousClock.now
        #expect(daemon.stop() == 0)
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test("--check-config refuses an oversize drop-in, and quotes nothing of a file that is not configuration")
    func checkConfigRefuses() throws {
        let directory = TemporaryDirectory(prefix: "inspectd-config")
        let main = directory.write("inspectd.conf", "[Hours]\nGraceMinutes=10\n")
        try FileManager.default.createDirectory(
            atPath: directory.file("inspectd.conf.d"), withIntermediateDirectories: false)

        // Given a drop-in of 1 MiB and one byte (valid: only its size is wrong)
        let big = directory.write(
            "inspectd.conf.d/big.conf", "[Hours]\n#" + String(repeating: "x", count: (1 << 20) - 9) + "\n")
        let oversize = try ProcessRunner.run(BuiltProducts.inspectd, ["--check-config", "--config", main])
        #expect(oversize.status == 78)
        #expect(oversize.stderr == "inspectd: \(big): is larger than 1 MiB, the most inspectd reads of such a file\n")
        try FileManager.default.removeItem(atPath: big)

        // Given a copy of a shadow file as a drop-in
        let shadowLines = [
            "root:$6$Zx8w0B1q$Jd8mQe0kqz2mRrS9wXhL7aY2cP3rN5tU6vW7xY8zA9bC0dE1fG2hI3jK4lM5nO6pQ7rS8tU9vW0xY1zA2:19700:0:99999:7:::",
            "daemon:*:19700:0:99999:7:::", "inspectd:$6$Qw3e$AnotherSecretHash:19701:0:99999:7:::",
        ]
        let shadow = directory.write("inspectd.conf.d/shadow.conf", shadowLines.joined(separator: "\n") + "\n")
        let result = try ProcessRunner.run(BuiltProducts.inspectd, ["--check-config", "--config", main])
        // Then the error names its first line and shows nothing of any line
        #expect(result.status == 78)
        #expect(
            result.stderr
                == "inspectd: \(shadow):1: expected 'Key=Value', a '[Section]' header or a comment, found\n")
        for fragment in ["root", "$6$", "daemon:", "AnotherSecretHash", "19700"] {
            #expect(!result.stderr.contains(fragment), "\(fragment)")
        }
    }

    @Test("an import from a FIFO, /dev/zero, a directory or an oversize file exits 65 naming it, record unchanged")
    func importRefuses() throws {
        let cli = try CLIFixture.seeded()
        let before = try cli.dump()
        let fifo = cli.directory.file("staff-fifo.csv")
        try #require(mkfifo(fifo, 0o600) == 0)
        let zero = cli.directory.file("zero.csv")
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        let folder = cli.directory.file("folder.csv")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        // A sparse file one byte over the 64 MiB an import may hold
        let huge = cli.directory.file("huge.csv")
        try #require(FileManager.default.createFile(atPath: huge, contents: nil))
        try #require(truncate(huge, (64 << 20) + 1) == 0)
        let cases = [
            (fifo, "is a FIFO, not a regular file"), (zero, "is a character device, not a regular file"),
            (folder, "is a directory, not a regular file"),
            (huge, "is larger than 64 MiB, the most inspectd reads of such a file"),
        ]
        for (path, reason) in cases {
            let result = try cli.run(["staff", "import", path])
            #expect(result.status == 65, "\(path)")
            #expect(result.stderr == "inspectctl: staff import: \(path) \(reason)\n")
        }
        #expect(try cli.dump() == before)
    }
}

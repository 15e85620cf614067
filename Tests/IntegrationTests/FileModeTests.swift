import Foundation
import InspectTesting
import Testing

/// The record holds secret draws and people's records: every file inspectd or inspectctl creates is readable by its
/// owner only, whatever umask they were started with.
@Suite("Files are their owner's alone", .serialized)
struct FileModeTests {
    /// Runs `command` with umask 000, as a careless shell or service manager would start it.
    private static func withOpenUmask(_ command: [String]) throws -> ProcessResult {
        try ProcessRunner.run("/bin/sh", ["-c", "umask 000; exec \"$@\"", "sh"] + command)
    }

    private static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    @Test("with umask 000, the daemon's database, -wal and -shm and a backup are 0600")
    func modes() async throws {
        let daemon = try DaemonFixture()
        let started = try Self.withOpenUmask([
            BuiltProducts.inspectctl, "office", "add", "UBND-NHANLY", "--name", "UBND xã Nhân Lý", "--database",
            daemon.database, "--config", daemon.config,
        ])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(Self.mode(daemon.database) == 0o600)
        try await daemon.start(prefix: ["/bin/sh", "-c", "umask 000; exec \"$@\"", "sh"])
        defer { daemon.stop() }
        try daemon.ctl(["office", "add", "UBND-BANGHUU", "--name", "UBND xã Bằng Hữu"])
        for suffix in ["", "-wal", "-shm"] {
            #expect(Self.mode(daemon.database + suffix) == 0o600, "inspectd.db\(suffix)")
        }
        let backup = daemon.directory.file("copy.db")
        let copied = try Self.withOpenUmask([
            BuiltProducts.inspectctl, "backup", backup, "--database", daemon.database, "--config", daemon.config,
        ])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(Self.mode(backup) == 0o600)
        let report = daemon.directory.file("report.html")
        let written = try Self.withOpenUmask([
            BuiltProducts.inspectctl, "report", "summary", "--format", "html", "--output", report, "--database",
            daemon.database, "--config", daemon.config,
        ])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(Self.mode(report) == 0o600)
    }
}

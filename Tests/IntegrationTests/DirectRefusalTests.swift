import Foundation
import InspectTesting
import Testing

/// Direct mode journals a refused call as the daemon does (`RefusalTally`), not only refuses it.
@Suite("Refusals in direct mode", .serialized)
struct DirectRefusalTests {
    @Test(
        "a reader writing directly to a record they may open is refused with 77, and the refusal is journaled",
        .enabled(if: getuid() == 0 && ProcessRunner.which("setpriv") != nil, "needs root and setpriv"))
    func refusalJournaled() throws {
        let cli = try CLIFixture.seeded(mode: .direct)
        // The record is root's, but anyone may open it: its files' modes, not the role, let nobody in.
        chmod(cli.directory.path, 0o777)
        for suffix in ["", "-wal", "-shm"] { chmod(cli.database + suffix, 0o666) }
        let before = try cli.dump()
        let write = try ProcessRunner.run(
            ProcessRunner.which("setpriv")!,
            ["--reuid=65534", "--regid=65534", "--clear-groups", BuiltProducts.inspectctl]
                + ["finding", "log", "--inspection", "1", "--type", "BADGE"]
                + ["--database", cli.database, "--config", cli.config],
            environment: ["INSPECTD_DATABASE": nil, "INSPECTD_SOCKET": nil])
        #expect(write.status == 77, "\(write.stderr)")
        #expect(
            write.stderr
                == "inspectctl: finding log: LogFinding needs the inspector role (group inspectd); nobody is a reader\n"
        )
        #expect(try cli.dump() == before)
        let denied = try cli.sql("SELECT message FROM outbox WHERE kind = 'access-denied'")
        #expect(denied.contains("LogFinding refused for nobody"))
    }
}

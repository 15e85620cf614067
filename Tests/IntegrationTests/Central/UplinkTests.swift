import Foundation
import InspectCentral
import InspectService
import InspectStore
import InspectTesting
import PostgresNIO
import Testing

/// The uplink against a real PostgreSQL and real `inspectctl` and `inspectd` processes: every fact arrives, in
/// order and once, across kills of the sender and of the server; what is secret stays on the site; a site restored
/// from an older backup is flagged and its findings kept apart.
@Suite(
    "The uplink to a real center", .serialized,
    .enabled(if: PostgresServer.testsCanRun, Comment(rawValue: PostgresServer.unavailableReason))
)
struct UplinkTests {
    @Test("a record arrives whole, in order and once; sending again sends nothing")
    func wholeAndOnce() async throws {
        let center = try await UplinkCenter.start()
        let cli = try CLIFixture.seeded()
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00001"])
        try cli.importFindings(300)
        try cli.ok(["finding", "amend", "2", "--reason", "ghi nhầm", "--note", "sửa"])
        try cli.ok(["finding", "retract", "3", "--reason", "trùng"])
        try cli.ok(["finding", "action", "1", "--require", "Đeo thẻ", "--due", "2099-01-01"])
        try cli.ok(["inspection", "close", "1", "--checked", "2"])
        // The last batch of 100 begins with findings of inspection 1, then opens inspection 2 and logs its finding:
        // the center checks a batch's findings against the inspections it holds, so those must reach it first.
        try cli.ok(["inspection", "open", "--office", "UBND-BANGHUU"])
        try cli.ok(["finding", "log", "--inspection", "2", "--type", "BADGE", "--staff", "CL-00003"])
        let site = try center.add(cli, as: "nhan-ly")
        cli.directory.write("inspectd.conf", site.configuration(batchSize: 100))

        let first = try cli.sendUplink(site)
        let afterFirst = try cli.json(UplinkStatusReport.self, ["uplink", "status"])
        let second = try cli.sendUplink(site, ["--json"])

        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("\"facts\" : 0"))
        #expect(try await center.findingHashes(of: site) == cli.findingHashes())
        #expect(try await center.count("SELECT count(*) FROM center.office") == 3)
        #expect(try await center.count("SELECT count(*) FROM center.staff") == 3)
        #expect(try await center.count("SELECT count(*) FROM center.staff_move") == 3)
        #expect(try await center.count("SELECT count(*) FROM center.corrective_action") == 1)
        let statuses = try await center.column(
            String.self, "SELECT status FROM center.inspection_transition WHERE inspection_row_id = 1 ORDER BY row_id")
        #expect(statuses == ["open", "closed"])
        #expect(try await center.count("SELECT count(*) FROM center.finding WHERE inspection_row_id = 2") == 1)
        #expect(try await center.count("SELECT count(*) FROM center.divergent_finding") == 0)
        let status = try cli.json(UplinkStatusReport.self, ["uplink", "status"])
        #expect(status.backlog.rows == 0)
        #expect(status.state.findingID == Int64(try cli.findingHashes().count))
        #expect(status.state.lastError == nil)
        // A round with nothing to send writes nothing, not even its time.
        #expect(status.state == afterFirst.state)
    }

    @Test("a center older than the site's inspectd is named, sent nothing, and sent to once brought up to date")
    func olderCenter() async throws {
        let center = try await UplinkCenter.start()
        let cli = try CLIFixture.seeded()
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "SMOKE"])
        let site = try center.add(cli, as: "nhan-ly")
        // The center as it was before version 6.
        _ = try await center.column(
            Int.self,
            "WITH gone AS (DELETE FROM center.schema_version WHERE version = 6 RETURNING version) SELECT 0 FROM gone")
        _ = try await center.column(Int.self, "DROP VIEW reporting.schema_version")

        let refused = try cli.sendUplink(site)
        #expect(refused.status == 78)
        #expect(
            refused.stderr.contains(
                "the center's schema is older than version 6; this inspectd needs version 8: run 'inspectctl central "
                    + "init' at the center"), "\(refused.stderr)")
        #expect(try await center.count("SELECT count(*) FROM center.finding") == 0)
        let status = try cli.json(UplinkStatusReport.self, ["uplink", "status"])
        #expect(status.state.lastError?.contains("older than version 6") == true)

        let again = try await ProcessRunner.detached(
            BuiltProducts.inspectctl,
            ["central", "init", center.server.url(), "--password-file", center.adminPasswordFile])
        #expect(again.status == 0, "\(again.stderr)")
        let sent = try cli.sendUplink(site)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try await center.findingHashes(of: site) == cli.findingHashes())
    }

    @Test("a surprise still scheduled and its draw never reach the center; one that is no longer secret does")
    func secretsStayOnSite() async throws {
        let center = try await UplinkCenter.start()
        let cli = try CLIPlanTests.withShippedPlans()
        let applied = try cli.json(SchedulingReport.self, ["plan", "apply"])
        try #require(!applied.drawn.isEmpty)
        let site = try center.add(cli, as: "chi-lang")

        let sent = try cli.sendUplink(site)

        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try await center.count("SELECT count(*) FROM center.inspection WHERE kind = 'planned'") > 0)
        for query: PostgresQuery in [
            "SELECT count(*) FROM center.inspection WHERE kind IN ('surprise', 'follow-up') OR row_id >= 9000000000",
            "SELECT count(*) FROM center.inspection_transition WHERE inspection_row_id >= 9000000000",
            "SELECT count(*) FROM center.surprise_draw",
            "SELECT count(*) FROM center.follow_up_draw",
        ] {
            #expect(try await center.count(query) == 0, "\(query.sql)")
        }
        let secret = try #require(
            Int64(
                try cli.sql("SELECT min(id) FROM inspection WHERE kind = 'surprise' AND status = 'scheduled'")
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        try cli.ok(["inspection", "cancel", String(secret), "--reason", "thay đổi kế hoạch"])
        let again = try cli.sendUplink(site)
        #expect(again.status == 0, "\(again.stderr)")
        let cancelled = try await center.column(
            String.self,
            """
            SELECT t.status FROM center.inspection i JOIN center.inspection_transition t
                ON t.site = i.site AND t.inspection_row_id = i.row_id
            WHERE i.kind = 'surprise'
            """)
        #expect(cancelled == ["cancelled"])
        #expect(try await center.count("SELECT count(*) FROM center.inspection WHERE row_id >= 9000000000") == 0)
    }

    @Test("a site restored from an older backup is flagged, and its findings from then on are kept apart")
    func restoredSiteIsFlagged() async throws {
        let center = try await UplinkCenter.start()
        let cli = try CLIFixture.seeded()
        try cli.importFindings(20)
        let site = try center.add(cli, as: "bang-huu")
        let backup = cli.directory.file("backup.db")
        try cli.ok(["backup", backup])
        try cli.importFindings(5, tag: "after-")
        try #require(try cli.sendUplink(site).status == 0)
        let held = try await center.findingHashes(of: site)

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cli.database + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: cli.database)
        try cli.importFindings(3, tag: "restored-")
        let restored = try cli.sendUplink(site)

        #expect(restored.status == 65)
        #expect(restored.stderr.contains("inspectctl: uplink send: diverged: "))
        #expect(try await center.findingHashes(of: site) == held)
        #expect(try await center.count("SELECT count(*) FROM center.divergent_finding") == 3)
        let sites = try ProcessRunner.run(
            BuiltProducts.inspectctl,
            ["central", "sites", center.server.url(), "--password-file", center.adminPasswordFile, "--json"])
        #expect(sites.status == 0, "\(sites.stderr)")
        #expect(sites.stdout.contains("restored from an older backup"))
        let status = try cli.json(UplinkStatusReport.self, ["uplink", "status"])
        #expect(status.state.diverged != nil)
    }

    @Test("killing the sender or the server in the middle of a stream loses and duplicates nothing")
    func crashes() async throws {
        let center = try await UplinkCenter.start()
        let cli = try CLIFixture.seeded()
        try cli.importFindings(4000)
        let site = try center.add(cli, as: "dong-mo")
        cli.directory.write("inspectd.conf", site.configuration(batchSize: 100))
        var generator = SplitMix64(seed: 20_261_207)

        for round in 0..<8 {
            let sender = try startSender(cli)
            if round % 4 == 3 {
                try await Task.sleep(for: .milliseconds(Int.random(in: 50...400, using: &generator)))
                await center.server.crash()
                _ = try await onOwnThread { sender.waitUntilExit() }
                try await center.server.restart()
            } else {
                try await Task.sleep(for: .milliseconds(Int.random(in: 50...400, using: &generator)))
                kill(sender.processIdentifier, SIGKILL)
                _ = try await onOwnThread { sender.waitUntilExit() }
            }
        }
        let last = try cli.run(["uplink", "send"])

        #expect(last.status == 0, "\(last.stderr)")
        let sent = try await center.findingHashes(of: site)
        let recorded = try cli.findingHashes()
        #expect(sent.count == recorded.count, "lost \(recorded.count - sent.count)")
        #expect(sent == recorded)
        let batches = try await center.count(
            "SELECT count(*) FROM center.uplink_batch WHERE site = \(site.record)")
        #expect(batches > 1)
        #expect(try await center.count("SELECT count(*) FROM center.divergent_finding") == 0)
    }

    @Test("three sites send at once, each its own record")
    func threeSites() async throws {
        let center = try await UplinkCenter.start()
        var sites: [(CLIFixture, UplinkCenter.Site)] = []
        for name in ["site-a", "site-b", "site-c"] {
            let cli = try CLIFixture.seeded()
            try cli.importFindings(1500, tag: name)
            let site = try center.add(cli, as: name)
            cli.directory.write("inspectd.conf", site.configuration(batchSize: 200))
            sites.append((cli, site))
        }

        let senders = try sites.map { try startSender($0.0) }
        for sender in senders { _ = try await onOwnThread { sender.waitUntilExit() } }

        for ((cli, site), sender) in zip(sites, senders) {
            #expect(sender.terminationStatus == 0)
            #expect(try await center.findingHashes(of: site) == cli.findingHashes())
        }
        #expect(try await center.count("SELECT count(DISTINCT site) FROM center.finding") == 3)
    }

    /// How long the center stays down: long enough for the daemon to say it is behind (`BehindAfterSec=10`); the issue's
    /// ten minutes with `INSPECTD_UPLINK_OUTAGE_SECONDS=600`.
    static let outage = Int(ProcessInfo.processInfo.environment["INSPECTD_UPLINK_OUTAGE_SECONDS"] ?? "") ?? 15

    @Test("the daemon sends as it writes, says when it is behind while the center is down, drains, resumes when killed")
    func daemonOutage() async throws {
        let center = try await UplinkCenter.start()
        let cli = try CLIFixture.seeded(mode: .socket)
        let site = try center.add(cli, as: "outage")
        cli.directory.write("inspectd.conf", site.configuration(interval: 1, behindAfter: 10))
        try cli.reloadDaemon()
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00001"])
        #expect(try await pollUntil(timeout: .seconds(60)) { try await center.findingHashes(of: site).count == 1 })

        await center.server.crash()
        let down = ContinuousClock.now
        try cli.importFindings(1000, perImport: 100, tag: "outage-")
        let behind = try await pollUntil(timeout: .seconds(120)) {
            let status = try cli.json(UplinkStatusReport.self, ["uplink", "status"])
            guard let oldest = status.backlog.oldest, status.state.lastError != nil else { return false }
            return Int64(Date().timeIntervalSince1970) - oldest.seconds > 12
        }
        #expect(behind)
        try await Task.sleep(until: down.advanced(by: .seconds(Self.outage)))
        let restarted = ContinuousClock.now
        try await center.server.restart()
        let recorded = try cli.findingHashes()
        #expect(try await pollUntil(timeout: .seconds(120)) { try await center.findingHashes(of: site) == recorded })
        let drained = ContinuousClock.now - restarted
        print("uplink outage of \(Self.outage) s: 1,000 findings drained \(drained) after the center came back")

        let status = try cli.json(UplinkStatusReport.self, ["uplink", "status"])
        #expect(status.backlog.rows == 0)
        #expect(status.state.lastError == nil)
        if Journald.isAnswering {
            for kind in ["73433e83d65f4d1cada837c0c2f03542", "c36f6bc883b342c1a9f79d10626c70cd"] {
                let entries = try await Journald.entries(
                    matching: ["MESSAGE_ID=\(kind)", "INSPECTD_RECORD=\(site.record)"], timeout: .seconds(60))
                #expect(entries.count == 1, "MESSAGE_ID \(kind)")
            }
        }

        // Killed while sending: the next daemon resumes from the center's cursor.
        try cli.importFindings(3000, perImport: 1000, tag: "killed-")
        try await Task.sleep(for: .milliseconds(300))
        try cli.killDaemon()
        try cli.startDaemon()
        let all = try cli.findingHashes()
        #expect(try await pollUntil(timeout: .seconds(120)) { try await center.findingHashes(of: site) == all })
        #expect(try await center.count("SELECT count(*) FROM center.divergent_finding") == 0)
    }

    /// `inspectctl uplink send` on `cli`'s record with its `[Uplink]`, started and not waited for.
    private func startSender(_ cli: CLIFixture) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.inspectctl)
        process.arguments = ["uplink", "send", "--database", cli.database, "--config", cli.config]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

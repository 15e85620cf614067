import Foundation
import InspectTesting
import Testing

/// Writes the journal files a center receives, as its service does.
private let journalRemote = "/lib/systemd/systemd-journal-remote"

/// `inspectctl follow --directory` on journal files made as a center makes them: events two records logged for real,
/// exported with `journalctl -o export` and written into a journal file by `systemd-journal-remote`.
@Suite(
    "inspectctl follow --directory reads the journals a center received", .serialized,
    .enabled(if: Journald.testsCanRun, Comment(rawValue: Journald.unavailableReason)),
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: journalRemote),
        "systemd-journal-remote is not installed (scripts/setup --tests installs it)"))
struct CLIFollowDirectoryTests {
    /// Two records, each with a violation logged; their events in the journal; and a received journal of both.
    struct Received {
        let sites: [CLIFixture]
        let directory = TemporaryDirectory(prefix: "inspectd-received")
        var records: [String] = []
        /// Each record's messages, as journalctl reads them from the machine's journal.
        var logged: [String: [String]] = [:]

        init() async throws {
            sites = [try CLIFixture.seeded(), try CLIFixture.seeded()]
            for site in sites {
                try site.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00002"])
                let record = try site.recordIdentity()
                // Every event the record holds; journald stores them a moment after they are sent.
                let events = try #require(
                    Int(try site.sql("SELECT count(*) FROM outbox").trimmingCharacters(in: .whitespacesAndNewlines)))
                let entries = try await Journald.entries(matching: ["INSPECTD_RECORD=\(record)"], atLeast: events)
                records.append(record)
                logged[record] = entries.compactMap { $0["MESSAGE"] }
            }
            let matches = records.map { "INSPECTD_RECORD=\($0)" }
            let made = try SystemTool.run(
                "sh",
                [
                    "-c", "journalctl -o export \"$@\" | \(journalRemote) --output=\"$0\" -",
                    directory.file("remote-site.journal"),
                ] + matches)
            try #require(made.status == 0, "systemd-journal-remote: \(made.errorOutput)")
        }
    }

    /// Runs `inspectctl follow --directory` as a center would: no database, and no daemon on the socket.
    private func follow(_ arguments: [String], config: String) throws -> ProcessResult {
        try ProcessRunner.run(
            BuiltProducts.inspectctl,
            ["follow", "--since", "-1h", "--no-wait", "--config", config] + arguments,
            environment: [
                "INSPECTD_DATABASE": nil, "INSPECTD_CONFIG": nil, "INSPECTD_SOCKET": "/nonexistent/io.inspectd",
                "LANG": "C.UTF-8",
            ])
    }

    private static var host: String {
        var name = utsname()
        uname(&name)
        return withUnsafeBytes(of: name.nodename) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    @Test("every record's events show with their MESSAGE_ID, record and host, without a database or a daemon")
    func everyRecord() async throws {
        try #require(Journald.isAnswering, "no journald answers")
        let received = try await Received()

        let result = try follow(["--directory", received.directory.path, "--json"], config: received.sites[0].config)

        #expect(result.status == 0, "\(result.stderr)")
        let events = try result.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        for record in received.records {
            let mine = events.filter { ($0["fields"] as? [String: String])?["INSPECTD_RECORD"] == record }
            #expect(mine.compactMap { $0["message"] as? String } == received.logged[record], "record \(record)")
            #expect(mine.allSatisfy { ($0["messageID"] as? String)?.count == 32 })
            #expect(mine.allSatisfy { $0["host"] as? String == Self.host })
        }
        #expect(events.count == received.logged.values.map(\.count).reduce(0, +), "nothing else is in the file")
    }

    @Test("--record picks one record, and each text line names the host and record it came from")
    func oneRecord() async throws {
        try #require(Journald.isAnswering, "no journald answers")
        let received = try await Received()
        let record = received.records[1]

        let result = try follow(
            ["--directory", received.directory.path, "--record", record], config: received.sites[0].config)

        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == received.logged[record]?.count)
        #expect(lines.allSatisfy { $0.contains(" \(Self.host) \(record) inspectctl: ") }, "\(lines)")
        #expect(
            lines.contains {
                $0.hasSuffix("BADGE (Not wearing the ID badge) recorded in inspection 1 of UBND-NHANLY for CL-00002")
            })
    }

    @Test("--merge reads this machine's journal among all the others, and --record picks a record in it")
    func merged() async throws {
        try #require(Journald.isAnswering, "no journald answers")
        let received = try await Received()
        let record = received.records[0]

        let result = try follow(["--merge", "--record", record, "--json"], config: received.sites[1].config)

        #expect(result.status == 0, "\(result.stderr)")
        let events = try result.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(events.compactMap { $0["message"] as? String } == received.logged[record])
    }

    @Test("a directory that is missing, or not one, is an error; --directory and --merge exclude each other")
    func badDirectory() throws {
        let fixture = try CLIFixture()
        let missing = fixture.directory.file("nowhere")

        let absent = try follow(["--directory", missing], config: fixture.config)
        let file = try follow(["--directory", fixture.config], config: fixture.config)
        let both = try follow(["--directory", fixture.directory.path, "--merge"], config: fixture.config)

        #expect(absent.status == 66)
        #expect(absent.stderr == "inspectctl: follow: no journal directory '\(missing)'\n")
        #expect(file.status == 66)
        #expect(both.status == 64)
        #expect(both.stderr.hasPrefix("inspectctl: follow: --directory and --merge exclude each other"))
    }

    @Test(
        "a reader who may not read the received journal files is told so, not shown an empty journal",
        .enabled(if: TestUsers.available || TestUsers.required, Comment(rawValue: TestUsers.unavailableReason)))
    func unreadable() async throws {
        try #require(Journald.isAnswering, "no journald answers")
        try #require(TestUsers.available, Comment(rawValue: TestUsers.unavailableReason))
        let received = try await Received()
        // The directory open to all, as /var/log/journal/remote is; its file readable by its owner and group only.
        chmod(received.directory.path, 0o755)
        chmod(received.directory.file("remote-site.journal"), 0o640)
        chmod(received.sites[0].directory.path, 0o755)
        chmod(received.sites[0].config, 0o644)

        let result = try ProcessRunner.run(
            "/usr/bin/setpriv",
            TestUsers.reader.setprivArguments + [
                BuiltProducts.inspectctl, "follow", "--no-wait", "--directory", received.directory.path, "--config",
                received.sites[0].config,
            ])

        #expect(result.status == 77)
        #expect(
            result.stderr == "inspectctl: follow: this user may read none of the 1 journal files in "
                + "\(received.directory.path): run as root or as a member of their group (at a center, "
                + "systemd-journal-remote)\n")
    }
}

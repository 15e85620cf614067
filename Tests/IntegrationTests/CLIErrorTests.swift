import Foundation
import InspectTesting
import Testing

/// One bad command, the message and exit status it must give.
struct BadCommand: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var status: Int32
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
}

@Suite("inspectctl refuses bad input and leaves the database as it was", .serialized)
struct CLIErrorTests {
    static let cases: [BadCommand] = [
        .init(
            arguments: ["inspection", "open", "--office", "UBND-XYZ"], status: 66,
            message: "inspectctl: inspection open: no office 'UBND-XYZ'"),
        .init(
            arguments: ["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-99999"], status: 66,
            message: "inspectctl: finding log: no staff badge 'CL-99999'"),
        .init(
            arguments: ["finding", "log", "--inspection", "1", "--type", "NAPPING"], status: 65,
            message: "inspectctl: finding log: no violation type 'NAPPING'; known types: ABSENT,"),
        .init(
            arguments: ["office", "add", "UBND-NHANLY", "--name", "again"], status: 65,
            message: "inspectctl: office add: office 'UBND-NHANLY' already exists"),
        .init(
            arguments: ["staff", "add", "CL-00001", "--name", "x", "--office", "UBND-NHANLY"], status: 65,
            message: "inspectctl: staff add: staff badge 'CL-00001' already exists"),
        .init(
            arguments: ["inspection", "close", "1", "--checked", "-3"], status: 65,
            message: "inspectctl: inspection close: checked must be from 0 to 100000, not -3"),
        .init(
            arguments: ["inspection", "close", "1", "--checked", "many"], status: 64,
            message: "inspectctl: inspection close: The value 'many' is invalid for '--checked <checked>'"),
        .init(
            arguments: ["finding", "log", "--inspection", "1", "--type", "LATE", "--arrived", "7h52"], status: 65,
            message: "inspectctl: finding log: --arrived '7h52' is not a time; use HH:MM (24-hour)"),
        .init(
            arguments: ["finding", "log", "--inspection", "1", "--type", "LATE"], status: 65,
            message: "inspectctl: finding log: LATE needs --arrived HH:MM"),
        .init(
            arguments: ["inspection", "list", "--from", "last tuesday"], status: 65,
            message: "inspectctl: inspection list: 'last tuesday' is not a time"),
        .init(
            arguments: ["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00003"], status: 65,
            message: "inspectctl: finding log: staff CL-00003 worked in UBND-BANGHUU then, not in the inspected office"),
        .init(
            arguments: ["finding", "log", "--inspection", "1", "--type", "BADGE", "--at", "2099-01-01 08:00"],
            status: 65, message: "inspectctl: finding log: a finding cannot be observed in the future"),
        // Text and times are checked where they enter (InputLimits).
        .init(
            arguments: ["finding", "log", "--inspection", "1", "--type", "BADGE", "--note", "xin \u{1B}[31mchào"],
            status: 65,
            message: "inspectctl: finding log: note contains a control character (U+001B); only line breaks and tabs "
                + "are allowed"),
        .init(
            arguments: ["office", "add", "UBND-X", "--name", String(repeating: "ư", count: 201)], status: 65,
            message: "inspectctl: office add: name is longer than 200 characters"),
        .init(
            arguments: ["inspection", "list", "--from", "2150-01-01"], status: 65,
            message: "inspectctl: inspection list: from must lie between 1970 and 2099 (it is 2149-12-31T17:00:00Z)"),
        .init(
            arguments: ["office", "frobnicate"], status: 64,
            message: "inspectctl: office: Unexpected argument 'frobnicate'"),
        // Usage errors, not bad data: 64, and the usage hint.
        .init(
            arguments: ["calendar", "Mon *-*-1..7 08:00", "--iterations", "0"], status: 64,
            message: "inspectctl: calendar: --iterations must be at least 1, not 0\nSee 'inspectctl calendar --help'."),
        .init(
            arguments: ["follow", "--priority", "bogus", "--no-wait"], status: 64,
            message: "inspectctl: follow: unknown priority 'bogus'; use emerg, alert, crit, err, warning, notice, "
                + "info, debug or 0-7\nSee 'inspectctl follow --help'."),
        // A bad date is reported as one, not as an unknown time zone.
        .init(
            arguments: ["calendar", "Sat *-*-~7"], status: 65,
            message: "inspectctl: calendar: invalid calendar expression 'Sat *-*-~7': '-~' at column 8: '~' takes the "
                + "place of the '-' before the day, as in '*-*~7' (the 7th day from the end of the month)"),
        .init(
            arguments: ["follow", "--since", "-10 parsecs", "--no-wait"], status: 65,
            message: "inspectctl: follow: '-10 parsecs' is not a time; use 'YYYY-MM-DD HH:MM' (local time), ISO 8601 "
                + "like '2027-02-06T07:52:00+07:00', or relative like '-10min', '-2h', 'yesterday' or 'today'"),
    ]

    @Test(
        "each bad command gets its message and code, and the database is unchanged, in both modes",
        arguments: cases, CLIMode.allCases)
    func refused(_ bad: BadCommand, mode: CLIMode) throws {
        let cli = try CLIFixture.seeded(mode: mode)
        let before = try cli.dump()
        let result = try cli.run(bad.arguments)
        #expect(result.status == bad.status)
        #expect(result.stderr.hasPrefix(bad.message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try cli.dump() == before)
    }

    @Test("findings on closed and cancelled inspections are refused", arguments: CLIMode.allCases)
    func finishedInspections(mode: CLIMode) throws {
        let cli = try CLIFixture.seeded(mode: mode)
        try cli.ok(["inspection", "close", "1", "--checked", "2"])
        try cli.ok(["inspection", "open", "--office", "UBND-BANGHUU"])
        try cli.ok(["inspection", "cancel", "2", "--reason", "office closed for a funeral"])
        let before = try cli.dump()
        for (id, status) in [("1", "closed"), ("2", "cancelled")] {
            let result = try cli.run(["finding", "log", "--inspection", id, "--type", "BADGE"])
            #expect(result.status == 65)
            #expect(result.stderr == "inspectctl: finding log: inspection \(id) is \(status)\n")
        }
        #expect(try cli.dump() == before)
    }

    @Test("a CSV import with one bad row names its line and writes nothing", arguments: CLIMode.allCases)
    func importIsAllOrNothing(mode: CLIMode) throws {
        let cli = try CLIFixture.seeded(mode: mode)
        let before = try cli.dump()
        let file = cli.directory.write(
            "more.csv",
            "badge,name,office\nCL-00010,Hà Văn Tú,UBND-NHANLY\nCL-00011,\"Mã Thị\nLan\",UBND-NHANLY\nCL-00012,X,NOWHERE\n"
        )
        let result = try cli.run(["staff", "import", file])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "inspectctl: staff import: \(file):3: column 'name' contains a line break; it must be one line\n")
        // A note may span lines; the rows after it are counted by the lines they start on.
        let findings = cli.directory.write(
            "findings.csv",
            "inspection,type,staff,note\n1,BADGE,CL-00001,\"Thẻ để\ntrong cặp\"\n1,BADGE,CL-00002,\n1,NAPPING,,\n")
        let bad = try cli.run(["finding", "import", findings])
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("inspectctl: finding import: \(findings):5: no violation type 'NAPPING'"))
        #expect(try cli.dump() == before)
        let missing = try cli.run(["office", "import", cli.directory.file("absent.csv")])
        #expect(missing.status == 66)
    }

    @Test("a bad configuration stops the command with 78 and its file:line, before the database is touched")
    func badConfiguration() throws {
        let cli = try CLIFixture()
        cli.directory.write("inspectd.conf", "[Hours]\nMorning=07:30-11:30\nGraceMinuets=5\n")
        let result = try cli.run(["office", "add", "A", "--name", "A"])
        #expect(result.status == 78)
        #expect(
            result.stderr.hasPrefix("inspectctl: office add: \(cli.config):3: unknown key 'GraceMinuets' in [Hours]"))
        #expect(result.stderr.contains("did you mean 'GraceMinutes'?"))
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    /// Through the socket, a bad configuration stops a command that writes and then shows times before it writes;
    /// `finding log`, which shows none, does not read it.
    @Test("through the socket, a bad configuration stops a write that shows times before it writes")
    func badConfigurationThroughTheSocket() throws {
        let cli = try CLIFixture.seeded(mode: .socket)
        // The daemon read the fixture's configuration when it started; only inspectctl reads the bad one.
        cli.directory.write("inspectd.conf", "[Calendar]\nTimeZone=Mars/Olympus\n")
        let before = try cli.dump()
        for command in [
            ["finding", "log", "--inspection", "1", "--type", "BADGE", "--json"],
            ["inspection", "close", "1", "--checked", "3"],
        ] {
            let result = try cli.run(command)
            #expect(result.status == 78)
            #expect(result.stderr.hasPrefix("inspectctl: \(command[0]) \(command[1]): \(cli.config):2: "))
        }
        #expect(try cli.dump() == before)
        let logged = try cli.run(["finding", "log", "--inspection", "1", "--type", "BADGE"])
        #expect(logged.stdout == "Logged finding 1: BADGE in inspection 1.\n")
        #expect(logged.status == 0)
    }

    @Test("an office may only follow a configured hours profile")
    func unknownHoursProfile() throws {
        let cli = try CLIFixture.seeded()
        let result = try cli.run(["office", "add", "X", "--name", "X", "--hours", "summer-winter"])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "inspectctl: office add: no hours profile 'summer-winter' in the configuration; configured: default\n"
        )
    }

    @Test("a database path that does not exist or cannot be written is refused")
    func badDatabasePaths() throws {
        let absent = try ProcessRunner.run(
            BuiltProducts.inspectctl, ["office", "list", "--database", "/nonexistent/inspectd.db"])
        #expect(absent.status == 66)
        #expect(absent.stderr == "inspectctl: office list: no database '/nonexistent/inspectd.db'\n")
        let noDirectory = try ProcessRunner.run(
            BuiltProducts.inspectctl, ["office", "add", "A", "--name", "A", "--database", "/nonexistent/inspectd.db"])
        #expect(noDirectory.status == 73)
        #expect(noDirectory.stderr.contains("directory /nonexistent does not exist"))
    }

    @Test(
        "a user who cannot write the database directory gets 73 and the file is untouched",
        .enabled(
            if: getuid() == 0 && ProcessRunner.which("setpriv") != nil, "needs root and setpriv to drop privileges")
    )
    func unwritableDirectory() throws {
        let cli = try CLIFixture.seeded()
        let before = try cli.dump()
        // The temporary directory belongs to root; run as nobody.
        chmod(cli.directory.path, 0o755)
        let result = try ProcessRunner.run(
            ProcessRunner.which("setpriv")!,
            [
                "--reuid=65534", "--regid=65534", "--clear-groups", BuiltProducts.inspectctl, "office", "add", "B",
                "--name", "B", "--database", cli.database,
            ])
        #expect(result.status == 73)
        #expect(result.stderr.contains("is not writable"))
        #expect(try cli.dump() == before)
    }
}

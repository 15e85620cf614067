import Foundation
import InspectTesting
import Testing

/// A command that reads nothing from the record, and a piece of what it prints.
struct RecordlessCommand: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var prints: String
    var testDescription: String { arguments.joined(separator: " ") }
}

@Suite("Commands that read no record work with neither a daemon nor a database")
struct CLIRecordlessTests {
    static let commands: [RecordlessCommand] = [
        .init(arguments: ["violation", "list"], prints: "Not wearing the ID badge"),
        .init(arguments: ["--json", "violation", "list", "--lang", "vi"], prints: #""nameVI" : "Đi muộn""#),
        .init(
            arguments: ["calendar", "quarterly", "--from", "2027-02-05 09:00"], prints: "Next elapse: Thu 2027-04-01"),
        .init(arguments: ["lunar", "2027-03-10", "--to-solar"], prints: "Solar 2027-04-16 = lunar day 10 of month 3"),
        .init(arguments: ["holidays", "2030"], prints: "2030-02-02"),
        .init(arguments: ["--help"], prints: "USAGE: inspectctl <subcommand>"),
        .init(arguments: ["finding", "log", "--help"], prints: "USAGE: inspectctl finding log --inspection"),
        .init(arguments: ["--version"], prints: "."),
    ]

    @Test("each prints its answer; no socket answers and no database exists", arguments: commands)
    func works(_ command: RecordlessCommand) throws {
        let directory = TemporaryDirectory(prefix: "inspectctl-recordless")
        let config = directory.write("inspectd.conf", "")
        let result = try ProcessRunner.run(
            BuiltProducts.inspectctl, command.arguments,
            environment: [
                "INSPECTD_DATABASE": nil, "INSPECTD_CONFIG": config, "LANG": "C.UTF-8",
                // A socket path nothing listens on, in a directory that does not exist.
                "INSPECTD_SOCKET": directory.file("missing/io.inspectd"),
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(command.prints), "\(result.stdout)")
        #expect(result.stderr.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["inspectd.conf"])
    }
}

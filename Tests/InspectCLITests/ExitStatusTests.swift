import ArgumentParser
import InspectCore
import Testing

@testable import InspectCLI

/// How the full parser answers `arguments`: the command it built, or the exit status and message of its error.
private func parse(_ arguments: [String]) -> Result<ParsableCommand, ParseFailure> {
    do {
        return .success(try InspectCommand.parseAsRoot(ArgumentOrder.normalize(arguments, root: InspectCommand.self)))
    } catch {
        return .failure(
            ParseFailure(status: InspectCommand.exitStatus(for: error), message: InspectCommand.message(for: error)))
    }
}

private struct ParseFailure: Error {
    var status: Int32
    var message: String
}

/// The global options a parsed command holds, whichever protocol it follows.
private func globalOptions(of command: ParsableCommand) -> GlobalOptions? {
    Mirror(reflecting: command).children.lazy.compactMap { ($0.value as? OptionGroup<GlobalOptions>)?.wrappedValue }
        .first
}

@Suite("Parsing, the order of arguments and exit statuses, in process")
struct ExitStatusTests {
    static let globals = ["--json", "--lang", "vi", "--database", "x.db"]

    @Test(
        "an unknown option or a missing argument is a usage error (64), never the global options given first",
        arguments: leafPaths())
    func unknownOption(_ path: [String]) throws {
        let arguments = Self.globals + path + ["--no-such-option"]
        #expect(
            ArgumentOrder.normalize(arguments, root: InspectCommand.self)
                == path + ["--no-such-option"] + Self.globals)
        guard case .failure(let failure) = parse(arguments) else {
            Issue.record("\(path) accepted --no-such-option")
            return
        }
        #expect(failure.status == InspectCore.ExitStatus.usage.rawValue)
        // The parser names a missing argument before an unknown one.
        let needsArguments = (try? parse(path).get()) == nil
        let complaint = needsArguments ? "Missing expected argument" : "--no-such-option"
        #expect(failure.message.contains(complaint), "\(failure.message)")
        #expect(!Self.globals.contains { failure.message.contains("'\($0)") }, "\(failure.message)")
    }

    @Test("global options before the command words, after them or between mean the same", arguments: leafPaths())
    func globalOptionsAnywhere(_ path: [String]) throws {
        // A command that needs arguments cannot be built without them; unknownOption covers it.
        guard case .success = parse(path) else { return }
        let placements = [
            Self.globals + path, path + Self.globals, Array(Self.globals.prefix(3)) + path + Self.globals.suffix(2),
        ]
        for arguments in placements {
            let command = try parse(arguments).get()
            let options = try #require(globalOptions(of: command), "\(path) has no global options")
            #expect(options.json && options.lang == .vi && options.database == "x.db", "\(arguments)")
        }
    }

    @Test(
        "values a command refuses before it runs are usage errors (64)",
        arguments: [
            (["calendar", "daily", "--iterations", "0"], "--iterations must be at least 1, not 0"),
            (["follow", "--priority", "bogus"], "unknown priority 'bogus'"),
            (["finding", "lgo"], "lgo"),
            (["office", "add"], "Missing expected argument"),
            (["calendar", "daily", "--iterations", "many"], "many"),
        ])
    func refusedValues(arguments: [String], message: String) {
        guard case .failure(let failure) = parse(arguments) else {
            Issue.record("\(arguments) parsed")
            return
        }
        #expect(failure.status == InspectCore.ExitStatus.usage.rawValue)
        #expect(failure.message.contains(message), "\(failure.message)")
    }

    @Test("--help and --version exit 0, from any command", arguments: commandPaths())
    func helpAndVersion(_ path: [String]) {
        for request in [["--help"], ["-h"]] + (path.isEmpty ? [["--version"]] : []) {
            guard case .failure(let failure) = parse(path + request) else { continue }
            #expect(failure.status == 0, "\(path + request): \(failure.message)")
        }
    }

    /// One error of each kind.
    static let errors: [InspectError] = [
        .invalidInput("x"), .notFound(kind: "office", key: "X"), .duplicate(kind: "office", key: "X"), .conflict("x"),
        .invalidFile(path: "a.csv", line: 3, reason: "x"), .invalidConfig(path: "a.conf", line: 3, reason: "x"),
        .busy(path: "db"), .cannotCreate(path: "db", reason: "x"), .storage(path: "db", reason: "x"),
        .schemaTooNew(path: "db"), .integrity("x"), .permissionDenied("x"), .unavailable("x"),
    ]

    /// The status each kind of error exits with, as `inspectctl --help` states it. There is no `default`: a new kind
    /// of error does not compile until it is given its status here (and a sample in `errors`).
    static func documentedStatus(_ error: InspectError) -> InspectCore.ExitStatus {
        switch error {
        case .invalidInput, .duplicate, .conflict, .invalidFile, .integrity: .dataError
        case .notFound: .noInput
        case .unavailable: .unavailable
        case .cannotCreate: .cantCreate
        case .storage, .schemaTooNew: .ioError
        case .busy: .tempFail
        case .permissionDenied: .noPermission
        case .invalidConfig: .config
        }
    }

    @Test("each kind of error a command throws exits with its sysexits code", arguments: errors)
    func errorStatus(_ error: InspectError) {
        #expect(InspectCommand.exitStatus(for: error) == Self.documentedStatus(error).rawValue)
    }

    @Test("every exit status is documented in --help, and every one an error can give has a sample error")
    func statusTable() {
        let help = InspectCommand.configuration.discussion
        let given = Set(Self.errors.map(Self.documentedStatus))
        for status in InspectCore.ExitStatus.allCases where status != .failure {
            #expect(help.contains("\(status.rawValue) "), "\(status) is not in inspectctl --help")
            if status != .success && status != .usage {
                #expect(given.contains(status), "no sample error exits with \(status)")
            }
        }
        #expect(InspectCommand.exitStatus(for: ExitCode(InspectCore.ExitStatus.unavailable.rawValue)) == 69)
    }
}

import Foundation
import InspectCore
import InspectStore
import InspectTesting
import InspectVarlink

/// Parameter values drawn from the records under test, for the calls of a noninterference test: every id, code and
/// badge either record holds (the secret ones too: probing them is the attack), a few instants around the frozen
/// time, and one value of everything else.
struct CallPools {
    var inspections: [Int64] = []
    var findings: [Int64] = []
    var escalations: [Int64] = []
    var offices: [String] = []
    var badges: [String] = []
    var periods: [String] = []
    var plans: [String] = []

    /// The values both records hold, each once, in order.
    init(records: [String]) throws {
        for path in records {
            let values = RecordValues(path: path)
            inspections += try values.column("SELECT id FROM inspection").compactMap { Int64($0) }
            findings += try values.column("SELECT id FROM finding").compactMap { Int64($0) }
            escalations += try values.column("SELECT id FROM escalation").compactMap { Int64($0) }
            offices += try values.column("SELECT code FROM office")
            badges += try values.column("SELECT badge FROM staff")
            periods += try values.column("SELECT period FROM surprise_draw")
            plans += try values.column("SELECT DISTINCT plan FROM surprise_draw UNION SELECT plan FROM inspection")
        }
        func distinct<T: Hashable & Comparable>(_ values: [T]) -> [T] { Array(Set(values)).sorted() }
        // One id past the last of each kind: an id nobody has, to compare with the secret ones.
        inspections = distinct(inspections + [(inspections.filter { !InspectionIDs.isSecret($0) }.max() ?? 0) + 1])
        findings = distinct(findings + [(findings.max() ?? 0) + 1])
        escalations = distinct(escalations + [(escalations.max() ?? 0) + 1])
        offices = distinct(offices + ["NOWHERE"])
        badges = distinct(badges + ["NOBODY-1"])
        periods = distinct(periods + ["2027-02", "2027-05"])
        plans = distinct(plans)
    }

    private var instants: [Instant] {
        let t0 = Noninterference.frozenAt
        return [-40, -1, 0, 1, 40].map { t0.adding(seconds: $0 * 86400) }
    }

    /// Pools by parameter name, for the interface's methods.
    var varlink: [String: [VarlinkValue]] {
        let ids = (inspections + findings + escalations).map(VarlinkValue.int)
        let times = instants.map { VarlinkValue.int($0.seconds) }
        return [
            "id": Array(Set(ids)).sorted { $0.intValue! < $1.intValue! },
            "inspection": inspections.map(VarlinkValue.int),
            "finding": findings.map(VarlinkValue.int),
            "office": offices.map(VarlinkValue.string), "code": offices.map(VarlinkValue.string),
            "badge": badges.map(VarlinkValue.string), "staff": badges.map(VarlinkValue.string),
            "period": periods.map(VarlinkValue.string), "plan": plans.map(VarlinkValue.string),
            "from": times, "to": times, "at": times, "since": times, "observedAt": times,
            "violation": ["BADGE", "LATE"].map(VarlinkValue.string),
            "checked": [.int(3)], "recent": [.int(5), .int(100)],
            "login": [.string(SampleDistrict.linkedLogin), .string("nobody")],
            "arrived": [.string("07:50:00")], "left": [.string("16:00:00")],
            "kind": [.string("commune"), .string("education"), .string("short-course")],
            "level": [.string("commune"), .string("bachelor"), .string("good"), .string("not-done")],
            "date": [.string("2015-06-30")], "category": [.string("civil-servant")], "due": [.string("2027-03-20")],
            "asOf": [.string("2027-03-01")], "year": [.int(2027), .int(2026), .int(2024)], "compare": [.int(2024)],
            // Training and competency tests: the sample's course and session, a result of each person, a working day.
            "course": [.string("C1")], "session": [.int(1), .int(2)], "result": [.int(1), .int(2), .int(3)],
            "score": [.float(75)], "title": [.string("tu-phap-ho-tich")],
            "titles": [.array([.string("tu-phap-ho-tich")])], "offices": [.array([.string("X1")])],
            "day": [.string("2027-03-09")], "starts": [.string("2026-06-01")], "ends": [.string("2026-06-05")],
            "completed": [.string("2026-06-05")],
        ]
    }

    /// The values of `argument` of `command` on the command line.
    func cli(_ command: [String], _ argument: CommandTree.Argument) -> [String] {
        let local = instants.map { LocalZone.vietnam.display($0) }
        switch (command.first ?? "", argument.name) {
        case ("inspection", "id"), (_, "inspection"): return inspections.map(String.init)
        case ("finding", "id"): return findings.map(String.init)
        case ("escalation", "id"): return escalations.map(String.init)
        case (_, "code"), (_, "office"): return offices
        case ("staff", "to"): return offices
        case (_, "badge"), (_, "staff"): return badges
        case (_, "from"), (_, "to"), (_, "at"), (_, "since"): return local
        case (_, "period"): return periods
        case ("plan", "name"), (_, "plan"): return plans
        case (_, "type"): return ["BADGE", "LATE"]
        case (_, "status"): return ["open", "scheduled"]
        case (_, "checked"): return ["3"]
        case (_, "arrived"): return ["07:50"]
        case (_, "left"): return ["16:00"]
        case (_, "login"): return [SampleDistrict.linkedLogin]
        case (_, "due"): return ["2027-03-20"]
        case (_, "events"): return ["5", "100"]
        case (_, "iterations"): return ["3"]
        case (_, "expression"): return ["Mon *-*-* 08:00"]
        case (_, "year"): return ["2027"]
        case (_, "compare"): return ["2024"]
        case (_, "as-of"): return ["2027-03-01"]
        case ("staff", "date"): return ["2015-06-30"]
        case ("training", "course"): return ["C1"]
        case ("training", "kind"): return ["short-course"]
        case ("training", "start"), ("training", "completed"), ("training", "date"): return ["2026-06-01"]
        case ("training", "end"): return ["2026-06-05"]
        case ("training", "year"): return ["2026"]
        case (_, "session"), ("tests", "result"): return ["1", "2"]
        case ("tests", "score"): return ["75"]
        case ("tests", "title"): return ["tu-phap-ho-tich"]
        case ("tests", "on"), ("tests", "from"), ("tests", "to"): return ["2027-03-09"]
        case ("tests", "year"): return ["2026"]
        case (_, "date"): return ["2027-03-10"]
        case ("classification", "level"): return ["good", "not-done"]
        case ("classification", "year"): return ["2027", "2026"]
        // A person's level (staff level), or a qualification's (staff qualify, of the kind below).
        case (_, "level"): return command.last == "level" ? ["commune"] : ["bachelor"]
        case ("staff", "kind"): return ["education"]
        case (_, "field"): return ["Luật"]
        case (_, "by"): return ["office", "type"]
        case (_, "priority"): return ["warning"]
        // The center's commands read no record: a URL they accept, whose server is absent, runs them to a 69.
        case ("central", "url"), ("report", "central"): return ["postgresql://inspectd@/inspectd?host=/nonexistent"]
        case (_, "output"), (_, "destination"): return [Noninterference.outputMarker]
        case (_, "file"), (_, "files"), (_, "findings"): return ["/nonexistent/import.csv"]
        case (_, "format"), (_, "kind"), (_, "category"), (_, "hours"), (_, "lang"): return []
        default: return ["x"]
        }
    }

    /// The command lines of every command: each with its required arguments at their first values, then each
    /// argument through its values one at a time, each flag once, and once more with `--json`. `follow` does not
    /// wait for new entries.
    func cliCalls(_ tree: CommandTree, limit: Int = 40) -> [CLICall] {
        tree.commands.flatMap { command -> [CLICall] in
            let values = command.arguments.map { cli(command.path, $0) }
            var base = command.path + (command.path == ["follow"] ? ["--no-wait"] : [])
            for (argument, choices) in zip(command.arguments, values) where !argument.isOptional {
                base += argument.spelled(choices.first)
            }
            var calls = [base, base + ["--json"]]
            for (argument, choices) in zip(command.arguments, values) {
                if argument.kind == .flag {
                    calls.append(base + argument.spelled(nil))
                    continue
                }
                for value in argument.isOptional ? choices : Array(choices.dropFirst()) {
                    var call = command.path + (command.path == ["follow"] ? ["--no-wait"] : [])
                    for (other, otherChoices) in zip(command.arguments, values) where !other.isOptional {
                        call += other.spelled(other == argument ? value : otherChoices.first)
                    }
                    if argument.isOptional { call += argument.spelled(value) }
                    calls.append(call)
                }
            }
            return calls.prefix(limit).map { CLICall(command: command.path.joined(separator: " "), arguments: $0) }
        }
    }
}

/// One command line of a test, with the command it runs (`finding log`).
struct CLICall: Sendable {
    var command: String
    var arguments: [String]
}

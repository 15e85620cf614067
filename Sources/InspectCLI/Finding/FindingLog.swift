import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl finding log --inspection ID --type CODE …`
struct FindingLog: QuickReadCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Record a finding in an open inspection.",
        discussion: """
            LATE needs --arrived and EARLY needs --left: the minutes are computed from the office's working hours \
            (default 07:30–11:30 and 13:30–17:00, 5 minutes' grace for arrivals). See 'inspectctl violation list' \
            for the types.

            Example: inspectctl finding log --inspection 12 --type LATE --staff CL-00231 --arrived 07:52
            """)
    static let access = CommandContext.Access.write
    static let showsTimes = false

    @Option(help: "The open inspection's id.") var inspection: Int64
    @Option(help: "Violation type code (BADGE, LATE, …).") var type: String
    @Option(help: "Badge of the person concerned (omit for a finding about the office).") var staff: String?
    @Option(help: "Arrival time HH:MM, for LATE.") var arrived: String?
    @Option(help: "Departure time HH:MM, for EARLY.") var left: String?
    @Option(help: "What was observed.") var note: String?
    @Option(parsing: .unconditional, help: "When it was observed (default: now).") var at: String?
    @OptionGroup var options: GlobalOptions

    /// The values given, as the command runs with them.
    var input: FindingLogInput {
        FindingLogInput(
            inspection: inspection, type: type, staff: staff, arrived: arrived, left: left, note: note, at: at,
            settings: options.settings)
    }

    func execute(_ context: CommandContext) throws { try input.execute(context) }
}

/// What `finding log` was given, read by ArgumentParser (``FindingLog``) or, as inspectors type it most, without it
/// (``QuickArguments``).
struct FindingLogInput: QuickParsable {
    typealias Command = FindingLog
    static let words = ["finding", "log"]
    static let required = ["--inspection", "--type"]
    static let unconditional = ["--at"]

    var inspection: Int64 = 0
    var type = ""
    var staff: String?
    var arrived: String?
    var left: String?
    var note: String?
    var at: String?
    var settings = CommandSettings()

    mutating func set(_ name: String, _ value: String) -> Bool {
        switch name {
        case "--inspection":
            guard let id = Int64(argument: value) else { return false }
            inspection = id
        case "--type": type = value
        case "--staff": staff = value
        case "--arrived": arrived = value
        case "--left": left = value
        case "--note": note = value
        case "--at": at = value
        default: return false
        }
        return true
    }

    func execute(_ context: CommandContext) throws {
        let request = FindingLogRequest(
            inspection: inspection, violation: type.uppercased(), staff: staff,
            arrived: try Arguments.clock(arrived, option: "--arrived"),
            left: try Arguments.clock(left, option: "--left"), note: note, observedAt: try at.map(context.instant))
        if !settings.json, let reply = try context.callSocket(Operations.LogFinding.self, request.varlinkParameters) {
            return try LoggedFinding(reply: reply).print()
        }
        let view = try context.perform(Operations.LogFinding.self, request)
        if settings.json { return try Output.json(view, zone: try context.zone) }
        LoggedFinding(view).print()
    }
}

/// The lines telling who writes a finding which escalations it raised.
enum EscalationNotice {
    static func print(_ escalations: [EscalationView]) {
        for view in escalations {
            Output.text(
                "Raised escalation \(view.id): \(view.level.rawValue) (\(view.level.nameVietnamese)) for "
                    + "\(view.subject), \(view.count) findings within \(view.window), rule \(view.rule).")
        }
    }
}

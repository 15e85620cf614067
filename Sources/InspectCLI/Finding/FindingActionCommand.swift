import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl finding action ID (--require TEXT --due DATE | --done | --verify) [--note TEXT]`
struct FindingActionCommand: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Require, complete, verify or show a finding's corrective action.",
        discussion: """
            A finding can carry one corrective action (chấn chỉnh): --require TEXT --due DATE sets it, --done \
            records that it was carried out, --verify that the team checked it: open → done → verified, each step \
            with who and when. With none of these, shows the action. An action still open after its due date \
            (from the next midnight) is reported overdue in the journal, once, by inspectd. ID is any row of the \
            finding's history.

            Example: inspectctl finding action 41 --require "Đeo thẻ công chức khi làm việc" --due 2027-03-15
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The finding's id.") var id: Int64
    @Option(name: .customLong("require"), help: "What must be done.") var requirement: String?
    @Option(help: "The last day to do it, YYYY-MM-DD (with --require).") var due: String?
    @Flag(help: "Record that it was done.") var done = false
    @Flag(help: "Record that the team checked it.") var verify = false
    @Option(help: "A note on --done or --verify.") var note: String?
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        let modes = [requirement != nil, done, verify].filter { $0 }.count
        guard modes <= 1 else { throw ValidationError("give one of --require, --done and --verify") }
        if requirement != nil && due == nil { throw ValidationError("--require needs --due YYYY-MM-DD") }
        if requirement == nil && due != nil { throw ValidationError("--due goes with --require") }
        if requirement != nil && note != nil { throw ValidationError("--note goes with --done or --verify") }
    }

    func execute(_ context: CommandContext) throws {
        let view: ActionView
        if let requirement, let due {
            guard let date = CivilDate(iso: due) else {
                throw InspectError.invalidInput("--due '\(due)' is not a date; use YYYY-MM-DD")
            }
            view = try context.perform(
                Operations.RequireAction.self, .init(finding: id, requirement: requirement, due: date))
        } else if done {
            view = try context.perform(Operations.CompleteAction.self, .init(finding: id, note: note))
        } else if verify {
            view = try context.perform(Operations.VerifyAction.self, .init(finding: id, note: note))
        } else {
            view = try context.perform(Operations.ShowAction.self, .init(finding: id))
        }
        if options.json { return try Output.json(view, zone: try context.zone) }
        ActionDetails.print(view, zone: try context.zone)
    }
}

/// One corrective action as `key: value` lines.
enum ActionDetails {
    static func print(_ view: ActionView, zone: LocalZone) {
        let action = view.action
        func step(_ by: String?, _ at: Instant?, _ note: String?) -> String? {
            at.map { "\(zone.display($0)) by \(by ?? "?")" + (note.map { ": \($0)" } ?? "") }
        }
        var status = action.status.rawValue
        if view.overdue { status += " (overdue)" }
        if view.findingRetracted { status += " (finding retracted)" }
        Output.fields([
            ("Action", String(action.id)),
            ("Finding", "\(action.finding) (\(view.violation)\(view.staff.map { ", \($0)" } ?? ""), \(view.office))"),
            ("Required", action.requirement),
            ("Due", action.dueDate.description),
            ("Status", status),
            ("Set", step(action.requiredBy, action.requiredAt, nil)),
            ("Reported overdue", action.overdueAt.map(zone.display)),
            ("Done", step(action.doneBy, action.doneAt, action.doneNote)),
            ("Verified", step(action.verifiedBy, action.verifiedAt, action.verifiedNote)),
        ])
    }
}

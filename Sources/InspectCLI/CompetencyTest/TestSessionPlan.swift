import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl tests plan NAME --on DATE --title CODE… --office CODE…`
struct TestSessionPlan: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Plan a competency test session on a working day.",
        discussion: """
            The session tests the holders of the titles given (codes of titles.conf, 'staff titles') at the offices \
            given, on a working day of the calendar ('inspectctl calendar'); it appears on 'inspectctl schedule'. \
            Example: inspectctl tests plan 'Sát hạch công chức xã 2018' --on 2018-10-16 --title tu-phap-ho-tich \
            --title van-hoa-xa-hoi --office UBND-BACTHUY --office UBND-BANGHUU
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The session's name.") var name: String
    @Option(help: "The working day it is held on, YYYY-MM-DD.") var on: String
    @Option(help: "A title tested (repeat for several).") var title: [String] = []
    @Option(help: "An office whose civil servants sit it (repeat for several).") var office: [String] = []
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let request = TestSessionRequest(
            name: name, titles: title, offices: office, day: try ProfileChangeOptions.date(on, option: "--on"))
        let session = try context.perform(Operations.PlanTestSession.self, request)
        if options.json { return try Output.json(session, zone: try context.zone) }
        print("Planned test session \(session.id) on \(session.day).")
    }
}

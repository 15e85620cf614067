import ArgumentParser
import Foundation
import InspectCore
import InspectService

/// `inspectctl export calendar [--from T --to T] --format ics`
struct ExportCalendar: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Export planned inspections as an iCalendar file for calendar applications.",
        discussion: """
            Only planned inspections, due in the range: never surprise or follow-up inspections, whose dates are \
            secret until due. Each event starts at the due time (UTC in the file) and has a stable UID, so \
            importing a newer export updates events; cancelled inspections are marked STATUS:CANCELLED. Names \
            follow --lang.
            """)
    static let access = CommandContext.Access.read

    /// The calendar formats (one, for now).
    enum CalendarFormat: String, CaseIterable, ExpressibleByArgument {
        case ics
    }

    @OptionGroup var range: ExportRange
    @Option(help: "The file format.") var format: CalendarFormat = .ics
    @Option(help: "Write to this file instead of standard output.") var output: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let reply = try context.perform(
            Operations.PlannedCalendar.self,
            .init(from: try range.from.map(context.instant), to: try range.to.map(context.instant)))
        let entries = reply.entries
        let vi = options.settings.language == .vi
        let labels = ReportLabels(options.settings.language)
        let zone = try context.zone
        let events = entries.map { entry in
            let inspection = entry.inspection
            var details = [(vi ? "Cơ quan, đơn vị: " : "Office: ") + "\(entry.officeName) (\(inspection.office))"]
            if let plan = inspection.plan { details.append((vi ? "Kế hoạch: " : "Plan: ") + plan) }
            if let team = inspection.team { details.append((vi ? "Đoàn kiểm tra: " : "Team: ") + team) }
            if let end = inspection.windowEnd {
                details.append((vi ? "Hạn bắt đầu: " : "To be opened by: ") + zone.display(end))
            }
            details.append("\(labels.statusHeading): \(labels.status(inspection.status))")
            return ICalendar.Event(
                uid: "inspection-\(inspection.id)@inspectd", start: inspection.dueAt!,
                summary: (vi ? "Kiểm tra theo kế hoạch: " : "Planned inspection: ") + entry.officeName,
                location: entry.officeName, description: details.joined(separator: "\n"),
                cancelled: inspection.status == .cancelled)
        }
        let calendar = ICalendar(
            name: vi ? "Lịch kiểm tra theo kế hoạch" : "Planned inspections", events: events,
            stamp: reply.stamp)
        try Output.write(calendar.text, to: output)
    }
}

import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl office show CODE`
struct OfficeShow: ServiceCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one office.")
    static let access = CommandContext.Access.read

    @Argument(help: "The office's code.") var code: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let detail = try context.perform(Operations.ShowOffice.self, .init(code: code))
        let zone = try context.zone
        if options.json { return try Output.json(detail, zone: zone) }
        let office = detail.office
        let inspections = InspectionStatus.allCases.compactMap { status in
            detail.inspections[status.rawValue].map { "\($0) \(status.rawValue)" }
        }
        Output.fields([
            ("Code", office.code),
            ("Name", office.name),
            ("Kind", office.kind.rawValue),
            ("Parent", office.parent ?? "-"),
            ("Hours", office.hoursProfile),
            ("Active", office.active ? "yes" : "no"),
            ("Staff", String(detail.activeStaff)),
            ("Sub-offices", detail.children.isEmpty ? "-" : detail.children.joined(separator: ", ")),
            ("Inspections", inspections.isEmpty ? "none" : inspections.joined(separator: ", ")),
            (
                "Last inspected",
                detail.lastInspection.flatMap { inspection in
                    inspection.openedAt.map { "\(zone.display($0)) (inspection \(inspection.id))" }
                }
            ),
            ("Violation rate", detail.risk.map { RiskLine.text($0) }),
        ])
    }
}

/// An office's recent violation rate in one line.
enum RiskLine {
    static func text(_ risk: OfficeRisk) -> String {
        let rate = risk.perHundred.map { "\($0) per 100 staff checked" } ?? "no staff checked"
        return "\(rate) (\(risk.violations) violations, \(risk.checked) checked in the last \(risk.windowDays) days); "
            + "risk weight \(Double(risk.weight) / 1000)×"
    }
}

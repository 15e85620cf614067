import InspectCore
import InspectService

/// The table of findings shared by `finding list` and `inspection show`.
enum FindingTable {
    static func print(_ findings: [FindingView], zone: LocalZone, continuing: Bool = false) {
        Output.table(
            ["ID", "INSPECTION", "OFFICE", "TYPE", "STAFF", "OBSERVED", "MINUTES", "STATE", "NOTE"],
            findings.map { view in
                let finding = view.finding
                var note = finding.note ?? ""
                if let corrects = finding.corrects {
                    note =
                        "\(finding.action.rawValue)s \(corrects): \(finding.reason ?? "")"
                        + (note.isEmpty ? "" : " — \(note)")
                }
                return [
                    String(finding.id), String(finding.inspection), view.office, finding.violation,
                    finding.staff ?? "-", zone.display(finding.observedAt),
                    finding.minutes.map(String.init) ?? "-", view.state.rawValue, note,
                ]
            },
            empty: "No findings.", continuing: continuing)
    }
}

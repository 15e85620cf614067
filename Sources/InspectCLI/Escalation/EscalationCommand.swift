import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl escalation …`: repeated findings that crossed a threshold of /etc/inspectd/escalation.conf.
struct EscalationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalation",
        abstract: "List, acknowledge and evaluate escalations of repeated findings.",
        discussion: """
            Rules in escalation.conf (drop-ins in escalation.conf.d/) say when repeated findings about one person or \
            one office call for a reminder, a correction or a referral to the disciplinary process. Escalations are \
            raised with the finding that crosses the threshold, reported to the journal, and stay open until an \
            administrator acknowledges them. inspectd records and refers; it never decides a penalty.
            """,
        subcommands: [EscalationList.self, EscalationAck.self, EscalationEvaluate.self, EscalationRuleList.self])
}

/// The table of escalations shared by `escalation list` and `escalation evaluate`.
enum EscalationTable {
    static func print(_ escalations: [EscalationView], zone: LocalZone, empty: String) {
        Output.table(
            ["ID", "RAISED", "LEVEL", "SUBJECT", "RULE", "COUNT", "WINDOW", "STATUS", "NOTE"],
            escalations.map { view in
                var notes: [String] = []
                if !view.retracted.isEmpty { notes.append("\(view.retracted.count) retracted since") }
                if !view.amended.isEmpty { notes.append("\(view.amended.count) amended since") }
                if let note = view.note { notes.append(note) }
                let status =
                    view.acknowledgedAt.map {
                        "acknowledged by \(view.acknowledgedBy ?? "?") \(zone.display($0))"
                    }
                    ?? "open"
                return [
                    String(view.id), zone.display(view.raisedAt), view.level.rawValue, view.subject.description,
                    view.rule, "\(view.count)/\(view.threshold)", "\(view.firstDay) – \(view.lastDay)", status,
                    notes.joined(separator: "; "),
                ]
            },
            empty: empty)
    }
}

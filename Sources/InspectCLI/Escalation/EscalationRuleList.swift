import ArgumentParser
import InspectCore

/// `inspectctl escalation rules`
struct EscalationRuleList: ConfigCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the escalation rules of escalation.conf and its drop-ins.")

    @OptionGroup var options: GlobalOptions

    func execute(_ configuration: InspectConfiguration) throws {
        let rules = configuration.escalation.rules
        if options.json { return try Output.json(rules, zone: configuration.calendar.zone) }
        Output.table(
            ["RULE", "SUBJECT", "SELECTS", "COUNT", "WINDOW", "LEVEL", "ENABLED", "DESCRIPTION"],
            rules.map { rule in
                [
                    rule.name, rule.subject.rawValue, rule.selection, "≥ \(rule.threshold)", rule.window.description,
                    rule.level.rawValue, rule.enabled ? "yes" : "no", rule.summary ?? "",
                ]
            },
            empty: "No escalation rules (no escalation.conf next to the configuration).")
    }
}

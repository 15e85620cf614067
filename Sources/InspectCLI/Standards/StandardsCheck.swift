import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl standards check [--as-of DATE] [--office CODE]`
struct StandardsCheck: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Say who meets their qualification standard and what the others lack.",
        discussion: """
            Each person in service on the day is measured against the most specific standard of standards.conf \
            that applies to their level, category and title as they stood that day, with the qualifications \
            dated on or before it (a later row superseding an earlier one, as in 'staff profile'). STATUS is meets, \
            falls-short (MISSING says which requirements are not met), no-standard (none applies) or no-level \
            (no level recorded by then). A person's line is personal: a user in neither inspectd group sees only \
            the line of the person linked to their login ('staff link').
            """)
    static let access = CommandContext.Access.read

    @Option(help: "The day to measure on, YYYY-MM-DD (default: today).") var asOf: String?
    @Option(help: "Only the people who work in this office now.") var office: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let zone = try context.zone
        let date = try asOf.map { try ProfileChangeOptions.date($0, option: "--as-of") }
        var json = JSONArrayPages()
        var continuing = false
        var counts: [StandardStatus: Int] = [:]
        var asOfShown: CivilDate?
        try context.forEachPage(
            Operations.CheckStandards.self, .init(asOf: date, office: office), after: \.after, next: \.next
        ) { page in
            asOfShown = page.asOf
            if options.json { return Swift.print(try json.text(page.people, zone: zone), terminator: "") }
            for line in page.people { counts[line.status, default: 0] += 1 }
            Output.table(
                ["BADGE", "OFFICE", "LEVEL", "CATEGORY", "STANDARD", "STATUS", "MISSING", "NAME"],
                page.people.map {
                    [
                        $0.badge, $0.office, $0.level?.rawValue ?? "", $0.category.rawValue, $0.standard ?? "",
                        $0.status.rawValue, $0.missing.map(\.description).joined(separator: ", "), $0.name,
                    ]
                },
                empty: "No one in service.", continuing: continuing)
            continuing = true
        }
        if options.json { return Swift.print(try json.end(zone: zone), terminator: "") }
        let measured = (counts[.meets] ?? 0) + (counts[.fallsShort] ?? 0)
        guard let asOfShown, measured + (counts[.noStandard] ?? 0) + (counts[.noLevel] ?? 0) > 0 else { return }
        print(
            "As of \(asOfShown): \(counts[.meets] ?? 0) of \(measured) measured meet their standard, "
                + "\(counts[.fallsShort] ?? 0) fall short; \(counts[.noStandard] ?? 0) without a standard, "
                + "\(counts[.noLevel] ?? 0) without a level.")
    }
}

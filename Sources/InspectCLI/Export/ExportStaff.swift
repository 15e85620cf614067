import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl export staff [--format csv|json]`
struct ExportStaff: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Export every person, retired ones too, by badge.",
        discussion: """
            CSV columns: badge,name,office,title,category,active (yes/no),login, as 'staff import' reads them. The \
            office is the current one; the history of moves stays in the database.
            """)
    static let access = CommandContext.Access.read

    @OptionGroup var export: ExportOptions
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let zone = try context.zone
        let format = export.resolved(options)
        let output = try PagedOutput(path: export.output)
        var json = JSONArrayPages()
        var csv = CSVWriter(header: ["badge", "name", "office", "title", "category", "active", "login"])
        try context.forEachPage(Operations.ExportStaff.self, .init(), after: \.after, next: \.next) { page in
            switch format {
            case .json: try output.write(try json.text(page.staff, zone: zone))
            case .csv:
                for person in page.staff {
                    csv.append([
                        person.badge, person.name, person.office, person.title, person.category.rawValue,
                        person.active ? "yes" : "no", person.login,
                    ])
                }
                try output.write(csv.take())
            }
        }
        try output.write(format == .json ? try json.end(zone: zone) : csv.take())
        try output.finish()
    }
}

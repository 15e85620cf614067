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
        try export.write(
            Operations.ExportStaff.self, .init(), after: \.after, next: \.next, rows: \.staff,
            header: ["badge", "name", "office", "title", "category", "active", "login"],
            csv: { person in
                [
                    person.badge, person.name, person.office, person.title, person.category.rawValue,
                    person.active ? "yes" : "no", person.login,
                ]
            }, context: context, options: options)
    }
}

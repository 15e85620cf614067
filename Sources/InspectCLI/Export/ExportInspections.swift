import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl export inspections [--from T --to T] [--format csv|json]`
struct ExportInspections: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspections", abstract: "Export inspections by id, with their status, times and staff checked.",
        discussion: """
            An inspection is in the range when it was opened (else due, else created) in it. CSV columns: \
            \(InspectService.inspectionColumns.joined(separator: ",")), times in ISO 8601 with the offset, as \
            'inspection import' reads them. Surprise inspections not yet due are exported for administrators only.
            """)
    static let access = CommandContext.Access.read

    @OptionGroup var range: ExportRange
    @OptionGroup var export: ExportOptions
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let zone = try context.zone
        let range = Operations.PagedRange(
            from: try range.from.map(context.instant), to: try range.to.map(context.instant))
        try export.write(
            Operations.ExportInspections.self, range, after: \.after, next: \.next, rows: \.inspections,
            header: InspectService.inspectionColumns,
            csv: { inspection in
                [
                    String(inspection.id), inspection.office, inspection.kind.rawValue, inspection.status.rawValue,
                    inspection.plan, inspection.dueAt.map(zone.iso8601), inspection.windowEnd.map(zone.iso8601),
                    inspection.team, inspection.openedAt.map(zone.iso8601), inspection.openedBy,
                    inspection.closedAt.map(zone.iso8601), inspection.closedBy, inspection.checked.map(String.init),
                    inspection.cancelReason,
                ]
            }, context: context, options: options)
    }
}

import ArgumentParser
import Foundation
import InspectCore

/// `inspectctl holidays [YEAR]`
struct HolidaysCommand: ConfigCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays", abstract: "List a year's public holidays and make-up working days.",
        discussion: """
            Holidays are computed from the Labour Code (art. 112), with the lunar dates of Tết and Giỗ Tổ Hùng \
            Vương at UTC+7, unless holidays.d/YEAR.conf gives the days the government announced.
            """)

    @Argument(help: "The year (default: this year).") var year: Int?
    @OptionGroup var options: GlobalOptions

    func execute(_ configuration: InspectConfiguration) throws {
        let calendar = configuration.calendar
        let year = year ?? calendar.zone.local(Instant(Date())).date.year
        guard (1900...2199).contains(year) else {
            throw InspectError.invalidInput("year \(year) is out of range 1900..2199")
        }
        let vietnamese = options.settings.language == .vi
        let days =
            calendar.holidays.holidays(in: year).map { holiday in
                HolidayJSON(
                    date: holiday.date, weekday: holiday.date.weekday.abbreviation, kind: "holiday",
                    name: vietnamese ? holiday.nameVietnamese : holiday.name, source: holiday.source.label)
            }
            + calendar.holidays.makeUpWorkingDays(in: year).map { day in
                HolidayJSON(
                    date: day.date, weekday: day.date.weekday.abbreviation, kind: "working-day",
                    name: vietnamese ? day.nameVietnamese : day.name, source: day.location.description)
            }
        let sorted = days.sorted { $0.date < $1.date }
        if options.json { return try Output.json(sorted, zone: calendar.zone) }
        Output.table(
            ["DATE", "DAY", "KIND", "NAME", "SOURCE"],
            sorted.map { [$0.date.description, $0.weekday, $0.kind, $0.name, $0.source] },
            empty: "No holidays in \(year).")
    }
}

/// One row of the holiday listing.
private struct HolidayJSON: Encodable {
    var date: CivilDate
    var weekday: String
    /// `holiday` or `working-day` (a weekly rest day worked in exchange).
    var kind: String
    var name: String
    /// `computed`, or the file and line that gave the day.
    var source: String
}

extension Holiday.Source {
    fileprivate var label: String {
        switch self {
        case .computed: "computed"
        case .file(let location): location.description
        }
    }
}

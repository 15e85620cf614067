import InspectCore
import InspectStore

extension InspectService {
    /// The standards of `standards.conf`, for `standards list`.
    public func listStandards() -> [Standard] { policy.configuration.standards.standards }

    /// Each person's line on `request.asOf` (default today), narrowed for a reader to the person linked to their
    /// login; those retired by then are left out. Pages as staff listings do (``Page``), except a reader's one line.
    /// - Throws: `.permissionDenied` (a reader linked to no one), `.notFound` (an unknown office).
    public func checkStandards(_ request: StandardsCheckRequest, by caller: Caller) throws -> StandardsCheckPage {
        let today = policy.zone.local(clock()).date
        let date = request.asOf ?? today
        let own = try ownBadge(of: caller)
        let standards = policy.configuration.standards
        let zone = policy.zone
        func lines(_ people: [StandardsQueries.Person]) -> [StandardCheck] {
            people.map { Self.subject($0, zone: zone) }.filter { $0.inService(on: date) }
                .map { StandardCheck($0, asOf: date, standards: standards) }
        }
        return try query { db in
            if let office = request.office { _ = try OfficeRecord.require(db, code: office) }
            if let own {
                let people = try StandardsQueries.people(db, badge: own, office: request.office)
                return StandardsCheckPage(asOf: date, people: lines(people), next: nil)
            }
            // The cursor is the last person read: a page may hold retired people its lines leave out.
            let page = try Page.of(cursor: \.badge) { limit in
                try StandardsQueries.people(db, office: request.office, after: request.after, limit: limit)
            }
            return StandardsCheckPage(asOf: date, people: lines(page.rows), next: page.next)
        }
    }

    /// The shares meeting their standard on 31 December of `request.year` (today when that is still to come), by
    /// level and category, against the end of `request.compare`. Counts only: anyone may ask, as for the summary.
    /// - Throws: `.invalidInput` for a year out of range or a comparison with the same year.
    public func standardsReport(_ request: StandardsReportRequest) throws -> StandardsReport {
        let today = policy.zone.local(clock()).date
        func end(of year: Int) throws -> CivilDate {
            guard (1970...today.year).contains(year) else {
                throw InspectError.invalidInput("year \(year) is not from 1970 to \(today.year)")
            }
            return min(CivilDate(year: year, month: 12, day: 31), today)
        }
        let asOf = try end(of: request.year)
        let compareAsOf = try request.compare.map(end)
        if request.compare == request.year {
            throw InspectError.invalidInput("--compare names the report's own year (\(request.year))")
        }
        let zone = policy.zone
        let people = try query { db in try StandardsQueries.people(db) }
        return StandardsReport(
            year: request.year, asOf: asOf, compareYear: request.compare, compareAsOf: compareAsOf,
            subjects: people.map { Self.subject($0, zone: zone) }, standards: policy.configuration.standards)
    }

    private static func subject(_ person: StandardsQueries.Person, zone: LocalZone) -> StandardsSubject {
        StandardsSubject(
            badge: person.badge, name: person.name, office: person.office, category: person.category,
            retiredOn: person.retiredAt.map { zone.local($0).date }, history: person.history)
    }
}

import InspectCore
import InspectStore

/// A planned inspection as a calendar shows it.
public struct CalendarEntry: Codable, Sendable, Hashable {
    public var inspection: Inspection
    public var officeName: String
}

extension InspectService {
    /// Every office, retired ones too, each after its parent: the order `office import` needs to read them back.
    public func exportOffices() throws -> [Office] {
        let offices = try listOffices(includeRetired: true)
        let parents = Dictionary(uniqueKeysWithValues: offices.map { ($0.code, $0.parent) })
        func depth(_ code: String) -> Int {
            var depth = 0
            var current = parents[code] ?? nil
            while let parent = current, depth <= offices.count {
                depth += 1
                current = parents[parent] ?? nil
            }
            return depth
        }
        return offices.map { ($0, depth($0.code)) }.sorted { a, b in
            a.1 != b.1 ? a.1 < b.1 : a.0.code < b.0.code
        }.map(\.0)
    }

    /// The inspections whose reference time (opened, else due, else created) falls in `[from, to)`, by id, the
    /// page after the inspection `after` (``Page``); surprise inspections not yet due only for admins.
    public func exportInspections(
        _ range: Operations.PagedRange, as caller: Caller
    ) throws -> (rows: [Inspection], next: Int64?) {
        try Page.of(cursor: \.id) {
            try listInspections(
                InspectionFilter(from: range.from, to: range.to, after: range.after), as: caller, byID: true,
                limit: $0)
        }
    }

    /// The findings as they stand, observed in `[from, to)`, in the order they were recorded: the page after the
    /// row `after` (``Page``).
    public func exportFindings(_ range: Operations.PagedRange) throws -> (rows: [FindingView], next: Int64?) {
        try Page.of(cursor: \.finding.id) {
            try listFindings(FindingFilter(from: range.from, to: range.to, after: range.after), limit: $0)
        }
    }

    /// Planned inspections due in `[from, to)`, for calendars. Never a surprise or follow-up inspection: their
    /// dates are secret until due, and a calendar is shared.
    public func plannedCalendar(from: Instant?, to: Instant?) throws -> [CalendarEntry] {
        try query { db in
            try InspectionRecord.planned(db, from: from, to: to).map {
                CalendarEntry(inspection: $0.inspection, officeName: $0.officeName)
            }
        }
    }
}

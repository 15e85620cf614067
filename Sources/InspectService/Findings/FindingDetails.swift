import GRDB
import InspectCore
import InspectStore

/// The checked details of a finding: its type, and the clock time and minutes for measured types (LATE, EARLY).
struct FindingDetails {
    let type: ViolationType
    let clockTime: TimeOfDay?
    let minutes: Int?

    /// Checks that the staff member (if any) works in the inspected office and that a clock time is given exactly
    /// when the type measures one, then computes the minutes from the office's hours on the day of observation.
    init(
        _ db: Database, type: ViolationType, staff: String?, arrived: TimeOfDay?, left: TimeOfDay?,
        inspection: Inspection, observedAt: Instant, policy: ServicePolicy
    ) throws {
        self.type = type
        if let badge = staff {
            let person = try StaffRecord.require(db, badge: badge)
            // Staff move: what matters is where the person worked when the finding was observed. Before their first
            // recorded assignment they are taken to have worked where it says (they worked before being registered).
            let officeThen = try String.fetchOne(
                db,
                sql: """
                    SELECT o.code FROM staff_assignment a JOIN office o ON o.id = a.office_id
                    WHERE a.staff_id = ?
                    ORDER BY a.started_at <= ? DESC, abs(a.started_at - ?) ASC, a.id DESC LIMIT 1
                    """,
                arguments: [person.id, observedAt.seconds, observedAt.seconds])
            guard officeThen == inspection.office else {
                throw InspectError.invalidInput(
                    "staff \(badge) worked in \(officeThen ?? "no office") then, not in the inspected office "
                        + inspection.office)
            }
        }
        let office = try OfficeRecord.require(db, code: inspection.office)
        let hours = { try policy.hours(profile: office.hoursProfile, on: policy.zone.local(observedAt).date) }
        switch type.measure {
        case .arrival:
            guard left == nil else { throw InspectError.invalidInput("\(type.code) takes --arrived, not --left") }
            guard let arrived else { throw InspectError.invalidInput("\(type.code) needs --arrived HH:MM") }
            clockTime = arrived
            minutes = try hours().minutesLate(arrival: arrived)
        case .departure:
            guard arrived == nil else { throw InspectError.invalidInput("\(type.code) takes --left, not --arrived") }
            guard let left else { throw InspectError.invalidInput("\(type.code) needs --left HH:MM") }
            clockTime = left
            minutes = try hours().minutesEarly(departure: left)
        case nil:
            guard arrived == nil, left == nil else {
                throw InspectError.invalidInput(
                    "--arrived and --left apply only to measured types (LATE, EARLY), not \(type.code)")
            }
            clockTime = nil
            minutes = nil
        }
    }
}

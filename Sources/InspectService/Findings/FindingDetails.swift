import InspectCore
import InspectStore

/// The checked details of a finding: its type, and the clock time and minutes for measured types (LATE, EARLY).
struct FindingDetails {
    let type: ViolationType
    let clockTime: TimeOfDay?
    let minutes: Int?

    /// Checks that the staff member (if any) works in the inspected office, measures the clock time (`Measurement`)
    /// on the office's hours of the day of observation, and checks it is the person's first such finding in that
    /// session.
    /// - Parameter replacing: The finding an amendment replaces, which does not count as another in its session.
    init(
        _ db: StoreTransaction, type: ViolationType, staff: String?, arrived: TimeOfDay?, left: TimeOfDay?,
        inspection: Inspection, observedAt: Instant, policy: ServicePolicy, replacing: Int64? = nil
    ) throws {
        self.type = type
        if let badge = staff {
            let person = try StaffRecord.require(db, badge: badge)
            // Staff move: what matters is where the person worked when the finding was observed. Before their first
            // recorded assignment they are taken to have worked where it says (they worked before being registered).
            let officeThen = try StaffAssignmentRecord.officeCode(db, staffID: person.id, at: observedAt)
            guard officeThen == inspection.office else {
                throw InspectError.invalidInput(
                    "staff \(badge) worked in \(officeThen ?? "no office") then, not in the inspected office "
                        + inspection.office)
            }
        }
        let office = try OfficeRecord.require(db, code: inspection.office)
        let local = policy.zone.local(observedAt)
        let measurement = try Measurement(
            type, arrived: arrived, left: left,
            hours: try policy.hours(profile: office.hoursProfile, on: local.date), observed: local.time)
        clockTime = measurement.clockTime
        minutes = measurement.minutes
        if let badge = staff, let session = measurement.session {
            try Self.requireFirst(
                db, type: type, badge: badge, day: local.date, session: session, policy: policy, replacing: replacing)
        }
    }

    /// Checks that `badge` has no other current `type` finding in the same session of `day`: the same late arrival
    /// logged twice would count twice towards an escalation.
    /// - Throws: `InspectError.invalidInput` naming the finding already recorded.
    static func requireFirst(
        _ db: StoreTransaction, type: ViolationType, badge: String, day: CivilDate, session: Session,
        policy: ServicePolicy,
        replacing: Int64?
    ) throws {
        let start = policy.zone.startOfDay(day)
        let end = policy.zone.startOfDay(CivilDate(dayNumber: day.dayNumber + 1))
        let existing = try FindingRecord.currentInSession(
            db, badge: badge, violation: type.code, from: start, to: end, clockFrom: session.start,
            clockTo: session.end, excluding: replacing)
        if let existing {
            throw InspectError.invalidInput(
                "staff \(badge) already has \(type.code) finding \(existing) in the \(session) session of \(day); "
                    + "amend it instead")
        }
    }
}

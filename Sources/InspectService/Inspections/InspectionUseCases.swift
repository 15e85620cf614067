import InspectCore
import InspectStore

extension InspectService {
    /// Opens the inspection of `office` that is due, or else a new ad-hoc one, at `at` (default now).
    /// - Throws: `.notFound` (office), `.conflict` (retired office, or an inspection of it already open),
    ///   `.invalidInput` (a time in the future).
    public func openInspection(
        office code: String, at: Instant? = nil, team: String? = nil, by caller: Caller
    )
        throws -> Inspection
    {
        try perform { db, log in
            let office = try OfficeRecord.require(db, code: code)
            guard office.active else { throw InspectError.conflict("office \(code) is retired") }
            let when = at ?? log.now
            guard when <= log.now.adding(seconds: 60) else {
                throw InspectError.invalidInput("cannot open an inspection in the future (\(policy.zone.local(when)))")
            }
            if let open = try InspectionRecord.open(db, officeID: office.id) {
                throw InspectError.conflict(
                    "inspection \(open.id!) of \(code) is already open; close or cancel it first")
            }
            let due = try InspectionRecord.firstDue(db, officeID: office.id)
            var record =
                due
                ?? InspectionRecord(
                    officeId: office.id!, kind: .adHoc, status: .open, createdAt: log.now, createdBy: caller.user)
            record.status = .open
            record.openedAt = when
            record.openedBy = caller.user
            if let team = team?.trimmingSpaces, !team.isEmpty { record.team = team }
            try record.save(db)
            let inspection = try InspectionRecord.value(db, id: record.id!)
            try log.emit(
                Event(
                    kind: .inspectionOpened,
                    message:
                        "Inspection \(inspection.id) (\(inspection.kind.rawValue)) of \(code) opened by \(caller.user)",
                    fields: inspectionFields(inspection, user: caller.user)))
            return inspection
        }
    }

    /// Inspections matching `filter`, oldest first (by id when `byID`), at most `limit` of them when there is one.
    /// Surprise inspections that are not yet due are shown to admins only: anyone else could otherwise learn when
    /// they will come; for the same reason a page may only begin after an inspection the caller may see, since the
    /// rows after it would tell when it falls.
    public func listInspections(
        _ filter: InspectionFilter = InspectionFilter(), as caller: Caller, byID: Bool = false, limit: Int? = nil
    ) throws
        -> [Inspection]
    {
        try query { db in
            if let office = filter.office { _ = try OfficeRecord.require(db, code: office) }
            if let after = filter.after, !byID { _ = try visibleInspection(db, id: after, to: caller) }
            return try InspectionRecord.values(
                db, status: filter.status, office: filter.office, from: filter.from, to: filter.to, after: filter.after,
                byID: byID, includeSecret: caller.role >= .admin, limit: limit)
        }
    }

    /// One inspection with all its finding rows.
    public func showInspection(id: Int64, as caller: Caller) throws -> InspectionDetail {
        try query { db in
            let inspection = try visibleInspection(db, id: id, to: caller)
            let officeName = try OfficeRecord.name(db, code: inspection.office) ?? ""
            let findings = try FindingRecord.listed(db, inspection: id).map(FindingRows.view)
            let followUp = try InspectionRecord.followUp(db, of: id)
            return InspectionDetail(
                inspection: inspection, officeName: officeName, findings: findings, followedUpBy: followUp)
        }
    }

    /// Closes an open inspection, recording how many staff were checked (the denominator of every rate), and
    /// schedules its follow-up when its findings call for one, with a seed from the system's CSPRNG.
    /// - Parameter beyondStaff: Why more staff were checked than the office has (people of other offices present);
    ///   without it, such a count is refused: it would dilute the office's rates.
    /// - Throws: `.invalidInput` (fewer than the staff with findings, or more than the office's active staff without
    ///   a reason), `.conflict` (not open).
    public func closeInspection(
        id: Int64, checked: Int, at: Instant? = nil, beyondStaff: String? = nil, by caller: Caller
    ) throws -> Inspection {
        var system = SystemRandomness()
        return try closeInspection(
            id: id, checked: checked, at: at, beyondStaff: beyondStaff, by: caller, using: &system)
    }

    /// Closes an open inspection as `closeInspection(id:checked:at:by:)` does, drawing the follow-up's seed from
    /// `generator`: the system's CSPRNG in production, a seeded generator in tests.
    ///
    /// The follow-up (see `[FollowUp]` in `inspectd.conf`) is scheduled in the same transaction as the close.
    public func closeInspection(
        id: Int64, checked: Int, at: Instant? = nil, beyondStaff: String? = nil, by caller: Caller,
        using generator: inout some RandomNumberGenerator
    ) throws -> Inspection {
        let seed = DrawSeed.random(using: &generator)
        return try perform { db, log in
            _ = try visibleInspection(db, id: id, to: caller)
            var record = try InspectionRecord.require(db, id: id)
            guard record.status == .open else {
                throw InspectError.conflict("inspection \(id) is \(record.status.rawValue), not open")
            }
            let recorded = try FindingRecord.namedStaffCount(db, inspection: id)
            guard checked >= recorded else {
                throw InspectError.invalidInput(
                    "--checked \(checked) is less than the \(recorded) staff with findings in inspection \(id)")
            }
            let staff = try StaffRecord.activeCount(db, officeID: record.officeId)
            let beyond = beyondStaff.flatMap(Self.nonEmpty)
            guard checked <= staff || beyond != nil else {
                throw InspectError.invalidInput(
                    "--checked \(checked) is more than the \(staff) active staff of the office; if the team did check "
                        + "more people (staff of other offices present), say why with --beyond-staff REASON")
            }
            let when = at ?? log.now
            guard when >= record.openedAt ?? when else {
                throw InspectError.invalidInput("an inspection cannot close before it opened")
            }
            record.status = .closed
            record.closedAt = when
            record.closedBy = caller.user
            record.checked = checked
            try record.update(db)
            let inspection = try InspectionRecord.value(db, id: id)
            let violations = try FindingRecord.currentCount(db, inspection: id)
            var fields = inspectionFields(inspection, user: caller.user)
            fields["CHECKED"] = String(checked)
            fields["VIOLATIONS"] = String(violations)
            var message =
                "Inspection \(id) of \(inspection.office) closed by \(caller.user): \(checked) staff checked, "
                + "\(violations) violation\(violations == 1 ? "" : "s")"
            if let beyond, checked > staff {
                fields["BEYOND_STAFF"] = beyond
                message += " (more than its \(staff) staff: \(beyond))"
            }
            try log.emit(Event(kind: .inspectionClosed, message: message, fields: fields))
            _ = try scheduleFollowUp(db, after: inspection, seed: seed, log: &log, by: caller.user)
            return inspection
        }
    }

    /// Cancels an inspection that has not produced findings.
    public func cancelInspection(id: Int64, reason: String, by caller: Caller) throws -> Inspection {
        try perform { db, log in
            let reason = reason.trimmingSpaces
            guard !reason.isEmpty else { throw InspectError.invalidInput("a reason is required to cancel") }
            var record = try InspectionRecord.require(db, id: id)
            guard !record.status.isFinal else {
                throw InspectError.conflict("inspection \(id) is \(record.status.rawValue) and cannot be cancelled")
            }
            let findings = try FindingRecord.rowCount(db, inspection: id)
            guard findings == 0 else {
                throw InspectError.conflict("inspection \(id) has \(findings) findings; close it instead")
            }
            record.cancelReason = reason
            record.closedAt = log.now
            record.closedBy = caller.user
            try record.update(db, status: .cancelled)
            let id = record.id!
            try revealFollowUp(db, inspection: id, log: &log)
            let inspection = try InspectionRecord.value(db, id: id)
            var fields = inspectionFields(inspection, user: caller.user)
            fields["REASON"] = reason
            try log.emit(
                Event(
                    kind: .inspectionCancelled,
                    message: "Inspection \(id) of \(inspection.office) cancelled by \(caller.user): \(reason)",
                    fields: fields))
            return inspection
        }
    }

    /// The inspection `id` as `caller` may know it: a secret one (a surprise or follow-up not yet due) is, to anyone
    /// but an administrator, exactly as absent as an id that was never used, errors included.
    func visibleInspection(_ db: StoreTransaction, id: Int64, to caller: Caller) throws -> Inspection {
        let inspection = try InspectionRecord.value(db, id: id)
        if caller.role < .admin && (inspection.kind == .surprise || inspection.kind == .followUp)
            && inspection.status == .scheduled
        {
            throw InspectError.notFound(kind: "inspection", key: String(id))
        }
        return inspection
    }

    func inspectionFields(_ inspection: Inspection, user: String) -> [String: String] {
        var fields = [
            "INSPECTION": String(inspection.id), "OFFICE": inspection.office, "KIND": inspection.kind.rawValue,
            "USER": user,
        ]
        if let plan = inspection.plan { fields["PLAN"] = plan }
        if let team = inspection.team { fields["TEAM"] = team }
        return fields
    }
}

import InspectCore
import InspectStore

extension InspectService {
    /// Schedules the follow-up of the inspection just closed, in the current transaction, when its current findings
    /// reach `[FollowUp] MinSeverity=`: a surprise instant within the next `WithinWorkingDays=` working days, drawn
    /// from `seed` and committed to in the journal; the instant stays secret until it is due.
    /// - Returns: the follow-up, or nil when none is called for.
    func scheduleFollowUp(
        _ db: StoreTransaction, after inspection: Inspection, seed: DrawSeed, log: inout EventLog, by user: String
    )
        throws -> Inspection?
    {
        let policy = self.policy.configuration.followUp
        let rows = try FindingRecord.currentTypes(db, inspection: inspection.id)
        let worst = rows.compactMap(\.severity).max()
        guard policy.calls(forWorst: worst), let closedAt = inspection.closedAt else { return nil }
        let office = try OfficeRecord.require(db, code: inspection.office)
        guard office.active else { return nil }
        let inputs = try FollowUpInputs(
            follows: inspection.id, office: office.code, hoursProfile: office.hoursProfile, closedAt: closedAt,
            scheduledAt: log.now, withinWorkingDays: policy.withinWorkingDays,
            preferSessionStart: rows.contains { $0.measure == ClockMeasure.arrival.rawValue },
            calendar: self.policy.calendar)
        let draw = try FollowUpDraw(inputs: inputs, calendar: self.policy.calendar, seed: seed)
        var record = InspectionRecord(
            officeId: office.id!, kind: .followUp, status: .scheduled, dueAt: draw.dueAt,
            windowEnd: try policy.window.end(
                after: draw.dueAt, calendar: self.policy.calendar, profile: office.hoursProfile),
            team: inspection.team, createdAt: log.now, createdBy: user, followsId: inspection.id)
        try record.insert(db)
        var stored = try FollowUpDrawRecord(draw: draw, seed: seed, inspectionId: record.id!, createdAt: log.now)
        try stored.insert(db)
        let followUp = try InspectionRecord.value(db, id: record.id!)
        var fields = inspectionFields(followUp, user: user)
        fields["FOLLOWS"] = String(inspection.id)
        fields["COMMITMENT"] = draw.commitment
        fields["WINDOW_START"] = inputs.firstDay.description
        fields["WINDOW_END"] = inputs.lastDay.description
        // The span is policy, known to all; the instant in it is the secret.
        try log.emit(
            Event(
                kind: .followUpScheduled,
                message:
                    "Follow-up inspection \(followUp.id) of \(office.code) scheduled after inspection \(inspection.id), "
                    + "on a working day from \(inputs.firstDay) to \(inputs.lastDay); commitment \(draw.commitment)",
                fields: fields))
        return followUp
    }

    /// Publishes the seed of a follow-up that has just left `scheduled` (due, missed or cancelled), so anyone can
    /// audit it; does nothing for other inspections or a seed already published.
    func revealFollowUp(_ db: StoreTransaction, inspection id: Int64, log: inout EventLog) throws {
        guard
            var draw = try FollowUpDrawRecord.unrevealed(db, inspection: id)
        else { return }
        draw.revealedAt = log.now
        try draw.update(db)
        let inspection = try InspectionRecord.value(db, id: id)
        var fields = inspectionFields(inspection, user: "inspectd")
        fields["FOLLOWS"] = String(draw.followsId)
        fields["COMMITMENT"] = draw.commitment
        fields["SEED"] = draw.seed
        try log.emit(
            Event(
                kind: .followUpRevealed,
                message:
                    "Follow-up inspection \(id) of \(inspection.office) revealed: seed \(draw.seed); check it with "
                    + "'inspectctl inspection audit \(id)'",
                fields: fields))
    }

    /// The follow-up scheduled after inspection `id`, if any; its instant only for admins while it is scheduled.
    public func followUp(of id: Int64, as caller: Caller) throws -> FollowUpNotice? {
        try query { db in
            guard let (record, status, office) = try FollowUpDrawRecord.draw(db, follows: id) else { return nil }
            let inputs = try record.decoded().inputs
            let visible = caller.role == .admin || status != .scheduled
            return FollowUpNotice(
                inspection: record.inspectionId, follows: id, office: office, firstDay: inputs.firstDay,
                lastDay: inputs.lastDay, commitment: record.commitment, status: status,
                dueAt: visible ? record.dueAt : nil)
        }
    }

    /// Audits the draw of follow-up inspection `id` once its seed is revealed: recomputes the commitment, replays
    /// the draw, and checks the inspection is due when the draw says.
    /// - Throws: `.notFound` when `id` is not a drawn follow-up; `.conflict` while it is still scheduled.
    public func auditFollowUp(id: Int64) throws -> FollowUpAuditReport {
        let witnessed = sender.sink.witnessed(record: try database.recordIdentity())
        return try query { db in
            guard
                let record = try FollowUpDrawRecord.find(db, inspection: id)
            else { throw InspectError.notFound(kind: "follow-up draw for inspection", key: String(id)) }
            let inspection = try InspectionRecord.value(db, id: id)
            guard record.revealedAt != nil, inspection.status != .scheduled else {
                throw InspectError.conflict("follow-up \(id) is still scheduled; its seed stays secret until it is due")
            }
            let draw = try record.decoded()
            var problems: [String] = []
            if let seed = DrawSeed(hex: record.seed) {
                problems += FollowUpAudit.verify(
                    seed: seed, inputs: draw.inputs, commitment: record.commitment, dueAt: record.dueAt,
                    calendar: policy.calendar
                ).map(\.description)
            } else {
                problems.append("the stored seed is not 64 hex digits")
            }
            if inspection.dueAt != record.dueAt {
                problems.append(
                    "inspection \(id) is due \(inspection.dueAt.map(policy.zone.display) ?? "never"), "
                        + "not at the drawn \(policy.zone.display(record.dueAt))")
            }
            if inspection.follows != record.followsId {
                problems.append("inspection \(id) does not follow inspection \(record.followsId) as drawn")
            }
            let (witness, refuted) = Self.witness(
                witnessed, commitment: record.commitment, key: Witnessed.followUpKey(id), what: "follow-up \(id)")
            problems += refuted.map { [$0] } ?? []
            return FollowUpAuditReport(
                inspection: id, follows: record.followsId, commitment: record.commitment, seed: record.seed,
                dueAt: record.dueAt, problems: problems, witness: witness)
        }
    }
}

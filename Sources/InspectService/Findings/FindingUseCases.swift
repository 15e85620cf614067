import InspectCore
import InspectStore

extension InspectService {
    /// Records a finding in an open inspection and reports it to the journal as a violation.
    /// - Throws: `.notFound` (inspection, staff), `.invalidInput` (type, times, staff of another office),
    ///   `.conflict` (inspection not open).
    public func logFinding(_ request: FindingLogRequest, by caller: Caller) throws -> FindingView {
        try perform { db, log in
            let inspection = try visibleInspection(db, id: request.inspection, to: caller)
            guard inspection.status == .open else {
                let hint =
                    inspection.status == .scheduled || inspection.status == .due
                    ? "; open it first with 'inspectctl inspection open --office \(inspection.office)'" : ""
                throw InspectError.conflict("inspection \(inspection.id) is \(inspection.status.rawValue)\(hint)")
            }
            let observedAt = request.observedAt ?? log.now
            guard observedAt <= log.now.adding(seconds: 60) else {
                throw InspectError.invalidInput("a finding cannot be observed in the future")
            }
            if let opened = inspection.openedAt, observedAt < opened {
                throw InspectError.invalidInput("a finding cannot be observed before its inspection opened")
            }
            if let badge = request.staff, try StaffRecord.require(db, badge: badge).active == false {
                throw InspectError.conflict("staff \(badge) is retired")
            }
            let type = try ViolationTypeRecord.require(db, code: request.violation).violationType
            let details = try FindingDetails(
                db, type: type, staff: request.staff, arrived: request.arrived, left: request.left,
                inspection: inspection, observedAt: observedAt, policy: policy)
            let draft = Finding(
                id: 0, inspection: inspection.id, violation: details.type.code, staff: request.staff,
                observedAt: observedAt, clockTime: details.clockTime, minutes: details.minutes,
                note: request.note.flatMap(Self.nonEmpty), recordedBy: caller.user, recordedAt: log.now,
                action: .record, corrects: nil, reason: nil)
            let finding = try FindingLedger.append(db, draft)
            try log.emit(violationEvent(finding, type: details.type, office: inspection.office))
            return try viewRaisingEscalations(db, finding: finding, log: &log, by: caller)
        }
    }

    /// Amends a finding: a new row replacing it, with a reason. The original stays in the record.
    public func amendFinding(_ request: FindingAmendRequest, by caller: Caller) throws -> FindingView {
        try perform { db, log in
            let reason = try Self.requireReason(request.reason)
            let target = try correctable(db, id: request.finding)
            let correctedAt = try Self.correctionTime(request.at, of: target, now: log.now)
            let inspection = try InspectionRecord.value(db, id: target.inspection)
            let type = try ViolationTypeRecord.require(db, code: request.violation ?? target.violation).violationType
            var arrived = request.arrived
            var left = request.left
            // Keep the measured clock time when neither it nor its meaning changes.
            if arrived == nil, left == nil, let clock = target.clockTime,
                try ViolationTypeRecord.require(db, code: target.violation).measure == type.measure
            {
                if type.measure == .arrival { arrived = clock } else { left = clock }
            }
            let details = try FindingDetails(
                db, type: type, staff: request.staff ?? target.staff, arrived: arrived, left: left,
                inspection: inspection, observedAt: target.observedAt, policy: policy, replacing: target.id)
            var draft = target
            draft.violation = details.type.code
            draft.staff = request.staff ?? target.staff
            draft.clockTime = details.clockTime
            draft.minutes = details.minutes
            draft.note = request.note.map(Self.nonEmpty) ?? target.note
            draft.recordedBy = caller.user
            draft.recordedAt = log.now
            draft.action = .amend
            draft.corrects = target.id
            draft.reason = reason
            draft.correctedAt = correctedAt
            let finding = try FindingLedger.append(db, draft)
            var fields = findingFields(finding, type: details.type, office: inspection.office)
            fields["CORRECTS"] = String(target.id)
            fields["REASON"] = reason
            try log.emit(
                Event(
                    kind: .findingAmended,
                    message: "Finding \(target.id) amended by \(caller.user) as finding \(finding.id): \(reason)",
                    fields: fields))
            return try viewRaisingEscalations(db, finding: finding, log: &log, by: caller)
        }
    }

    /// Retracts a finding: a new row withdrawing it, with a reason. The original stays in the record.
    /// - Parameter at: When the retraction was made, if not now (see ``FindingAmendRequest/at``).
    public func retractFinding(id: Int64, reason: String, at: Instant? = nil, by caller: Caller) throws -> FindingView {
        try perform { db, log in
            let reason = try Self.requireReason(reason)
            let target = try correctable(db, id: id)
            let correctedAt = try Self.correctionTime(at, of: target, now: log.now)
            let inspection = try InspectionRecord.value(db, id: target.inspection)
            var draft = target
            draft.recordedBy = caller.user
            draft.recordedAt = log.now
            draft.action = .retract
            draft.corrects = target.id
            draft.reason = reason
            draft.correctedAt = correctedAt
            let finding = try FindingLedger.append(db, draft)
            let type = try ViolationTypeRecord.require(db, code: finding.violation).violationType
            var fields = findingFields(finding, type: type, office: inspection.office)
            fields["CORRECTS"] = String(target.id)
            fields["REASON"] = reason
            try log.emit(
                Event(
                    kind: .findingRetracted,
                    message: "Finding \(target.id) retracted by \(caller.user): \(reason)", fields: fields))
            return try FindingRows.view(db, id: finding.id)
        }
    }

    /// The time a correction says it was made: not before the finding it corrects was observed, nor in the future
    /// (a minute's leeway for clocks, as for observations).
    /// - Throws: `.invalidInput` saying which.
    static func correctionTime(_ at: Instant?, of target: Finding, now: Instant) throws -> Instant? {
        guard let at else { return nil }
        guard at <= now.adding(seconds: 60) else {
            throw InspectError.invalidInput("a correction cannot be made in the future")
        }
        guard at >= target.observedAt else {
            throw InspectError.invalidInput("a correction cannot be made before finding \(target.id) was observed")
        }
        return at
    }

    /// Findings matching `filter`, in the order they were recorded; only as they stand unless history is asked for;
    /// at most `limit` of them when there is a limit.
    public func listFindings(_ filter: FindingFilter = FindingFilter(), limit: Int? = nil) throws -> [FindingView] {
        try query { db in
            if let office = filter.office { _ = try OfficeRecord.require(db, code: office) }
            return try FindingRecord.listed(
                db, inspection: filter.inspection, office: filter.office, staff: filter.staff,
                violation: filter.violation, from: filter.from, to: filter.to, after: filter.after,
                currentOnly: !filter.includeHistory, limit: limit
            ).map(FindingRows.view)
        }
    }

    /// The view of a row just written, after raising the escalations it calls for in the same transaction.
    private func viewRaisingEscalations(
        _ db: StoreTransaction, finding: Finding, log: inout EventLog, by caller: Caller
    )
        throws -> FindingView
    {
        let root = try FindingRecord.root(db, of: finding.id)
        let raised = try raiseEscalations(db, log: &log, triggers: [root], by: caller.user)
        var view = try FindingRows.view(db, id: finding.id)
        view.escalations = try raised.map { try EscalationViews.one(db, id: $0.id!) }
        return view
    }

    /// The finding row `id`, if it is the finding as it stands.
    private func correctable(_ db: StoreTransaction, id: Int64) throws -> Finding {
        guard let record = try FindingRecord.find(db, id: id) else {
            throw InspectError.notFound(kind: "finding", key: String(id))
        }
        guard record.action != .retract else {
            throw InspectError.conflict("finding \(id) is a retraction and cannot be corrected")
        }
        if let later = try FindingRecord.correction(db, of: id) {
            throw InspectError.conflict(
                "finding \(id) was already \(later.action == .retract ? "retracted" : "amended") by finding \(later.id)"
                    + (later.action == .amend ? "; correct \(later.id) instead" : ""))
        }
        return record.finding
    }

    func violationEvent(_ finding: Finding, type: ViolationType, office: String) -> Event {
        var message = "\(type.code) (\(type.nameEN)) recorded in inspection \(finding.inspection) of \(office)"
        if let staff = finding.staff { message += " for \(staff)" }
        if let minutes = finding.minutes { message += ", \(minutes) min" }
        return Event(
            kind: .violationRecorded, message: message, fields: findingFields(finding, type: type, office: office))
    }

    func findingFields(_ finding: Finding, type: ViolationType, office: String) -> [String: String] {
        // The hash lets the journal witness the chain: verify compares the record with it.
        var fields = [
            "FINDING": String(finding.id), "HASH": finding.hash, "INSPECTION": String(finding.inspection),
            "OFFICE": office, "VIOLATION": type.code, "SEVERITY": type.severity.rawValue, "USER": finding.recordedBy,
        ]
        if let staff = finding.staff { fields["STAFF"] = staff }
        if let minutes = finding.minutes { fields["MINUTES"] = String(minutes) }
        return fields
    }

    static func requireReason(_ reason: String) throws -> String {
        let trimmed = reason.trimmingSpaces
        guard !trimmed.isEmpty else { throw InspectError.invalidInput("a reason is required") }
        return trimmed
    }

    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
    }
}

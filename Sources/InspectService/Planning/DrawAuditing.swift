import InspectCore
import InspectStore

extension InspectService {
    /// Audits the surprise draws of `period` (a label such as `2027-03`), of one plan or of all: recomputes each
    /// commitment from the revealed seed and the stored inputs, replays the draw, and checks that the scheduled
    /// inspections are exactly the drafts.
    /// - Throws: `.notFound` when no draw has that period; `.conflict` while the period has not ended (its seed is
    ///   still secret).
    public func auditDraws(period: String, plan: String? = nil) throws -> [DrawAudit] {
        let now = clock()
        let witnessed = sender.sink.witnessed(record: try database.recordIdentity())
        return try query { db in
            let records = try SurpriseDrawRecord.draws(db, period: period, plan: plan)
            guard !records.isEmpty else {
                throw InspectError.notFound(
                    kind: "surprise draw for period", key: plan.map { "\(period) of \($0)" } ?? period)
            }
            return try records.map { record in
                guard record.periodEnd <= now else {
                    throw InspectError.conflict(
                        "period \(period) of plan \(record.plan) ends \(policy.zone.display(record.periodEnd)); "
                            + "its seed stays secret until then")
                }
                return try audit(db, record, witnessed: witnessed)
            }
        }
    }

    private func audit(_ db: StoreTransaction, _ record: SurpriseDrawRecord, witnessed: Witnessed?) throws -> DrawAudit
    {
        let draw = try record.decoded()
        var problems: [String] = []
        if let seed = DrawSeed(hex: record.seed) {
            problems += SurpriseAudit.verify(
                seed: seed, inputs: draw.inputs, commitment: draw.commitment, drafts: draw.drafts,
                calendar: policy.calendar
            ).problems.map(\.description)
        } else {
            problems.append("the stored seed is not 64 hex digits")
        }
        // The schedule must hold exactly the drafts: none moved, added or dropped after the draw.
        let scheduled = try InspectionRecord.drawn(db, draw: record.id).map { row -> (Int64, SurpriseDraft.Key) in
            (row.id, SurpriseDraft.Key(row.office, row.dueAt, row.team))
        }
        var drafts = draw.drafts.map { SurpriseDraft.Key($0.office, $0.dueAt, $0.team) }
        for (id, key) in scheduled {
            if let index = drafts.firstIndex(of: key) {
                drafts.remove(at: index)
            } else {
                problems.append("inspection \(id) (\(key.office) at \(policy.zone.display(key.dueAt))) is not a draft")
            }
        }
        problems += drafts.map { "the draft \($0.office) at \(policy.zone.display($0.dueAt)) has no inspection" }
        let (witness, refuted) = Self.witness(
            witnessed, commitment: record.commitment, key: Witnessed.drawKey(plan: record.plan, period: record.period),
            what: "the draw of plan \(record.plan) for \(record.period)")
        problems += refuted.map { [$0] } ?? []
        return DrawAudit(
            plan: record.plan, period: record.period, commitment: record.commitment, seed: record.seed,
            inspections: scheduled.count, problems: problems, witness: witness)
    }

    /// What the journal says of a commitment, or that it could not be asked.
    static func witness(
        _ witnessed: Witnessed?, commitment: String, key: String, what: String
    ) -> (
        note: String, problem: String?
    ) {
        guard let witnessed else {
            return ("not checked against the journal: it cannot be read here", nil)
        }
        return witnessed.check(commitment: commitment, key: key, what: what)
    }
}

extension SurpriseDraft {
    /// What the schedule must keep of a draft.
    fileprivate struct Key: Equatable {
        var office: String
        var dueAt: Instant
        var team: String?

        init(_ office: String, _ dueAt: Instant, _ team: String?) {
            self.office = office
            self.dueAt = dueAt
            self.team = team
        }
    }
}

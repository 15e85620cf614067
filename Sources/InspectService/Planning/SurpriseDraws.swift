import InspectCore
import InspectStore

extension InspectService {
    /// Draws each surprise plan's next period ahead of time, and the current period if it was never drawn (a daemon
    /// started mid-period: then no draft falls before now, and the period owes the share of its total that its days
    /// left are, see `SurpriseRules.owed`). Draws made before are kept: a period is drawn once.
    ///
    /// Each draw is stored with its secret seed, and its inspections are scheduled, in one transaction; the journal
    /// gets only the commitment `SHA-256(seed ‖ inputs)`. A plan that cannot be drawn is reported in `report.failed`
    /// and the others go ahead.
    public func drawSurprises(
        by caller: Caller, using generator: inout some RandomNumberGenerator, into report: inout SchedulingReport
    ) throws {
        let now = clock()
        let zone = policy.zone
        for plan in policy.plans.plans {
            guard let rules = plan.surpriseRules else { continue }
            let current = DrawPeriod.containing(now, unit: rules.period, zone: zone)
            for period in [current, current.next(zone: zone)] {
                let label = "\(plan.name) \(period.label)"
                do {
                    let seed = DrawSeed.random(using: &generator)
                    if try draw(plan: plan, period: period, seed: seed, notBefore: now, by: caller) {
                        report.drawn.append(label)
                    }
                } catch let error as InspectError {
                    report.failed.append("\(label): \(error)")
                }
            }
        }
    }

    /// Draws `period` of `plan` unless it was drawn already; returns whether it drew.
    func draw(plan: Plan, period: DrawPeriod, seed: DrawSeed, notBefore: Instant, by caller: Caller) throws -> Bool {
        try perform { db, log in
            let existing = try SurpriseDrawRecord.count(db, plan: plan.name, period: period.label)
            guard existing == 0, let rules = plan.surpriseRules else { return false }
            let offices = try drawOffices(db, plan: plan, at: log.now)
            let inputs = try DrawInputs(
                plan: plan.name,
                rules: try rules.owed(
                    in: period, from: notBefore,
                    horizonKept: try horizonKept(db, plan: plan.name, horizon: rules.horizon, before: period),
                    profiles: offices.map(\.hoursProfile), calendar: policy.calendar),
                teams: plan.teams, period: period, offices: offices,
                history: try history(db, plan: plan, period: period), calendar: policy.calendar,
                notBefore: notBefore)
            let draw = try SurpriseDraw(inputs: inputs, calendar: policy.calendar, seed: seed)
            var record = try SurpriseDrawRecord(draw: draw, seed: seed, createdAt: log.now)
            try record.insert(db)
            for draft in draw.drafts {
                let office = try OfficeRecord.require(db, code: draft.office)
                var inspection = InspectionRecord(
                    officeId: office.id!, kind: .surprise, status: .scheduled, plan: plan.name, dueAt: draft.dueAt,
                    windowEnd: try plan.window.end(
                        after: draft.dueAt, calendar: policy.calendar, profile: office.hoursProfile),
                    team: draft.team, createdAt: log.now, createdBy: caller.user, drawId: record.id)
                try inspection.insert(db)
            }
            // The commitment only: who and when stay secret until each inspection falls due.
            try log.emit(
                Event(
                    kind: .surpriseCommitted,
                    message:
                        "Surprise draw of plan \(plan.name) for \(period.label) committed: \(draw.drafts.count) "
                        + "inspections, commitment \(draw.commitment)",
                    fields: [
                        "PLAN": plan.name, "PERIOD": period.label, "COMMITMENT": draw.commitment,
                        "COUNT": String(draw.drafts.count),
                    ]))
            return true
        }
    }

    /// Whether every period of `period`'s horizon before it was drawn before it began: else the plan was not there
    /// for all of the horizon, and owes no minimum over it (see `SurpriseRules.owed`).
    private func horizonKept(
        _ db: StoreTransaction, plan: String, horizon unit: PeriodUnit, before period: DrawPeriod
    ) throws -> Bool {
        let horizon = DrawPeriod.containing(period.start, unit: unit, zone: policy.zone)
        var earlier = DrawPeriod.containing(horizon.start, unit: period.unit, zone: policy.zone)
        while earlier.start < period.start {
            let inTime = try SurpriseDrawRecord.count(
                db, plan: plan, period: earlier.label, drawnBy: earlier.start)
            guard inTime > 0 else { return false }
            earlier = earlier.next(zone: policy.zone)
        }
        return true
    }

    /// Publishes the seed of every draw whose period has ended, so anyone can audit it.
    public func revealEndedDraws(into report: inout SchedulingReport) throws {
        let revealed = try perform { db, log in
            let ended = try SurpriseDrawRecord.unrevealed(db, endedBy: log.now)
            for var draw in ended {
                draw.revealedAt = log.now
                try draw.update(db)
                try log.emit(
                    Event(
                        kind: .surpriseRevealed,
                        message:
                            "Surprise draw of plan \(draw.plan) for \(draw.period) revealed: seed \(draw.seed); "
                            + "check it with 'inspectctl plan audit \(draw.period) --plan \(draw.plan)'",
                        fields: [
                            "PLAN": draw.plan, "PERIOD": draw.period, "COMMITMENT": draw.commitment, "SEED": draw.seed,
                        ]))
            }
            return ended.map { "\($0.plan) \($0.period)" }
        }
        report.revealed += revealed
    }

    /// The offices `plan` selects, with their weights from the recent violation rate.
    private func drawOffices(_ db: StoreTransaction, plan: Plan, at now: Instant) throws -> [DrawOffice] {
        let rates = try riskRates(db, since: riskWindowStart(at: now))
        let weighting = plan.surpriseRules?.weighting ?? .uniform
        return plan.selector.select(from: try activeOffices(db)).map { office in
            DrawOffice(
                code: office.code, hoursProfile: office.hoursProfile,
                weight: weighting.weight(for: rates[office.code] ?? .unknown))
        }
    }

    /// The start of the window risk rates are measured over: `[Daemon] RiskWindowDays=` days before `now`.
    func riskWindowStart(at now: Instant) -> Instant {
        now.adding(seconds: -Int64(policy.configuration.riskWindowDays) * 86400)
    }

    /// Violations per staff checked, by office, over the closed inspections since `since`: the risk rates of
    /// risk-weighted draws and of `office show`.
    func riskRates(_ db: StoreTransaction, since: Instant) throws -> [String: RiskRate] {
        Dictionary(
            uniqueKeysWithValues: try InspectionRecord.riskFigures(db, closedSince: since).map { row in
                (row.office, RiskRate(violations: row.violations, checked: row.checked ?? 0))
            })
    }

    /// The visits near `period` that spacing, the horizon minimum and team capacity depend on.
    private func history(_ db: StoreTransaction, plan: Plan, period: DrawPeriod) throws -> [VisitRecord] {
        let spacing = Int64(plan.surpriseRules?.minSpacingDays ?? 0) * 86400
        let horizon = DrawPeriod.containing(
            period.start, unit: plan.surpriseRules?.horizon ?? period.unit, zone: policy.zone)
        return try InspectionRecord.visits(
            db, from: Instant(seconds: min(horizon.start.seconds, period.start.seconds - spacing)),
            to: Instant(seconds: period.end.seconds + spacing))
    }
}

import InspectCore
import InspectStore

extension InspectService {
    /// A person's history: their office moves, the changes to their level, title and qualifications, every finding
    /// about them (with its corrections, wherever it was made), the escalations about them and the corrective actions
    /// on their findings, in time order; entries between `from` (included) and `to` (excluded) when given.
    /// - Throws: `.notFound` for an unknown badge.
    public func staffReport(badge: String, from: Instant? = nil, to: Instant? = nil) throws -> StaffReport {
        let now = clock()
        return try query { db in
            let detail = try staffDetail(db, badge: badge)
            let escalations = try EscalationRecord.listed(db, staff: badge, order: .byID).map(EscalationViews.view)
            // Every finding one of whose rows was about the person: moved to someone else by an amendment too.
            let actions = try CorrectiveActionRecord.listed(db, findingsEverAbout: badge).map {
                ActionViews.view($0, now: now)
            }
            var timeline = TimelineRows.assignments(detail.history, staff: badge)
            timeline += TimelineRows.profile(try profile(db, badge: badge).history, staff: badge)
            timeline += try TimelineRows.findings(FindingRecord.history(db, everAbout: badge))
            timeline += TimelineRows.escalations(escalations) + TimelineRows.actions(actions)
            return StaffReport(
                staff: detail.staff, officeName: detail.officeName, assignments: detail.history,
                summary: Self.summary(findings: detail.findings, escalations: escalations, actions: actions),
                timeline: Self.window(timeline, from: from, to: to))
        }
    }

    /// An office's history: its inspections (none that is still scheduled: those may be secret), the findings made
    /// there (with corrections), the escalations about it or raised by findings made there, the corrective actions
    /// on those findings, and staff moving in and out (not their registration), in time order; entries between
    /// `from` and `to` when given.
    /// - Throws: `.notFound` for an unknown office.
    public func officeReport(code: String, from: Instant? = nil, to: Instant? = nil) throws -> OfficeReport {
        let now = clock()
        return try query { db in
            let office = try officeValue(db, code: code)
            let escalations = try EscalationRecord.listed(db, office: code, order: .byID).map(EscalationViews.view)
            let actions = try CorrectiveActionRecord.listed(db, office: code).map { ActionViews.view($0, now: now) }
            let findings = try FindingRecord.currentCount(db, office: code)
            var timeline = try TimelineRows.inspections(db, office: code) + TimelineRows.staffMoves(db, office: code)
            timeline += try TimelineRows.findings(FindingRecord.history(db, madeIn: code))
            timeline += TimelineRows.escalations(escalations) + TimelineRows.actions(actions)
            let since = riskWindowStart(at: now)
            let rate = try riskRates(db, since: since)[code] ?? .unknown
            return OfficeReport(
                office: office,
                risk: OfficeRisk(windowDays: policy.configuration.riskWindowDays, since: since, rate: rate),
                summary: Self.summary(findings: findings, escalations: escalations, actions: actions),
                timeline: Self.window(timeline, from: from, to: to))
        }
    }

    private static func summary(findings: Int, escalations: [EscalationView], actions: [ActionView]) -> HistorySummary {
        HistorySummary(
            findings: findings, escalations: escalations.count, openEscalations: escalations.filter(\.isOpen).count,
            openActions: actions.filter { $0.action.status == .open && !$0.findingRetracted }.count,
            overdueActions: actions.filter(\.overdue).count)
    }

    private static func window(_ entries: [TimelineEntry], from: Instant?, to: Instant?) -> [TimelineEntry] {
        entries.filter { entry in
            from.map { entry.at >= $0 } ?? true && to.map { entry.at < $0 } ?? true
        }.sorted(by: TimelineKind.inOrder)
    }
}

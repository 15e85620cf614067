import GRDB
import InspectCore
import InspectService
import InspectStore
import InspectTesting
import Testing

/// Follow-up inspections: scheduled on close, drawn like surprises, secret until due, audited after.
@Suite("Follow-up inspections")
struct FollowUpServiceTests {
    /// Nhân Lý visited on Friday 12 March 2027 with the given findings, closed at 10:00 with a seeded draw.
    static func closeVisit(
        _ fixture: ServiceFixture, _ findings: [(String, String?)], seed: UInt64 = 3
    ) throws
        -> Inspection
    {
        _ = try fixture.seed()
        _ = try fixture.service.cancelInspection(id: 1, reason: "seeded", by: fixture.admin)
        fixture.at("2027-03-12 08:00")
        let inspection = try fixture.service.openInspection(office: "UBND-NHANLY", by: fixture.inspector).id
        for (type, staff) in findings {
            _ = try fixture.service.logFinding(
                .init(
                    inspection: inspection, violation: type, staff: staff,
                    arrived: type == "LATE" ? TimeOfDay(hour: 8, minute: 0) : nil),
                by: fixture.inspector)
        }
        fixture.at("2027-03-12 10:00")
        var generator = SplitMix64(seed: seed)
        return try fixture.service.closeInspection(id: inspection, checked: 8, by: fixture.inspector, using: &generator)
    }

    @Test(
        "a moderate finding schedules a secret follow-up on one of the next 10 working days, committed in the journal")
    func scheduled() throws {
        let fixture = try ServiceFixture()
        let closed = try Self.closeVisit(fixture, [("OFFPOST", "CL-1"), ("BADGE", "CL-2")])
        let followUp = try #require(try fixture.service.followUp(of: closed.id, as: fixture.admin))
        #expect(followUp.firstDay == CivilDate(iso: "2027-03-15"))
        #expect(followUp.lastDay == CivilDate(iso: "2027-03-26"))
        let due = try #require(followUp.dueAt)
        let calendar = fixture.service.policy.calendar
        #expect(try calendar.isWorkingMoment(due, profile: "default"))
        let day = calendar.zone.local(due).date
        #expect(day >= followUp.firstDay && day <= followUp.lastDay)

        let inspection = try fixture.service.showInspection(id: followUp.inspection, as: fixture.admin).inspection
        #expect(inspection.kind == .followUp)
        #expect(inspection.status == .scheduled)
        #expect(inspection.follows == closed.id)
        #expect(inspection.dueAt == due)
        #expect(inspection.team == closed.team)
        #expect(
            try fixture.service.showInspection(id: closed.id, as: fixture.reader).followedUpBy == followUp.inspection)

        // Secret: others see that it exists and its span, never its instant, until it is due.
        #expect(try fixture.service.followUp(of: closed.id, as: fixture.inspector)?.dueAt == nil)
        #expect(!(try fixture.service.listInspections(as: fixture.inspector).map(\.id).contains(followUp.inspection)))
        #expect(try fixture.service.listInspections(as: fixture.admin).map(\.id).contains(followUp.inspection))
        #expect(throws: InspectError.notFound(kind: "inspection", key: String(followUp.inspection))) {
            try fixture.service.showInspection(id: followUp.inspection, as: fixture.reader)
        }
        let event = try #require(fixture.sink.events.last)
        #expect(event.kind == .followUpScheduled)
        #expect(event.fields["COMMITMENT"] == followUp.commitment)
        #expect(event.fields["FOLLOWS"] == String(closed.id))
        #expect(event.fields["DUE"] == nil)
        let local = calendar.zone.local(due)
        #expect(!event.message.contains(local.time.description))
        #expect(!event.fields.values.contains { $0.contains(calendar.zone.iso8601(due).prefix(16)) })
        // The daemon's agenda has it.
        #expect(try fixture.service.agenda().items.contains { $0.id == followUp.inspection && $0.dueAt == due })
    }

    @Test("the same seed draws the same instant; another seed, mostly another")
    func seeded() throws {
        let one = try ServiceFixture()
        let two = try ServiceFixture()
        let three = try ServiceFixture()
        let a = try Self.closeVisit(one, [("ABSENT", "CL-1")], seed: 11)
        let b = try Self.closeVisit(two, [("ABSENT", "CL-1")], seed: 11)
        let c = try Self.closeVisit(three, [("ABSENT", "CL-1")], seed: 12)
        let dueA = try one.service.followUp(of: a.id, as: one.admin)?.dueAt
        #expect(dueA != nil)
        #expect(dueA == (try two.service.followUp(of: b.id, as: two.admin)?.dueAt))
        #expect(dueA != (try three.service.followUp(of: c.id, as: three.admin)?.dueAt))
    }

    @Test("minor findings only, or MinSeverity=none, schedule no follow-up")
    func notCalledFor() throws {
        let minor = try ServiceFixture()
        let closed = try Self.closeVisit(minor, [("LATE", "CL-1"), ("BADGE", "CL-2")])
        #expect(try minor.service.followUp(of: closed.id, as: minor.admin) == nil)
        #expect(try minor.count("inspection", where: "kind = 'follow-up'") == 0)
        let off = try ServiceFixture(
            configuration: ServiceFixture.configuration(main: "[FollowUp]\nMinSeverity=none\n"))
        let serious = try Self.closeVisit(off, [("ALCOHOL", "CL-1")])
        #expect(try off.service.followUp(of: serious.id, as: off.admin) == nil)
        // A retracted moderate finding does not call for one either.
        let retracted = try ServiceFixture()
        _ = try retracted.seed()
        _ = try retracted.service.cancelInspection(id: 1, reason: "seeded", by: retracted.admin)
        let inspection = try retracted.service.openInspection(office: "UBND-NHANLY", by: retracted.inspector).id
        let finding = try retracted.service.logFinding(
            .init(inspection: inspection, violation: "ABSENT", staff: "CL-1"), by: retracted.inspector)
        _ = try retracted.service.retractFinding(id: finding.finding.id, reason: "nghỉ phép", by: retracted.admin)
        _ = try retracted.service.closeInspection(id: inspection, checked: 2, by: retracted.inspector)
        #expect(try retracted.service.followUp(of: inspection, as: retracted.admin) == nil)
    }

    @Test("once due its seed is revealed, the audit confirms the draw, and a moved instant is refuted")
    func revealAndAudit() throws {
        let fixture = try ServiceFixture()
        let closed = try Self.closeVisit(fixture, [("CONDUCT", nil)])
        let followUp = try #require(try fixture.service.followUp(of: closed.id, as: fixture.admin))
        #expect(
            throws: InspectError.conflict(
                "follow-up \(followUp.inspection) is still scheduled; its seed stays secret until it is due")
        ) { try fixture.service.auditFollowUp(id: followUp.inspection) }
        fixture.clock.set(try #require(followUp.dueAt))
        try fixture.service.markDue(id: followUp.inspection)
        let due = try #require(fixture.sink.events.last { $0.kind == .inspectionDue })
        #expect(
            due.message.hasPrefix(
                "Follow-up inspection \(followUp.inspection) of UBND-NHANLY (following inspection \(closed.id)) is due")
        )
        let revealed = try #require(fixture.sink.events.last)
        #expect(revealed.kind == .followUpRevealed)
        let seed = try #require(revealed.fields["SEED"])
        #expect(seed.count == 64)
        // Now anyone sees it.
        #expect(try fixture.service.followUp(of: closed.id, as: fixture.reader)?.dueAt == followUp.dueAt)
        let report = try fixture.service.auditFollowUp(id: followUp.inspection)
        #expect(report.isConfirmed, "\(report.problems)")
        #expect(report.seed == seed)
        // Someone moves the inspection in the database: the audit says so.
        try fixture.service.database.write { db in
            try db.execute(
                sql: "UPDATE inspection SET due_at = due_at + 3600 WHERE id = ?", arguments: [followUp.inspection])
        }
        #expect(!(try fixture.service.auditFollowUp(id: followUp.inspection).isConfirmed))
        #expect(throws: InspectError.notFound(kind: "follow-up draw for inspection", key: String(closed.id))) {
            try fixture.service.auditFollowUp(id: closed.id)
        }
    }

    @Test("cancelling a scheduled follow-up publishes its seed too")
    func cancelReveals() throws {
        let fixture = try ServiceFixture()
        let closed = try Self.closeVisit(fixture, [("OVERDUE", nil)])
        let followUp = try #require(try fixture.service.followUp(of: closed.id, as: fixture.admin))
        _ = try fixture.service.cancelInspection(id: followUp.inspection, reason: "sáp nhập", by: fixture.admin)
        #expect(fixture.sink.events.suffix(2).map(\.kind) == [.followUpRevealed, .inspectionCancelled])
        #expect(try fixture.service.auditFollowUp(id: followUp.inspection).isConfirmed)
    }
}

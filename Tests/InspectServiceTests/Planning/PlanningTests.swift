import GRDB
import InspectCore
import InspectService
import InspectStore
import InspectTesting
import Testing

/// A service whose configuration has one planned and one surprise plan over a small district.
private struct PlanningFixture {
    let directory = TemporaryDirectory()
    let clock = TestClock(local: "2027-03-10 09:00")
    let sink = RecordingEventSink()
    let admin = Caller(user: "nga", role: .admin)
    let inspector = Caller(user: "tuan", role: .inspector)
    var service: InspectService

    static let planned = """
        [Plan]
        Kind=planned
        OfficeKinds=department
        OnCalendar=Mon *-*-1..7 08:00
        Window=2 working days
        """
    static let surprise = """
        [Plan]
        Kind=surprise
        OfficeKinds=commune
        Team=doan-1 doan-2
        Period=month
        Total=3
        MinPerOffice=1
        Horizon=quarter
        MaxPerOffice=1
        MinSpacing=5
        Window=4h
        """

    init(planned: String = Self.planned) throws {
        let database = try InspectDatabase.open(path: directory.file("inspectd.db"), mode: .readWrite)
        service = InspectService(
            database: database, policy: ServicePolicy(configuration: try Self.configuration(planned: planned)),
            sender: OutboxSender(database: database, sink: sink, claimant: "test:1", clock: clock.function),
            clock: clock.function)
        for (code, kind) in [("PNV", OfficeKind.department), ("PTP", .department)]
            + (1...4).map({ ("XA-0\($0)", OfficeKind.commune) })
        {
            _ = try service.addOffice(.init(code: code, name: code, kind: kind), by: admin)
        }
    }

    static func configuration(planned: String, main: String = "") throws -> InspectConfiguration {
        try InspectConfiguration(
            main: IniDocument(text: main, path: "inspectd.conf"), holidayFiles: [],
            planFiles: [
                try IniDocument(text: planned, path: "plans.d/monthly.conf"),
                try IniDocument(text: surprise, path: "plans.d/surprise.conf"),
            ])
    }

    mutating func reconfigure(planned: String = Self.planned, main: String = "") throws {
        service.policy = ServicePolicy(configuration: try Self.configuration(planned: planned, main: main))
    }

    /// The planned inspections scheduled or due in the next 90 days, by due instant and office.
    func plannedDue() throws -> [Inspection] {
        try service.upcoming(
            from: clock.now, to: clock.now.adding(seconds: 90 * 86400), reveal: false, as: admin
        ).filter { $0.kind == .planned }
            .sorted { ($0.dueAt!, $0.office) < ($1.dueAt!, $1.office) }
    }

    /// The rules the stored draw of `period` was held to.
    func drawnRules(_ period: String) throws -> SurpriseRules? {
        try service.database.read { db in
            try SurpriseDrawRecord.filter(SurpriseDrawRecord.Columns.period == period).fetchOne(db)
        }.map { try $0.decoded().inputs.rules }
    }

    func apply(seed: UInt64 = 7) throws -> SchedulingReport {
        var generator = SplitMix64(seed: seed)
        return try service.applyPlans(by: admin, using: &generator)
    }
}

@Suite("Plans on the schedule")
struct PlanningTests {
    @Test("planned inspections are put on the schedule once, per office and elapse, up to the horizon")
    func plannedIsIdempotent() throws {
        let fixture = try PlanningFixture()
        let first = try fixture.apply()
        // First Mondays from 2027-03-10 over 60 days: 5 April and 3 May, for two departments.
        #expect(first.scheduled == 4)
        #expect(try fixture.apply().scheduled == 0)
        let planned = try fixture.service.upcoming(
            from: fixture.clock.now, to: fixture.clock.now.adding(seconds: 90 * 86400), reveal: false,
            as: fixture.inspector)
        #expect(planned.map { LocalZone.vietnam.display($0.dueAt!) }.sorted().first == "2027-04-05 08:00")
        #expect(planned.allSatisfy { $0.kind == .planned && $0.status == .scheduled && $0.plan == "monthly" })
        // Two working days: closes at the end of Tuesday's afternoon session.
        #expect(planned.first.map { LocalZone.vietnam.display($0.windowEnd!) } == "2027-04-06 17:00")
        let scheduledEvents = fixture.sink.events.filter { $0.kind == .inspectionScheduled }
        #expect(scheduledEvents.count == 4)
    }

    @Test("after a plan changes, stale scheduled inspections are cancelled and the new ones added")
    func planChange() throws {
        var fixture = try PlanningFixture()
        _ = try fixture.apply()
        try fixture.reconfigure(planned: PlanningFixture.planned.replacingOccurrences(of: "08:00", with: "14:00"))
        let report = try fixture.apply()
        // 5 April moves from 08:00 to 14:00. Monday 3 May is the day off for Labour Day (1 May is a Saturday), so that
        // elapse moves to the next working session, Tuesday 07:30, whatever its hour: those two stay as they were.
        #expect(report.cancelled == 2)
        #expect(report.scheduled == 2)
        let due = try fixture.service.upcoming(
            from: fixture.clock.now, to: fixture.clock.now.adding(seconds: 90 * 86400), reveal: false,
            as: fixture.admin
        ).filter { $0.kind == .planned }.map { LocalZone.vietnam.display($0.dueAt!) }
        #expect(due == ["2027-04-05 14:00", "2027-04-05 14:00", "2027-05-04 07:30", "2027-05-04 07:30"])
    }

    @Test("an elapse moved past a holiday stays scheduled when plans are applied between the elapse and its due time")
    func holidayShiftedKept() throws {
        let fixture = try PlanningFixture()
        _ = try fixture.apply()
        // Monday 3 May 2027 08:00 is a day off: the visits moved to Tuesday 07:30. At noon on Monday the elapse lies
        // behind, the visits ahead.
        fixture.clock.set(try TimeParsing.instant("2027-05-03 12:00", in: .vietnam))
        let report = try fixture.apply()
        #expect(report.cancelled == 0)
        let due = try fixture.service.upcoming(
            from: fixture.clock.now, to: fixture.clock.now.adding(seconds: 60 * 86400), reveal: false,
            as: fixture.admin
        ).filter { $0.kind == .planned }.map { LocalZone.vietnam.display($0.dueAt!) }
        #expect(due == ["2027-05-04 07:30", "2027-05-04 07:30", "2027-06-07 08:00", "2027-06-07 08:00"])
        #expect(try fixture.apply() == SchedulingReport())
    }

    @Test("an occurrence an administrator cancelled stays cancelled, and the plans still apply")
    func cancelledPlannedStaysCancelled() throws {
        let fixture = try PlanningFixture()
        _ = try fixture.apply()
        let first = try #require(try fixture.plannedDue().first)
        _ = try fixture.service.cancelInspection(id: first.id, reason: "the office moves that week", by: fixture.admin)
        // Given a cancelled occurrence, when the plans are applied again (at start, on reload, every day),
        // then they apply and the occurrence does not come back.
        #expect(try fixture.apply() == SchedulingReport())
        let due = try fixture.plannedDue()
        #expect(due.count == 3)
        #expect(!due.contains { $0.office == first.office && $0.dueAt == first.dueAt })
    }

    @Test("an occurrence cancelled as stale comes back when its plan is edited back")
    func staleOccurrenceComesBack() throws {
        var fixture = try PlanningFixture()
        _ = try fixture.apply()
        let before = try fixture.plannedDue().map { "\($0.office) \(LocalZone.vietnam.display($0.dueAt!))" }
        try fixture.reconfigure(planned: PlanningFixture.planned.replacingOccurrences(of: "08:00", with: "14:00"))
        #expect(try fixture.apply().cancelled == 2)
        try fixture.reconfigure(planned: PlanningFixture.planned)
        let report = try fixture.apply()
        #expect(report.cancelled == 2)
        #expect(report.scheduled == 2)
        #expect(try fixture.plannedDue().map { "\($0.office) \(LocalZone.vietnam.display($0.dueAt!))" } == before)
        #expect(try fixture.apply() == SchedulingReport())
    }

    @Test("a cancelled surprise inspection leaves the plans applying and later periods drawn")
    func cancelledSurpriseKeepsDrawing() throws {
        let fixture = try PlanningFixture()
        _ = try fixture.apply()
        let surprise = try #require(
            try fixture.service.listInspections(.init(status: .scheduled), as: fixture.admin).first {
                $0.kind == .surprise
            })
        _ = try fixture.service.cancelInspection(id: surprise.id, reason: "team ill", by: fixture.admin)
        #expect(try fixture.apply() == SchedulingReport())
        fixture.clock.set(try TimeParsing.instant("2027-04-01 00:00", in: .vietnam))
        let report = try fixture.apply()
        #expect(report.drawn == ["surprise 2027-05"])
        #expect(report.failed.isEmpty)
    }

    @Test("a plan that cannot be worked out is reported, and the other plans still apply")
    func failingPlanIsolated() throws {
        var fixture = try PlanningFixture()
        try fixture.reconfigure(main: "[Hours one-stop]\nMorning=07:00-11:30\n")
        _ = try fixture.service.addOffice(
            .init(code: "PVP", name: "PVP", kind: .department, hoursProfile: "one-stop"), by: fixture.admin)
        // Given an office whose hours profile a reload took away, when the plans are applied,
        // then the planned plan that selects it says why and keeps its inspections, and the surprise plan is drawn.
        try fixture.reconfigure()
        let report = try fixture.apply()
        #expect(report.failed == ["monthly: no hours profile 'one-stop'"], "\(report.failed)")
        #expect(report.drawn == ["surprise 2027-03", "surprise 2027-04"])
    }

    @Test("the next planning instant follows the last application, so that it comes")
    func planningInstantComes() throws {
        let fixture = try PlanningFixture()
        let applied = fixture.clock.now
        _ = try fixture.apply()
        let armed = try #require(try fixture.service.agenda(plansAppliedAt: applied).nextPlanning)
        #expect(LocalZone.vietnam.display(armed) == "2027-03-11 00:00")
        fixture.clock.set(armed)
        var scheduler = SchedulerState()
        let actions = scheduler.wake(
            at: armed, monotonic: 0, agenda: try fixture.service.agenda(plansAppliedAt: applied))
        #expect(actions.contains(.applyPlans))
    }

    @Test("the agenda holds only what the scheduler acts on, and it acts exactly as on the whole schedule")
    func agendaIsTrimmed() throws {
        let fixture = try PlanningFixture()
        _ = try fixture.apply()
        let start = fixture.clock.now
        var generator = SplitMix64(seed: 20_261_125)
        var trimmedWakes = 0
        for _ in 0..<200 {
            // Somewhere in the next two months, at times on an inspection's instant or window end too.
            fixture.clock.set(start.adding(seconds: Int64(generator.next() % (60 * 86400))))
            // Some inspections whose instant came are marked due, as the daemon would, so both states are seen.
            if generator.next() % 2 == 0 {
                let came = try fixture.service.database.read { db in
                    try Int64.fetchOne(
                        db, sql: "SELECT id FROM inspection WHERE status = 'scheduled' AND due_at <= ? LIMIT 1",
                        arguments: [fixture.clock.now.seconds])
                }
                if let came { try fixture.service.markDue(id: came) }
            }
            let whole = try fixture.service.database.read { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT id, status, due_at, window_end FROM inspection WHERE status IN ('scheduled', 'due')"
                ).map {
                    Agenda.Item(id: $0["id"], status: $0["status"], dueAt: $0["due_at"], windowEnd: $0["window_end"])
                }
            }
            let instants = whole.flatMap { [$0.dueAt, $0.windowEnd].compactMap { $0 } }
            if generator.next() % 4 == 0, let instant = instants.randomElement(using: &generator) {
                fixture.clock.set(instant)
            }
            let trimmed = try fixture.service.agenda(plansAppliedAt: start)
            // Due ones, scheduled ones whose instant has come, and the earliest still to come.
            let now = fixture.clock.now
            let next = whole.compactMap { $0.status == .scheduled ? $0.dueAt : nil }.filter { $0 > now }.min()
            let kept = whole.filter { $0.status == .due || $0.dueAt.map { $0 <= now || $0 == next } == true }
            #expect(Set(trimmed.items.map(\.id)) == Set(kept.map(\.id)))
            if trimmed.items.count < whole.count { trimmedWakes += 1 }
            var onTrimmed = SchedulerState()
            var onWhole = SchedulerState()
            var full = trimmed
            full.items = whole
            #expect(
                onTrimmed.wake(at: fixture.clock.now, monotonic: 0, agenda: trimmed)
                    == onWhole.wake(at: fixture.clock.now, monotonic: 0, agenda: full),
                "at \(LocalZone.vietnam.display(fixture.clock.now))")
        }
        #expect(trimmedWakes > 20)
        #expect(
            try fixture.service.database.read {
                try Int.fetchOne($0, sql: "SELECT count(*) FROM inspection WHERE status = 'due'")
            } ?? 0 > 0)
    }

    @Test("surprise periods are drawn once, secret until due, never in the past, and audited after the period")
    func surpriseLifecycle() throws {
        let fixture = try PlanningFixture()
        let report = try fixture.apply()
        #expect(report.drawn == ["surprise 2027-03", "surprise 2027-04"])
        #expect(report.failed.isEmpty)
        #expect(try fixture.apply().drawn.isEmpty)

        let horizon = fixture.clock.now.adding(seconds: 90 * 86400)
        let hidden = try fixture.service.upcoming(
            from: fixture.clock.now, to: horizon, reveal: false, as: fixture.admin)
        #expect(hidden.allSatisfy { $0.kind != .surprise })
        let surprises = try fixture.service.upcoming(
            from: Instant(seconds: 0), to: horizon, reveal: true, as: fixture.admin
        ).filter { $0.kind == .surprise }
        #expect(surprises.count == 6)
        #expect(surprises.allSatisfy { $0.dueAt! >= fixture.clock.now })
        #expect(
            throws: InspectError.permissionDenied(
                "only members of inspectd-admin may see surprise inspections before they are due")
        ) {
            try fixture.service.upcoming(from: fixture.clock.now, to: horizon, reveal: true, as: fixture.inspector)
        }
        #expect(try fixture.service.listInspections(as: fixture.inspector).allSatisfy { $0.kind != .surprise })
        // The journal learns the commitment, never an office or a time.
        let committed = fixture.sink.events.filter { $0.kind == .surpriseCommitted }
        #expect(committed.count == 2)
        #expect(committed.allSatisfy { $0.fields["OFFICE"] == nil && $0.fields["COMMITMENT"]?.count == 64 })

        #expect(
            throws: InspectError.conflict(
                "period 2027-03 of plan surprise ends 2027-04-01 00:00; its seed stays secret until then")
        ) { try fixture.service.auditDraws(period: "2027-03") }
        fixture.clock.set(try TimeParsing.instant("2027-04-01 00:00", in: .vietnam))
        var reveal = SchedulingReport()
        try fixture.service.revealEndedDraws(into: &reveal)
        #expect(reveal.revealed == ["surprise 2027-03"])
        let audits = try fixture.service.auditDraws(period: "2027-03")
        #expect(audits.count == 1)
        #expect(audits.first?.isConfirmed == true, "\(audits.first?.problems ?? [])")
        #expect(audits.first?.inspections == 3)
        #expect(fixture.sink.events.last { $0.kind == .surpriseRevealed }?.fields["SEED"] == audits.first?.seed)
    }

    @Test("a period drawn after it began owes its share of the total, and its horizon no minimum")
    func lateDraw() throws {
        // Given a daemon started on the last Saturday of March: Monday to Wednesday are left, 3 of 23 working days
        let fixture = try PlanningFixture()
        fixture.clock.set(try TimeParsing.instant("2027-03-27 10:00", in: .vietnam))
        // When the plans are applied, then March gets 1 of its 3 inspections, April all 3 and its quarter's minimum
        #expect(try fixture.apply().drawn == ["surprise 2027-03", "surprise 2027-04"])
        #expect(try fixture.drawnRules("2027-03").map { [$0.total, $0.minPerOffice] } == [1, 0])
        #expect(try fixture.drawnRules("2027-04").map { [$0.total, $0.minPerOffice] } == [3, 1])
        // And when the daemon was down over the turn of May, May is drawn late and June owes no minimum: the plan
        // was not there for all of the quarter
        fixture.clock.set(try TimeParsing.instant("2027-05-05 10:00", in: .vietnam))
        #expect(try fixture.apply().drawn == ["surprise 2027-05", "surprise 2027-06"])
        #expect(try fixture.drawnRules("2027-05")?.minPerOffice == 0)
        #expect(try fixture.drawnRules("2027-06").map { [$0.total, $0.minPerOffice] } == [3, 0])
        fixture.clock.set(try TimeParsing.instant("2027-04-01 00:00", in: .vietnam))
        var report = SchedulingReport()
        try fixture.service.revealEndedDraws(into: &report)
        let audit = try fixture.service.auditDraws(period: "2027-03")
        #expect(audit.first?.isConfirmed == true, "\(audit.first?.problems ?? [])")
        #expect(audit.first?.inspections == 1)
    }

    @Test("an audit refutes a draw whose inspections or inputs were changed afterwards")
    func auditRefutesTampering() throws {
        let fixture = try PlanningFixture()
        _ = try fixture.apply()
        fixture.clock.set(try TimeParsing.instant("2027-04-02 00:00", in: .vietnam))
        try fixture.service.database.write { db in
            try db.execute(
                sql: """
                    UPDATE inspection SET due_at = due_at + 3600
                    WHERE id = (SELECT min(id) FROM inspection WHERE kind = 'surprise')
                    """)
        }
        let moved = try fixture.service.auditDraws(period: "2027-03", plan: "surprise")
        #expect(moved.first?.isConfirmed == false)
        #expect(moved.first?.problems.contains { $0.contains("is not a draft") } == true)
        try fixture.service.database.write { db in
            try db.execute(sql: "UPDATE surprise_draw SET inputs = replace(inputs, '\"total\":3', '\"total\":2')")
        }
        let edited = try fixture.service.auditDraws(period: "2027-03", plan: "surprise")
        #expect(
            edited.first?.problems.contains { $0.contains("commitment") } == true, "\(edited.first?.problems ?? [])")
    }
}

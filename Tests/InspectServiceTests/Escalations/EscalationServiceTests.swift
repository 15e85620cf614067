import GRDB
import InspectCore
import InspectService
import InspectStore
import InspectTesting
import Testing

/// Escalations raised with the findings that trigger them: stored, journaled, acknowledged, never doubled.
@Suite("Escalations")
struct EscalationServiceTests {
    static let rules = """
        [Rule late-reminder]
        Violations=LATE
        Count=3
        Window=30 days
        Level=reminder

        [Rule late-referral]
        Violations=LATE
        Count=5
        Window=90 days
        Level=referral

        [Rule office-badge]
        Violations=BADGE
        Subject=office
        Count=3
        Window=10 working days
        Level=correction
        """

    static func fixture() throws -> ServiceFixture {
        let fixture = try ServiceFixture(configuration: ServiceFixture.configuration(escalation: rules))
        _ = try fixture.seed()
        _ = try fixture.service.cancelInspection(id: 1, reason: "seeded", by: fixture.admin)
        return fixture
    }

    @Test("the third LATE within 30 days raises a reminder in the finding's transaction, journaled as a warning")
    func raisesWithTheFinding() throws {
        let fixture = try Self.fixture()
        try fixture.visit(at: "2027-03-02 08:00", [("LATE", "CL-1")])
        try fixture.visit(at: "2027-03-10 08:00", [("LATE", "CL-1")])
        #expect(try fixture.count("escalation") == 0)
        fixture.at("2027-03-31 08:00")
        let inspection = try fixture.service.openInspection(office: "UBND-NHANLY", by: fixture.inspector).id
        let view = try fixture.service.logFinding(
            .init(inspection: inspection, violation: "LATE", staff: "CL-1", arrived: TimeOfDay(hour: 7, minute: 55)),
            by: fixture.inspector)

        let raised = try #require(view.escalations?.first)
        #expect(view.escalations?.count == 1)
        #expect(raised.rule == "late-reminder")
        #expect(raised.level == .reminder)
        #expect(raised.subject == .staff("CL-1"))
        #expect(raised.findings == [1, 2, 3])
        #expect(raised.trigger == view.finding.id)
        #expect(raised.firstDay == CivilDate(iso: "2027-03-02"))
        #expect(raised.lastDay == CivilDate(iso: "2027-03-31"))
        #expect(raised.office == "UBND-NHANLY")
        #expect(raised.raisedBy == "tuan")
        #expect(raised.isOpen)
        // One transaction: the violation and the escalation share their outbox timestamp and follow each other.
        let rows = try fixture.service.database.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, created_at FROM outbox ORDER BY id DESC LIMIT 2").reversed()
        }
        #expect(rows.map { $0["kind"] as String } == ["violation-recorded", "escalation-raised"])
        #expect(Set(rows.map { $0["created_at"] as Int64 }).count == 1)
        let event = try #require(fixture.sink.events.last)
        #expect(event.kind == .escalationRaised)
        #expect(event.priority == .warning)
        // Every event also carries the ledger's head for the journal to witness.
        #expect(event.fields["LEDGER_SEQ"] != nil && event.fields["LEDGER_MAC"]?.count == 64)
        #expect(
            event.fields.filter { !$0.key.hasPrefix("LEDGER_") } == [
                "ESCALATION": String(raised.id), "RULE": "late-reminder", "LEVEL": "reminder", "SUBJECT": "CL-1",
                "SUBJECT_KIND": "staff", "STAFF": "CL-1", "OFFICE": "UBND-NHANLY", "COUNT": "3", "THRESHOLD": "3",
                "WINDOW": "30 days", "WINDOW_START": "2027-03-02", "WINDOW_END": "2027-03-31",
                "FINDING": String(view.finding.id), "USER": "tuan",
                "RECORD": try fixture.service.database.recordIdentity(),
            ])
        #expect(event.message.contains("Reminder (nhắc nhở) for staff CL-1: 3 findings of LATE within 30 days"))
    }

    @Test("the fifth LATE within 90 days raises a referral, journaled as an error")
    func referral() throws {
        let fixture = try Self.fixture()
        for day in ["02", "04", "08", "10", "12"] { try fixture.visit(at: "2027-03-\(day) 08:00", [("LATE", "CL-1")]) }
        let escalations = try fixture.service.listEscalations()
        #expect(escalations.map(\.rule) == ["late-referral", "late-reminder"])
        #expect(escalations.first?.count == 5)
        let referral = try #require(
            fixture.sink.events.last { $0.kind == .escalationRaised && $0.fields["LEVEL"] == "referral" })
        #expect(referral.priority == .error)
    }

    @Test("retries and re-evaluations raise nothing twice")
    func idempotent() throws {
        let fixture = try Self.fixture()
        for day in ["02", "03", "04"] { try fixture.visit(at: "2027-03-\(day) 08:00", [("LATE", "CL-1")]) }
        #expect(try fixture.count("escalation") == 1)
        // A full re-evaluation, twice: everything is counted already.
        #expect(try fixture.service.evaluateEscalations(by: fixture.admin).isEmpty)
        #expect(
            try fixture.service.evaluateEscalations(
                since: fixture.clock.now.adding(seconds: -86400 * 30), by: fixture.admin
            ).isEmpty)
        // The inspector retries a command that did succeed: a fourth finding, alone in its count.
        try fixture.visit(at: "2027-03-05 08:00", [("LATE", "CL-1")])
        #expect(try fixture.count("escalation") == 1)
        #expect(try fixture.count("escalation_finding") == 3)
        #expect(throws: InspectError.permissionDenied("only members of inspectd-admin may evaluate escalations")) {
            try fixture.service.evaluateEscalations(by: fixture.inspector)
        }
    }

    @Test("a crash between the finding and its escalation leaves neither; the retry writes both, once")
    func atomic() throws {
        let fixture = try Self.fixture()
        for day in ["02", "03"] { try fixture.visit(at: "2027-03-\(day) 08:00", [("LATE", "CL-1")]) }
        fixture.at("2027-03-04 08:00")
        let inspection = try fixture.service.openInspection(office: "UBND-NHANLY", by: fixture.inspector).id
        let before = (try fixture.count("finding"), try fixture.count("outbox"), try fixture.count("finding_lineage"))
        let head = try fixture.service.database.readTransaction { try FindingLedger.head($0) }
        // Given a database whose escalation insert fails, as if the process died after writing the finding
        try fixture.service.database.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER crash BEFORE INSERT ON escalation
                    BEGIN SELECT RAISE(ABORT, 'simulated crash after the finding'); END
                    """)
        }
        let request = FindingLogRequest(
            inspection: inspection, violation: "LATE", staff: "CL-1", arrived: TimeOfDay(hour: 7, minute: 50))
        // When the third LATE is logged
        #expect(throws: InspectError.conflict("simulated crash after the finding")) {
            try fixture.service.logFinding(request, by: fixture.inspector)
        }
        // Then nothing of it was written: no finding, no lineage, no event, no escalation, the chain as it was
        #expect(try fixture.count("finding") == before.0)
        #expect(try fixture.count("outbox") == before.1)
        #expect(try fixture.count("finding_lineage") == before.2)
        #expect(try fixture.count("escalation") == 0)
        #expect(try fixture.service.database.readTransaction { try FindingLedger.head($0) } == head)
        // And once the database works again, the retry writes the finding and its escalation, exactly once
        try fixture.service.database.write { try $0.execute(sql: "DROP TRIGGER crash") }
        let view = try fixture.service.logFinding(request, by: fixture.inspector)
        #expect(view.escalations?.map(\.findings) == [[1, 2, 3]])
        #expect(try fixture.service.evaluateEscalations(by: fixture.admin).isEmpty)
        #expect(try fixture.count("escalation") == 1)
        #expect(try fixture.service.verify(for: fixture.admin).chainBreak == nil)
    }

    @Test("the database refuses a finding counted twice by one rule for one subject, and deleting an escalation")
    func databaseGuards() throws {
        let fixture = try Self.fixture()
        for day in ["02", "03", "04"] { try fixture.visit(at: "2027-03-\(day) 08:00", [("LATE", "CL-1")]) }
        // A second window of the same rule, starting at the second finding: its count meets its threshold, and the
        // findings it counts were counted already.
        #expect(
            throws: InspectError.conflict(
                "UNIQUE constraint failed: escalation_finding.rule, escalation_finding.subject_kind, "
                    + "escalation_finding.subject, escalation_finding.finding_id")
        ) {
            try fixture.service.database.writeTransaction { db in
                let draft = EscalationDraft(
                    rule: "late-reminder", level: .reminder, subject: .staff("CL-1"), threshold: 2, window: .days(30),
                    firstDay: CivilDate(iso: "2027-03-03")!, lastDay: CivilDate(iso: "2027-03-04")!,
                    findings: [2, 3], trigger: 3)
                _ = try EscalationLedger.insert(db, draft, at: fixture.clock.now, by: "test")
            }
        }
        #expect(throws: InspectError.conflict("escalations are kept: acknowledge instead")) {
            try fixture.service.database.write { try $0.execute(sql: "DELETE FROM escalation") }
        }
        #expect(try fixture.count("escalation") == 1)
    }

    @Test("a retracted finding does not count, and an escalation it helped raise stays, noting the retraction")
    func retraction() throws {
        let fixture = try Self.fixture()
        let first = try fixture.visit(at: "2027-03-02 08:00", [("LATE", "CL-1")])
        let second = try fixture.visit(at: "2027-03-03 08:00", [("LATE", "CL-1")])
        _ = try fixture.service.retractFinding(id: second[0], reason: "đi công tác", by: fixture.admin)
        try fixture.visit(at: "2027-03-04 08:00", [("LATE", "CL-1")])
        #expect(try fixture.count("escalation") == 0, "two LATEs stand, not three")
        try fixture.visit(at: "2027-03-05 08:00", [("LATE", "CL-1")])
        let escalation = try #require(try fixture.service.listEscalations().first)
        #expect(escalation.findings.contains(first[0]))
        #expect(!escalation.findings.contains(second[0]))
        fixture.clock.advance(seconds: 3600)
        _ = try fixture.service.retractFinding(id: first[0], reason: "nhầm người", by: fixture.admin)
        let after = try #require(try fixture.service.listEscalations().first)
        #expect(after.id == escalation.id)
        #expect(after.retracted == [first[0]])
        #expect(after.count == 3)
    }

    @Test("an amendment counts as amended: a BADGE amended to LATE raises; the escalation notes later amendments")
    func amendment() throws {
        let fixture = try Self.fixture()
        try fixture.visit(at: "2027-03-02 08:00", [("LATE", "CL-1")])
        try fixture.visit(at: "2027-03-03 08:00", [("LATE", "CL-1")])
        let badge = try fixture.visit(at: "2027-03-04 08:00", [("BADGE", "CL-1")])
        #expect(try fixture.count("escalation", where: "rule LIKE 'late%'") == 0)
        fixture.clock.advance(seconds: 600)
        let amended = try fixture.service.amendFinding(
            .init(
                finding: badge[0], reason: "thực ra đi muộn", violation: "LATE", arrived: TimeOfDay(hour: 7, minute: 58)
            ),
            by: fixture.admin)
        let raised = try #require(amended.escalations?.first)
        // The amended finding keeps the identity of the row that first recorded it.
        #expect(raised.findings == [1, 2, badge[0]])
        #expect(raised.trigger == badge[0])
        #expect(raised.amended.isEmpty)
        fixture.clock.advance(seconds: 600)
        _ = try fixture.service.amendFinding(.init(finding: 1, reason: "ghi chú", note: "xin lỗi"), by: fixture.admin)
        #expect(try fixture.service.showEscalation(id: raised.id).amended == [1])
        #expect(try fixture.count("escalation") == 1)
    }

    @Test("a person who moved keeps their record; an office counts the findings made there")
    func movedStaff() throws {
        let fixture = try Self.fixture()
        _ = try fixture.service.addOffice(
            .init(code: "UBND-BANGHUU", name: "UBND xã Bằng Hữu", kind: .commune), by: fixture.admin)
        try fixture.addColleagues(5, to: "UBND-BANGHUU")
        try fixture.visit(at: "2027-03-02 08:00", [("LATE", "CL-1"), ("BADGE", "CL-1")])
        try fixture.visit(at: "2027-03-03 08:00", [("LATE", "CL-1"), ("BADGE", "CL-2")])
        fixture.at("2027-03-03 12:00")
        _ = try fixture.service.moveStaff(badge: "CL-1", to: "UBND-BANGHUU", by: fixture.admin)
        try fixture.visit("UBND-BANGHUU", at: "2027-03-04 08:00", [("LATE", "CL-1"), ("BADGE", "CL-1")])
        let escalations = try fixture.service.listEscalations()
        #expect(escalations.map(\.subject) == [.staff("CL-1")], "the office badge rule has 2 in each office")
        #expect(escalations.first?.office == "UBND-BANGHUU")
        // A third BADGE in Nhân Lý, about a colleague, completes its count: the findings made there.
        try fixture.visit(at: "2027-03-05 08:00", [("BADGE", "CL-2")])
        let office = try #require(try fixture.service.listEscalations().first)
        #expect(office.subject == .office("UBND-NHANLY"))
        #expect(office.findings.count == 3)
        // Listing by office: the office's own, and the person's raised by a finding made there (none for Nhân Lý).
        #expect(try fixture.service.listEscalations(.init(office: "UBND-NHANLY")).map(\.id) == [office.id])
        #expect(try fixture.service.listEscalations(.init(office: "UBND-BANGHUU")).map(\.subject) == [.staff("CL-1")])
        #expect(try fixture.service.listEscalations(.init(staff: "CL-1")).count == 1)
    }

    @Test("imported findings raise their escalations in the import's transaction")
    func importRaises() throws {
        let fixture = try Self.fixture()
        fixture.at("2027-03-12 16:00")
        let inspection = try fixture.service.openInspection(
            office: "UBND-NHANLY", at: try TimeParsing.instant("2027-03-01 07:30", in: .vietnam), by: fixture.inspector
        ).id
        let csv = """
            inspection,type,staff,observed_at,arrived
            \(inspection),LATE,CL-2,2027-03-02 07:50,07:50
            \(inspection),LATE,CL-2,2027-03-05 07:50,07:50
            \(inspection),LATE,CL-2,2027-03-09 07:50,07:50

            """
        let summary = try fixture.service.importFindings(csv: csv, path: "paper.csv", by: fixture.inspector)
        #expect(summary.escalations == 1)
        #expect(try fixture.service.listEscalations(.init(staff: "CL-2")).first?.findings == [1, 2, 3])
    }

    @Test("only an admin acknowledges, once; who, when and the note are kept and journaled")
    func acknowledge() throws {
        let fixture = try Self.fixture()
        for day in ["02", "03", "04"] { try fixture.visit(at: "2027-03-\(day) 08:00", [("LATE", "CL-1")]) }
        let id = try #require(try fixture.service.listEscalations(.init(openOnly: true)).first?.id)
        #expect(throws: InspectError.permissionDenied("only members of inspectd-admin may acknowledge escalations")) {
            try fixture.service.acknowledgeEscalation(id: id, by: fixture.inspector)
        }
        fixture.at("2027-03-05 09:00")
        let acknowledged = try fixture.service.acknowledgeEscalation(id: id, note: "Đã nhắc nhở", by: fixture.admin)
        #expect(acknowledged.acknowledgedBy == "nga")
        #expect(acknowledged.acknowledgedAt == fixture.clock.now)
        #expect(acknowledged.note == "Đã nhắc nhở")
        #expect(fixture.sink.events.last?.kind == .escalationAcknowledged)
        #expect(fixture.sink.events.last?.fields["NOTE"] == "Đã nhắc nhở")
        #expect(try fixture.service.listEscalations(.init(openOnly: true)).isEmpty)
        #expect(try fixture.service.listEscalations().count == 1)
        #expect(throws: InspectError.conflict("escalation \(id) was already acknowledged by nga at 2027-03-05 09:00")) {
            try fixture.service.acknowledgeEscalation(id: id, by: fixture.admin)
        }
        #expect(throws: InspectError.notFound(kind: "escalation", key: "99")) {
            try fixture.service.acknowledgeEscalation(id: 99, by: fixture.admin)
        }
    }

    @Test("without escalation.conf nothing is raised")
    func noRules() throws {
        let fixture = try ServiceFixture()
        _ = try fixture.seed()
        _ = try fixture.service.cancelInspection(id: 1, reason: "seeded", by: fixture.admin)
        for day in ["02", "03", "04", "05", "08"] { try fixture.visit(at: "2027-03-\(day) 08:00", [("LATE", "CL-1")]) }
        #expect(try fixture.count("escalation") == 0)
    }
}

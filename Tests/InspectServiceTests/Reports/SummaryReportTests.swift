import InspectCore
import InspectService
import InspectStore
import Testing

@Suite("Summary report use case")
struct SummaryReportTests {
    let zone = LocalZone.vietnam

    func at(_ text: String) -> Instant { try! TimeParsing.instant(text, in: zone) }

    func february() throws -> ReportPeriod { try ReportPeriod(from: at("2027-02-01"), to: at("2027-03-01")) }

    /// Nhân Lý (two staff) and Bằng Hữu; inspection 1 at Nhân Lý opened on 2027-02-10 with a late arrival amended,
    /// a badge finding retracted and a finding about the office, closed with 2 checked; inspection 2 at Bằng Hữu
    /// closed with nobody checked.
    func seeded() throws -> ServiceFixture {
        let fixture = try ServiceFixture()
        let service = fixture.service
        _ = try service.addOffice(
            .init(code: "UBND-NHANLY", name: "UBND xã Nhân Lý", kind: .commune), by: fixture.admin)
        _ = try service.addOffice(
            .init(code: "UBND-BANGHUU", name: "UBND xã Bằng Hữu", kind: .commune), by: fixture.admin)
        _ = try service.addStaff(
            .init(badge: "CL-1", name: "Nông Thị Hoa", office: "UBND-NHANLY", category: .cadre), by: fixture.admin)
        _ = try service.addStaff(
            .init(badge: "CL-2", name: "Vi Văn Lâm", office: "UBND-NHANLY", category: .civilServant), by: fixture.admin)
        let first = try service.openInspection(office: "UBND-NHANLY", at: at("2027-02-10 07:40"), by: fixture.inspector)
        _ = try service.logFinding(
            .init(
                inspection: first.id, violation: "LATE", staff: "CL-1", arrived: TimeOfDay(hour: 7, minute: 55),
                observedAt: at("2027-02-10 07:55")), by: fixture.inspector)
        _ = try service.logFinding(
            .init(inspection: first.id, violation: "BADGE", staff: "CL-2", observedAt: at("2027-02-10 08:00")),
            by: fixture.inspector)
        _ = try service.logFinding(
            .init(inspection: first.id, violation: "SMOKE", observedAt: at("2027-02-10 08:10")), by: fixture.inspector)
        _ = try service.amendFinding(
            .init(finding: 1, reason: "đồng hồ nhanh", arrived: TimeOfDay(hour: 7, minute: 50)), by: fixture.admin)
        _ = try service.retractFinding(id: 2, reason: "có thẻ trong túi", by: fixture.admin)
        _ = try service.closeInspection(id: first.id, checked: 2, at: at("2027-02-10 09:00"), by: fixture.inspector)
        let second = try service.openInspection(
            office: "UBND-BANGHUU", at: at("2027-02-20 14:00"), by: fixture.inspector)
        _ = try service.closeInspection(id: second.id, checked: 0, at: at("2027-02-20 15:00"), by: fixture.inspector)
        return fixture
    }

    @Test("findings count as they stand: an amendment once, a retraction not at all")
    func findingsAsTheyStand() throws {
        let fixture = try seeded()
        let report = try fixture.service.summaryReport(SummaryRequest(period: try february(), breakdowns: [.category]))
        #expect(report.violations.total == 2)
        #expect(report.violations.byType.map(\.code) == ["LATE", "SMOKE"])
        #expect(report.checks.staffChecked == 2)
        #expect(report.checks.staffWithViolations == 1)
        #expect(report.checks.violationsPer100Checked == Tenths(tenths: 1000))
        #expect(report.checks.compliantShare == Tenths(tenths: 500))
        let categories = try #require(report.breakdown(.category))
        #expect(categories.rows.map(\.key) == ["cadre", "civil-servant", "public-employee", "office"])
        #expect(categories.rows.map(\.violations) == [1, 0, 0, 1])
        #expect(categories.rows.compactMap(\.share).map(\.tenths) == [500, 0, 0, 500])
    }

    @Test("an office where nobody was checked has no rate, and still counts as inspected")
    func zeroStaffChecked() throws {
        let fixture = try seeded()
        let report = try fixture.service.summaryReport(SummaryRequest(period: try february(), breakdowns: [.office]))
        let offices = try #require(report.breakdown(.office))
        let banghuu = try #require(offices.rows.first { $0.key == "UBND-BANGHUU" })
        #expect(banghuu.inspections == 1)
        #expect(banghuu.staffChecked == 0)
        #expect(banghuu.violationsPer100Checked == nil)
        #expect(report.offices.covered == 2)
        #expect(report.checks.inspectionsWithoutViolations == 1)
    }

    @Test("surprise inspections not yet due are never counted; due ones are pending")
    func secretSurprises() throws {
        let fixture = try seeded()
        try fixture.service.database.write { db in
            let office = try OfficeRecord.require(StoreTransaction(db), code: "UBND-NHANLY")
            for (kind, status) in [
                (InspectionKind.surprise, InspectionStatus.scheduled), (.followUp, .scheduled), (.surprise, .due),
            ] {
                var record = InspectionRecord(
                    officeId: office.id!, kind: kind, status: status, dueAt: at("2027-02-25 08:00"),
                    createdAt: at("2027-02-01 00:00"), createdBy: "inspectd")
                try record.insert(db)
            }
        }
        let report = try fixture.service.summaryReport(SummaryRequest(period: try february()))
        #expect(report.inspections.of(.surprise).pending == 1)
        #expect(report.inspections.of(.followUp).pending == 0)
        #expect(report.inspections.total.total == 3)
    }

    @Test("the period includes its start and excludes its end; the previous period feeds the trend")
    func boundaries() throws {
        let fixture = try seeded()
        let early = try ReportPeriod(from: at("2027-02-10 07:40"), to: at("2027-02-20 14:00"))
        let report = try fixture.service.summaryReport(SummaryRequest(period: early, breakdowns: [.month, .kind]))
        #expect(report.inspections.total.performed == 1)
        #expect(report.breakdown(.month)?.rows.map(\.key) == ["2027-02"])
        #expect(report.breakdown(.kind)?.rows.map(\.inspections) == [0, 0, 0, 1])
        let march = try fixture.service.summaryReport(
            SummaryRequest(period: try ReportPeriod(from: at("2027-03-01"), to: at("2027-04-01"))))
        #expect(march.inspections.total.performed == 0)
        #expect(march.trend.previous.performed == 2)
        #expect(march.trend.change.violations == -2)
        #expect(march.trend.change.violationsPer100Checked == nil)
    }
}

@Suite("The summary report counts escalations and corrective actions")
struct SummaryDisciplineTests {
    @Test("escalations raised in the period by level, and actions required, still open and overdue at its end")
    func counts() throws {
        let rules = """
            [Rule badge]
            Violations=BADGE
            Subject=staff
            Count=2
            Window=30 days
            Level=reminder
            """
        let fixture = try ServiceFixture(configuration: try ServiceFixture.configuration(escalation: rules))
        let opened = try fixture.seed()
        _ = try fixture.service.cancelInspection(id: opened, reason: "not needed here", by: fixture.admin)
        let first = try fixture.visit(at: "2027-03-02 08:00", [("BADGE", "CL-1"), ("BADGE", "CL-1")])
        fixture.at("2027-03-03 09:00")
        _ = try fixture.service.requireAction(
            finding: first[0], requirement: "Đeo thẻ", due: CivilDate(iso: "2027-03-10")!, by: fixture.inspector)
        _ = try fixture.service.requireAction(
            finding: first[1], requirement: "Đeo thẻ", due: CivilDate(iso: "2027-03-20")!, by: fixture.inspector)
        _ = try fixture.service.completeAction(finding: first[1], by: fixture.inspector)
        fixture.at("2027-04-02 09:00")
        let period = try ReportPeriod(
            from: try TimeParsing.instant("2027-03-01", in: .vietnam),
            to: try TimeParsing.instant("2027-04-01", in: .vietnam))
        let report = try fixture.service.summaryReport(SummaryRequest(period: period))
        #expect(report.escalations == EscalationCounts(reminder: 1, correction: 0, referral: 0, acknowledged: 0))
        // One done, one still open on 1 April and past its 10 March due date.
        #expect(report.correctiveActions == ActionCounts(required: 2, open: 1, overdue: 1))
        let before = try ReportPeriod(
            from: try TimeParsing.instant("2027-02-01", in: .vietnam),
            to: try TimeParsing.instant("2027-03-01", in: .vietnam))
        let empty = try fixture.service.summaryReport(SummaryRequest(period: before))
        #expect(empty.escalations.total == 0)
        #expect(empty.correctiveActions == ActionCounts(required: 0, open: 0, overdue: 0))
    }
}

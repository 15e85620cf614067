import Foundation
import InspectCore
import Testing

@Suite("Report document: narrative, tables and file formats")
struct ReportDocumentTests {
    static let zone = LocalZone.vietnam

    /// 35 visits (12 surprise, 23 planned) in the first quarter of 2027, as in the example.
    static func quarter() throws -> SummaryReport {
        let period = try ReportPeriod(
            from: zone.startOfDay(CivilDate(year: 2027, month: 1, day: 1)),
            to: zone.startOfDay(CivilDate(year: 2027, month: 4, day: 1)))
        var performed: [PerformedInspection] = []
        for index in 0..<35 {
            performed.append(
                PerformedInspection(
                    office: "O\(index % 20)", kind: index < 12 ? .surprise : .planned,
                    month: ReportMonth(year: 2027, month: 1 + index % 3), closed: true, checked: 12,
                    violations: index % 3, staffWithViolations: index % 3))
        }
        let inspections = InspectionCounts(byKind: [
            StatusCounts(kind: .planned, planned: 25, performed: 23, missed: 2, cancelled: 0, pending: 0),
            StatusCounts(kind: .surprise, planned: 12, performed: 12, missed: 0, cancelled: 0, pending: 0),
            StatusCounts(kind: .followUp, planned: 0, performed: 0, missed: 0, cancelled: 0, pending: 0),
            StatusCounts(kind: .adHoc, planned: 0, performed: 0, missed: 0, cancelled: 0, pending: 0),
        ])
        let types = ViolationType.defaults
        let violations = ViolationCounts(counts: [(types[0], 15), (types[1], 10), (types[9], 9)])
        let checks = CheckCounts(performed)
        return SummaryReport(
            period: period, previousPeriod: period.previous(in: zone), zone: zone.identifier,
            inspections: inspections,
            offices: OfficeCoverage(
                offices: 41, covered: 20, notInspected: [OfficeName(code: "PYT", name: "Phòng Y tế")]),
            checks: checks, violations: violations,
            trend: ReportTrend(
                current: PeriodFigures(inspections: inspections, checks: checks, violations: violations.total),
                previous: PeriodFigures(
                    inspections: InspectionCounts(byKind: []),
                    checks: CheckCounts(
                        closedInspections: 30, inspectionsWithoutViolations: 10, staffChecked: 400, violations: 37,
                        staffWithViolations: 30),
                    violations: 37)),
            breakdowns: [
                ReportBreakdown(
                    by: .type, rows: violations.byType.map { BreakdownRow(key: $0.code, violations: $0.count) })
            ],
            escalations: EscalationCounts(reminder: 3, correction: 1, referral: 1, acknowledged: 2),
            correctiveActions: ActionCounts(required: 4, open: 2, overdue: 1))
    }

    @Test("the Vietnamese narrative reads like the district's own reporting")
    func vietnamese() throws {
        let text = ReportNarrative.paragraph(try Self.quarter(), zone: Self.zone, language: .vi)
        #expect(
            text
                == "Từ 01/01/2027 đến 31/03/2027, các đoàn kiểm tra đã kiểm tra 35 lượt cơ quan, đơn vị (12 đột xuất, "
                + "23 theo kế hoạch) tại 20/41 cơ quan, đơn vị; kiểm tra 420 lượt cán bộ, công chức, viên chức, "
                + "phát hiện 34 trường hợp vi phạm (8,1 trường hợp/100 lượt kiểm tra), nhiều nhất là không đeo thẻ "
                + "công chức, viên chức (15 trường hợp, 44,1%) và đi muộn (10 trường hợp, 29,4%); 91,9% lượt cán bộ, "
                + "công chức, viên chức được kiểm tra không vi phạm. 2 lượt kiểm tra theo lịch không được thực hiện "
                + "đúng hạn. So với kỳ trước (01/10/2026 – 31/12/2026), số lượt kiểm tra tăng 35, số trường hợp vi "
                + "phạm giảm 3, số vi phạm/100 lượt kiểm tra giảm 1,2. Đối với vi phạm lặp lại, đã nhắc nhở 3 trường "
                + "hợp, chấn chỉnh 1 trường hợp, đề nghị xem xét kỷ luật 1 trường hợp; 2 biện pháp khắc phục chưa hoàn "
                + "thành (1 quá hạn).")
    }

    @Test("the English narrative says the same")
    func english() throws {
        let text = ReportNarrative.paragraph(try Self.quarter(), zone: Self.zone, language: .en)
        #expect(text.hasPrefix("From 1 January 2027 to 31 March 2027, the inspection teams made 35 visits"))
        #expect(text.contains("(12 surprise, 23 planned), reaching 20 of 41 offices; they checked 420 staff"))
        #expect(text.contains("found 34 violations (8.1 per 100 staff checked), most often not wearing the ID badge"))
        #expect(text.contains("2 scheduled inspections were missed."))
        #expect(text.contains("violations down 3, violations per 100 checked down 1.2."))
        #expect(
            text.hasSuffix(
                "Repeat offences led to 3 reminders, 1 correction, 1 referral for discipline; 2 corrective actions "
                    + "were not done by the period's end (1 overdue)."))
    }

    @Test("the document's tables come in order, with shares that add to 100%")
    func tables() throws {
        let document = ReportDocument(try Self.quarter(), zone: Self.zone, language: .vi)
        #expect(
            document.tables.map(\.id)
                == [
                    "inspections", "offices", "notInspected", "checks", "violationsByType", "violationsBySeverity",
                    "escalations", "escalations-acknowledged", "correctiveActions", "trend", "by-type",
                ])
        let byType = try #require(document.tables.first { $0.id == "violationsByType" })
        #expect(byType.rows.map { $0.cells[2].text(ReportNumbers(.vi)) } == ["44,1%", "29,4%", "26,5%"])
        #expect(byType.total?.cells[2].text(ReportNumbers(.vi)) == "100,0%")
        let escalations = try #require(document.tables.first { $0.id == "escalations" })
        #expect(escalations.rows.map { $0.cells[0].text(ReportNumbers(.vi)) } == ["3", "1", "1"])
        #expect(escalations.total?.cells[0].text(ReportNumbers(.vi)) == "5")
    }

    @Test("JSON carries escalations and corrective actions, writes tenths as numbers, and reads back")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(try Self.quarter()), as: UTF8.self)
        #expect(text.contains("\"escalations\":{\"acknowledged\":2,\"correction\":1,\"referral\":1,\"reminder\":3}"))
        #expect(text.contains("\"correctiveActions\":{\"open\":2,\"overdue\":1,\"required\":4}"))
        #expect(text.contains("\"violationsPer100Checked\":8.1"))
        let decoded = try JSONDecoder().decode(SummaryReport.self, from: Data(text.utf8))
        #expect(decoded == (try Self.quarter()))
    }

    @Test("an empty period says no visits were made, and its rates have no value")
    func empty() throws {
        let period = try ReportPeriod(
            from: Self.zone.startOfDay(CivilDate(year: 2024, month: 1, day: 1)),
            to: Self.zone.startOfDay(CivilDate(year: 2024, month: 2, day: 1)))
        let inspections = InspectionCounts(byKind: [])
        let checks = CheckCounts([])
        let report = SummaryReport(
            period: period, previousPeriod: period.previous(in: Self.zone), zone: "Asia/Ho_Chi_Minh",
            inspections: inspections, offices: OfficeCoverage(offices: 0, covered: 0, notInspected: []), checks: checks,
            violations: ViolationCounts(counts: []),
            trend: ReportTrend(
                current: PeriodFigures(inspections: inspections, checks: checks, violations: 0),
                previous: PeriodFigures(inspections: inspections, checks: checks, violations: 0)),
            breakdowns: [], escalations: EscalationCounts(reminder: 0, correction: 0, referral: 0, acknowledged: 0),
            correctiveActions: ActionCounts(required: 0, open: 0, overdue: 0))
        #expect(checks.violationsPer100Checked == nil)
        #expect(report.offices.coveredShare == nil)
        #expect(
            ReportNarrative.paragraph(report, zone: Self.zone, language: .vi)
                == "Từ 01/01/2024 đến 31/01/2024, các đoàn kiểm tra chưa thực hiện lượt kiểm tra nào. So với kỳ trước "
                + "(01/12/2023 – 31/12/2023), số lượt kiểm tra không đổi, số trường hợp vi phạm không đổi.")
    }

    @Test("CSV written by CSVWriter reads back field for field through CSVTable")
    func csvRoundTrip() throws {
        let rows: [[String?]] = [
            ["1", "Công chức Văn phòng, Thống kê", "say \"hi\"", nil],
            ["2", "two\nlines", "plain", "x"],
        ]
        // Notes may span lines (`InputLimits`), so the multi-line column is one.
        var writer = CSVWriter(header: ["a", "note", "c", "d"])
        for row in rows { writer.append(row) }
        let table = try CSVTable(text: writer.text, path: "t.csv", required: ["a"], allowed: ["a", "note", "c", "d"])
        #expect(table.records.map { record in table.header.map { table.value($0, in: record) } } == rows)
    }

    @Test("iCalendar lines are escaped, folded at 75 octets without splitting a character, and end with CRLF")
    func icalendar() {
        let event = ICalendar.Event(
            uid: "inspection-1@inspectd", start: Instant(seconds: 1_791_250_200),
            summary: "Kiểm tra theo kế hoạch: Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện",
            description: "a; b, c\nd")
        let text = ICalendar(name: "Lịch", events: [event], stamp: Instant(seconds: 0)).text
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains("DTSTART:20261006T013000Z"))
        #expect(lines.contains("DESCRIPTION:a\\; b\\, c\\nd"))
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:" + event.summary))
    }
}

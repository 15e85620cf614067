import Foundation
import InspectCore
import InspectService
import InspectStore
import InspectTesting
import Testing

/// Risk feedback in `office show`, and the staff and office histories.
@Suite("Risk and history")
struct HistoryServiceTests {
    @Test("office show gives the violation rate the risk-weighted draw uses, over RiskWindowDays")
    func risk() throws {
        let fixture = try ServiceFixture()
        _ = try fixture.seed()
        _ = try fixture.service.logFinding(
            .init(inspection: 1, violation: "BADGE", staff: "CL-1"), by: fixture.inspector)
        _ = try fixture.service.logFinding(.init(inspection: 1, violation: "SMOKE"), by: fixture.inspector)
        let retracted = try fixture.service.logFinding(
            .init(inspection: 1, violation: "BADGE", staff: "CL-2"), by: fixture.inspector)
        _ = try fixture.service.retractFinding(id: retracted.finding.id, reason: "nhầm", by: fixture.admin)
        _ = try fixture.service.closeInspection(id: 1, checked: 10, by: fixture.inspector)
        let risk = try #require(try fixture.service.showOffice(code: "UBND-NHANLY", as: fixture.admin).risk)
        #expect(risk.violations == 2)
        #expect(risk.checked == 10)
        #expect(risk.perHundred == 20.0)
        #expect(risk.windowDays == 90)
        #expect(risk.since == fixture.clock.now.adding(seconds: -90 * 86400))
        #expect(risk.weight == Weighting.risk.weight(for: RiskRate(violations: 2, checked: 10)))
        #expect(risk.weight == 3000)
        // 91 days later the inspection is out of the window.
        fixture.clock.advance(seconds: 91 * 86400)
        let later = try #require(try fixture.service.showOffice(code: "UBND-NHANLY", as: fixture.admin).risk)
        #expect(later.checked == 0 && later.perHundred == nil && later.weight == 1000)
    }

    @Test("a person's history: registered, moved, findings in both offices with corrections, escalation, action")
    func staffReport() throws {
        let fixture = try ServiceFixture(
            configuration: ServiceFixture.configuration(
                escalation: "[Rule late]\nViolations=LATE\nCount=2\nWindow=30 days\nLevel=reminder\n"))
        _ = try fixture.seed()
        _ = try fixture.service.cancelInspection(id: 1, reason: "seeded", by: fixture.admin)
        _ = try fixture.service.addOffice(
            .init(code: "UBND-BANGHUU", name: "Bằng Hữu", kind: .commune), by: fixture.admin)
        try fixture.addColleagues(5, to: "UBND-BANGHUU")
        let first = try fixture.visit(at: "2027-03-02 08:00", [("LATE", "CL-1"), ("BADGE", "CL-1")])
        fixture.at("2027-03-02 14:00")
        _ = try fixture.service.requireAction(
            finding: first[1], requirement: "Đeo thẻ", due: CivilDate(iso: "2027-03-05")!, by: fixture.inspector)
        fixture.at("2027-03-02 15:00")
        _ = try fixture.service.retractFinding(id: first[1], reason: "có đeo", by: fixture.admin)
        fixture.at("2027-03-03 12:00")
        _ = try fixture.service.moveStaff(badge: "CL-1", to: "UBND-BANGHUU", by: fixture.admin)
        try fixture.visit("UBND-BANGHUU", at: "2027-03-04 08:00", [("LATE", "CL-1")])

        let report = try fixture.service.staffReport(badge: "CL-1")
        #expect(report.staff.office == "UBND-BANGHUU")
        #expect(report.assignments.map(\.office) == ["UBND-NHANLY", "UBND-BANGHUU"])
        #expect(
            report.timeline.map(\.kind) == [
                .joined, .findingRecorded, .findingRecorded, .actionRequired, .findingRetracted, .moved,
                .findingRecorded, .escalationRaised,
            ])
        #expect(report.timeline.map(\.at) == report.timeline.map(\.at).sorted())
        #expect(Set(report.timeline.compactMap(\.office)) == ["UBND-NHANLY", "UBND-BANGHUU"])
        #expect(report.summary.findings == 2)
        #expect(report.summary.escalations == 1 && report.summary.openEscalations == 1)
        #expect(report.summary.openActions == 0, "the action's finding was retracted")
        // Entries between two times only.
        let window = try fixture.service.staffReport(
            badge: "CL-1", from: try TimeParsing.instant("2027-03-03 00:00", in: .vietnam))
        #expect(window.timeline.map(\.kind) == [.moved, .findingRecorded, .escalationRaised])
        // It encodes, for --json.
        #expect(!(try JSONEncoder().encode(report)).isEmpty)
        #expect(throws: InspectError.notFound(kind: "staff badge", key: "CL-9")) {
            try fixture.service.staffReport(badge: "CL-9")
        }
    }

    @Test("an office's history: its inspections but no secret one, findings, staff moving in and out")
    func officeReport() throws {
        let fixture = try ServiceFixture()
        _ = try fixture.seed()
        _ = try fixture.service.cancelInspection(id: 1, reason: "seeded", by: fixture.admin)
        _ = try fixture.service.addOffice(
            .init(code: "UBND-BANGHUU", name: "Bằng Hữu", kind: .commune), by: fixture.admin)
        // A moderate finding: the close schedules a follow-up, secret until due.
        try fixture.visit(at: "2027-03-02 08:00", [("OFFPOST", "CL-2")])
        fixture.at("2027-03-03 12:00")
        _ = try fixture.service.moveStaff(badge: "CL-2", to: "UBND-BANGHUU", by: fixture.admin)

        let report = try fixture.service.officeReport(code: "UBND-NHANLY")
        let kinds = report.timeline.map(\.kind)
        #expect(!kinds.contains(.joined), "registering CL-1 and CL-2 is not an event of the office's record")
        #expect(kinds.contains(.left))
        #expect(kinds.contains(.inspectionCancelled))
        #expect(kinds.contains(.inspectionOpened) && kinds.contains(.inspectionClosed))
        #expect(kinds.contains(.findingRecorded))
        #expect(!report.timeline.contains { $0.summary.contains("Follow-up") }, "the follow-up is still secret")
        #expect(report.summary.findings == 1)
        #expect(report.risk.violations == 1 && report.risk.checked == 5)
        let left = try #require(report.timeline.first { $0.kind == .left })
        #expect(left.summary == "CL-2 moved out to UBND-BANGHUU")
        let moved = try fixture.service.officeReport(code: "UBND-BANGHUU").timeline
        #expect(moved.map(\.summary) == ["CL-2 moved in from UBND-NHANLY"])
    }
}

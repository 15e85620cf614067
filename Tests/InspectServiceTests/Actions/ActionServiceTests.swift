import InspectCore
import InspectService
import InspectStore
import InspectTesting
import Testing

/// Corrective actions on findings: open → done → verified, and overdue reported once.
@Suite("Corrective actions")
struct ActionServiceTests {
    /// A BADGE finding about CL-1, logged on Monday 1 March 2027; returns its id.
    static func finding(_ fixture: ServiceFixture) throws -> Int64 {
        let inspection = try fixture.seed()
        return try fixture.service.logFinding(
            .init(inspection: inspection, violation: "BADGE", staff: "CL-1"), by: fixture.inspector
        ).finding.id
    }

    @Test("open → done → verified, each step with who and when, each journaled")
    func lifecycle() throws {
        let fixture = try ServiceFixture()
        let finding = try Self.finding(fixture)
        let due = CivilDate(iso: "2027-03-05")!
        let required = try fixture.service.requireAction(
            finding: finding, requirement: "Đeo thẻ khi làm việc", due: due, by: fixture.inspector)
        #expect(required.action.status == .open)
        #expect(required.action.requiredBy == "tuan")
        #expect(required.action.requiredAt == fixture.clock.now)
        #expect(required.action.dueAt == (try TimeParsing.instant("2027-03-06 00:00", in: .vietnam)))
        #expect(required.violation == "BADGE" && required.staff == "CL-1" && required.office == "UBND-NHANLY")
        #expect(!required.overdue)
        #expect(fixture.sink.events.last?.kind == .actionRequired)
        #expect(fixture.sink.events.last?.fields["DUE"] == "2027-03-05")

        fixture.clock.advance(seconds: 86400)
        let done = try fixture.service.completeAction(finding: finding, note: "Đã đeo thẻ", by: fixture.inspector)
        #expect(done.action.status == .done)
        #expect(done.action.doneBy == "tuan" && done.action.doneAt == fixture.clock.now)
        #expect(done.action.doneNote == "Đã đeo thẻ")
        #expect(fixture.sink.events.last?.kind == .actionDone)

        fixture.clock.advance(seconds: 86400)
        let verified = try fixture.service.verifyAction(finding: finding, note: "Kiểm tra lại: đạt", by: fixture.admin)
        #expect(verified.action.status == .verified)
        #expect(verified.action.verifiedBy == "nga" && verified.action.verifiedAt == fixture.clock.now)
        #expect(verified.action.doneBy == "tuan")
        #expect(fixture.sink.events.last?.kind == .actionVerified)
        #expect(try fixture.service.showAction(finding: finding) == verified)
    }

    @Test("steps out of order, a second action, a past due date, a retracted finding and readers are refused")
    func refusals() throws {
        let fixture = try ServiceFixture()
        let finding = try Self.finding(fixture)
        let due = CivilDate(iso: "2027-03-05")!
        #expect(
            throws: InspectError.permissionDenied(
                "only members of inspectd or inspectd-admin may require corrective actions")
        ) {
            try fixture.service.requireAction(finding: finding, requirement: "x", due: due, by: fixture.reader)
        }
        #expect(throws: InspectError.invalidInput("the due date 2027-02-28 is in the past; today is 2027-03-01")) {
            try fixture.service.requireAction(
                finding: finding, requirement: "x", due: CivilDate(iso: "2027-02-28")!, by: fixture.inspector)
        }
        #expect(throws: InspectError.invalidInput("the requirement must not be empty")) {
            try fixture.service.requireAction(finding: finding, requirement: "  ", due: due, by: fixture.inspector)
        }
        #expect(throws: InspectError.notFound(kind: "corrective action for finding", key: String(finding))) {
            try fixture.service.completeAction(finding: finding, by: fixture.inspector)
        }
        _ = try fixture.service.requireAction(finding: finding, requirement: "x", due: due, by: fixture.inspector)
        #expect(throws: InspectError.conflict("finding \(finding) already has corrective action 1 (open)")) {
            try fixture.service.requireAction(finding: finding, requirement: "y", due: due, by: fixture.inspector)
        }
        #expect(throws: InspectError.conflict("corrective action 1 is open; only a done action can be verified")) {
            try fixture.service.verifyAction(finding: finding, by: fixture.admin)
        }
        _ = try fixture.service.completeAction(finding: finding, by: fixture.inspector)
        #expect(throws: InspectError.conflict("corrective action 1 is done, not open")) {
            try fixture.service.completeAction(finding: finding, by: fixture.inspector)
        }

        let other = try fixture.service.logFinding(
            .init(inspection: 1, violation: "SMOKE"), by: fixture.inspector
        ).finding.id
        _ = try fixture.service.retractFinding(id: other, reason: "không phải", by: fixture.admin)
        #expect(throws: InspectError.conflict("finding \(other) was retracted; it needs no corrective action")) {
            try fixture.service.requireAction(finding: other, requirement: "x", due: due, by: fixture.inspector)
        }
    }

    @Test("any row of a finding's history names its action: the amendment finds the original's action")
    func followsAmendments() throws {
        let fixture = try ServiceFixture()
        let finding = try Self.finding(fixture)
        _ = try fixture.service.requireAction(
            finding: finding, requirement: "Đeo thẻ", due: CivilDate(iso: "2027-03-05")!, by: fixture.inspector)
        let amended = try fixture.service.amendFinding(
            .init(finding: finding, reason: "ghi rõ", note: "Thẻ để trong cặp"), by: fixture.admin)
        let done = try fixture.service.completeAction(finding: amended.finding.id, by: fixture.inspector)
        #expect(done.action.finding == finding)
        #expect(try fixture.service.listActions().count == 1)
    }

    @Test("an open action past its due date is on the agenda, reported overdue once, then off the agenda")
    func overdue() throws {
        let fixture = try ServiceFixture()
        let finding = try Self.finding(fixture)
        let view = try fixture.service.requireAction(
            finding: finding, requirement: "Đeo thẻ", due: CivilDate(iso: "2027-03-02")!, by: fixture.inspector)
        #expect(
            try fixture.service.agenda().actions == [Agenda.ActionItem(id: view.action.id, dueAt: view.action.dueAt)])
        // Not yet due: nothing happens.
        try fixture.service.markActionOverdue(id: view.action.id)
        #expect(fixture.sink.events.last?.kind == .actionRequired)

        fixture.clock.set(view.action.dueAt)
        try fixture.service.markActionOverdue(id: view.action.id)
        let event = try #require(fixture.sink.events.last)
        #expect(event.kind == .actionOverdue)
        #expect(event.priority == .warning)
        #expect(event.fields["ACTION"] == String(view.action.id))
        #expect(event.fields["STAFF"] == "CL-1")
        try fixture.service.markActionOverdue(id: view.action.id)
        #expect(fixture.sink.events.filter { $0.kind == .actionOverdue }.count == 1)
        #expect(try fixture.service.agenda().actions.isEmpty)
        #expect(try fixture.service.listActions(.init(overdueOnly: true)).map(\.action.id) == [view.action.id])
        #expect(try fixture.service.showAction(finding: finding).action.overdueAt == view.action.dueAt)
        // Done late: no longer overdue.
        _ = try fixture.service.completeAction(finding: finding, by: fixture.inspector)
        #expect(try fixture.service.listActions(.init(overdueOnly: true)).isEmpty)
    }

    @Test("an action done in time, or whose finding was retracted, is never reported overdue")
    func neverOverdue() throws {
        let fixture = try ServiceFixture()
        let finding = try Self.finding(fixture)
        let second = try fixture.service.logFinding(
            .init(inspection: 1, violation: "BADGE", staff: "CL-2"), by: fixture.inspector
        ).finding.id
        let due = CivilDate(iso: "2027-03-02")!
        let first = try fixture.service.requireAction(
            finding: finding, requirement: "a", due: due, by: fixture.inspector)
        let other = try fixture.service.requireAction(
            finding: second, requirement: "b", due: due, by: fixture.inspector)
        _ = try fixture.service.completeAction(finding: finding, by: fixture.inspector)
        _ = try fixture.service.retractFinding(id: second, reason: "nhầm", by: fixture.admin)
        #expect(try fixture.service.agenda().actions.isEmpty)
        fixture.clock.advance(seconds: 3 * 86400)
        try fixture.service.markActionOverdue(id: first.action.id)
        try fixture.service.markActionOverdue(id: other.action.id)
        #expect(!fixture.sink.events.contains { $0.kind == .actionOverdue })
        #expect(try fixture.service.showAction(finding: second).findingRetracted)
        #expect(try fixture.service.listActions(.init(status: .open)).map(\.action.id) == [other.action.id])
    }
}

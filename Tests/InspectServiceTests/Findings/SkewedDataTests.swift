import InspectCore
import InspectService
import InspectStore
import Testing

/// The record refuses data that would skew it: a late arrival counted twice, an arrival after it was observed, more
/// staff checked than the office has, text that would not be stored as it was hashed. Each with one message, and
/// the record unchanged.
@Suite("The record refuses data that would skew it")
struct SkewedDataTests {
    private func late(
        _ inspection: Int64, _ badge: String, arrived: TimeOfDay, _ fixture: ServiceFixture
    ) throws
        -> FindingView
    {
        try fixture.service.logFinding(
            .init(inspection: inspection, violation: "LATE", staff: badge, arrived: arrived), by: fixture.inspector)
    }

    @Test("one LATE per person per session: a second is refused, the afternoon's and an amendment are not")
    func oneLatePerSession() throws {
        let fixture = try ServiceFixture()
        fixture.at("2027-03-02 08:30")
        let inspection = try fixture.seed()
        let first = try late(inspection, "CL-1", arrived: TimeOfDay(hour: 7, minute: 50), fixture)
        let rows = try fixture.count("finding")
        #expect(
            throws: InspectError.invalidInput(
                "staff CL-1 already has LATE finding \(first.finding.id) in the 07:30–11:30 session of 2027-03-02; "
                    + "amend it instead")
        ) {
            try late(inspection, "CL-1", arrived: TimeOfDay(hour: 7, minute: 55), fixture)
        }
        #expect(try fixture.count("finding") == rows)
        // Correcting the time is an amendment of the same arrival, not a second one.
        let amended = try fixture.service.amendFinding(
            .init(finding: first.finding.id, reason: "ghi nhầm", arrived: TimeOfDay(hour: 7, minute: 45)),
            by: fixture.inspector)
        #expect(amended.finding.minutes == 15)
        // Someone else, and the same person in the afternoon, may be late too.
        _ = try late(inspection, "CL-2", arrived: TimeOfDay(hour: 7, minute: 50), fixture)
        fixture.at("2027-03-02 14:30")
        _ = try late(inspection, "CL-1", arrived: TimeOfDay(hour: 13, minute: 50), fixture)
    }

    @Test("an arrival or a departure after the observation is refused")
    func seenBeforeItHappened() throws {
        let fixture = try ServiceFixture()
        fixture.at("2027-03-02 07:40")
        let inspection = try fixture.seed()
        #expect(
            throws: InspectError.invalidInput(
                "the arrival at 07:52 comes after the observation at 07:40: a finding records what was seen")
        ) {
            try late(inspection, "CL-1", arrived: TimeOfDay(hour: 7, minute: 52), fixture)
        }
        #expect(
            throws: InspectError.invalidInput(
                "the departure at 10:00 comes after the observation at 07:40: a finding records what was seen")
        ) {
            try fixture.service.logFinding(
                .init(inspection: inspection, violation: "EARLY", staff: "CL-1", left: TimeOfDay(hour: 10, minute: 0)),
                by: fixture.inspector)
        }
        #expect(try fixture.count("finding") == 0)
    }

    @Test("an import with a NUL, an escape or a repeated late arrival is refused at its line, nothing written")
    func importedText() throws {
        let fixture = try ServiceFixture()
        fixture.at("2027-03-02 10:00")
        let inspection = try fixture.seed()
        let cases: [(csv: String, line: Int, reason: String)] = [
            (
                "inspection,type,staff,note\n\(inspection),BADGE,CL-1,ok\n\(inspection),BADGE,CL-2,visible\u{0}hidden\n",
                3, "column 'note' contains a control character (U+0000); only line breaks and tabs are allowed"
            ),
            (
                "inspection,type,staff,note\n\(inspection),BADGE,CL-1,\"two\nlines are fine\"\n\(inspection),SMOKE,,"
                    + "\u{1B}]0;owned\u{07}\n",
                4, "column 'note' contains a control character (U+001B); only line breaks and tabs are allowed"
            ),
            (
                "inspection,type,staff,arrived,observed_at\n\(inspection),LATE,CL-1,07:50,2027-03-02 08:00\n"
                    + "\(inspection),LATE,CL-1,07:58,2027-03-02 08:10\n",
                3, "staff CL-1 has another LATE row in the 07:30–11:30 session of 2027-03-02 in this file"
            ),
        ]
        for (csv, line, reason) in cases {
            #expect(throws: InspectError.invalidFile(path: "findings.csv", line: line, reason: reason)) {
                try fixture.service.importFindings(csv: csv, path: "findings.csv", by: fixture.admin)
            }
        }
        #expect(try fixture.count("finding") == 0)
        #expect(
            throws: InspectError.invalidFile(
                path: "staff.csv", line: 2,
                reason: "column 'name' contains a control character (U+0000)")
        ) {
            try fixture.service.importStaff(
                csv: "badge,name,office\nCL-9,Nông\u{0}Thị Hoa,UBND-NHANLY\n", path: "staff.csv", by: fixture.admin)
        }
        #expect(try fixture.count("staff", where: "badge = 'CL-9'") == 0)
    }

    @Test("every call's text, times and counts are checked before the operation runs, in the API both transports use")
    func parametersChecked() throws {
        let fixture = try ServiceFixture()
        fixture.at("2027-03-02 10:00")
        let inspection = try fixture.seed()
        let before = try fixture.count("finding")
        #expect(
            throws: InspectError.invalidInput(
                "note contains a control character (U+0000); only line breaks and tabs are allowed")
        ) {
            try Operations.LogFinding.authorizedPerform(
                fixture.service, as: fixture.inspector,
                .init(inspection: inspection, violation: "BADGE", note: "visible\u{0}hidden"))
        }
        #expect(throws: InspectError.invalidInput("note is longer than 2000 characters")) {
            try Operations.LogFinding.authorizedPerform(
                fixture.service, as: fixture.inspector,
                .init(inspection: inspection, violation: "BADGE", note: String(repeating: "x", count: 2001)))
        }
        #expect(
            throws: InspectError.invalidInput("at must lie between 1970 and 2099 (it is \(Instant(seconds: .max)))")
        ) {
            try Operations.OpenInspection.authorizedPerform(
                fixture.service, as: fixture.inspector,
                .init(office: "UBND-NHANLY", at: Instant(seconds: .max), team: nil))
        }
        #expect(throws: InspectError.invalidInput("checked must be from 0 to 100000, not \(Int.max)")) {
            try Operations.CloseInspection.authorizedPerform(
                fixture.service, as: fixture.inspector, .init(id: inspection, checked: .max, at: nil))
        }
        #expect(try fixture.count("finding") == before)
    }
}

import Foundation
import GRDB
import InspectCore
import InspectService
import InspectStore
import InspectTesting

/// A small district built in process with a hand-set clock, for the noninterference tests: a district office, one
/// department, four communes with three staff each, a round of past inspections with findings, escalations and a
/// corrective action, an inspection left open, the yearly classification proposed and partly decided, and a follow-up
/// and surprise draws that are still secret at ``Noninterference/frozenAt``.
///
/// Everything random (follow-up instants, draws) comes from `seed`; everything else is the same for every seed.
/// What a `Variation` changes is the one thing two records of a property differ in.
struct SampleDistrict {
    /// Who gets three late arrivals in X1 (an escalation).
    var lateComer = "X1-2"
    /// Who is found without a badge in X1 on the first and the second day.
    var badgeSubjects = ["X1-3", "X1-2"]
    /// The notes of the badge findings, in order.
    var notes: [String?] = ["quên thẻ", nil, "áo phông"]
    /// Who moves from X1 to X2 after the second day (and is found without a badge there on the third).
    var mover = "X1-3"
    /// Whose first badge finding gets a corrective action.
    var actionSubject = "X1-3"
    /// Whose level, title and qualification are recorded: personal data, like findings.
    var profiled = "X1-3"
    /// The seed of every random draw.
    var seed: UInt64 = 1
    /// The record's name (`INSPECTD_RECORD`): each record of a test its own, so that what the journal witnessed of
    /// one (the daemon's own events) is not taken for the other's, nor for a record of an earlier run.
    var record = "sample-\(UUID().uuidString.prefix(8).lowercased())"

    static let linkedBadge = "X1-1"
    static let linkedLogin = "daemon"

    /// The files of the configuration directory the record follows.
    static let configuration: [String: String] = [
        "inspectd.conf": "",
        "plans.d/monthly.conf": """
        [Plan]
        Kind=planned
        OfficeKinds=department
        Team=noi-vu
        Window=2 working days
        OnCalendar=Mon *-*-1..7 08:00
        HolidayPolicy=next-working-session
        """,
        "plans.d/surprise.conf": """
        [Plan]
        Kind=surprise
        OfficeKinds=commune
        Team=doan-1 doan-2
        Window=4h
        Period=month
        Total=4
        MaxPerOffice=2
        TeamCapacity=2
        """,
        "titles.conf": """
        [Title tu-phap-ho-tich]
        Name=Tư pháp – hộ tịch
        Level=commune
        """,
        "standards.conf": """
        [Standard xa]
        Level=commune
        Category=civil-servant
        Education=bachelor
        Basis=NĐ 33/2023
        """,
        "bands.conf": """
        [Band good]
        Name=Good
        NameVi=Khá
        From=70
        [Band failed]
        Name=Failed
        NameVi=Không đạt
        From=0
        """,
        "classification.conf": """
        [Rule found]
        Findings=1
        Allows=done
        Reason=Found
        ReasonVi=Vi phạm
        [Rule failed]
        Bands=failed
        Allows=not-done
        Review=yes
        Reason=Failed
        ReasonVi=Không đạt
        """,
        "escalation.conf": """
        [Rule late-reminder]
        Violations=LATE EARLY
        Count=3
        Window=30 days
        Level=reminder
        """,
    ]

    /// Builds the record at `path`.
    func build(at path: String, configuration: InspectConfiguration) throws {
        let clock = TestClock(Noninterference.frozenAt.adding(seconds: -9 * 86400))
        let database = try InspectDatabase.open(path: path, mode: .readWrite)
        try database.write { db in
            try db.execute(sql: "UPDATE record_identity SET id = ?", arguments: [record])
            _ = try Outbox.enqueue(
                StoreTransaction(db), Event(kind: .registryChanged, message: "Record named for the tests"),
                at: clock.now, claimant: nil)
        }
        let sender = OutboxSender(
            database: database, sink: RecordingEventSink(), claimant: "test:1", clock: clock.function)
        let service = InspectService(
            database: database, policy: ServicePolicy(configuration: configuration), sender: sender,
            clock: clock.function)
        let admin = Caller(user: "root", role: .admin)
        let inspector = Caller(user: "bin", role: .inspector)
        var random = SplitMix64(seed: seed)
        _ = try service.addOffice(.init(code: "DIST", name: "UBND huyện", kind: .district), by: admin)
        _ = try service.addOffice(
            .init(code: "PNV", name: "Phòng Nội vụ", parent: "DIST", kind: .department), by: admin)
        for commune in 1...4 {
            _ = try service.addOffice(
                .init(code: "X\(commune)", name: "UBND xã \(commune)", parent: "DIST", kind: .commune), by: admin)
            for person in 1...3 {
                _ = try service.addStaff(
                    .init(
                        badge: "X\(commune)-\(person)", name: "Người \(commune)-\(person)", office: "X\(commune)",
                        category: person == 1 ? .cadre : .civilServant), by: admin)
            }
        }
        _ = try service.linkStaff(badge: Self.linkedBadge, login: Self.linkedLogin, by: admin)
        let appointed = CivilDate(year: 2024, month: 3, day: 1)
        _ = try service.setStaffLevel(
            .init(badge: profiled, value: "commune", date: appointed, reason: "Tuyển dụng", evidence: nil), by: admin)
        _ = try service.setStaffTitle(
            .init(badge: profiled, value: "tu-phap-ho-tich", date: appointed, reason: "Tuyển dụng", evidence: "QĐ 15"),
            by: admin)
        _ = try service.qualifyStaff(
            .init(
                badge: profiled,
                qualification: .init(
                    kind: .education, level: "bachelor", field: "Luật", date: CivilDate(year: 2015, month: 6, day: 30),
                    evidence: "Bằng số 123456"), reason: nil), by: admin)
        // The profiled person and the linked reader went on a course and sat a test: their attendances and results
        // are theirs.
        _ = try service.addCourse(
            .init(
                code: "C1", name: "Nghiệp vụ hộ tịch", kind: .shortCourse, level: nil, field: "Hộ tịch",
                provider: "Sở Tư pháp", starts: CivilDate(year: 2026, month: 6, day: 1),
                ends: CivilDate(year: 2026, month: 6, day: 5)), by: admin)
        _ = try service.planTestSession(
            .init(
                name: "Sát hạch", titles: ["tu-phap-ho-tich"], offices: ["X1", "X2", "X3", "X4"],
                day: CivilDate(year: 2026, month: 10, day: 6)), by: admin)
        for (badge, score) in [(profiled, 455), (Self.linkedBadge, 805)] {
            _ = try service.attendCourse(.init(course: "C1", badge: badge, completed: nil, evidence: nil), by: admin)
            _ = try service.recordTestResult(
                .init(session: 1, badge: badge, score: Tenths(tenths: score), title: "tu-phap-ho-tich"), by: admin)
        }

        // Three mornings of visits to X1 and X2, a week before.
        var notes = self.notes.makeIterator()
        var actionRequired = false
        for day in 0..<3 {
            for office in ["X1", "X2"] {
                clock.set(Noninterference.frozenAt.adding(seconds: Int64(day - 8) * 86400 - 7200))
                let inspection = try service.openInspection(office: office, by: inspector).id
                clock.advance(seconds: 600)
                var badges: [String] = []
                if office == "X1" {
                    _ = try service.logFinding(
                        .init(
                            inspection: inspection, violation: "LATE", staff: lateComer,
                            arrived: TimeOfDay(hour: 7, minute: 50 + day)), by: inspector)
                    if day < 2 { badges.append(badgeSubjects[day]) }
                    if day == 0 {
                        _ = try service.logFinding(
                            .init(
                                inspection: inspection, violation: "LATE", staff: Self.linkedBadge,
                                arrived: TimeOfDay(hour: 7, minute: 45)), by: inspector)
                    }
                } else if day == 2 {
                    badges.append(mover)
                }
                for badge in badges {
                    let finding = try service.logFinding(
                        .init(inspection: inspection, violation: "BADGE", staff: badge, note: notes.next() ?? nil),
                        by: inspector)
                    if badge == actionSubject && !actionRequired {
                        actionRequired = true
                        _ = try service.requireAction(
                            finding: finding.finding.id, requirement: "Đeo thẻ",
                            due: CivilDate(year: 2027, month: 3, day: 20), by: inspector)
                    }
                }
                clock.advance(seconds: 1800)
                let roster = try service.listStaff(office: office, includeRetired: false).count
                _ = try service.closeInspection(id: inspection, checked: roster, by: inspector, using: &random)
            }
            if day == 1 {
                clock.advance(seconds: 3600)
                _ = try service.moveStaff(badge: mover, to: "X2", at: nil, by: admin)
            }
        }
        // A visit an hour ago whose moderate finding calls for a follow-up, secret until due; one still open.
        clock.set(Noninterference.frozenAt.adding(seconds: -7200))
        let recent = try service.openInspection(office: "X3", by: inspector).id
        _ = try service.logFinding(.init(inspection: recent, violation: "OFFPOST", staff: "X3-1"), by: inspector)
        clock.set(Noninterference.frozenAt.adding(seconds: -3600))
        _ = try service.closeInspection(id: recent, checked: 3, by: inspector, using: &random)
        clock.set(Noninterference.frozenAt.adding(seconds: -1800))
        _ = try service.openInspection(office: "X4", team: "doan-1", by: inspector)
        // The plans, as the daemon applies them: planned inspections, this month's and next month's draws.
        clock.set(Noninterference.frozenAt)
        _ = try service.applyPlans(by: admin, using: &random)
        // The classification of both years, proposed for everyone (2026 reads the tests, 2027 the findings), and the
        // council's decisions on the profiled person and on the linked reader: theirs alone.
        for year in [2026, 2027] {
            _ = try service.proposeClassification(.init(year: year), by: admin)
        }
        _ = try service.decideClassification(
            .init(badge: profiled, year: 2026, level: .done, note: "Hội đồng cân nhắc thành tích"), by: admin)
        _ = try service.decideClassification(
            .init(badge: Self.linkedBadge, year: 2027, level: .good, note: "Đã khắc phục"), by: admin)
    }
}

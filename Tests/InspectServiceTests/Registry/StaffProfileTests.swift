import InspectCore
import InspectService
import Testing

/// A person's level, title and qualifications: every change a new row, the latest the current value, bad values
/// refused with the database unchanged, and qualifications readable only by their owner among readers.
@Suite("Staff profiles: level, title and qualifications with history")
struct StaffProfileTests {
    private static let titles = """
        [Title tu-phap-ho-tich]
        Name=Tư pháp – hộ tịch
        Level=commune
        [Title van-hoa-xa-hoi]
        Name=Văn hóa – xã hội
        """

    /// Nhân Lý with CL-1 and CL-2, and the two titles above configured.
    private func fixture() throws -> ServiceFixture {
        let fixture = try ServiceFixture(
            configuration: InspectConfiguration(
                main: IniDocument(text: "", path: "inspectd.conf"), holidayFiles: [], planFiles: [],
                titlesFile: IniDocument(text: Self.titles, path: "titles.conf")))
        _ = try fixture.seed()
        return fixture
    }

    private func degree(
        _ kind: QualificationKind = .education, _ level: String = "bachelor", field: String? = "Luật",
        date: CivilDate = CivilDate(year: 2015, month: 6, day: 30), evidence: String = "Bằng số 123456"
    ) -> Qualification {
        Qualification(kind: kind, level: level, field: field, date: date, evidence: evidence)
    }

    @Test("level and title changes are kept with who, when and why; the latest is current and names the title")
    func levelAndTitleHistory() throws {
        let fixture = try fixture()
        let service = fixture.service
        // Given a person appointed to one title, then moved to another.
        _ = try service.setStaffLevel(
            .init(
                badge: "CL-2", value: "district", date: CivilDate(year: 2020, month: 1, day: 2), reason: "Tuyển dụng",
                evidence: nil), by: fixture.admin)
        fixture.clock.advance(seconds: 60)
        _ = try service.setStaffLevel(
            .init(badge: "CL-2", value: "commune", date: nil, reason: "Chính quyền hai cấp", evidence: nil),
            by: fixture.admin)
        fixture.clock.advance(seconds: 60)
        _ = try service.setStaffTitle(
            .init(badge: "CL-2", value: "tu-phap-ho-tich", date: nil, reason: "Bổ nhiệm", evidence: "QĐ 15"),
            by: fixture.admin)
        fixture.clock.advance(seconds: 60)
        let profile = try service.setStaffTitle(
            .init(badge: "CL-2", value: "van-hoa-xa-hoi", date: nil, reason: "Điều động", evidence: nil),
            by: fixture.admin)
        // Then the current values are the latest, and every change stays in order.
        #expect(profile.level == .commune)
        #expect(profile.title == "van-hoa-xa-hoi" && profile.titleName == "Văn hóa – xã hội")
        #expect(profile.history.map(\.value) == ["district", "commune", "tu-phap-ho-tich", "van-hoa-xa-hoi"])
        #expect(profile.history.map(\.reason) == ["Tuyển dụng", "Chính quyền hai cấp", "Bổ nhiệm", "Điều động"])
        #expect(profile.history.allSatisfy { $0.recordedBy == "nga" })
        #expect(profile.history[0].date == CivilDate(year: 2020, month: 1, day: 2))
        #expect(profile.history[1].date == CivilDate(year: 2027, month: 3, day: 1))
        #expect(profile.history[2].evidence == "QĐ 15")
        // The title listings show is the title's name.
        #expect(try service.showStaff(badge: "CL-2").staff.title == "Văn hóa – xã hội")
        // The person's timeline lists the changes too.
        let timeline = try service.staffReport(badge: "CL-2").timeline.filter { $0.kind == .profileChanged }
        #expect(
            timeline.map(\.summary) == [
                "CL-2 level set to district from 2020-01-02 by nga: Tuyển dụng",
                "CL-2 level set to commune from 2027-03-01 by nga: Chính quyền hai cấp",
                "CL-2 title set to tu-phap-ho-tich from 2027-03-01 by nga: Bổ nhiệm",
                "CL-2 title set to van-hoa-xa-hoi from 2027-03-01 by nga: Điều động",
            ])
        let kinds = fixture.sink.events.map(\.kind).filter { $0 == .staffLevelChanged || $0 == .staffTitleChanged }
        #expect(kinds == [.staffLevelChanged, .staffLevelChanged, .staffTitleChanged, .staffTitleChanged])
    }

    @Test("the latest qualification of each kind, and of each language, is current; earlier ones stay in the history")
    func currentQualifications() throws {
        let fixture = try fixture()
        let service = fixture.service
        for qualification in [
            degree(.education, "college", field: "Kế toán"), degree(), degree(.language, "B1", field: "English"),
            degree(.language, "certificate", field: "Tày"), degree(.informationTechnology, "basic", field: nil),
        ] {
            _ = try service.qualifyStaff(
                .init(badge: "CL-1", qualification: qualification, reason: nil), by: fixture.admin)
        }
        let profile = try service.staffProfile(badge: "CL-1")
        #expect(profile.qualifications.map(\.level) == ["bachelor", "basic", "B1", "certificate"])
        #expect(profile.qualifications.map(\.field) == ["Luật", nil, "English", "Tày"])
        #expect(profile.history.count == 5)
        #expect(try service.staffProfile(badge: "CL-2").history.isEmpty)
        #expect(fixture.sink.events.filter { $0.kind == .qualificationRecorded }.count == 5)
    }

    @Test(
        "values out of their ranges are refused, naming what is wrong, and nothing is written",
        arguments: [
            (
                Qualification(
                    kind: .education, level: "phd", field: "Luật", date: .init(year: 2015, month: 6, day: 30),
                    evidence: "B"), "unknown education level 'phd'"
            ),
            (
                Qualification(
                    kind: .language, level: "B1", field: nil, date: .init(year: 2015, month: 6, day: 30),
                    evidence: "B"), "needs its field (the language)"
            ),
            (
                Qualification(
                    kind: .stateManagement, level: "specialist", field: "Luật",
                    date: .init(year: 2015, month: 6, day: 30), evidence: "B"), "has no field"
            ),
            (
                Qualification(
                    kind: .politicalTheory, level: "advanced", field: nil,
                    date: .init(year: 2027, month: 3, day: 2), evidence: "B"), "cannot be after today"
            ),
            (
                Qualification(
                    kind: .informationTechnology, level: "basic", field: nil,
                    date: .init(year: 2015, month: 6, day: 30), evidence: " "), "needs its evidence"
            ),
            (
                Qualification(
                    kind: .informationTechnology, level: "basic", field: nil,
                    date: .init(year: 1969, month: 6, day: 30), evidence: "B"), "a date from 1970 to 2099"
            ),
        ])
    func refusedQualifications(qualification: Qualification, reason: String) throws {
        let fixture = try fixture()
        let before = try fixture.count("staff_profile_change")
        do {
            _ = try Operations.QualifyStaff.authorizedPerform(
                fixture.service, as: fixture.admin, .init(badge: "CL-1", qualification: qualification, reason: nil))
            Issue.record("accepted \(qualification)")
        } catch InspectError.invalidInput(let message) {
            #expect(message.contains(reason), "\(message)")
        }
        #expect(try fixture.count("staff_profile_change") == before)
    }

    @Test("a level or title change needs a reason and a known value, and is refused when nothing changes")
    func refusedChanges() throws {
        let fixture = try fixture()
        let service = fixture.service
        func request(_ value: String, reason: String = "Bổ nhiệm") -> ProfileSetRequest {
            .init(badge: "CL-1", value: value, date: nil, reason: reason, evidence: nil)
        }
        #expect(throws: InspectError.invalidInput("unknown level 'ward'; use one of province, district, commune")) {
            try service.setStaffLevel(request("ward"), by: fixture.admin)
        }
        #expect(throws: InspectError.invalidInput("a level change needs a reason")) {
            try service.setStaffLevel(request("commune", reason: " "), by: fixture.admin)
        }
        #expect(
            throws: InspectError.invalidInput(
                "no title 'truong-cong-an-xa'; known titles: tu-phap-ho-tich, van-hoa-xa-hoi")
        ) {
            try service.setStaffTitle(request("truong-cong-an-xa"), by: fixture.admin)
        }
        _ = try service.setStaffLevel(request("commune"), by: fixture.admin)
        #expect(throws: InspectError.conflict("staff CL-1 already has the level commune")) {
            try service.setStaffLevel(request("commune"), by: fixture.admin)
        }
        #expect(throws: InspectError.notFound(kind: "staff badge", key: "CL-9")) {
            try service.setStaffLevel(
                .init(badge: "CL-9", value: "commune", date: nil, reason: "x", evidence: nil),
                by: fixture.admin)
        }
        #expect(try fixture.count("staff_profile_change") == 1)
    }

    @Test("an import is all or nothing: a bad row is named by its line and nothing is written")
    func importAllOrNothing() throws {
        let fixture = try fixture()
        let service = fixture.service
        let header = "badge,kind,level,field,date,evidence\n"
        let good = "CL-1,education,bachelor,Luật,2015-06-30,Bằng 1\nCL-2,it,basic,,2019-05-01,Chứng chỉ 2\n"
        #expect(
            throws: InspectError.invalidFile(
                path: "q.csv", line: 4,
                reason: "unknown kind 'tin-hoc'; use one of education, political-theory, "
                    + "state-management, it, language")
        ) {
            try service.importQualifications(
                csv: header + good + "CL-2,tin-hoc,basic,,2019-05-01,C\n", path: "q.csv", by: fixture.admin)
        }
        #expect(
            throws: InspectError.invalidFile(
                path: "q.csv", line: 2, reason: "date '30/06/2015' is not a date (YYYY-MM-DD)")
        ) {
            try service.importQualifications(
                csv: header + "CL-1,education,bachelor,Luật,30/06/2015,B\n", path: "q.csv", by: fixture.admin)
        }
        #expect(try fixture.count("staff_profile_change") == 0)
        let summary = try service.importQualifications(csv: header + good, path: "q.csv", by: fixture.admin)
        #expect(summary.rows == 2)
        let history = try service.staffProfile(badge: "CL-2").history
        #expect(history.map(\.reason) == ["imported from q.csv"])
        #expect(fixture.sink.events.filter { $0.kind == .qualificationsImported }.count == 1)
    }

    @Test("a reader reads only their own profile; inspectors read everyone's; only administrators write")
    func access() throws {
        let fixture = try fixture()
        let service = fixture.service
        _ = try service.linkStaff(badge: "CL-1", login: "lan", by: fixture.admin)
        let own = try Operations.ShowProfile.authorizedPerform(service, as: fixture.reader, .init(badge: "CL-1"))
        #expect(own.badge == "CL-1")
        #expect(throws: InspectError.self) {
            try Operations.ShowProfile.authorizedPerform(service, as: fixture.reader, .init(badge: "CL-2"))
        }
        #expect(
            try Operations.ShowProfile.authorizedPerform(service, as: fixture.inspector, .init(badge: "CL-2")).badge
                == "CL-2")
        #expect(throws: InspectError.self) {
            try Operations.QualifyStaff.authorizedPerform(
                service, as: fixture.inspector, .init(badge: "CL-2", qualification: degree(), reason: nil))
        }
        #expect(
            try Operations.ListTitles.authorizedPerform(service, as: fixture.reader, NoParameters()).titles.count == 2)
    }
}

import InspectCore
import InspectService
import Testing

/// Courses and attendances through the service: a completed degree becomes a qualification with its history,
/// imports are all or nothing with the bad row's line, and attendances are readable only by their owner among
/// readers.
@Suite("Training: courses, attendances and completions")
struct TrainingServiceTests {
    private func fixture() throws -> ServiceFixture {
        let fixture = try ServiceFixture()
        _ = try fixture.seed()
        for course in [
            Course(
                code: "2018-TS-LUAT", name: "Thạc sĩ Luật", kind: .degree, level: "master", field: "Luật",
                provider: "Trường Đại học Luật Hà Nội", starts: CivilDate(year: 2018, month: 3, day: 10),
                ends: CivilDate(year: 2020, month: 3, day: 10)),
            Course(
                code: "2018-BD-HOTICH", name: "Nghiệp vụ hộ tịch", kind: .shortCourse, level: nil,
                field: "Tư pháp – hộ tịch", provider: "Sở Tư pháp", starts: CivilDate(year: 2018, month: 6, day: 11),
                ends: CivilDate(year: 2018, month: 6, day: 22)),
        ] {
            _ = try fixture.service.addCourse(course, by: fixture.admin)
        }
        return fixture
    }

    @Test("a completed degree adds its level to the person's qualifications, keeping the earlier ones")
    func completedDegree() throws {
        let fixture = try fixture()
        let service = fixture.service
        _ = try service.qualifyStaff(
            .init(
                badge: "CL-2",
                qualification: Qualification(
                    kind: .education, level: "bachelor", field: "Luật", date: CivilDate(year: 2012, month: 6, day: 30),
                    evidence: "Bằng cử nhân số 1"),
                reason: nil), by: fixture.admin)
        _ = try service.attendCourse(
            .init(course: "2018-TS-LUAT", badge: "CL-2", completed: nil, evidence: nil), by: fixture.admin)
        let done = try service.completeCourse(
            .init(
                course: "2018-TS-LUAT", badge: "CL-2", completed: CivilDate(year: 2020, month: 3, day: 10),
                evidence: "Bằng thạc sĩ số 101"), by: fixture.admin)
        #expect(done.completed == CivilDate(year: 2020, month: 3, day: 10))
        let profile = try service.staffProfile(badge: "CL-2")
        #expect(profile.qualifications.map(\.level) == ["master"])
        #expect(profile.history.map(\.value) == ["bachelor", "master"])
        #expect(profile.history.last?.reason == "completed course 2018-TS-LUAT")
        // A short course completed is no qualification.
        _ = try service.attendCourse(
            .init(
                course: "2018-BD-HOTICH", badge: "CL-2", completed: CivilDate(year: 2018, month: 6, day: 22),
                evidence: "Chứng chỉ số 5"), by: fixture.admin)
        #expect(try service.staffProfile(badge: "CL-2").history.count == 2)
        #expect(
            fixture.sink.events.map(\.kind).filter { [.attendanceRecorded, .courseCompleted].contains($0) }
                == [.attendanceRecorded, .courseCompleted, .attendanceRecorded])
        // Recorded twice is refused.
        #expect(throws: InspectError.conflict("the completion of course 2018-TS-LUAT by CL-2 is recorded already")) {
            try service.completeCourse(
                .init(
                    course: "2018-TS-LUAT", badge: "CL-2", completed: CivilDate(year: 2020, month: 3, day: 11),
                    evidence: "x"), by: fixture.admin)
        }
    }

    @Test("an import with a bad row writes nothing and names the row's line")
    func importAllOrNothing() throws {
        let fixture = try fixture()
        let csv = """
            course,badge,completed,evidence
            2018-BD-HOTICH,CL-1,,
            2018-BD-HOTICH,CL-2,2018-06-22,Chứng chỉ số 5
            2018-TS-LUAT,CL-1,2027-05-01,Bằng số 9
            """
        let error = #expect(throws: InspectError.self) {
            try fixture.service.importAttendances(csv: csv, path: "a.csv", by: fixture.admin)
        }
        #expect(
            error
                == .invalidFile(
                    path: "a.csv", line: 4,
                    reason: "a completion's date (2027-05-01) cannot be after today (2027-03-01)"))
        #expect(try fixture.count("training_attendance") == 0)
        let courses =
            "code,name,kind,level,field,provider,start,end\nA,Khóa A,short-course,,Tin học,Trung tâm,2018-01-02,2018-01-05\nB,Khóa B,degree,,Luật,Trường,2018-01-02,2020-01-05\n"
        let refused = #expect(throws: InspectError.self) {
            try fixture.service.importCourses(csv: courses, path: "c.csv", by: fixture.admin)
        }
        #expect(refused?.description.hasPrefix("c.csv:3: a degree course needs the level it awards") == true)
        #expect(try fixture.count("training_course") == 2)
        let summary = try fixture.service.importAttendances(
            csv: "course,badge\n2018-BD-HOTICH,CL-1\n2018-TS-LUAT,CL-1\n2018-BD-HOTICH,CL-2\n", path: "a.csv",
            by: fixture.admin)
        #expect(summary.rows == 3)
        let report = try fixture.service.trainingReport(.init(year: 2018))
        #expect(report.total.degree == 1 && report.total.shortCourse == 2)
        #expect(try fixture.service.trainingReport(.init(year: 2019)).total.total == 0)
    }

    @Test("a reader lists only their own attendances; reports are for inspectors; only administrators write")
    func access() throws {
        let fixture = try fixture()
        let service = fixture.service
        _ = try service.importAttendances(
            csv: "course,badge\n2018-BD-HOTICH,CL-1\n2018-BD-HOTICH,CL-2\n", path: "a.csv", by: fixture.admin)
        _ = try service.linkStaff(badge: "CL-1", login: "lan", by: fixture.admin)
        let own = try Operations.ListAttendances.authorizedPerform(
            service, as: fixture.reader, .init(course: "2018-BD-HOTICH", badge: nil))
        #expect(own.attendances.map(\.badge) == ["CL-1"])
        #expect(throws: InspectError.self) {
            try Operations.ListAttendances.authorizedPerform(
                service, as: fixture.reader, .init(course: nil, badge: "CL-2"))
        }
        let all = try Operations.ListAttendances.authorizedPerform(
            service, as: fixture.inspector, .init(course: nil, badge: nil))
        #expect(all.attendances.map(\.badge) == ["CL-1", "CL-2"])
        #expect(throws: InspectError.self) {
            try Operations.TrainingYearReport.authorizedPerform(service, as: fixture.reader, .init(year: 2018))
        }
        #expect(throws: InspectError.self) {
            try Operations.AttendCourse.authorizedPerform(
                service, as: fixture.inspector,
                .init(course: "2018-TS-LUAT", badge: "CL-2", completed: nil, evidence: nil))
        }
        #expect(
            try Operations.ListCourses.authorizedPerform(service, as: fixture.reader, .init(year: 2018)).courses.count
                == 2)
    }
}

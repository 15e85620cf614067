import InspectCore
import Testing

/// Courses are checked before they are kept, a completed degree is a qualification, and a year's attendances are
/// counted by kind and level in the article's form.
@Suite struct TrainingTests {
    private func course(
        code: String = "2018-TS-LUAT", kind: TrainingKind = .degree, level: String? = "master",
        starts: CivilDate = CivilDate(year: 2018, month: 3, day: 10),
        ends: CivilDate = CivilDate(year: 2020, month: 3, day: 10), provider: String = "Trường Đại học Luật Hà Nội"
    ) -> Course {
        Course(
            code: code, name: "Thạc sĩ Luật", kind: kind, level: level, field: "Luật", provider: provider,
            starts: starts, ends: ends)
    }

    @Test(
        "a course's values are checked, each with its reason",
        arguments: [
            (TrainingKind.degree, nil, "2018-A", "x", 2, "a degree course needs the level it awards"),
            (.degree, "phd", "2018-A", "x", 2, "unknown education level 'phd'"),
            (.shortCourse, "master", "2018-A", "x", 2, "a short course awards no education level"),
            (.shortCourse, nil, "2018 A", "x", 2, "invalid course code"),
            (.shortCourse, nil, "2018-A", " ", 2, "a course needs its provider"),
            (.shortCourse, nil, "2018-A", "x", 0, "a course cannot end (2018-03-09) before it starts (2018-03-10)"),
        ] as [(TrainingKind, String?, String, String, Int, String)])
    func invalid(kind: TrainingKind, level: String?, code: String, provider: String, endDay: Int, reason: String) {
        let bad = course(
            code: code, kind: kind, level: level,
            ends: CivilDate(year: 2018, month: 3, day: 10).adding(days: endDay - 1),
            provider: provider)
        let error = #expect(throws: InspectError.self) { try bad.validated() }
        #expect(error?.description.hasPrefix(reason) == true, "\(String(describing: error))")
    }

    @Test("a completed degree is an education qualification in its field; a short course is none")
    func qualification() throws {
        let date = CivilDate(year: 2020, month: 3, day: 10)
        let degree = try course().validated().qualification(completedOn: date, evidence: "Bằng số 7")
        #expect(
            degree == Qualification(kind: .education, level: "master", field: "Luật", date: date, evidence: "Bằng số 7")
        )
        #expect(
            try course(kind: .shortCourse, level: nil).validated().qualification(completedOn: date, evidence: "x")
                == nil)
    }

    @Test("attendances are counted by kind and level, in the article's sentence")
    func report() {
        var attendances: [(kind: TrainingKind, level: StaffLevel?)] = []
        for (kind, level, count) in [
            (TrainingKind.degree, StaffLevel?.some(.district), 60), (.degree, .commune, 29),
            (.shortCourse, .commune, 700), (.shortCourse, nil, 59),
        ] {
            attendances += Array(repeating: (kind: kind, level: level), count: count)
        }
        let report = TrainingReport(year: 2018, attendances: attendances)
        #expect(report.byLevel.map(\.level) == [.district, .commune, nil])
        #expect(report.byLevel.map(\.total) == [60, 729, 59])
        #expect(report.total.degree == 89 && report.total.shortCourse == 759)
        let sentence = report.narrative(.vi)
        #expect(sentence.contains("848 lượt, trong đó 89 lượt đào tạo"), "\(sentence)")
        #expect(sentence.contains("759 lượt bồi dưỡng"), "\(sentence)")
        #expect(report.narrative(.en).contains("848 times: 89 to master's or university degrees"))
    }
}

import InspectCore
import Testing

/// Measuring people against their standard on a date, and the shares of a year against another.
@Suite struct StandardsEvaluationTests {
    static let standards = Standards(standards: [
        Standard(
            name: "xa", level: .commune, category: .civilServant, title: nil,
            requirements: [
                Requirement(kind: .education, level: "bachelor"),
                Requirement(kind: .informationTechnology, level: "basic"),
            ], basis: "NĐ 33/2023"),
        Standard(
            name: "tp", level: nil, category: nil, title: "tu-phap-ho-tich",
            requirements: [Requirement(kind: .education, level: "bachelor", fields: ["Luật"])], basis: "Luật Hộ tịch"),
        Standard(
            name: "cb", level: .commune, category: .cadre, title: nil,
            requirements: [Requirement(kind: .politicalTheory, level: "intermediate")], basis: "NĐ 33/2023"),
    ])

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func change(_ aspect: String, _ value: String, _ field: String? = nil, on day: String) -> ProfileChange {
        ProfileChange(
            aspect: aspect, value: value, field: field, date: date(day), evidence: "Số 1", reason: nil,
            recordedBy: "root", recordedAt: Instant(seconds: 0))
    }

    static func person(
        _ badge: String, _ history: [ProfileChange], category: StaffCategory = .civilServant, retiredOn: String? = nil
    ) -> StandardsSubject {
        StandardsSubject(
            badge: badge, name: "Người \(badge)", office: "X1", category: category, retiredOn: retiredOn.map(date),
            history: history)
    }

    @Test("a person falls short until the qualification dated later, and then meets the standard")
    func asOfDates() {
        let subject = Self.person(
            "A",
            [
                Self.change("level", "commune", on: "2010-01-01"),
                Self.change("education", "intermediate", "Nông nghiệp", on: "2008-06-30"),
                Self.change("it", "basic", on: "2012-03-01"),
                Self.change("education", "bachelor", "Nông nghiệp", on: "2017-06-30"),
            ])
        let before = StandardCheck(subject, asOf: Self.date("2016-12-31"), standards: Self.standards)
        #expect(before.status == .fallsShort)
        #expect(before.standard == "xa")
        #expect(before.missing == [Requirement(kind: .education, level: "bachelor")])
        let after = StandardCheck(subject, asOf: Self.date("2018-12-31"), standards: Self.standards)
        #expect(after.status == .meets)
        #expect(after.missing.isEmpty)
        let unplaced = StandardCheck(subject, asOf: Self.date("2009-12-31"), standards: Self.standards)
        #expect(unplaced.status == .noLevel)
        #expect(unplaced.level == nil)
    }

    @Test("a title's standard outweighs the level's: a justice officer needs a degree in law")
    func titleStandard() {
        let history = [
            Self.change("level", "commune", on: "2010-01-01"),
            Self.change("title", "tu-phap-ho-tich", on: "2010-01-01"),
            Self.change("education", "master", "Kinh tế", on: "2009-06-30"),
        ]
        let economist = StandardCheck(
            Self.person("B", history), asOf: Self.date("2018-12-31"), standards: Self.standards)
        #expect(economist.standard == "tp")
        #expect(economist.missing == [Requirement(kind: .education, level: "bachelor", fields: ["Luật"])])
        let lawyer = StandardCheck(
            Self.person("C", history + [Self.change("education", "bachelor", "luật", on: "2015-06-30")]),
            asOf: Self.date("2018-12-31"), standards: Self.standards)
        #expect(lawyer.status == .meets)
    }

    @Test("a language requirement on the six-level framework is not met by an ethnic language's certificate")
    func languages() {
        let b1 = Requirement(kind: .language, level: "B1")
        let any = Requirement(kind: .language, level: "certificate")
        let tay = Qualification(
            kind: .language, level: "certificate", field: "Tày", date: Self.date("2020-01-01"), evidence: "1")
        let english = Qualification(
            kind: .language, level: "B2", field: "English", date: Self.date("2020-01-01"), evidence: "1")
        #expect(!b1.isMet(by: [tay]))
        #expect(b1.isMet(by: [english]))
        #expect(any.isMet(by: [tay]))
        #expect(any.isMet(by: [english]))
        #expect(
            !b1.isMet(by: [
                Qualification(
                    kind: .language, level: "A2", field: "English", date: Self.date("2020-01-01"), evidence: "1")
            ]))
    }

    @Test("no standard for public employees; a later row supersedes an earlier one as in the profile")
    func noStandardAndSupersession() {
        let employee = StandardCheck(
            Self.person("D", [Self.change("level", "commune", on: "2010-01-01")], category: .publicEmployee),
            asOf: Self.date("2018-12-31"), standards: Self.standards)
        #expect(employee.status == .noStandard)
        #expect(employee.standard == nil)
        // A bachelor's degree recorded by mistake, corrected by a later row giving the college diploma it was.
        let corrected = StandardCheck(
            Self.person(
                "E",
                [
                    Self.change("level", "commune", on: "2010-01-01"), Self.change("it", "basic", on: "2010-01-01"),
                    Self.change("education", "bachelor", "Luật", on: "2012-06-30"),
                    Self.change("education", "college", "Luật", on: "2012-06-30"),
                ]), asOf: Self.date("2018-12-31"), standards: Self.standards)
        #expect(corrected.status == .fallsShort)
    }

    @Test("the report counts those in service with a standard, by level and category, and the change in points")
    func report() {
        func servant(
            _ badge: String, degreeIn year: Int?, retiredOn: String? = nil, levelOn: String = "2010-01-01"
        )
            -> StandardsSubject
        {
            var history = [Self.change("level", "commune", on: levelOn), Self.change("it", "basic", on: "2010-01-01")]
            if let year { history.append(Self.change("education", "bachelor", "Luật", on: "\(year)-06-30")) }
            return Self.person(badge, history, retiredOn: retiredOn)
        }
        let cadre = Self.person(
            "K",
            [
                Self.change("level", "commune", on: "2010-01-01"),
                Self.change("political-theory", "advanced", on: "2011-01-01"),
            ],
            category: .cadre)
        let subjects = [
            servant("A", degreeIn: 2010), servant("B", degreeIn: 2017), servant("C", degreeIn: nil),
            servant("D", degreeIn: 2010, retiredOn: "2017-05-01"), servant("E", degreeIn: 2010, levelOn: "2017-02-01"),
            cadre, Self.person("P", [Self.change("level", "commune", on: "2010-01-01")], category: .publicEmployee),
            Self.person("N", []),
        ]
        let report = StandardsReport(
            year: 2018, asOf: Self.date("2018-12-31"), compareYear: 2016, compareAsOf: Self.date("2016-12-31"),
            subjects: subjects, standards: Self.standards)
        // 2016: A, B, C, D measured (E not yet at the level), A and D meet: 50%. 2018: A, B, C, E, B now meets: 75%.
        #expect(
            report.shares == [
                StandardsShare(
                    level: .commune, category: .cadre, current: StandardsTally(people: 1, meeting: 1),
                    previous: StandardsTally(people: 1, meeting: 1)),
                StandardsShare(
                    level: .commune, category: .civilServant, current: StandardsTally(people: 4, meeting: 3),
                    previous: StandardsTally(people: 4, meeting: 2)),
                StandardsShare(
                    level: .commune, category: nil, current: StandardsTally(people: 5, meeting: 4),
                    previous: StandardsTally(people: 5, meeting: 3)),
            ])
        #expect(report.shares[1].change == Tenths(tenths: 250))
        #expect(report.shares[2].current.share == Tenths(tenths: 800))
    }

    @Test("the article's form: 81%, 88,4%, +10 points, and in English 88.4%")
    func articleForm() {
        let vi = ReportNumbers(.vi)
        #expect(vi.share(HalfUp.percent(171, of: 211)!) == "81%")
        #expect(vi.share(HalfUp.percent(176, of: 199)!) == "88,4%")
        #expect(vi.points(HalfUp.percent(171, of: 211)! - HalfUp.percent(142, of: 200)!) == "+10")
        #expect(vi.points(Tenths(tenths: -58)) == "-5,8")
        #expect(ReportNumbers(.en).share(Tenths(tenths: 884)) == "88.4%")
        #expect(ReportNumbers(.en).points(Tenths(tenths: 0)) == "0")
    }
}

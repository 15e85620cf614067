import InspectCore
import InspectTesting
import Testing

/// The escalation rules' evaluation: windows and their edges, what counts, and never raising twice.
@Suite struct EscalationEvaluationTests {
    static let calendar = WorkCalendar()

    /// A finding observed at 08:00 local time on `date`.
    static func finding(
        _ id: Int64, _ date: String, _ violation: String = "LATE", staff: String? = "CL-1", office: String = "XA-A",
        severity: Severity? = nil
    ) -> EscalationFinding {
        let day = CivilDate(iso: date)!
        let type = ViolationType.defaults.first { $0.code == violation }!
        return EscalationFinding(
            id: id, violation: violation, severity: severity ?? type.severity, staff: staff, office: office,
            observedAt: calendar.zone.instant(LocalDateTime(date: day, time: TimeOfDay(hour: 8, minute: 0))))
    }

    static func rule(
        _ name: String = "late", violations: [String] = ["LATE"], minSeverity: Severity? = nil,
        subject: EscalationSubjectKind = .staff, count: Int = 3, window: EscalationWindow = .days(30),
        level: EscalationLevel = .reminder
    ) -> EscalationRule {
        EscalationRule(
            name: name, violations: violations, minSeverity: minSeverity, subject: subject, threshold: count,
            window: window, level: level)
    }

    static func evaluate(
        _ rules: [EscalationRule], _ findings: [EscalationFinding], tally: EscalationTally = EscalationTally(),
        triggers: Set<Int64>? = nil
    ) -> [EscalationDraft] {
        EscalationRules(rules: rules).evaluate(findings: findings, tally: tally, triggers: triggers, calendar: calendar)
    }

    // MARK: - Windows and their edges

    /// Dates of findings, a rule's count and window, and whether the last finding raises an escalation.
    struct Case: Sendable, CustomTestStringConvertible {
        var dates: [String]
        var count: Int
        var window: EscalationWindow
        var raises: Bool
        var testDescription: String
    }

    static let cases: [Case] = [
        Case(
            dates: ["2027-03-01", "2027-03-15", "2027-03-30"], count: 3, window: .days(30), raises: true,
            testDescription: "exactly N, the first on the window's first day"),
        Case(
            dates: ["2027-03-01", "2027-03-15", "2027-03-31"], count: 3, window: .days(30), raises: false,
            testDescription: "exactly N, the first one day before the window"),
        Case(
            dates: ["2027-03-15", "2027-03-30"], count: 3, window: .days(30), raises: false,
            testDescription: "N - 1"),
        Case(
            dates: ["2027-03-10", "2027-03-10", "2027-03-10"], count: 3, window: .days(1), raises: true,
            testDescription: "N on one day, a one-day window"),
        Case(
            dates: ["2027-03-09", "2027-03-10", "2027-03-10"], count: 3, window: .days(1), raises: false,
            testDescription: "a one-day window does not reach yesterday"),
        Case(
            dates: ["2027-03-01"], count: 1, window: .days(1), raises: true,
            testDescription: "a count of one raises at the first finding"),
        // Mon 8 to Fri 12 March 2027 are five working days; Fri 5 is the sixth counted back from Fri 12.
        Case(
            dates: ["2027-03-08", "2027-03-12"], count: 2, window: .workingDays(5), raises: true,
            testDescription: "working days: the first on the window's first working day"),
        Case(
            dates: ["2027-03-05", "2027-03-12"], count: 2, window: .workingDays(5), raises: false,
            testDescription: "working days: the first one working day before the window"),
        Case(
            dates: ["2027-03-05", "2027-03-11"], count: 2, window: .workingDays(5), raises: true,
            testDescription: "working days: the weekend does not count against the window"),
        Case(
            dates: ["2027-03-05", "2027-03-11"], count: 2, window: .days(5), raises: false,
            testDescription: "calendar days: the weekend counts"),
        // 2 September (National Day) 2027 is a Thursday, with Friday 3 September off as well.
        Case(
            dates: ["2027-09-01", "2027-09-06"], count: 2, window: .workingDays(2), raises: true,
            testDescription: "working days: holidays do not count against the window"),
        Case(
            dates: ["2027-08-31", "2027-09-06"], count: 2, window: .workingDays(2), raises: false,
            testDescription: "working days: one working day before the window, across holidays"),
        Case(
            dates: ["2027-03-05", "2027-03-06"], count: 2, window: .workingDays(1), raises: true,
            testDescription: "working days: a Saturday finding counts with the Friday before it"),
    ]

    @Test("windows and their edges", arguments: cases)
    func windowEdges(_ test: Case) throws {
        // The calendar this test assumes.
        for date in ["2027-03-06", "2027-09-02", "2027-09-03"] {
            try #require(!Self.calendar.isWorkingDay(CivilDate(iso: date)!), "\(date) is a day off")
        }
        let findings = test.dates.enumerated().map { Self.finding(Int64($0.offset + 1), $0.element) }
        let drafts = Self.evaluate(
            [Self.rule(count: test.count, window: test.window)], findings, triggers: [Int64(test.dates.count)])
        #expect(drafts.count == (test.raises ? 1 : 0))
        guard let draft = drafts.first else { return }
        #expect(draft.count == test.count)
        #expect(draft.findings == findings.map(\.id))
        #expect(draft.anchor == 1)
        #expect(draft.trigger == Int64(test.dates.count))
        #expect(draft.lastDay == CivilDate(iso: test.dates.last!))
        #expect(draft.firstDay == test.window.firstDay(endingOn: draft.lastDay, calendar: Self.calendar))
        #expect(draft.firstDay <= CivilDate(iso: test.dates[0])!)
        #expect(draft.subject == .staff("CL-1"))
        #expect(draft.level == .reminder)
    }

    @Test("a window of D working days starts on the D-th working day counted back from its last day")
    func workingDayWindowStart() {
        let friday = CivilDate(iso: "2027-03-12")!
        #expect(EscalationWindow.workingDays(1).firstDay(endingOn: friday, calendar: Self.calendar) == friday)
        #expect(
            EscalationWindow.workingDays(6).firstDay(endingOn: friday, calendar: Self.calendar)
                == friday.adding(days: -7))
        let saturday = CivilDate(iso: "2027-03-13")!
        #expect(EscalationWindow.workingDays(1).firstDay(endingOn: saturday, calendar: Self.calendar) == friday)
        #expect(
            EscalationWindow.days(30).firstDay(endingOn: friday, calendar: Self.calendar) == friday.adding(days: -29))
    }

    // MARK: - What counts

    @Test("an amended finding counts as amended: another type leaves the rule, another person changes the subject")
    func amendments() {
        let rule = Self.rule(count: 2)
        let before = [Self.finding(1, "2027-03-01"), Self.finding(2, "2027-03-02")]
        #expect(Self.evaluate([rule], before, triggers: [2]).count == 1)
        // Finding 2 amended to BADGE (same id, the identity of the finding it amends).
        let retyped = [Self.finding(1, "2027-03-01"), Self.finding(2, "2027-03-02", "BADGE")]
        #expect(Self.evaluate([rule], retyped, triggers: [2]).isEmpty)
        // Finding 1 amended to another person: CL-1 has one LATE left, CL-2 one.
        let moved = [Self.finding(1, "2027-03-01", staff: "CL-2"), Self.finding(2, "2027-03-02")]
        #expect(Self.evaluate([rule], moved, triggers: [1]).isEmpty)
        // A third LATE for CL-2 raises for CL-2, counting the amended finding.
        let third = moved + [Self.finding(3, "2027-03-03", staff: "CL-2")]
        let drafts = Self.evaluate([rule], third, triggers: [3])
        #expect(drafts.map(\.subject) == [.staff("CL-2")])
        #expect(drafts.first?.findings == [1, 3])
    }

    @Test("a retracted finding is left out by the caller, so the count it completed is not reached")
    func retractions() {
        let findings = [Self.finding(1, "2027-03-01"), Self.finding(2, "2027-03-02"), Self.finding(3, "2027-03-03")]
        #expect(Self.evaluate([Self.rule()], findings, triggers: [3]).count == 1)
        #expect(Self.evaluate([Self.rule()], findings.filter { $0.id != 2 }, triggers: [3]).isEmpty)
    }

    @Test("a person who moved: their findings count for them wherever made; each office keeps its own")
    func movedStaff() {
        let rules = [Self.rule(count: 3), Self.rule("office", subject: .office, count: 3)]
        // CL-1 late twice in XA-A, then moved and late once in XA-B.
        let findings = [
            Self.finding(1, "2027-03-01", office: "XA-A"), Self.finding(2, "2027-03-02", office: "XA-A"),
            Self.finding(3, "2027-03-10", office: "XA-B"),
        ]
        let drafts = Self.evaluate(rules, findings, triggers: [3])
        #expect(drafts.map(\.subject) == [.staff("CL-1")])
        #expect(drafts.first?.findings == [1, 2, 3])
        // A colleague late in XA-A completes XA-A's count of three: the findings made there, whoever works there now.
        let more = findings + [Self.finding(4, "2027-03-11", staff: "CL-9", office: "XA-A")]
        let office = Self.evaluate(rules, more, triggers: [4])
        #expect(office.map(\.subject) == [.office("XA-A")])
        #expect(office.first?.findings == [1, 2, 4])
    }

    @Test("office rules count findings about the office itself; staff rules do not")
    func officeLevelFindings() {
        let rules = [
            Self.rule("staff", violations: ["SMOKE"], count: 2),
            Self.rule("office", violations: ["SMOKE"], subject: .office, count: 2, level: .correction),
        ]
        let findings = [
            Self.finding(1, "2027-03-01", "SMOKE", staff: nil), Self.finding(2, "2027-03-02", "SMOKE", staff: nil),
        ]
        let drafts = Self.evaluate(rules, findings, triggers: [2])
        #expect(drafts.map(\.rule) == ["office"])
        #expect(drafts.first?.level == .correction)
    }

    @Test("a severity selector counts that severity and worse; with codes too, a finding must match both")
    func severity() {
        let serious = Self.rule("serious", violations: [], minSeverity: .serious, count: 1, window: .days(1))
        let findings = [
            Self.finding(1, "2027-03-01", "ALCOHOL"), Self.finding(2, "2027-03-01", "LATE"),
            Self.finding(3, "2027-03-02", "HARASS"),
        ]
        let drafts = Self.evaluate([serious], findings, triggers: nil)
        #expect(drafts.map(\.findings) == [[1], [3]])
        let both = Self.rule("both", violations: ["LATE", "ALCOHOL"], minSeverity: .moderate, count: 1)
        #expect(Self.evaluate([both], findings, triggers: nil).map(\.findings) == [[1]])
    }

    @Test("two rules over the same findings are independent: a reminder at 3 and a referral at 5")
    func twoLevels() {
        let rules = [
            Self.rule("reminder", count: 3), Self.rule("referral", count: 5, window: .days(90), level: .referral),
        ]
        var tally = EscalationTally()
        var raised: [EscalationDraft] = []
        for day in 1...6 {
            let findings = (1...day).map { Self.finding(Int64($0), "2027-03-0\($0)") }
            let drafts = Self.evaluate(rules, findings, tally: tally, triggers: [Int64(day)])
            for draft in drafts { tally.add(draft) }
            raised += drafts
        }
        #expect(raised.map(\.rule) == ["reminder", "referral", "reminder"])
        #expect(raised.map(\.count) == [3, 5, 3])
        #expect(raised.map(\.trigger) == [3, 5, 6])
    }

    // MARK: - Only new findings raise, and never twice

    @Test("old findings alone raise nothing; a new one raises with all the window's uncounted findings")
    func onlyTriggersRaise() {
        let old = (1...5).map { Self.finding(Int64($0), "2027-03-0\($0)") }
        #expect(Self.evaluate([Self.rule()], old, triggers: [99]).isEmpty)
        let drafts = Self.evaluate([Self.rule()], old + [Self.finding(6, "2027-03-08")], triggers: [6])
        #expect(drafts.map(\.findings) == [[1, 2, 3, 4, 5, 6]])
    }

    @Test("a finding recorded late (observed earlier) raises through a window that ends after it")
    func backdated() {
        let findings = [Self.finding(2, "2027-03-10"), Self.finding(3, "2027-03-20"), Self.finding(9, "2027-03-01")]
        let drafts = Self.evaluate([Self.rule()], findings, triggers: [9])
        #expect(drafts.map(\.findings) == [[9, 2, 3]])
        #expect(drafts.first?.lastDay == CivilDate(iso: "2027-03-20"))
        #expect(drafts.first?.anchor == 9)
    }

    @Test("episodes: late on days 1, 5, 10 raises once; day 12 raises nothing; days 40, 45, 50 raise again")
    func episodes() {
        var tally = EscalationTally()
        var findings: [EscalationFinding] = []
        var raisedAt: [String] = []
        for (id, date) in [
            "2027-03-01", "2027-03-05", "2027-03-10", "2027-03-12", "2027-04-09", "2027-04-14",
            "2027-04-19",
        ].enumerated() {
            findings.append(Self.finding(Int64(id + 1), date))
            for draft in Self.evaluate([Self.rule()], findings, tally: tally, triggers: [Int64(id + 1)]) {
                tally.add(draft)
                raisedAt.append(date)
            }
        }
        #expect(raisedAt == ["2027-03-10", "2027-04-19"])
        #expect(tally.findings(rule: "late", subject: .staff("CL-1")) == [1, 2, 3, 5, 6, 7])
    }

    @Test("evaluating again with the escalations on the record raises nothing, whatever the triggers")
    func idempotent() {
        let findings = (1...7).map { Self.finding(Int64($0), "2027-03-0\($0)") }
        let first = Self.evaluate([Self.rule()], findings, triggers: nil)
        #expect(first.map(\.findings) == [[1, 2, 3], [4, 5, 6]])
        var tally = EscalationTally()
        for draft in first { tally.add(draft) }
        #expect(Self.evaluate([Self.rule()], findings, tally: tally, triggers: nil).isEmpty)
        #expect(Self.evaluate([Self.rule()], findings, tally: tally, triggers: [3, 7]).isEmpty)
    }

    /// Findings logged one by one in a random order (some recorded late), each evaluated as it is written: no
    /// finding is ever counted twice by a rule for a subject, every escalation holds N or more findings of one
    /// window, and afterwards no window holds N uncounted findings (a full re-evaluation raises nothing).
    @Test("invariants over random logging orders", arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomLogging(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let rules = [
            Self.rule("late", count: 3, window: .days(30)),
            Self.rule("late-wd", count: 4, window: .workingDays(10), level: .correction),
            Self.rule("office", violations: [], minSeverity: .minor, subject: .office, count: 5, window: .days(14)),
        ]
        let start = CivilDate(iso: "2027-01-01")!
        var pool: [EscalationFinding] = (1...60).map { id in
            let date = start.adding(days: Int.random(in: 0..<120, using: &generator))
            return Self.finding(
                Int64(id), date.description, ["LATE", "BADGE"][Int.random(in: 0..<2, using: &generator)],
                staff: ["CL-1", "CL-2", nil][Int.random(in: 0..<3, using: &generator)],
                office: ["XA-A", "XA-B"][Int.random(in: 0..<2, using: &generator)])
        }
        pool.shuffle(using: &generator)
        var tally = EscalationTally()
        var written: [EscalationFinding] = []
        var all: [EscalationDraft] = []
        for finding in pool {
            written.append(finding)
            let drafts = Self.evaluate(rules, written, tally: tally, triggers: [finding.id])
            for draft in drafts {
                #expect(draft.findings.contains(finding.id), "an escalation counts the finding that raised it")
                #expect(tally.findings(rule: draft.rule, subject: draft.subject).isDisjoint(with: draft.findings))
                tally.add(draft)
            }
            all += drafts
        }
        let byID = Dictionary(uniqueKeysWithValues: written.map { ($0.id, $0) })
        for draft in all {
            let rule = rules.first { $0.name == draft.rule }!
            #expect(draft.count >= rule.threshold)
            for id in draft.findings {
                let date = Self.calendar.zone.local(byID[id]!.observedAt).date
                #expect(draft.firstDay <= date && date <= draft.lastDay)
                #expect(rule.matches(byID[id]!) && rule.subject(of: byID[id]!) == draft.subject)
            }
        }
        let keys = all.map { "\($0.rule) \($0.subject) \($0.anchor)" }
        #expect(Set(keys).count == keys.count, "no two escalations share a key")
        #expect(Self.evaluate(rules, written, tally: tally, triggers: nil).isEmpty)
        #expect(!all.isEmpty)
    }
}

import InspectCore
import Testing

@Suite struct PlanConfigTests {
    static let directory = "/etc/inspectd/plans.d"

    /// Accepts any calendar expression except those containing "bogus", like the real engine would reject them.
    static let validateCalendar: @Sendable (String) throws -> Void = { expression in
        if expression.contains("bogus") { throw InspectError.invalidInput("'\(expression)' has an unknown word") }
    }

    static func plan(_ text: String, file: String = "test-plan.conf") throws -> Plan {
        try Plan(
            document: IniDocument(text: text, path: "\(directory)/\(file)"), validateCalendar: validateCalendar)
    }

    // MARK: - Reading every key

    @Test("a surprise plan reads every common and surprise key")
    func everySurpriseKey() throws {
        let plan = try Self.plan(
            """
            [Plan]
            Name=communes
            Description=Surprise checks of the communes
            Kind=surprise
            Offices=UBND-NHANLY, UBND-GIALOC
            OfficeKinds=town
            Parent=PNV
            Checks=BADGE OFFPOST
            Team=noi-vu-1 noi-vu-2
            Window=1h 30min
            Period=quarter
            Total=12
            MinPerOffice=2
            Horizon=year
            MaxPerOffice=3
            MinSpacing=14
            TeamCapacity=3
            Weighting=risk
            PreferSessionStart=yes
            """)

        #expect(plan.name == "communes")
        #expect(plan.summary == "Surprise checks of the communes")
        #expect(plan.kind == .surprise)
        #expect(
            plan.selector == OfficeSelector(codes: ["UBND-NHANLY", "UBND-GIALOC"], kinds: [.town], parents: ["PNV"]))
        #expect(plan.checks == ["BADGE", "OFFPOST"])
        #expect(plan.teams == ["noi-vu-1", "noi-vu-2"])
        #expect(plan.window == .duration(seconds: 5400))
        #expect(plan.path == "\(Self.directory)/test-plan.conf")
        #expect(plan.plannedRules == nil)
        #expect(
            plan.surpriseRules
                == SurpriseRules(
                    period: .quarter, total: 12, minPerOffice: 2, horizon: .year, maxPerOffice: 3, minSpacingDays: 14,
                    teamCapacity: 3, weighting: .risk, preferSessionStart: true))
    }

    @Test("a planned plan reads OnCalendar and HolidayPolicy, and hands the expression to the validator")
    func everyPlannedKey() throws {
        var validated: [String] = []
        let plan = try Plan(
            document: IniDocument(
                text: """
                    [Plan]
                    Kind=planned
                    OfficeKinds=department
                    Checks=LATE
                    Team=noi-vu
                    Window=2 working days
                    OnCalendar=Mon *-*-1..7 08:00
                    HolidayPolicy=skip
                    """, path: "\(Self.directory)/planned-monthly.conf"),
            validateCalendar: { validated.append($0) })

        #expect(validated == ["Mon *-*-1..7 08:00"])
        #expect(plan.name == "planned-monthly")
        #expect(plan.kind == .planned)
        #expect(plan.window == .workingDays(2))
        #expect(plan.plannedRules == PlannedRules(onCalendar: "Mon *-*-1..7 08:00", holidayPolicy: .skip))
        #expect(plan.surpriseRules == nil)
    }

    @Test("unset keys take their defaults: name from the file, one team named after the plan, monthly, 1 day apart")
    func defaults() throws {
        let surprise = try Self.plan("[Plan]\nKind=surprise\nOfficeKinds=commune\nTotal=5\n", file: "quiet.conf")
        #expect(surprise.name == "quiet")
        #expect(surprise.teams == ["quiet"])
        #expect(surprise.checks.isEmpty)
        #expect(surprise.window == .standard)
        #expect(surprise.summary == nil)
        #expect(
            surprise.surpriseRules
                == SurpriseRules(
                    period: .month, total: 5, minPerOffice: 0, horizon: .month, maxPerOffice: nil, minSpacingDays: 1,
                    teamCapacity: 2, weighting: .uniform, preferSessionStart: false))

        let planned = try Self.plan("[Plan]\nKind=planned\nOffices=PNV\nOnCalendar=monthly\n")
        #expect(planned.plannedRules?.holidayPolicy == .nextWorkingSession)
    }

    @Test("PreferSessionStart=auto follows whether LATE is checked; yes and no override it")
    func preferSessionStart() throws {
        func prefers(_ lines: String) throws -> Bool? {
            try Self.plan("[Plan]\nKind=surprise\nOfficeKinds=commune\nTotal=5\n" + lines).surpriseRules?
                .preferSessionStart
        }
        #expect(try prefers("Checks=BADGE LATE\n") == true)
        #expect(try prefers("Checks=BADGE\n") == false)
        #expect(try prefers("Checks=LATE\nPreferSessionStart=auto\n") == true)
        #expect(try prefers("Checks=LATE\nPreferSessionStart=no\n") == false)
        #expect(try prefers("Checks=BADGE\nPreferSessionStart=yes\n") == true)
    }

    @Test("list keys add up over repeats, drop duplicates, and restart after an empty assignment")
    func lists() throws {
        let plan = try Self.plan(
            """
            [Plan]
            Kind=surprise
            Total=3
            Offices=A1
            Offices=
            Offices=B2,C3
            Offices=C3 D4
            Checks=LATE BADGE LATE
            Team=t1
            Team=t2
            """)
        #expect(plan.selector.codes == ["B2", "C3", "C3", "D4"])
        #expect(plan.checks == ["LATE", "BADGE"])
        #expect(plan.teams == ["t1", "t2"])
    }

    @Test("MaxPerOffice=infinity means no limit; MinPerOffice within Max × periods per horizon is accepted")
    func quotaEdges() throws {
        let unlimited = try Self.plan("[Plan]\nKind=surprise\nOffices=A\nTotal=1\nMaxPerOffice=infinity\n")
        #expect(unlimited.surpriseRules?.maxPerOffice == nil)
        let spread = try Self.plan(
            "[Plan]\nKind=surprise\nOffices=A\nTotal=1\nMinPerOffice=3\nHorizon=quarter\nMaxPerOffice=1\n")
        #expect(spread.surpriseRules?.minPerOffice == 3)
    }

    @Test("violation codes are checked against the configured list")
    func configuredViolations() throws {
        let text = "[Plan]\nKind=surprise\nOffices=A\nTotal=1\nChecks=NAPPING\n"
        let document = try IniDocument(text: text, path: "\(Self.directory)/x.conf")
        let plan = try Plan(document: document, validateCalendar: Self.validateCalendar, violationCodes: ["NAPPING"])
        #expect(plan.checks == ["NAPPING"])
        let known = ViolationType.defaults.map(\.code).sorted().joined(separator: ", ")
        #expect(
            throws: InspectError.invalidConfig(
                path: document.path, line: 5, reason: "Checks=NAPPING: no violation type 'NAPPING'; known: \(known)")
        ) { try Self.plan(text, file: "x.conf") }
    }

    // MARK: - Errors at their line

    struct BadPlan: CustomTestStringConvertible, Sendable {
        var what: String
        var lines: [String]
        /// The line the error must name; 0 for the file as a whole.
        var line: Int
        var reason: String

        var testDescription: String { what }

        static let surprise = ["[Plan]", "Kind=surprise", "OfficeKinds=commune", "Total=5"]
        static let planned = ["[Plan]", "Kind=planned", "OfficeKinds=department", "OnCalendar=daily"]

        static let all: [BadPlan] = [
            BadPlan(
                what: "a misspelt key", lines: surprise + ["Totl=5"], line: 5,
                reason: "unknown key 'Totl' in [Plan] (did you mean 'Total'?)"),
            BadPlan(
                what: "an unknown section", lines: surprise + ["[Plans]"], line: 5, reason: "unknown section [Plans]"),
            BadPlan(what: "no Kind", lines: ["# a plan", "[Plan]", "Offices=A"], line: 2, reason: "needs Kind="),
            BadPlan(
                what: "an unknown Kind", lines: ["[Plan]", "Kind=sudden"], line: 2,
                reason: "expected one of: planned, surprise"),
            BadPlan(
                what: "a surprise key in a planned plan", lines: planned + ["MaxPerOffice=2"], line: 5,
                reason: "MaxPerOffice= applies only to Kind=surprise plans"),
            BadPlan(
                what: "a planned key in a surprise plan", lines: surprise + ["HolidayPolicy=skip"], line: 5,
                reason: "HolidayPolicy= applies only to Kind=planned plans"),
            BadPlan(
                what: "no OnCalendar", lines: ["[Plan]", "Kind=planned", "Offices=A"], line: 1,
                reason: "needs OnCalendar="),
            BadPlan(
                what: "an invalid calendar expression",
                lines: ["[Plan]", "Kind=planned", "Offices=A", "OnCalendar=bogus"],
                line: 4, reason: "invalid calendar expression: 'bogus' has an unknown word"),
            BadPlan(
                what: "an unknown holiday policy", lines: planned + ["HolidayPolicy=later"], line: 5,
                reason: "expected one of: next-working-session, skip"),
            BadPlan(
                what: "no Total", lines: ["[Plan]", "Kind=surprise", "Offices=A"], line: 1,
                reason: "needs Total= (inspections per month)"),
            BadPlan(
                what: "a zero Total", lines: ["[Plan]", "Kind=surprise", "Offices=A", "Total=0"], line: 4,
                reason: "expected a whole number from 1 to 100000"),
            BadPlan(
                what: "no offices selected", lines: ["[Plan]", "Kind=surprise", "Total=1"], line: 1,
                reason: "must select offices"),
            BadPlan(
                what: "a lower-case office code", lines: surprise + ["Offices=A ubnd-x"], line: 5,
                reason: "office code 'ubnd-x' may only contain"),
            BadPlan(
                what: "an unknown office kind", lines: surprise + ["OfficeKinds=town village"], line: 5,
                reason: "'village' is not one of: district, department, commune, town, agency, unit"),
            BadPlan(
                what: "a bad parent code", lines: surprise + ["Parent=-X"], line: 5,
                reason: "office code '-X' may only contain"),
            BadPlan(
                what: "an unknown violation", lines: surprise + ["Checks=LATE NAPPING"], line: 5,
                reason: "no violation type 'NAPPING'"),
            BadPlan(
                what: "a bad team name", lines: surprise + ["Team=ok _bad"], line: 5, reason: "invalid team '_bad'"),
            BadPlan(
                what: "a bad window", lines: surprise + ["Window=soon"], line: 5, reason: "expected a span like 4h"),
            BadPlan(
                what: "a window over a year", lines: surprise + ["Window=400d"], line: 5, reason: "at most 366 days"),
            BadPlan(
                what: "a yearly period", lines: surprise + ["Period=year"], line: 5,
                reason: "expected one of: week, month, quarter"),
            BadPlan(
                what: "a horizon shorter than the period", lines: surprise + ["Period=quarter", "Horizon=month"],
                line: 6, reason: "the horizon must hold whole periods"),
            BadPlan(
                what: "weeks in a month horizon", lines: surprise + ["Period=week", "Horizon=month"], line: 6,
                reason: "with Period=week use Horizon=week"),
            BadPlan(
                what: "a zero maximum", lines: surprise + ["MaxPerOffice=0"], line: 5,
                reason: "expected a whole number from 1 to 1000"),
            BadPlan(
                what: "a minimum above the maximum over the horizon",
                lines: surprise + ["MaxPerOffice=1", "MinPerOffice=4", "Horizon=quarter"], line: 6,
                reason: "MinPerOffice=4 per quarter exceeds MaxPerOffice=1 per month over the 3 month(s) of a quarter"),
            BadPlan(
                what: "a minimum above the maximum in one period",
                lines: surprise + ["MinPerOffice=3", "MaxPerOffice=2"],
                line: 5, reason: "MinPerOffice=3 per month exceeds MaxPerOffice=2"),
            BadPlan(
                what: "spacing that leaves no room for the maximum",
                lines: surprise + ["MaxPerOffice=3", "MinSpacing=20"],
                line: 6, reason: "MaxPerOffice=3 inspections 20 days apart need 41 days; a month has at most 31"),
            BadPlan(
                what: "spacing that leaves no room for the minimum",
                lines: surprise + ["MinPerOffice=3", "MinSpacing=15"], line: 6,
                reason: "MinPerOffice=3 inspections 15 days apart need 31 days; a month can have only 28"),
            BadPlan(
                what: "a negative spacing", lines: surprise + ["MinSpacing=-1"], line: 5,
                reason: "expected a whole number from 0 to 366"),
            BadPlan(
                what: "a zero team capacity", lines: surprise + ["TeamCapacity=0"], line: 5,
                reason: "expected a whole number from 1 to 100"),
            BadPlan(
                what: "an unknown weighting", lines: surprise + ["Weighting=heavy"], line: 5,
                reason: "expected one of: uniform, risk"),
            BadPlan(
                what: "a bad PreferSessionStart", lines: surprise + ["PreferSessionStart=maybe"], line: 5,
                reason: "expected yes or no"),
            BadPlan(what: "a bad Name", lines: surprise + ["Name=my plan"], line: 5, reason: "invalid plan name"),
        ]
    }

    @Test("each error names the file and the exact line, with the reason", arguments: BadPlan.all)
    func errors(_ bad: BadPlan) throws {
        let error = #expect(throws: InspectError.self) {
            try Self.plan(bad.lines.joined(separator: "\n"), file: "bad.conf")
        }
        guard case .invalidConfig(let path, let line, let reason) = error else {
            Issue.record("expected a configuration error, got \(String(describing: error))")
            return
        }
        #expect(path == "\(Self.directory)/bad.conf")
        #expect(line == bad.line)
        #expect(reason.contains(bad.reason), "\(reason)")
    }

    @Test("a file name that is no valid plan name needs Name=")
    func fileNameAsName() throws {
        let text = "[Plan]\nKind=surprise\nOffices=A\nTotal=1\n"
        #expect(
            throws: InspectError.invalidConfig(
                path: "\(Self.directory)/my plan.conf", line: 0,
                reason: "the file name does not make a valid plan name ('my plan'): \(Plan.safeNameRule); set Name=")
        ) {
            try Self.plan(text, file: "my plan.conf")
        }
        #expect(try Self.plan(text + "Name=my-plan\n", file: "my plan.conf").name == "my-plan")
    }

    // MARK: - Plan sets

    @Test("a plan set sorts plans by name and finds them")
    func planSet() throws {
        let documents = try ["b.conf", "a.conf"].map { file in
            try IniDocument(text: "[Plan]\nKind=surprise\nOffices=A\nTotal=1\n", path: "\(Self.directory)/\(file)")
        }
        let set = try PlanSet(documents: documents, validateCalendar: Self.validateCalendar)
        #expect(set.plans.map(\.name) == ["a", "b"])
        #expect(try set.plan(named: "b").path == "\(Self.directory)/b.conf")
        #expect(throws: InspectError.notFound(kind: "plan", key: "c")) { try set.plan(named: "c") }
    }

    @Test("two files claiming one plan name are an error naming both")
    func duplicateNames() throws {
        let first = try IniDocument(
            text: "[Plan]\nKind=surprise\nOffices=A\nTotal=1\n", path: "\(Self.directory)/communes.conf")
        let second = try IniDocument(
            text: "[Plan]\nKind=planned\nOffices=A\nOnCalendar=daily\nName=communes\n",
            path: "\(Self.directory)/other.conf")
        #expect(
            throws: InspectError.invalidConfig(
                path: "\(Self.directory)/other.conf", line: 5,
                reason:
                    "plan 'communes' is already defined in \(Self.directory)/communes.conf; plan names must be unique")
        ) {
            try PlanSet(documents: [first, second], validateCalendar: Self.validateCalendar)
        }
    }

    @Test("a plan set reports the first bad file's error")
    func badFileInSet() throws {
        let good = try IniDocument(
            text: "[Plan]\nKind=surprise\nOffices=A\nTotal=1\n", path: "\(Self.directory)/a.conf")
        let bad = try IniDocument(text: "[Plan]\nKind=surprise\nOffices=A\n", path: "\(Self.directory)/b.conf")
        let error = #expect(throws: InspectError.self) {
            try PlanSet(documents: [good, bad], validateCalendar: Self.validateCalendar)
        }
        guard case .invalidConfig(let path, 1, let reason) = error else {
            Issue.record("expected a configuration error at line 1, got \(String(describing: error))")
            return
        }
        #expect(path == bad.path)
        #expect(reason.hasPrefix("a surprise plan needs Total="), "\(reason)")
    }
}

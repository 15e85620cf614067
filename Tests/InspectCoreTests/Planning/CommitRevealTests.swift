import Foundation
import InspectCore
import InspectTesting
import Testing

@Suite struct CommitRevealTests {
    /// The bytes 0, 1, …, 31.
    static let seed = DrawSeed(bytes: Array(0..<32))!

    static let rules = SurpriseRules(
        period: .month, total: 2, minPerOffice: 1, horizon: .quarter, maxPerOffice: 1, minSpacingDays: 7,
        teamCapacity: 1, weighting: .risk, preferSessionStart: true)

    static func inputs(
        plan: String = "test-plan", rules: SurpriseRules = rules, teams: [String] = ["noi-vu"],
        period: String = "2026-03",
        offices: [DrawOffice] = [
            DrawOffice(code: "XA-01", hoursProfile: "default", weight: 1000),
            DrawOffice(code: "XA-02", hoursProfile: "morning", weight: 2500),
        ],
        history: [VisitRecord] = [
            VisitRecord(office: "XA-01", at: PlannerFixture.instant("2026-02-27 08:00"), team: "noi-vu")
        ],
        calendar: WorkCalendar = PlannerFixture.calendar, planner: PlannerVersion = .current
    ) throws -> DrawInputs {
        try DrawInputs(
            plan: plan, rules: rules, teams: teams, period: PlannerFixture.period(period), offices: offices,
            history: history, calendar: calendar, planner: planner)
    }

    // MARK: - Pinned encodings

    @Test("the canonical inputs and the commitment are fixed, so stored commitments stay valid across versions")
    func canonicalIsPinned() throws {
        let inputs = try Self.inputs(planner: .greedy)
        // Computed independently from the documented format (Python's hashlib over the same fields).
        let digest = "defcc46f8d9227d681b6416d183859a1445f90ad4a37251d6dc7174fb89a0834"
        #expect(inputs.calendarDigest == digest)
        let fields =
            "9:test-plan;5:month;1:2;1:1;7:quarter;1:1;1:7;1:1;4:risk;3:yes;1:1;"
            + "6:noi-vu;5:month;10:2026-03-01;10:1772298000;10:1774976400;7:quarter;10:2026-01-01;10:1767200400;"
            + "10:1774976400;1:1;10:1772298000;1:2;5:XA-01;7:default;4:1000;5:XA-02;7:morning;4:2500;1:1;5:XA-01;"
            + "10:1772154000;6:noi-vu;64:\(digest)"
        // The first planner's inputs name no planner: their encoding is the one its commitments were made with.
        #expect(String(decoding: inputs.canonical, as: UTF8.self) == "23:inspectd.draw-inputs.v1;" + fields)
        #expect(
            inputs.commitment(seed: Self.seed) == "2771c6d12c70b9cf7f470c4b41de100f9b82896086171e382c8cc22466710c25")
        // Later planners are named after the tag, so a commitment binds the algorithm that replays the draw.
        let searching = try Self.inputs(planner: .searching)
        #expect(String(decoding: searching.canonical, as: UTF8.self) == "23:inspectd.draw-inputs.v2;1:2;" + fields)
        #expect(
            searching.commitment(seed: Self.seed)
                == "1bbe37acc4f3c459838737eff55eb6cf0b15d51cca471b6737f9a7ec116edf54")
    }

    @Test("the generator is HMAC-SHA-256 of a big-endian counter keyed by the seed, four words a block")
    func generatorKnownAnswer() {
        var generator = DrawGenerator(seed: Self.seed)
        let words = (0..<8).map { _ in generator.next() }
        #expect(
            words == [
                0x9f0c_d9b9_4097_fe49, 0x2991_8d2b_8942_b344, 0x3957_4261_a35d_c501, 0x63f0_6c67_d4e4_8899,
                0xc432_e059_c378_eef7, 0xfe2f_1181_a405_0836, 0xf51e_0856_fd74_937b, 0xe817_84fa_0efa_7a1c,
            ])
    }

    @Test("the generator is deterministic for a seed and differs between seeds")
    func generatorDeterminism() {
        var rng = SplitMix64(seed: 42)
        let one = DrawSeed.random(using: &rng)
        let other = DrawSeed.random(using: &rng)
        var first = DrawGenerator(seed: one)
        var again = DrawGenerator(seed: one)
        var second = DrawGenerator(seed: other)
        let a = (0..<100).map { _ in first.next() }
        #expect(a == (0..<100).map { _ in again.next() })
        #expect(a != (0..<100).map { _ in second.next() })
        #expect(Set(a).count == 100)
    }

    // MARK: - Seeds

    @Test("a seed is 32 bytes, written as 64 hex digits, and encodes as its hex")
    func seeds() throws {
        var rng = SplitMix64(seed: 1)
        let seed = DrawSeed.random(using: &rng)
        #expect(seed.bytes.count == 32)
        #expect(seed.hex.count == 64)
        #expect(DrawSeed(hex: seed.hex) == seed)
        #expect(DrawSeed(hex: String(seed.hex.dropLast(2))) == nil)
        #expect(DrawSeed(hex: "zz" + seed.hex.dropFirst(2)) == nil)
        #expect(DrawSeed(bytes: [1, 2, 3]) == nil)
        let json = try JSONEncoder().encode([seed])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(seed.hex)\"]")
        #expect(try JSONDecoder().decode([DrawSeed].self, from: json) == [seed])
        #expect(DrawSeed.random(using: &rng) != seed)
    }

    // MARK: - Commitments

    @Test("the commitment changes when the seed or any input changes")
    func commitmentCoversEverything() throws {
        let base = try Self.inputs()
        let commitment = base.commitment(seed: Self.seed)
        var rng = SplitMix64(seed: 9)
        #expect(base.commitment(seed: .random(using: &rng)) != commitment)

        func rules(_ change: (inout SurpriseRules) -> Void) -> SurpriseRules {
            var rules = Self.rules
            change(&rules)
            return rules
        }
        let changes: [(String, () throws -> DrawInputs)] = [
            ("total", { try Self.inputs(rules: rules { $0.total = 1 }) }),
            ("minimum", { try Self.inputs(rules: rules { $0.minPerOffice = 0 }) }),
            ("horizon", { try Self.inputs(rules: rules { $0.horizon = .year }) }),
            ("maximum", { try Self.inputs(rules: rules { $0.maxPerOffice = nil }) }),
            ("spacing", { try Self.inputs(rules: rules { $0.minSpacingDays = 6 }) }),
            ("capacity", { try Self.inputs(rules: rules { $0.teamCapacity = 2 }) }),
            ("weighting", { try Self.inputs(rules: rules { $0.weighting = .uniform }) }),
            ("session start", { try Self.inputs(rules: rules { $0.preferSessionStart = false }) }),
            ("plan", { try Self.inputs(plan: "other-plan") }),
            ("planner", { try Self.inputs(planner: .greedy) }),
            ("teams", { try Self.inputs(teams: ["noi-vu", "noi-vu-2"]) }),
            ("period", { try Self.inputs(period: "2026-02") }),
            (
                "weight",
                { try Self.inputs(offices: [DrawOffice(code: "XA-01"), DrawOffice(code: "XA-02", weight: 2501)]) }
            ),
            (
                "profile",
                { try Self.inputs(offices: [DrawOffice(code: "XA-01"), DrawOffice(code: "XA-02", weight: 2500)]) }
            ),
            (
                "office",
                {
                    try Self.inputs(offices: [
                        DrawOffice(code: "XA-01"), DrawOffice(code: "XA-03", hoursProfile: "morning", weight: 2500),
                    ])
                }
            ),
            ("no history", { try Self.inputs(history: []) }),
            (
                "history instant",
                {
                    try Self.inputs(history: [
                        VisitRecord(office: "XA-01", at: PlannerFixture.instant("2026-02-27 08:01"), team: "noi-vu")
                    ])
                }
            ),
            (
                "history team",
                {
                    try Self.inputs(history: [
                        VisitRecord(office: "XA-01", at: PlannerFixture.instant("2026-02-27 08:00"))
                    ])
                }
            ),
            (
                "calendar",
                { try Self.inputs(calendar: Self.calendar(withDayOff: CivilDate(year: 2026, month: 3, day: 10))) }
            ),
        ]
        var seen: [String: String] = [commitment: "base"]
        for (what, make) in changes {
            let changed = try make().commitment(seed: Self.seed)
            #expect(seen[changed] == nil, "changing the \(what) gives the commitment of \(seen[changed] ?? "")")
            seen[changed] = what
        }
    }

    /// The fixture calendar with one more day off.
    static func calendar(withDayOff date: CivilDate) -> WorkCalendar {
        let fixture = PlannerFixture.calendar
        let holiday = Holiday(date: date, name: "Storm day", nameVietnamese: "Nghỉ bão", source: .computed)
        let announcement = HolidayAnnouncement(
            year: date.year, replacesDefaults: false, daysOff: [holiday], makeUpWorkingDays: [])
        return WorkCalendar(
            zone: fixture.zone, profiles: fixture.profileNames.map { fixture.profiles[$0]! },
            holidays: HolidayCalendar(announcements: [announcement]))
    }

    @Test("history that cannot affect the draw is left out of the inputs")
    func irrelevantHistory() throws {
        let far = VisitRecord(office: "XA-01", at: PlannerFixture.instant("2025-11-03 08:00"), team: "noi-vu")
        let otherTeam = VisitRecord(office: "PNV", at: PlannerFixture.instant("2026-03-03 08:00"), team: "elsewhere")
        let sameTeam = VisitRecord(office: "PNV", at: PlannerFixture.instant("2026-03-03 09:00"), team: "noi-vu")
        let base = try Self.inputs()
        let padded = try Self.inputs(history: base.history + [far, otherTeam, sameTeam])
        #expect(padded.history == (base.history + [sameTeam]).sorted())
    }

    @Test("inputs and draws survive a JSON round trip with the same commitment")
    func codable() throws {
        let inputs = try Self.inputs()
        let draw = try SurpriseDraw(inputs: inputs, calendar: PlannerFixture.calendar, seed: Self.seed)
        let data = try JSONEncoder().encode(draw)
        let decoded = try JSONDecoder().decode(SurpriseDraw.self, from: data)
        #expect(decoded == draw)
        #expect(decoded.inputs.commitment(seed: Self.seed) == draw.commitment)
        #expect(decoded.inputs.canonical == inputs.canonical)
        #expect(decoded.inputs.planner == .current)
    }

    @Test("inputs stored before the planner was recorded read as the first planner's")
    func unversionedInputs() throws {
        let inputs = try Self.inputs(planner: .greedy)
        var json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(inputs)) as? [String: Any])
        #expect(json.removeValue(forKey: "planner") as? Int == 1)
        let decoded = try JSONDecoder().decode(DrawInputs.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(decoded == inputs)
    }

    // MARK: - Audits

    @Test("an honest draw is confirmed")
    func honestDraw() throws {
        let inputs = try Self.inputs()
        let draw = try SurpriseDraw(inputs: inputs, calendar: PlannerFixture.calendar, seed: Self.seed)
        #expect(draw.drafts.count == 2)
        let report = SurpriseAudit.verify(
            seed: Self.seed, inputs: draw.inputs, commitment: draw.commitment, drafts: draw.drafts,
            calendar: PlannerFixture.calendar)
        #expect(report.isConfirmed, "\(report)")
        #expect(report.description == "confirmed")
    }

    @Test("drawing a plan in one step gives the committed draw; a planned plan cannot be drawn")
    func oneStepDraw() throws {
        let inputs = try Self.inputs()
        let plan = Plan(
            name: "test-plan", selector: OfficeSelector(kinds: [.commune]), teams: ["noi-vu"],
            schedule: .surprise(Self.rules))
        var generator = DrawGenerator(seed: Self.seed)
        let drafts = try SurprisePlanner.draw(
            plan: plan, period: inputs.period, offices: inputs.offices, calendar: PlannerFixture.calendar,
            history: inputs.history, using: &generator)
        let draw = try SurpriseDraw(inputs: inputs, calendar: PlannerFixture.calendar, seed: Self.seed)
        #expect(drafts == draw.drafts)

        var planned = plan
        planned.schedule = .planned(PlannedRules(onCalendar: "monthly"))
        #expect(throws: InspectError.invalidInput("plan 'test-plan' is a planned plan; only surprise plans are drawn"))
        {
            try SurprisePlanner.draw(
                plan: planned, period: inputs.period, offices: inputs.offices, calendar: PlannerFixture.calendar,
                history: [], using: &generator)
        }
    }

    @Test("a tampered draft list is refuted, naming the drafts that differ")
    func tamperedDrafts() throws {
        let draw = try SurpriseDraw(inputs: Self.inputs(), calendar: PlannerFixture.calendar, seed: Self.seed)
        var moved = draw.drafts
        let original = moved[0]
        moved[0].dueAt = original.dueAt.adding(seconds: 3600)
        let report = SurpriseAudit.verify(
            seed: Self.seed, inputs: draw.inputs, commitment: draw.commitment, drafts: moved,
            calendar: PlannerFixture.calendar)
        #expect(report.problems == [.missingDraft(original), .unexpectedDraft(moved[0])])

        let dropped = SurpriseAudit.verify(
            seed: Self.seed, inputs: draw.inputs, commitment: draw.commitment, drafts: Array(draw.drafts.dropLast()),
            calendar: PlannerFixture.calendar)
        #expect(dropped.problems == [.missingDraft(draw.drafts.last!)])
        #expect(dropped.description.hasPrefix("missing from the record: XA-0"))
    }

    @Test("a changed input is refuted by the commitment")
    func changedInput() throws {
        let draw = try SurpriseDraw(inputs: Self.inputs(), calendar: PlannerFixture.calendar, seed: Self.seed)
        var inputs = draw.inputs
        inputs.offices[1].weight = 5000
        let report = SurpriseAudit.verify(
            seed: Self.seed, inputs: inputs, commitment: draw.commitment, drafts: draw.drafts,
            calendar: PlannerFixture.calendar)
        #expect(!report.isConfirmed)
        #expect(
            report.problems.first
                == .commitmentMismatch(recorded: draw.commitment, recomputed: inputs.commitment(seed: Self.seed)))
    }

    @Test("a wrong seed is refuted by the commitment and by the replay")
    func wrongSeed() throws {
        let draw = try SurpriseDraw(inputs: Self.inputs(), calendar: PlannerFixture.calendar, seed: Self.seed)
        var rng = SplitMix64(seed: 5)
        let report = SurpriseAudit.verify(
            seed: .random(using: &rng), inputs: draw.inputs, commitment: draw.commitment, drafts: draw.drafts,
            calendar: PlannerFixture.calendar)
        guard case .commitmentMismatch = report.problems.first else {
            Issue.record("expected a commitment mismatch first: \(report)")
            return
        }
        #expect(report.problems.contains { if case .missingDraft = $0 { true } else { false } })
    }

    @Test("a calendar changed after the draw is reported")
    func changedCalendar() throws {
        let draw = try SurpriseDraw(inputs: Self.inputs(), calendar: PlannerFixture.calendar, seed: Self.seed)
        // A day off declared afterwards on the day of the first draft.
        let changed = Self.calendar(withDayOff: PlannerFixture.zone.local(draw.drafts[0].dueAt).date)
        let report = SurpriseAudit.verify(
            seed: Self.seed, inputs: draw.inputs, commitment: draw.commitment, drafts: draw.drafts, calendar: changed)
        guard case .calendarChanged(let recorded, let current) = report.problems.first else {
            Issue.record("expected a calendar change first: \(report)")
            return
        }
        #expect(recorded == draw.inputs.calendarDigest)
        #expect(current != recorded)
        #expect(report.problems.contains(.unexpectedDraft(draw.drafts[0])))
    }
}

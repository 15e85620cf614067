import Foundation
import InspectCore
import InspectService
import InspectTesting
import Testing

/// The yearly classification through the service: proposals from the year's record under the shipped rules, a new
/// proposal only when the rules or the facts change, decisions beside proposals, never over them, personal listings,
/// reports for inspectors, journal events, and tampering named by `verify`.
@Suite("Yearly classification: proposals, decisions, report and review list")
struct ClassificationServiceTests {
    static let shipped = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("etc/inspectd/classification.conf")

    /// Nhân Lý's twelve staff under the shipped bands and rules (or `rules`); CL-1 found late three times in 2027.
    private func fixture(rules: String? = nil) throws -> ServiceFixture {
        let fixture = try ServiceFixture(
            configuration: InspectConfiguration(
                main: IniDocument(text: "", path: "inspectd.conf"), holidayFiles: [], planFiles: [],
                bandsFile: IniDocument(
                    text: try String(contentsOf: CompetencyBandsPath.shipped, encoding: .utf8), path: "bands.conf"),
                classificationFile: IniDocument(
                    text: try rules ?? String(contentsOf: Self.shipped, encoding: .utf8), path: "classification.conf")
            ))
        let open = try fixture.seed()
        fixture.clock.advance(seconds: 1800)
        var generator = SplitMix64(seed: 1)
        _ = try fixture.service.closeInspection(id: open, checked: 12, by: fixture.inspector, using: &generator)
        for day in ["2027-03-02", "2027-03-03", "2027-03-04"] {
            try fixture.visit(at: "\(day) 08:00", checked: 12, [(type: "LATE", staff: "CL-1")])
        }
        return fixture
    }

    private func year(_ fixture: ServiceFixture, _ badge: String? = nil) throws -> [YearClassification] {
        try fixture.service.classifications(.init(year: 2027, badge: badge))
    }

    @Test("everyone on the roll is proposed; the rules' reasons go with a lower level; proposing again adds nothing")
    func propose() throws {
        let fixture = try fixture()
        let run = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        #expect(run.proposed == 12)
        #expect(run.unchanged == 0)
        let all = try year(fixture)
        #expect(all.count == 12)
        let late = try #require(all.first { $0.badge == "CL-1" })
        #expect(late.proposal.level == .done)
        #expect(late.proposal.reasons.map(\.rule) == ["findings"])
        #expect(late.proposal.facts.findings == 3)
        #expect(
            all.filter { $0.badge != "CL-1" }.allSatisfy { $0.proposal.level == .good && $0.proposal.reasons.isEmpty })
        let again = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        #expect(again.proposed == 0)
        #expect(again.unchanged == 12)
        #expect(try fixture.count("classification_proposal") == 12)
        let events = fixture.sink.events.filter { $0.kind == .classificationProposed }
        #expect(events.map { $0.fields["COUNT"] } == ["12", "0"])
    }

    @Test("a retracted finding changes the facts: a new proposal is added beside the old one")
    func reproposal() throws {
        let fixture = try fixture()
        _ = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        let finding = try fixture.service.database.read { db in
            try Int64.fetchOne(db, sql: "SELECT max(id) FROM finding WHERE staff_badge = 'CL-1'")
        }
        _ = try fixture.service.retractFinding(id: try #require(finding), reason: "Nhầm người", by: fixture.inspector)
        let run = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        #expect(run.proposed == 1)
        let late = try #require(try year(fixture, "CL-1").first)
        #expect(late.proposal.level == .good)
        #expect(late.earlierProposals == 1)
        #expect(try fixture.count("classification_proposal", where: "level = 'done'") == 1)
    }

    @Test("changed rules give new proposals under their own hash, the old ones kept")
    func changedRules() throws {
        let first = try fixture()
        let hash = try first.service.proposeClassification(.init(year: 2027), by: first.admin).rulesHash
        let strict =
            "[Classification]\nDefault=good\n[Rule any]\nFindings=1\nAllows=not-done\nReview=yes\n"
            + "Reason=Any finding\nReasonVi=Có vi phạm\n"
        var policy = first.service.policy
        policy.configuration.classification = try ClassificationRules(
            document: IniDocument(text: strict, path: "classification.conf"), bands: [])
        let service = InspectService(
            database: first.service.database, policy: policy, sender: first.service.sender, clock: first.clock.function)
        let run = try service.proposeClassification(.init(year: 2027), by: first.admin)
        #expect(run.rulesHash != hash)
        #expect(run.proposed == 12)
        #expect(try first.count("classification_proposal") == 24)
        let list = try service.reviewList(.init(year: 2027))
        #expect(list.people.map(\.badge) == ["CL-1"])
        #expect(list.notice.hasPrefix("A list for the council to decide on, not a decision"))
        #expect(list.noticeVi.hasPrefix("Danh sách để hội đồng xem xét, quyết định"))
    }

    @Test("a decision stays with the proposal it was made on: proposed again on new facts, the person is undecided")
    func decisionOnAnEarlierProposal() throws {
        let fixture = try fixture()
        _ = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        _ = try fixture.service.decideClassification(
            .init(badge: "CL-2", year: 2027, level: .excellent, note: "Tiêu biểu"), by: fixture.admin)
        try fixture.visit(at: "2027-03-05 08:00", checked: 12, [(type: "LATE", staff: "CL-2")])
        _ = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        let now = try #require(try year(fixture, "CL-2").first)
        #expect(now.decision == nil)
        #expect(now.earlierProposals == 1)
        #expect(now.earlierDecisions == 1)
        let report = try fixture.service.classificationReport(.init(year: 2027))
        #expect(report.decided == 0)
        #expect(report.decidedOtherwise == 0)
    }

    @Test("a decision is recorded beside the proposal with who and when; a later one supersedes, both kept")
    func decide() throws {
        let fixture = try fixture()
        _ = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        fixture.at("2027-12-20 09:00")
        let first = try fixture.service.decideClassification(
            .init(badge: "CL-1", year: 2027, level: .good, note: "Đã khắc phục"), by: fixture.admin)
        #expect(first.decision?.level == .good)
        #expect(first.decision?.decidedBy == "nga")
        #expect(first.decision?.decidedAt == fixture.clock.now)
        #expect(first.proposal.level == .done)
        let second = try fixture.service.decideClassification(
            .init(badge: "CL-1", year: 2027, level: .done, note: "Họp lại"), by: fixture.admin)
        #expect(second.decision?.note == "Họp lại")
        #expect(second.earlierDecisions == 1)
        #expect(try fixture.count("classification_decision") == 2)
        #expect(fixture.sink.events.filter { $0.kind == .classificationDecided }.count == 2)
        let report = try fixture.service.classificationReport(.init(year: 2027))
        #expect(report.people == 12)
        #expect(report.decided == 1)
        #expect(report.undecided == 11)
        #expect(report.decidedOtherwise == 0)
        #expect(report.levels.map(\.proposed) == [0, 11, 1, 0])
        #expect(report.levels.first { $0.level == .good }?.proposedShare == Tenths(tenths: 917))
    }

    @Test(
        "bad decisions change nothing",
        arguments: [
            (ClassificationDecisionRequest(badge: "CL-1", year: 2027, level: .good, note: " "), "needs its note"),
            (ClassificationDecisionRequest(badge: "NOBODY", year: 2027, level: .good, note: "x"), "NOBODY"),
            (ClassificationDecisionRequest(badge: "CL-1", year: 2026, level: .good, note: "x"), "CL-1 2026"),
            (ClassificationDecisionRequest(badge: "CL-1", year: 1900, level: .good, note: "x"), "year must be"),
        ])
    func badDecisions(request: ClassificationDecisionRequest, reason: String) throws {
        let fixture = try fixture()
        _ = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        let error = #expect(throws: InspectError.self) {
            try fixture.service.decideClassification(request, by: fixture.admin)
        }
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
        #expect(try fixture.count("classification_decision") == 0)
    }

    @Test("without classification.conf nothing is proposed")
    func noRules() throws {
        let fixture = try ServiceFixture()
        let error = #expect(throws: InspectError.self) {
            try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        }
        #expect(error?.description.contains("no classification rules are configured") == true)
    }

    @Test("escalations, referrals, undone corrective actions and the latest test band of the year are read")
    func facts() throws {
        let fixture = try ServiceFixture(
            configuration: InspectConfiguration(
                main: IniDocument(text: "", path: "inspectd.conf"), holidayFiles: [], planFiles: [],
                escalationFile: IniDocument(
                    text: "[Rule late]\nViolations=LATE\nCount=2\nWindow=30 days\nLevel=referral\n",
                    path: "escalation.conf"),
                titlesFile: IniDocument(text: "[Title tu-phap-ho-tich]\nName=Tư pháp – hộ tịch\n", path: "titles.conf"),
                bandsFile: IniDocument(
                    text: try String(contentsOf: CompetencyBandsPath.shipped, encoding: .utf8), path: "bands.conf"),
                classificationFile: IniDocument(
                    text: try String(contentsOf: Self.shipped, encoding: .utf8), path: "classification.conf")))
        let service = fixture.service
        _ = try service.cancelInspection(id: try fixture.seed(), reason: "seeded", by: fixture.admin)
        let late = try fixture.visit(at: "2027-03-02 08:00", [(type: "LATE", staff: "CL-1")])
        try fixture.visit(at: "2027-03-03 08:00", [(type: "LATE", staff: "CL-1")])
        _ = try service.requireAction(
            finding: late[0], requirement: "Đúng giờ", due: CivilDate(year: 2027, month: 3, day: 10),
            by: fixture.inspector)
        _ = try service.planTestSession(
            .init(
                name: "Sát hạch", titles: ["tu-phap-ho-tich"], offices: ["UBND-NHANLY"],
                day: CivilDate(year: 2027, month: 3, day: 9)), by: fixture.admin)
        _ = try service.recordTestResult(
            .init(session: 1, badge: "CL-2", score: Tenths(tenths: 455), title: "tu-phap-ho-tich"), by: fixture.admin)
        // Proposed in December, as councils do: the action was due in March and is still not done.
        fixture.at("2027-12-20 09:00")
        _ = try service.proposeClassification(.init(year: 2027), by: fixture.admin)
        let all = try year(fixture)
        let first = try #require(all.first { $0.badge == "CL-1" })
        #expect(
            first.proposal.facts
                == ClassificationFacts(findings: 2, escalations: 1, referrals: 1, undoneActions: 1, band: nil))
        #expect(first.proposal.reasons.map(\.rule) == ["escalation", "referral", "undone-actions"])
        #expect(first.proposal.review)
        let second = try #require(all.first { $0.badge == "CL-2" })
        #expect(second.proposal.facts.band == "failed")
        #expect(second.proposal.level == .done)
        #expect(second.proposal.review)
        // The next year reads none of it: the action is undone in that year too, the rest was in 2027. A year not
        // begun is not proposed.
        #expect(throws: InspectError.self) { try service.proposeClassification(.init(year: 2028), by: fixture.admin) }
        fixture.at("2028-01-05 09:00")
        _ = try service.proposeClassification(.init(year: 2028), by: fixture.admin)
        let next = try #require(try service.classifications(.init(year: 2028, badge: "CL-1")).first)
        #expect(
            next.proposal.facts
                == ClassificationFacts(findings: 0, escalations: 0, referrals: 0, undoneActions: 1, band: nil))
        #expect(try service.reviewList(.init(year: 2027)).people.map(\.badge) == ["CL-1", "CL-2"])
    }

    @Test("proposals and decisions are neither edited nor deleted")
    func appendOnly() throws {
        let fixture = try fixture()
        _ = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        _ = try fixture.service.decideClassification(
            .init(badge: "CL-1", year: 2027, level: .done, note: "Họp"), by: fixture.admin)
        for table in ["classification_proposal", "classification_decision"] {
            for statement in ["UPDATE \(table) SET level = 'excellent'", "DELETE FROM \(table)"] {
                let error = #expect(throws: (any Error).self) { try TamperingTests.tamper(fixture, statement) }
                #expect("\(String(describing: error))".contains("classifications are kept"), "\(statement)")
            }
        }
        #expect(try fixture.count("classification_decision", where: "level = 'done'") == 1)
    }

    @Test("a reader lists only their own classification; reports are for inspectors; only administrators write")
    func access() throws {
        let fixture = try fixture()
        let service = fixture.service
        _ = try service.proposeClassification(.init(year: 2027), by: fixture.admin)
        _ = try service.linkStaff(badge: "CL-2", login: "lan", by: fixture.admin)
        let own = try Operations.ListClassifications.authorizedPerform(
            service, as: fixture.reader, .init(year: 2027, badge: nil))
        #expect(own.classifications.map(\.badge) == ["CL-2"])
        #expect(throws: InspectError.self) {
            try Operations.ListClassifications.authorizedPerform(
                service, as: fixture.reader, .init(year: 2027, badge: "CL-1"))
        }
        #expect(
            try Operations.ListClassifications.authorizedPerform(
                service, as: fixture.inspector, .init(year: 2027, badge: nil)
            ).classifications.count == 12)
        #expect(throws: InspectError.self) {
            try Operations.ClassificationYearReport.authorizedPerform(service, as: fixture.reader, .init(year: 2027))
        }
        #expect(throws: InspectError.self) {
            try Operations.ClassificationReviewList.authorizedPerform(service, as: fixture.reader, .init(year: 2027))
        }
        #expect(throws: InspectError.self) {
            try Operations.ProposeClassification.authorizedPerform(service, as: fixture.inspector, .init(year: 2027))
        }
        #expect(throws: InspectError.self) {
            try Operations.DecideClassification.authorizedPerform(
                service, as: fixture.inspector, .init(badge: "CL-1", year: 2027, level: .good, note: "x"))
        }
    }

    @Test("verify names a decision edited in the file")
    func tampering() throws {
        let fixture = try fixture()
        _ = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        _ = try fixture.service.decideClassification(
            .init(badge: "CL-1", year: 2027, level: .done, note: "Họp"), by: fixture.admin)
        try TamperingTests.tamper(
            fixture, dropping: ["classification_decision_is_kept", "ledger_classification_decision_update"],
            "UPDATE classification_decision SET level = 'excellent'")
        let problems = try fixture.service.verify(for: fixture.admin).problems
        #expect(
            problems.contains { $0.contains("classification_decision [1] was changed outside inspectd") },
            "\(problems)")
    }
}

import Foundation
import InspectCore
import InspectTesting
import Testing

/// `classification.conf` and proposals: the shipped rules read, every year's proposal is the lowest cap of the rules
/// that apply, more against a person never gives a better level, and mistakes are named at their line.
@Suite struct ClassificationRulesTests {
    static let shipped = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("etc/inspectd/classification.conf")
    static let bands = ["excellent", "good", "average", "failed"]

    private func rules(
        _ text: String, path: String = "/etc/inspectd/classification.conf"
    ) throws
        -> ClassificationRules
    {
        try ClassificationRules(document: IniDocument(text: text, path: path), bands: Self.bands)
    }

    private func shippedRules() throws -> ClassificationRules {
        try rules(try String(contentsOf: Self.shipped, encoding: .utf8))
    }

    /// Every year of counts 0-3 and every band or none: 4⁴ × 5 facts.
    static let years: [ClassificationFacts] = {
        var years: [ClassificationFacts] = []
        for findings in 0...3 {
            for escalations in 0...3 {
                for referrals in 0...3 {
                    for undone in 0...3 {
                        for band in bands.map(Optional.some) + [nil] {
                            years.append(
                                ClassificationFacts(
                                    findings: findings, escalations: escalations, referrals: referrals,
                                    undoneActions: undone, band: band))
                        }
                    }
                }
            }
        }
        return years
    }()

    @Test("the shipped rules read, and propose what their comments say")
    func shipped() throws {
        // Given the shipped file
        let rules = try shippedRules()
        // Then a clean year gets the default, and each rule caps as it says
        #expect(rules.defaultLevel == .good)
        #expect(rules.propose(.clean) == ClassificationProposal(level: .good, reasons: [], review: false))
        var year = ClassificationFacts.clean
        year.findings = 3
        #expect(rules.propose(year).level == .done)
        #expect(rules.propose(year).reasons.map(\.rule) == ["findings"])
        year.referrals = 2
        let proposal = rules.propose(year)
        #expect(proposal.level == .notDone)
        #expect(proposal.reasons.map(\.rule) == ["referrals", "findings", "referral"])
        #expect(proposal.review)
        year = .clean
        year.band = "failed"
        #expect(rules.propose(year).review)
        #expect(rules.propose(year).reasons.first?.reasonVi == "Kết quả sát hạch trong năm không đạt yêu cầu")
    }

    @Test("a person with nothing against them gets the configured default", arguments: ClassificationLevel.allCases)
    func defaultLevel(level: ClassificationLevel) throws {
        let rules = try rules(
            "[Classification]\nDefault=\(level.rawValue)\n[Rule f]\nFindings=1\nAllows=not-done\nReason=r\nReasonVi=r\n"
        )
        #expect(rules.propose(.clean).level == level)
        #expect(rules.propose(.clean).reasons.isEmpty)
    }

    @Test("more findings, escalations, referrals or undone actions never give a better level nor leave the list")
    func monotone() throws {
        let rules = try shippedRules()
        let paths: [WritableKeyPath<ClassificationFacts, Int>] = [
            \.findings, \.escalations, \.referrals, \.undoneActions,
        ]
        for year in Self.years {
            let before = rules.propose(year)
            for path in paths {
                var worse = year
                worse[keyPath: path] += 1
                let after = rules.propose(worse)
                #expect(after.level >= before.level, "\(worse)")
                #expect(after.review || !before.review, "\(worse)")
            }
        }
    }

    @Test("every proposal below the default has a reason that sets its level, and every reason's rule applies")
    func reasons() throws {
        let rules = try shippedRules()
        for year in Self.years {
            let proposal = rules.propose(year)
            #expect(proposal.level == proposal.reasons.map(\.allows).reduce(rules.defaultLevel, max))
            if proposal.level != rules.defaultLevel {
                #expect(proposal.reasons.first?.allows == proposal.level, "\(year)")
            }
            let applied = Set(rules.rules.filter { $0.applies(to: year) }.map(\.name))
            #expect(Set(proposal.reasons.map(\.rule)) == applied)
            #expect(proposal.review == proposal.reasons.contains(where: \.review))
        }
    }

    @Test("random rules keep the same promises")
    func randomRules() throws {
        var random = SplitMix64(seed: 17)
        for _ in 0..<50 {
            let rules = ClassificationRules(
                defaultLevel: ClassificationLevel.allCases.randomElement(using: &random)!,
                rules: (0..<Int.random(in: 1...5, using: &random)).map { index in
                    ClassificationRule(
                        name: "r\(index)",
                        findings: Bool.random(using: &random) ? Int.random(in: 1...3, using: &random) : nil,
                        escalations: Bool.random(using: &random) ? Int.random(in: 1...3, using: &random) : nil,
                        undoneActions: Bool.random(using: &random) ? 1 : nil,
                        bands: Bool.random(using: &random) ? ["failed", "none"] : nil,
                        allows: ClassificationLevel.allCases.randomElement(using: &random)!, reason: "r", reasonVi: "r",
                        review: Bool.random(using: &random))
                })
            for year in Self.years.filter({ $0.referrals == 0 }) {
                let proposal = rules.propose(year)
                var worse = year
                worse.findings += 1
                #expect(rules.propose(worse).level >= proposal.level)
                #expect(proposal.level >= rules.defaultLevel)
                if proposal.level != rules.defaultLevel { #expect(proposal.reasons.first?.allows == proposal.level) }
            }
        }
    }

    @Test("the rules' hash changes with a rule and not with the order they are written in")
    func hash() throws {
        let a = try rules(
            "[Rule a]\nFindings=1\nAllows=done\nReason=r\nReasonVi=r\n[Rule b]\nBands=failed\nAllows=done\nReason=s\nReasonVi=s\n"
        )
        let b = try rules(
            "[Rule b]\nBands=failed\nAllows=done\nReason=s\nReasonVi=s\n[Rule a]\nFindings=1\nAllows=done\nReason=r\nReasonVi=r\n"
        )
        let c = try rules(
            "[Rule a]\nFindings=2\nAllows=done\nReason=r\nReasonVi=r\n[Rule b]\nBands=failed\nAllows=done\nReason=s\nReasonVi=s\n"
        )
        #expect(a.hash == b.hash)
        #expect(a.hash != c.hash)
        #expect(a.hash.count == 64)
    }

    @Test("a drop-in changes a rule and withdraws another")
    func dropIns() throws {
        let main = try IniDocument(
            text: try String(contentsOf: Self.shipped, encoding: .utf8), path: "/etc/inspectd/classification.conf")
        let dropIn = try IniDocument(
            text: "[Rule findings]\nFindings=5\n[Rule test-failed]\nEnabled=no\n",
            path: "/etc/inspectd/classification.conf.d/50-local.conf")
        let rules = try ClassificationRules(document: .merging(main: main, dropIns: [dropIn]), bands: Self.bands)
        #expect(!rules.rules.map(\.name).contains("test-failed"))
        #expect(rules.rules.first { $0.name == "findings" }?.findings == 5)
    }

    @Test(
        "mistakes are named at their file and line",
        arguments: [
            ("[Classification]\nDefault=great\n", 2, "Default=great: expected a level"),
            ("[Rule a]\nFindings=1\nReason=r\nReasonVi=r\n", 1, "[Rule a] needs Allows="),
            ("[Rule a]\nFindings=1\nAllows=done\nReason=r\n", 1, "[Rule a] needs ReasonVi="),
            ("[Rule a]\nAllows=done\nReason=r\nReasonVi=r\n", 1, "has no condition"),
            ("[Rule a]\nFindings=0\nAllows=done\nReason=r\nReasonVi=r\n", 2, "Findings=0: expected a whole number"),
            ("[Rule a]\nBands=weak\nAllows=done\nReason=r\nReasonVi=r\n", 2, "unknown band 'weak'"),
            ("[Rule a]\nFindngs=1\nAllows=done\nReason=r\nReasonVi=r\n", 2, "did you mean 'Findings'?"),
            ("[Rule a b]\nFindings=1\nAllows=done\nReason=r\nReasonVi=r\n", 1, "invalid rule name"),
            ("[Rules]\n", 1, "unknown section [Rules]"),
        ])
    func mistakes(text: String, line: Int, reason: String) {
        #expect {
            try rules(text)
        } throws: { error in
            guard case .invalidConfig(let path, let at, let why) = error as? InspectError else { return false }
            return path == "/etc/inspectd/classification.conf" && at == line && why.contains(reason)
        }
    }

    @Test("levels are ordered from the best and named in both languages")
    func levels() throws {
        #expect(ClassificationLevel(rawValue: "not-done") == .notDone)
        #expect(ClassificationLevel.excellent < .good)
        #expect(ClassificationLevel.notDone.name(in: .vi) == "Không hoàn thành nhiệm vụ")
    }
}

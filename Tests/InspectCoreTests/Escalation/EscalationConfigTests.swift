import InspectCore
import Testing

/// Reading `escalation.conf` and `[FollowUp]`: every key, drop-ins, and errors at their file and line.
@Suite struct EscalationConfigTests {
    static let path = "/etc/inspectd/escalation.conf"

    static func rules(_ text: String, dropIns: [(String, String)] = []) throws -> EscalationRules {
        let main = try IniDocument(text: text, path: path)
        let extra = try dropIns.map { try IniDocument(text: $0.1, path: "\(path).d/\($0.0)") }
        return try EscalationRules(document: .merging(main: main, dropIns: extra))
    }

    @Test("a rule reads every key")
    func everyKey() throws {
        let rules = try Self.rules(
            """
            [Rule late-office]
            Description=Late too often in one office
            Violations=LATE, EARLY
            Violations=LATE
            MinSeverity=minor
            Subject=office
            Count=4
            Window=20 working days
            Level=correction
            Enabled=yes
            """)
        #expect(
            rules.rules == [
                EscalationRule(
                    name: "late-office", summary: "Late too often in one office", violations: ["LATE", "EARLY"],
                    minSeverity: .minor, subject: .office, threshold: 4, window: .workingDays(20), level: .correction)
            ])
        #expect(
            rules.rules[0].sentence == "office: LATE, EARLY with severity ≥ minor ≥ 4 in 20 working days → correction")
    }

    @Test("Subject defaults to staff and Enabled to yes; rules are sorted by name")
    func defaults() throws {
        let rules = try Self.rules(
            """
            [Rule z-serious]
            MinSeverity=serious
            Count=1
            Window=1 day
            Level=referral

            [Rule a-late]
            Violations=LATE
            Count=3
            Window=30d
            Level=reminder
            """)
        #expect(rules.rules.map(\.name) == ["a-late", "z-serious"])
        #expect(rules.rules.allSatisfy { $0.subject == .staff && $0.enabled })
        #expect(rules.rules[0].window == .days(30))
        #expect(rules.rules[1].violations.isEmpty)
    }

    @Test("a drop-in changes one key of a shipped rule, or switches it off")
    func dropIns() throws {
        let shipped = """
            [Rule late-reminder]
            Violations=LATE
            Count=3
            Window=30 days
            Level=reminder

            [Rule badge-reminder]
            Violations=BADGE
            Count=3
            Window=30 days
            Level=reminder
            """
        let rules = try Self.rules(
            shipped,
            dropIns: [
                ("50-local.conf", "[Rule late-reminder]\nCount=2\n"),
                ("60-off.conf", "[Rule badge-reminder]\nEnabled=no\n"),
            ])
        #expect(rules.rules.first { $0.name == "late-reminder" }?.threshold == 2)
        #expect(rules.rules.first { $0.name == "badge-reminder" }?.enabled == false)
        #expect(rules.enabled.map(\.name) == ["late-reminder"])
    }

    /// A rule file, the line of the problem and what the message must say.
    struct Broken: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var says: String
        var testDescription: String { says }
    }

    static let valid = "Violations=LATE\nCount=3\nWindow=30 days\nLevel=reminder\n"

    @Test(
        "a broken rule is refused at its file and line",
        arguments: [
            Broken(text: "[Rule a]\nCout=3\n" + valid, line: 2, says: "did you mean 'Count'?"),
            Broken(text: "[Rules a]\n" + valid, line: 1, says: "unknown section [Rules a]"),
            Broken(text: "[Rule a b]\n" + valid, line: 1, says: "invalid rule name 'a b'"),
            Broken(text: "[Rule a]\nViolations=LAET\nCount=3\nWindow=30 days\nLevel=reminder", line: 2, says: "LAET"),
            Broken(text: "[Rule a]\nCount=3\nWindow=30 days\nLevel=reminder", line: 1, says: "Violations="),
            Broken(text: "[Rule a]\nViolations=LATE\nWindow=30 days\nLevel=reminder", line: 1, says: "needs Count="),
            Broken(
                text: "[Rule a]\nViolations=LATE\nCount=0\nWindow=30 days\nLevel=reminder", line: 3, says: "1 to 1000"),
            Broken(text: "[Rule a]\nViolations=LATE\nCount=3\nWindow=4 weeks\nLevel=reminder", line: 4, says: "N days"),
            Broken(text: "[Rule a]\nViolations=LATE\nCount=3\nWindow=0 days\nLevel=reminder", line: 4, says: "N days"),
            Broken(
                text: "[Rule a]\nViolations=LATE\nCount=3\nWindow=30 days\nLevel=warning", line: 5, says: "referral"),
            Broken(text: "[Rule a]\nViolations=LATE\nCount=3\nWindow=30 days", line: 1, says: "needs Level="),
            Broken(
                text: "[Rule a]\nMinSeverity=grave\nCount=3\nWindow=30 days\nLevel=reminder", line: 2, says: "serious"),
            Broken(text: "[Rule a]\nSubject=team\n" + valid, line: 2, says: "staff, office"),
            Broken(text: "[Rule a]\nEnabled=maybe\n" + valid, line: 2, says: "yes or no"),
        ])
    func broken(_ broken: Broken) throws {
        do {
            _ = try Self.rules(broken.text)
            Issue.record("accepted: \(broken.text)")
        } catch let InspectError.invalidConfig(path, line, reason) {
            #expect(path == Self.path)
            #expect(line == broken.line, "\(reason)")
            #expect(reason.contains(broken.says), "\(reason)")
        }
    }

    @Test(
        "windows parse as calendar or working days and print back the same",
        arguments: [
            ("30 days", EscalationWindow.days(30)), ("1 day", .days(1)), ("7d", .days(7)),
            ("20 working days", .workingDays(20)), ("1 working day", .workingDays(1)),
        ])
    func windows(text: String, window: EscalationWindow) {
        #expect(EscalationWindow(parsing: text) == window)
        #expect(EscalationWindow(parsing: window.description) == window)
    }

    @Test("[FollowUp] reads its keys, defaults to moderate within 10 working days, and 'none' switches it off")
    func followUp() throws {
        #expect(InspectConfiguration.defaults.followUp == .standard)
        #expect(InspectConfiguration.defaults.escalation == .none)
        let main = try IniDocument(
            text: "[FollowUp]\nMinSeverity=serious\nWithinWorkingDays=5\nWindow=2 working days\n", path: "inspectd.conf"
        )
        let configuration = try InspectConfiguration(main: main, holidayFiles: [], planFiles: [])
        #expect(
            configuration.followUp
                == FollowUpPolicy(minSeverity: .serious, withinWorkingDays: 5, window: .workingDays(2)))
        #expect(configuration.followUp.calls(forWorst: .serious))
        #expect(!configuration.followUp.calls(forWorst: .moderate))
        #expect(!configuration.followUp.calls(forWorst: nil))
        let off = try FollowUpPolicy(configuration: IniDocument(text: "[FollowUp]\nMinSeverity=none\n", path: "x"))
        #expect(!off.calls(forWorst: .serious))
        #expect(
            throws: InspectError.invalidConfig(
                path: "x", line: 2, reason: "WithinWorkingDays=0: expected a whole number from 1 to 60")
        ) {
            try FollowUpPolicy(configuration: IniDocument(text: "[FollowUp]\nWithinWorkingDays=0\n", path: "x"))
        }
    }

    @Test("the configuration takes the escalation file, and a bad one fails the whole configuration")
    func configuration() throws {
        let main = try IniDocument(text: "", path: "inspectd.conf")
        let file = try IniDocument(text: "[Rule a]\n" + Self.valid, path: Self.path)
        let configuration = try InspectConfiguration(
            main: main, holidayFiles: [], planFiles: [], escalationFile: file)
        #expect(configuration.escalation.rules.map(\.name) == ["a"])
        let bad = try IniDocument(
            text: "[Rule a]\n" + Self.valid.replacing("Level=reminder", with: "Level=x"), path: Self.path)
        #expect(
            throws: InspectError.invalidConfig(
                path: Self.path, line: 5, reason: "Level=x: expected one of: reminder, correction, referral")
        ) {
            try InspectConfiguration(main: main, holidayFiles: [], planFiles: [], escalationFile: bad)
        }
    }
}

import InspectCore
import InspectTesting
import InspectVarlink
import Testing

@testable import InspectCLI
@testable import InspectService

/// `finding log` through the socket reads its reply's values itself and writes its parameters itself: both must
/// agree with the `Codable` conformances the daemon reads and writes with.
@Suite("finding log's call and reply without Codable")
struct LoggedFindingTests {
    static func optional<T>(_ random: inout SplitMix64, _ value: T) -> T? { Bool.random(using: &random) ? value : nil }

    static let texts = ["CL-00413", "Nông Thị Hoa", "", "a \"quoted\" note\nwith a line", "ghi chú 😀", "a/b\\c"]

    /// An escalation as the daemon sends it, read through its own `Codable` conformance.
    static func escalation(_ random: inout SplitMix64) throws -> EscalationView {
        let value: VarlinkValue = [
            "id": .int(Int64.random(in: 1...1_000, using: &random)), "rule": "late-reminder",
            "level": .string(EscalationLevel.allCases.randomElement(using: &random)!.rawValue),
            "subject": ["kind": "staff", "code": "CL-00002"], "threshold": 3, "window": "30 days",
            "firstDay": "2026-11-02", "lastDay": "2026-11-30", "count": 3, "findings": [1, 2, 3], "trigger": 3,
            "office": "UBND-NHANLY", "raisedAt": .int(1_795_000_000), "raisedBy": "inspector", "retracted": [],
            "amended": [],
        ]
        return try value.decode(as: EscalationView.self)
    }

    static func view(_ random: inout SplitMix64) throws -> FindingView {
        let action = FindingAction.allCases.randomElement(using: &random)!
        let finding = Finding(
            id: Int64.random(in: 1...Int64.max, using: &random),
            inspection: Int64.random(in: 1...5_000, using: &random),
            violation: ["LATE", "BADGE", "EARLY"].randomElement(using: &random)!,
            staff: optional(&random, texts.randomElement(using: &random)!),
            observedAt: Instant(seconds: Int64.random(in: 0...2_000_000_000, using: &random)),
            clockTime: optional(&random, TimeOfDay(secondsSinceMidnight: Int.random(in: 0..<86_400, using: &random))),
            minutes: optional(&random, Int.random(in: 0...600, using: &random)),
            note: optional(&random, texts.randomElement(using: &random)!), recordedBy: "inspector",
            recordedAt: Instant(seconds: 1_795_000_000), action: action,
            corrects: action == .record ? nil : 7, reason: action == .record ? nil : "typed wrong",
            prevHash: String(repeating: "0", count: 64), hash: String(repeating: "f", count: 64))
        let escalations = try (0..<Int.random(in: 0...2, using: &random)).map { _ in try escalation(&random) }
        return FindingView(
            finding: finding, office: "UBND-NHANLY", severity: Severity.allCases.randomElement(using: &random)!,
            state: FindingState.allCases.randomElement(using: &random)!,
            escalations: Bool.random(using: &random) ? escalations : nil)
    }

    @Test("the reply's values give what the whole view gives, for generated views")
    func replyAgreesWithView() throws {
        var random = SplitMix64(seed: 413)
        for _ in 0..<500 {
            let view = try Self.view(&random)
            let reply = try #require(try VarlinkValue(encoding: view).objectValue)
            #expect(try LoggedFinding(reply: reply) == LoggedFinding(view))
        }
    }

    @Test("a reply of another shape is decoded as a view, whose error is the command's")
    func otherShapesFail() throws {
        var random = SplitMix64(seed: 1)
        let reply = try #require(try VarlinkValue(encoding: try Self.view(&random)).objectValue)
        let damaged: [(String, VarlinkValue)] = [
            ("id", "1"), ("minutes", 1.5), ("staff", 4), ("violation", nil), ("inspection", "7"),
        ]
        for (member, value) in damaged {
            guard case .object(var finding)? = reply["finding"] else {
                Issue.record("no finding")
                return
            }
            finding[member] = value
            var changed = reply
            changed["finding"] = .object(finding)
            #expect(throws: (any Error).self, "\(member)") { try LoggedFinding(reply: changed) }
        }
        var noFinding = reply
        noFinding["finding"] = nil
        #expect(throws: (any Error).self) { try LoggedFinding(reply: noFinding) }
    }

    @Test("the request's parameters are written as its Codable conformance writes them")
    func parametersAgree() throws {
        var random = SplitMix64(seed: 12)
        for _ in 0..<500 {
            let request = FindingLogRequest(
                inspection: Int64.random(in: Int64.min...Int64.max, using: &random),
                violation: Self.texts.randomElement(using: &random)!,
                staff: Self.optional(&random, Self.texts.randomElement(using: &random)!),
                arrived: Self.optional(
                    &random, TimeOfDay(secondsSinceMidnight: Int.random(in: 0..<86_400, using: &random))),
                left: Self.optional(
                    &random, TimeOfDay(secondsSinceMidnight: Int.random(in: 0..<86_400, using: &random))),
                note: Self.optional(&random, Self.texts.randomElement(using: &random)!),
                observedAt: Self.optional(&random, Instant(seconds: Int64.random(in: -1...Int64.max, using: &random))))
            #expect(request.varlinkParameters == (try VarlinkValue(encoding: request).objectValue))
        }
    }
}

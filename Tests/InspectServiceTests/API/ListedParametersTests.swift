import InspectCore
import InspectTesting
import Testing

@testable import InspectService

/// Parameters that list their values for the input check (`ListedParameters`) must be checked exactly as reflection
/// checks every other operation's: the same fields in the same order, the same verdict and the same message.
@Suite("Parameters that list their values are checked as reflection would check them")
struct ListedParametersTests {
    /// The operations of the API table whose parameters list their values. A new one fails `everyListingIsTested`
    /// until it has generated values below.
    @Test("every operation whose parameters list their values is held to reflection here")
    func everyListingIsTested() {
        let listing = Operations.all.filter { $0.parametersAreListed }.map { $0.name }
        #expect(listing == ["LogFinding"])
    }

    @Test("a finding's request lists every stored property reflection finds, in declaration order")
    func sameFields() {
        var random = SplitMix64(seed: 18)
        for _ in 0..<200 {
            let request = Self.findingRequest(&random)
            let reflected = Mirror(reflecting: request).children.map { $0.label ?? "?" }
            #expect(request.listedValues.map(\.field) == reflected)
        }
    }

    @Test("2,000 generated finding requests get the same verdict either way, with the same message")
    func sameVerdict() {
        var random = SplitMix64(seed: 2027)
        var refused = 0
        for _ in 0..<2000 {
            let request = Self.findingRequest(&random)
            let reflective = verdict { try ParameterCheck.validate(request) }
            let listed = verdict { try Operations.LogFinding.checkParameters(request) }
            #expect(listed == reflective, "\(request)")
            if reflective != nil { refused += 1 }
        }
        // Both kinds of outcome were met often enough for the comparison to mean something.
        #expect(refused > 400 && refused < 1600)
    }

    private func verdict(_ check: () throws -> Void) -> InspectError? {
        do {
            try check()
            return nil
        } catch {
            return error as? InspectError ?? .invalidInput("not an InspectError: \(error)")
        }
    }

    /// A request whose texts and instant are each, now and then, out of their range: too long, holding a control
    /// or a direction-changing character, outside 1970–2099.
    private static func findingRequest(_ random: inout SplitMix64) -> FindingLogRequest {
        FindingLogRequest(
            inspection: Int64.random(in: -5...5, using: &random), violation: text(&random, limit: 40),
            staff: Bool.random(using: &random) ? text(&random, limit: 40) : nil,
            arrived: Bool.random(using: &random) ? TimeOfDay(parsing: "07:45") : nil,
            left: Bool.random(using: &random) ? TimeOfDay(parsing: "16:30") : nil,
            note: Bool.random(using: &random) ? text(&random, limit: 2100) : nil,
            observedAt: Bool.random(using: &random)
                ? Instant(seconds: Int64.random(in: -86_400...4_200_000_000, using: &random)) : nil)
    }

    private static func text(_ random: inout SplitMix64, limit: Int) -> String {
        let pieces = ["a", "Ư", "ệ", " ", "\n", "\t", "\u{7}", "\u{202E}", "\u{200B}", "\u{FEFF}", "-", "0"]
        let plain = Int.random(in: 0..<4, using: &random) != 0
        let length = Int.random(in: 0...(plain ? 12 : limit), using: &random)
        return String(
            (0..<length).map { _ in plain ? "x" : pieces.randomElement(using: &random)! }.joined().prefix(limit * 2))
    }
}

extension APIOperation {
    fileprivate static var parametersAreListed: Bool { Parameters.self is any ListedParameters.Type }
}

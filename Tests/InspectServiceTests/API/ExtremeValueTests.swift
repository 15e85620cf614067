import InspectCore
import InspectService
import Testing

/// Values the semantic API fuzzer (`Tests/IntegrationTests/Hostile/APIFuzzTests.swift`) sent that took the daemon
/// down, each refused now at the edge with one clear error and the record unchanged.
@Suite("Extreme values are refused at the edge, never trap")
struct ExtremeValueTests {
    @Test(
        "a report over the ends of Int64 is refused as out of range (the refusal's message once trapped naming it)",
        arguments: [(Int64.min, Int64(0)), (0, .max), (.min, .max), (.min + 1, -1)])
    func extremeReportPeriod(from: Int64, to: Int64) throws {
        let fixture = try ServiceFixture()
        let request = SummaryRequest(period: try ReportPeriod(from: Instant(seconds: from), to: Instant(seconds: to)))
        let rows = try fixture.count("outbox")
        #expect {
            _ = try Operations.SummaryReport.authorizedPerform(fixture.service, as: fixture.reader, request)
        } throws: { error in
            guard case .invalidInput(let reason) = error as? InspectError else { return false }
            return reason.contains("must lie between 1970 and 2099")
        }
        #expect(try fixture.count("outbox") == rows)
    }

    @Test("a breakdown asked for twice is refused: each is a pass over the period (a thousand took a second)")
    func repeatedBreakdown() throws {
        let fixture = try ServiceFixture()
        let period = try ReportPeriod(from: Instant(seconds: 0), to: Instant(seconds: 86400))
        let request = SummaryRequest(
            period: period, breakdowns: [.office, .category] + Array(repeating: .month, count: 1000))
        #expect(throws: InspectError.invalidInput("breakdowns: 'month' is asked for more than once")) {
            _ = try Operations.SummaryReport.authorizedPerform(fixture.service, as: fixture.reader, request)
        }
        // By site is the center's: a site's report covers only itself.
        let own = BreakdownDimension.allCases.filter { $0 != .site }
        let once = SummaryRequest(period: period, breakdowns: own)
        let report = try Operations.SummaryReport.authorizedPerform(fixture.service, as: fixture.reader, once)
        #expect(report.breakdowns.count == own.count)
        #expect(throws: InspectError.self) {
            _ = try Operations.SummaryReport.authorizedPerform(
                fixture.service, as: fixture.reader, SummaryRequest(period: period, breakdowns: [.site]))
        }
    }
}

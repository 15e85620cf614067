import InspectCore
import Testing

/// A session's results in bands: shares to one decimal adding up to 100%, corrections counted instead of what they
/// correct, groups by title and office, and the sentence in the article's form.
@Suite struct TestReportTests {
    static let bands = CompetencyBands(bands: [
        CompetencyBand(code: "excellent", name: "Excellent", nameVi: "Giỏi", from: Tenths(tenths: 900)),
        CompetencyBand(code: "good", name: "Good", nameVi: "Khá", from: Tenths(tenths: 700)),
        CompetencyBand(code: "average", name: "Average", nameVi: "Trung bình", from: Tenths(tenths: 500)),
        CompetencyBand(code: "failed", name: "Failed", nameVi: "Không đạt", from: Tenths(tenths: 0)),
    ])

    /// Results with these scores (tenths), the n-th at office `X<n mod 3>` under title `t<n mod 2>`.
    static func results(_ scores: [Int]) -> [TestResult] {
        scores.enumerated().map { index, score in
            TestResult(
                id: Int64(index + 1), session: 1, badge: "CL-\(index)", title: "t\(index % 2)",
                office: "X\(index % 3)", score: Tenths(tenths: score), band: nil, amends: nil, reason: nil,
                recordedBy: "nga", recordedAt: Instant(seconds: 0))
        }
    }

    @Test("16, 32, 44 and 14 of 106 are 15,1%, 30,2%, 41,5% and 13,2%")
    func articleShares() throws {
        let scores =
            Array(repeating: 950, count: 16) + Array(repeating: 800, count: 32)
            + Array(repeating: 600, count: 44) + Array(repeating: 300, count: 14)
        let report = try TestReport(
            session: 1, year: nil, results: Self.results(scores), bands: Self.bands, names: ["X0": "UBND xã Nhân Lý"])
        #expect(report.total.results == 106)
        #expect(report.total.bands.map(\.count) == [16, 32, 44, 14])
        #expect(report.total.bands.map { $0.share?.tenths } == [151, 302, 415, 132])
        #expect(report.byTitle.map(\.key) == ["t0", "t1"])
        #expect(report.byOffice.map(\.results) == [36, 35, 35])
        #expect(report.byOffice.first?.name == "UBND xã Nhân Lý")
        let sentence = report.narrative(.vi)
        #expect(sentence.contains("106 công chức của 3 cơ quan"), "\(sentence)")
        #expect(sentence.contains("15,1% giỏi, 30,2% khá, 41,5% trung bình, 13,2% không đạt"), "\(sentence)")
        #expect(report.narrative(.en).contains("15.1% excellent"))
    }

    @Test("a corrected result counts as its correction, once")
    func amendments() throws {
        var results = Self.results([950, 400])
        results.append(
            TestResult(
                id: 3, session: 1, badge: "CL-1", title: "t1", office: "X1", score: Tenths(tenths: 720), band: nil,
                amends: 2, reason: "chấm phúc khảo", recordedBy: "nga", recordedAt: Instant(seconds: 1)))
        let report = try TestReport(session: 1, year: nil, results: results, bands: Self.bands, names: [:])
        #expect(report.total.results == 2)
        #expect(report.total.bands.map(\.count) == [1, 1, 0, 0])
    }
}

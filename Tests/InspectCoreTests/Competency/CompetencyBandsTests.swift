import Foundation
import InspectCore
import Testing

/// `bands.conf` and scores: the shipped bands read scores at their thresholds, mistakes are named at their line.
@Suite struct CompetencyBandsTests {
    static let shipped = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("etc/inspectd/bands.conf")

    private func bands(_ text: String, path: String = "/etc/inspectd/bands.conf") throws -> CompetencyBands {
        try CompetencyBands(document: IniDocument(text: text, path: path))
    }

    @Test(
        "the shipped bands put each score in its band, thresholds included",
        arguments: [
            ("100", "excellent"), ("90", "excellent"), ("89.5", "good"), ("70", "good"), ("69,5", "average"),
            ("50", "average"), ("49.5", "failed"), ("0", "failed"),
        ])
    func shippedBands(score: String, band: String) throws {
        let bands = try bands(try String(contentsOf: Self.shipped, encoding: .utf8))
        #expect(bands.bands.map(\.code) == ["excellent", "good", "average", "failed"])
        #expect(bands.bands.map(\.nameVi) == ["Giỏi", "Khá", "Trung bình", "Không đạt"])
        #expect(try bands.band(for: #require(CompetencyScore.parse(score))).code == band)
    }

    @Test(
        "scores are 0 to 100 with at most one decimal, either decimal mark",
        arguments: [
            ("87.5", 875), ("87,5", 875), ("0", 0), ("100", 1000), (" 64 ", 640), ("100.5", nil), ("-1", nil),
            ("87.55", nil), ("8x", nil), ("", nil), ("1e2", nil), ("٣", nil),
        ] as [(String, Int?)])
    func scores(text: String, tenths: Int?) {
        #expect(CompetencyScore.parse(text)?.tenths == tenths)
    }

    @Test("a drop-in changes a threshold and withdraws a band; without bands no score has one")
    func dropIns() throws {
        let main = try IniDocument(
            text: "[Band pass]\nName=Pass\nNameVi=Đạt\nFrom=50\n[Band fail]\nName=Fail\nNameVi=Không đạt\nFrom=0\n"
                + "[Band top]\nName=Top\nNameVi=Giỏi\nFrom=95\n",
            path: "/etc/inspectd/bands.conf")
        let dropIn = try IniDocument(
            text: "[Band pass]\nFrom=60\n[Band top]\nEnabled=no\n", path: "/etc/inspectd/bands.conf.d/50-local.conf")
        let bands = try CompetencyBands(document: .merging(main: main, dropIns: [dropIn]))
        #expect(bands.bands.map(\.code) == ["pass", "fail"])
        #expect(try bands.band(for: Tenths(tenths: 599)).code == "fail")
        #expect(throws: InspectError.self) { try CompetencyBands.none.band(for: Tenths(tenths: 500)) }
    }

    @Test(
        "mistakes are named at their file and line",
        arguments: [
            ("[Band a]\nName=A\nNameVi=A\nFrom=high\n", 4, "From=high: expected a score from 0 to 100"),
            ("[Band a]\nName=A\nNameVi=A\nFrom=50\n", 0, "no band starts at 0"),
            ("[Band a]\nName=A\nFrom=0\n", 1, "[Band a] needs NameVi="),
            ("[Band a]\nName=A\nNameVi=A\nFrom=0\nColour=red\n", 5, "Colour"),
            (
                "[Band a]\nName=A\nNameVi=A\nFrom=0\n[Band b]\nName=B\nNameVi=B\nFrom=0\n", 8,
                "band a starts at the same"
            ),
            ("[Grade a]\nName=A\n", 1, "[Band CODE]"),
        ])
    func mistakes(text: String, line: Int, reason: String) throws {
        let error = #expect(throws: InspectError.self) { try bands(text) }
        guard case .invalidConfig(let path, let at, let message)? = error else {
            Issue.record("not a configuration error: \(String(describing: error))")
            return
        }
        #expect(path == "/etc/inspectd/bands.conf")
        #expect(at == line)
        #expect(message.contains(reason), "\(message)")
    }
}

import Foundation
import InspectTesting
import Testing

/// The fixed sample district of the report tests (`Tests/Goldens/district/`): six offices, thirteen staff, fifteen
/// inspections from October 2025 to January 2027 imported with their findings, and one more inspection recorded
/// live with an amendment and a retraction.
enum ReportFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let goldens = root.appendingPathComponent("Tests/Goldens")
    static let district = goldens.appendingPathComponent("district").path

    static func make() throws -> CLIFixture {
        let cli = try CLIFixture()
        try cli.ok(["office", "import", "\(district)/offices.csv"])
        try cli.ok(["staff", "import", "\(district)/staff.csv"])
        try cli.ok([
            "inspection", "import", "\(district)/inspections.csv", "--findings", "\(district)/findings.csv",
        ])
        // Inspection 16, recorded as it happens: a late arrival, a badge amended to attire, a retracted finding.
        try cli.ok(["inspection", "open", "--office", "UBND-BANGHUU", "--at", "2026-03-30 07:45", "--team", "Đoàn 3"])
        try cli.ok([
            "finding", "log", "--inspection", "16", "--type", "LATE", "--staff", "CL-202", "--arrived", "07:58",
            "--note", "Xe hỏng", "--at", "2026-03-30 07:58",
        ])
        try cli.ok([
            "finding", "log", "--inspection", "16", "--type", "BADGE", "--staff", "CL-203", "--at", "2026-03-30 08:05",
        ])
        try cli.ok([
            "finding", "log", "--inspection", "16", "--type", "CONDUCT", "--staff", "CL-201", "--at",
            "2026-03-30 08:30",
        ])
        try cli.ok(["finding", "amend", "20", "--reason", "Ghi nhầm loại", "--type", "DRESS"])
        try cli.ok(["finding", "retract", "21", "--reason", "Đã xác minh: không vi phạm"])
        try cli.ok([
            "inspection", "close", "16", "--checked", "10", "--at", "2026-03-30 10:00", "--beyond-staff",
            "cán bộ không chuyên trách",
        ])
        return cli
    }

    /// Compares `actual` with the golden file `name`; with `INSPECTD_UPDATE_GOLDENS=1` in the environment, writes it
    /// instead (then review the diff before committing).
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = goldens.appendingPathComponent("report/\(name)")
        if ProcessInfo.processInfo.environment["INSPECTD_UPDATE_GOLDENS"] == "1" {
            try? Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing golden \(url.path); run with INSPECTD_UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "golden \(name) differs", sourceLocation: sourceLocation)
    }
}

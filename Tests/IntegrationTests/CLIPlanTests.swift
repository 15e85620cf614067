import Foundation
import InspectService
import InspectTesting
import Testing

@Suite("inspectctl plan and schedule", .serialized)
struct CLIPlanTests {
    /// A fixture whose configuration directory holds the shipped plans.
    static func withShippedPlans() throws -> CLIFixture {
        let cli = try CLIFixture()
        let plans = cli.directory.file("plans.d")
        try FileManager.default.createDirectory(atPath: plans, withIntermediateDirectories: true)
        for name in ["planned-monthly.conf", "surprise-communes.conf"] {
            try FileManager.default.copyItem(
                atPath: BuiltProducts.repository + "/etc/inspectd/plans.d/" + name, toPath: plans + "/" + name)
        }
        cli.directory.write(
            "inspectd.conf",
            try String(contentsOfFile: BuiltProducts.repository + "/demo/chi-lang/inspectd.conf", encoding: .utf8))
        try cli.ok(["office", "import", BuiltProducts.repository + "/demo/chi-lang/offices.csv"])
        return cli
    }

    @Test("plan validate accepts the shipped plans and points at a bad line with 78")
    func validate() throws {
        let cli = try CLIFixture()
        let shipped = BuiltProducts.repository + "/etc/inspectd/plans.d/"
        let good = try cli.run([
            "plan", "validate", shipped + "planned-monthly.conf", shipped + "surprise-communes.conf",
        ])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("plan surprise-communes (surprise) is valid"))
        let bad = cli.directory.write(
            "bad.conf", "[Plan]\nKind=planned\nOfficeKinds=department\nOnCalendar=Mon *-*-32 08:00\n")
        let result = try cli.run(["plan", "validate", bad])
        #expect(result.status == 78)
        #expect(result.stderr.hasPrefix("inspectctl: plan validate: \(bad):4: "))
        #expect(result.stderr.contains("day 32 is out of range"))
    }

    @Test("plan apply schedules and draws once; schedule hides surprises unless an admin reveals them")
    func applyAndSchedule() throws {
        let cli = try Self.withShippedPlans()
        let first = try cli.json(SchedulingReport.self, ["plan", "apply"])
        // Thirteen departments, first Monday of each month within 60 days: one or two months, whatever today is.
        #expect([13, 26, 39].contains(first.scheduled))
        #expect(first.drawn.allSatisfy { $0.hasPrefix("surprise-communes ") })
        #expect(first.drawn.count == 2)
        let again = try cli.json(SchedulingReport.self, ["plan", "apply"])
        #expect(again.scheduled == 0)
        #expect(again.drawn.isEmpty)

        let schedule = try cli.ok(["schedule", "--to", "2099-01-01"])
        #expect(schedule.contains("planned-monthly"))
        #expect(!schedule.contains("surprise"))
        let revealed = try cli.ok(["schedule", "--to", "2099-01-01", "--reveal"])
        #expect(revealed.contains("surprise-communes"))

        let early = try cli.run(["plan", "audit", "2099-01"])
        #expect(early.status == 66)
        let current = try cli.run(["--json", "plan", "list"])
        #expect(current.stdout.contains("\"onCalendar\" : \"Mon *-*-1..7 08:00\""))
    }
}

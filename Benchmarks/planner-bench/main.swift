// Draws one year of surprise inspections for 10,000 offices and prints how long it took: the figure behind
// "scripts/bench"'s planner line. No baseline exists for this work; the target is under a second.
import Foundation
import InspectCore

let officeCount = 10_000
let zone = LocalZone.vietnam
let calendar = InspectConfiguration.defaults.calendar
let teams = (1...150).map { "doan-\($0)" }
let rules = SurpriseRules(
    period: .month, total: 4_000, minPerOffice: 1, horizon: .quarter, maxPerOffice: 1, minSpacingDays: 20,
    teamCapacity: 2, weighting: .risk, preferSessionStart: true)
var weights = SystemRandomNumberGenerator()
let offices = (0..<officeCount).map { index in
    DrawOffice(
        code: String(format: "OFFICE-%05d", index), hoursProfile: HoursProfile.defaultName,
        weight: Int.random(in: 1000...5000, using: &weights))
}

let started = ContinuousClock.now
var period = DrawPeriod.containing(try TimeParsing.instant("2027-01-01", in: zone), unit: .month, zone: zone)
var history: [VisitRecord] = []
var drafts = 0
for _ in 0..<12 {
    let inputs = try DrawInputs(
        plan: "bench", rules: rules, teams: teams, period: period, offices: offices, history: history,
        calendar: calendar)
    var seedSource = SystemRandomNumberGenerator()
    let draw = try SurpriseDraw(inputs: inputs, calendar: calendar, seed: DrawSeed.random(using: &seedSource))
    drafts += draw.drafts.count
    history += draw.drafts.map { VisitRecord(office: $0.office, at: $0.dueAt, team: $0.team) }
    period = period.next(zone: zone)
}
let elapsed = ContinuousClock.now - started
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(String(format: "planner: %d drafts for %d offices over 12 months in %.3f s", drafts, officeCount, seconds))

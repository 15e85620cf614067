import InspectCore
import Testing

@Suite("Lateness and early departure")
struct HoursProfileTests {
    let hours = HoursProfile.standard

    @Test(
        "minutes late count from the session start once past the grace",
        arguments: [
            ("07:52", 22), ("07:36", 6), ("13:45", 15), ("11:29", 239), ("16:59", 209),
        ])
    func late(arrival: String, minutes: Int) throws {
        #expect(try hours.minutesLate(arrival: TimeOfDay(parsing: arrival)!) == minutes)
    }

    @Test(
        "within the grace, between sessions or outside them is not late",
        arguments: [
            ("07:30", "within the 5-minute grace after 07:30"), ("07:35", "within the 5-minute grace after 07:30"),
            ("07:00", Self.outside), ("12:00", Self.outside), ("13:30", "within the 5-minute grace after 13:30"),
            ("17:00", Self.outside), ("18:30", Self.outside),
        ])
    func notLate(arrival: String, why: String) {
        #expect(throws: InspectError.invalidInput("arrival at \(arrival) is \(why): not late")) {
            try hours.minutesLate(arrival: TimeOfDay(parsing: arrival)!)
        }
    }

    @Test(
        "minutes early count to the end of the session left",
        arguments: [
            ("11:00", 30), ("16:30", 30), ("16:59:30", 1), ("08:00", 210),
        ])
    func early(departure: String, minutes: Int) throws {
        #expect(try hours.minutesEarly(departure: TimeOfDay(parsing: departure)!) == minutes)
    }

    @Test("leaving at or after a session end is not early", arguments: ["11:30", "17:00", "12:15", "07:30"])
    func notEarly(departure: String) {
        #expect(throws: InspectError.invalidInput("departure at \(departure) is \(Self.outside): not early")) {
            try hours.minutesEarly(departure: TimeOfDay(parsing: departure)!)
        }
    }

    /// Why a time outside the standard profile's sessions counts as neither late nor early.
    static let outside = "outside the working sessions (07:30–11:30, 13:30–17:00)"
}

import Foundation
import InspectCore
import Testing

/// Properties of `nextElapse` over generated expressions: the result is later than the base, its wall-clock reading
/// matches the expression, and no matching instant lies between the two (found by trying every minute, or every
/// second, in between).
@Suite("CalendarSpec properties")
struct CalendarSpecPropertyTests {
    static let zones = ["Asia/Ho_Chi_Minh", "Europe/Berlin", "America/New_York"]

    @Test("next elapses match the expression and skip no matching instant", arguments: zip(zones, [UInt64](101...103)))
    func nextElapse(zone name: String, seed: UInt64) throws {
        let zone = try #require(LocalZone(identifier: name))
        var generator = CalendarSpecGenerator(seed: seed)
        generator.fractions = false
        var checked = 0
        var searched = 0
        while checked < 150 {
            guard let spec = try? CalendarSpec.parse(generator.expression()) else { continue }
            let base = Instant(seconds: Int64.random(in: 1_790_000_000...1_900_000_000, using: &generator.random))
            guard let next = spec.nextElapse(after: base, in: zone) else { continue }
            checked += 1
            let clock = Self.clock(of: spec, default: zone)
            // Then the elapse is later than the base, and its reading matches every field.
            #expect(next > base, "\(spec)")
            #expect(Self.matches(spec, clock.local(next)), "\(spec) at \(next)")
            // And no instant in between matches, except the second pass of a repeated hour, which systemd skips
            // when it arrives from the first.
            let step: Int64 = spec.seconds == [CalendarComponent(start: 0)] ? 60 : 1
            let span = next.seconds - base.seconds
            guard span <= (step == 60 ? 3 * 86400 : 7200) else { continue }
            searched += 1
            var probe = (base.seconds / step + 1) * step
            while probe < next.seconds {
                let instant = Instant(seconds: probe)
                if Self.matches(spec, clock.local(instant)) {
                    #expect(Self.isSecondPass(instant, in: clock), "\(spec) matches at \(instant) before \(next)")
                }
                probe += step
            }
        }
        #expect(searched > 40)
    }

    @Test("elapses increase strictly, and each is the next elapse after the one before", arguments: [UInt64(7), 8])
    func chains(seed: UInt64) throws {
        var generator = CalendarSpecGenerator(seed: seed)
        var chains = 0
        while chains < 100 {
            guard let spec = try? CalendarSpec.parse(generator.expression()) else { continue }
            chains += 1
            let base = Instant(seconds: Int64.random(in: 1_790_000_000...1_900_000_000, using: &generator.random))
            let times = spec.elapses(after: base, count: 6, in: .vietnam)
            for (earlier, later) in zip([base] + times, times) {
                #expect(earlier < later, "\(spec)")
                #expect(spec.nextElapse(after: earlier, in: .vietnam) == later, "\(spec)")
            }
        }
    }

    // MARK: - An independent reading of the fields

    /// The zone whose wall clock the expression is read on.
    private static func clock(of spec: CalendarSpec, default zone: LocalZone) -> LocalZone {
        switch spec.zone {
        case .local: zone
        case .utc: .utc
        case .named(let named): named
        }
    }

    /// Whether a wall-clock reading matches every field of `spec`, read directly from the components.
    private static func matches(_ spec: CalendarSpec, _ local: LocalDateTime) -> Bool {
        let date = local.date
        let time = local.time
        let length = CivilDate.daysIn(month: date.month, year: date.year)
        let dayMatches =
            spec.countsDaysFromMonthEnd
            ? spec.days.contains { fromEnd($0, length: length, day: date.day) }
            : matches(spec.days, date.day)
        return (spec.weekdays.isEmpty || spec.weekdays.contains(date.weekday)) && matches(spec.years, date.year)
            && matches(spec.months, date.month) && dayMatches && matches(spec.hours, time.hour)
            && matches(spec.minutes, time.minute) && matches(spec.seconds, time.second * 1_000_000)
    }

    private static func matches(_ components: [CalendarComponent], _ value: Int) -> Bool {
        components.isEmpty || components.contains { matches($0, value) }
    }

    private static func matches(_ component: CalendarComponent, _ value: Int) -> Bool {
        guard value >= component.start, value <= (component.stop ?? .max) else { return false }
        return component.step == 0 ? value == component.start : (value - component.start) % component.step == 0
    }

    /// A `~` component in a month of `length` days: `~7/2` is the 7th-last day and every second day after it;
    /// `~1..7` is the last seven days.
    private static func fromEnd(_ component: CalendarComponent, length: Int, day: Int) -> Bool {
        if let stop = component.stop {
            let first = length - stop + 1
            let last = length - component.start + 1
            return day >= first && day <= last && (day - first) % max(component.step, 1) == 0
        }
        let first = length - component.start + 1
        return component.step == 0 ? day == first : day >= first && (day - first) % component.step == 0
    }

    /// Whether the reading at `instant` was shown once before, an hour or less earlier (the clock fell back).
    private static func isSecondPass(_ instant: Instant, in zone: LocalZone) -> Bool {
        let earlierOffset = zone.offset(at: instant.adding(seconds: -4 * 3600))
        let offset = zone.offset(at: instant)
        guard earlierOffset > offset else { return false }
        let firstPass = instant.adding(seconds: Int64(offset - earlierOffset))
        return zone.local(firstPass) == zone.local(instant) && zone.offset(at: firstPass) == earlierOffset
    }
}

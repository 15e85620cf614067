import Foundation

extension CalendarSpec {
    /// The first instant strictly after `instant` at which the expression elapses, or nil when it never does again
    /// (its last year is past, or systemd's year limit 2199 is reached) or when, as systemd does, the search gives up
    /// after 1000 rounds (a zone whose clock skips midnight can send systemd's search round in circles).
    ///
    /// Fields are matched on the wall clock of the expression's own zone if it names one, else of `zone`. Around
    /// daylight-saving changes the result is systemd's: a wall time skipped by the clock moving forward does not
    /// elapse that day (`02:30` in Europe/Berlin skips the last Sunday of March, while `*:30` continues at 03:30),
    /// and a wall time the clock passes twice elapses once, at its first occurrence — unless the search starts inside
    /// the repeated hour's second pass, where systemd stays on that pass.
    ///
    /// An elapse with a fractional second (`*:*:00.5`) is rounded up to the next whole second; use
    /// `nextElapse(afterMicroseconds:in:)` for the exact time.
    public func nextElapse(after instant: Instant, in zone: LocalZone) -> Instant? {
        var search = CalendarSearch(spec: self, zone: zone)
        return search.next(afterMicroseconds: instant.seconds * Self.perSecond).map {
            Instant(seconds: ($0 + Self.perSecond - 1).floorDiv(Self.perSecond))
        }
    }

    /// The next `count` elapses after `instant`, each strictly after the one before; fewer when the expression stops
    /// elapsing.
    public func elapses(after instant: Instant, count: Int, in zone: LocalZone) -> [Instant] {
        var search = CalendarSearch(spec: self, zone: zone)
        var result: [Instant] = []
        var current = instant
        while result.count < count, let next = search.next(afterMicroseconds: current.seconds * Self.perSecond) {
            current = Instant(seconds: (next + Self.perSecond - 1).floorDiv(Self.perSecond))
            result.append(current)
        }
        return result
    }

    /// The first elapse strictly after `microseconds` (since 1970-01-01 UTC), in microseconds: what systemd computes
    /// for a timer, fractional seconds included.
    public func nextElapse(afterMicroseconds microseconds: Int64, in zone: LocalZone) -> Int64? {
        var search = CalendarSearch(spec: self, zone: zone)
        return search.next(afterMicroseconds: microseconds)
    }

    private static let perSecond = Int64(CalendarComponent.microsecondsPerSecond)
}

/// A wall-clock reading whose fields may be out of range while the search steps (day 32, hour 24), as in C's
/// `struct tm`; `ZoneClock.convert` brings it back in range.
private struct WallTime {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// The UTC offset the reading is to be taken at, or nil to let the conversion choose: `struct tm`'s
    /// daylight-saving flag, which systemd's search sometimes leaves set and glibc then honours.
    var pinnedOffset: Int?

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
    }

    /// The reading of `seconds` counted on a clock that starts at 1970-01-01 00:00 and never jumps.
    init(wallSeconds seconds: Int64) {
        let days = seconds.floorDiv(86400)
        let date = CivilDate(dayNumber: Int(days))
        let rest = Int(seconds - days * 86400)
        self.init(
            year: date.year, month: date.month, day: date.day, hour: rest / 3600, minute: rest / 60 % 60,
            second: rest % 60)
    }

    /// Seconds on that never-jumping clock, carrying out-of-range fields into the next larger ones.
    var wallSeconds: Int64 {
        let months = Int64(month - 1)
        let year = Int64(self.year) + months.floorDiv(12)
        let date = CivilDate(year: Int(year), month: Int(months - months.floorDiv(12) * 12) + 1, day: 1)
        let days = Int64(date.dayNumber) + Int64(day - 1)
        return days * 86400 + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
    }

    mutating func startDay() { (hour, minute, second) = (0, 0, 0) }
}

/// Converts between instants and wall-clock readings the way glibc's `mktime` and `localtime_r` do for systemd.
///
/// A reading the clock skips (spring forward) resolves to the instant the same distance past the change, which reads
/// later on the clock; a reading the clock shows twice resolves with the UTC offset of the previous conversion, as
/// glibc guesses from the offset it last used. That memory is why systemd keeps to the first pass of a repeated hour
/// when it arrives from before it, and to the second pass when it starts inside it.
private struct ZoneClock {
    let timeZone: TimeZone?
    var lastOffset = 0

    func offset(at seconds: Int64) -> Int {
        guard let timeZone else { return 0 }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    func local(_ seconds: Int64) -> WallTime { WallTime(wallSeconds: seconds + Int64(offset(at: seconds))) }

    /// The instant a wall reading stands for, and the reading brought into range with its offset pinned, as
    /// `mktime` leaves a `struct tm`. A reading with a pinned offset is taken at that offset, even where the clock
    /// shows another or skips the reading; otherwise a skipped reading moves forward past the change, and a
    /// repeated one takes the offset used last.
    ///
    /// Like glibc, it takes a seconds field beyond 0…59 as the nearest second within the minute and adds the excess
    /// to the instant afterwards, so `02:59:72` just before the clock falls back reads as `02:00:12` on the second
    /// pass rather than `03:00:12`.
    mutating func convert(_ wall: WallTime) -> (instant: Int64, local: WallTime) {
        guard timeZone != nil else { return (wall.wallSeconds, WallTime(wallSeconds: wall.wallSeconds)) }
        var clamped = wall
        clamped.second = min(max(wall.second, 0), 59)
        let target = clamped.wallSeconds
        var instant: Int64
        if let pinned = wall.pinnedOffset {
            instant = target - Int64(pinned)
            lastOffset = pinned
        } else {
            instant = resolve(target)
        }
        instant += Int64(wall.second - clamped.second)
        let offset = offset(at: instant)
        var local = WallTime(wallSeconds: instant + Int64(offset))
        local.pinnedOffset = offset
        return (instant, local)
    }

    /// glibc's search for the instant of an unpinned reading, starting from the offset it used last.
    private mutating func resolve(_ target: Int64) -> Int64 {
        var guess = target - Int64(lastOffset)
        var previous: Int64?
        for _ in 0..<6 {
            let offset = offset(at: guess)
            let next = target - Int64(offset)
            if next == guess {
                lastOffset = offset
                return guess
            }
            if next == previous { break }
            previous = guess
            guess = next
        }
        // Oscillating between the two sides of a skipped reading: glibc keeps the side flagged as daylight-saving
        // time, which is the later one except where the database flags winter (or Ramadan) time instead.
        let other = previous ?? guess
        let instant = flagsEarlierSide(target) ? min(guess, other) : max(guess, other)
        lastOffset = Int(target - instant)
        return instant
    }

    /// Zones whose time-zone database entries mark the *earlier* side of their skipped hours as daylight-saving
    /// time (a negative daylight-saving offset: Irish winter time, Moroccan Ramadan time), from when that applies.
    /// Foundation reads the database in the form without negative offsets, so its daylight-saving flag cannot tell.
    private static let negativeDaylightSaving: [String: Int64] = [
        "Europe/Dublin": .min, "Eire": .min,
        "Africa/Casablanca": 1_540_692_000, "Africa/El_Aaiun": 1_540_692_000,  // from 2018-10-28
    ]

    private func flagsEarlierSide(_ wallSeconds: Int64) -> Bool {
        guard let identifier = timeZone?.identifier, let since = Self.negativeDaylightSaving[identifier] else {
            return false
        }
        return wallSeconds >= since
    }
}

/// systemd's search for the next elapse (`find_next` in its calendarspec.c), restated: fix the year, then the month,
/// the day, the weekday, the hour, the minute and the second in turn, each time taking the smallest matching value
/// not below the current one; when a field has none left, carry into the next larger field and start over.
///
/// Each step re-reads the candidate through `ZoneClock.convert` and starts over when it was out of range or skipped
/// by the clock, exactly where systemd does, so daylight-saving behaviour and the few quirks of the original come
/// out the same. Like systemd, the search gives up after 1000 rounds and after the year 2199.
private struct CalendarSearch {
    private static let maximumRounds = 1000
    private static let lastYear = 2199
    private static let perSecond = CalendarComponent.microsecondsPerSecond

    let spec: CalendarSpec
    var clock: ZoneClock

    init(spec: CalendarSpec, zone: LocalZone) {
        self.spec = spec
        switch spec.zone {
        case .utc: clock = ZoneClock(timeZone: nil)
        case .named(let named): clock = ZoneClock(timeZone: named.timeZone)
        case .local: clock = ZoneClock(timeZone: zone.timeZone)
        }
    }

    /// The result of matching one field: no value left, value kept, or value advanced.
    private enum Step {
        case exhausted, kept, advanced
    }

    /// Whether a candidate is a real reading: `refused` when past 2199 or when the conversion moved it backwards,
    /// `stale` when the conversion moved it forward (the candidate now holds the moved reading), else `valid`.
    private enum Bounds {
        case refused, stale, valid
    }

    /// The search proper. Candidates carry a pinned offset where systemd's `struct tm` carries a daylight-saving
    /// flag: from the start reading, from a reading that a conversion moved, and, once the search found a result
    /// that is not after the start (a zone whose clock skips midnight sends a reset reading back before the change),
    /// from every round's first conversion, as systemd stops clearing the flag then.
    mutating func next(afterMicroseconds after: Int64) -> Int64? {
        let first = after + 1
        let firstSecond = first.floorDiv(Int64(Self.perSecond))
        let startMicro = Int(first - firstSecond * Int64(Self.perSecond))
        var micro = startMicro
        clock.lastOffset = clock.offset(at: firstSecond)
        var start = clock.local(firstSecond)
        start.pinnedOffset = clock.lastOffset
        var c = start
        var keepsPins = false

        for _ in 0..<Self.maximumRounds {
            c = clock.convert(c).local
            if !keepsPins { c.pinnedOffset = nil }

            var step = Self.match(spec.years, &c.year)
            if step == .exhausted { return nil }
            if step == .advanced {
                (c.month, c.day) = (1, 1)
                c.startDay()
                micro = 0
            }
            if bounds(&c) != .valid { return nil }

            step = Self.match(spec.months, &c.month)
            if step == .advanced {
                c.day = 1
                c.startDay()
                micro = 0
            }
            var checked = step == .exhausted ? .refused : bounds(&c)
            if checked == .refused {
                (c.year, c.month, c.day) = (c.year + 1, 1, 1)
                c.startDay()
                micro = 0
                continue
            }
            if checked == .stale { continue }

            step = matchDay(&c)
            if step == .advanced {
                c.startDay()
                micro = 0
            }
            checked = step == .exhausted ? .refused : bounds(&c)
            if checked == .refused {
                (c.month, c.day) = (c.month + 1, 1)
                c.startDay()
                micro = 0
                continue
            }
            if checked == .stale { continue }

            if spec.weekdayBits != 0 {
                let weekday = CivilDate(year: c.year, month: c.month, day: c.day).weekday.rawValue - 1
                if spec.weekdayBits & (1 << weekday) == 0 {
                    c.day += 1
                    c.startDay()
                    micro = 0
                    continue
                }
            }

            step = Self.match(spec.hours, &c.hour)
            if step == .advanced { (c.minute, c.second, micro) = (0, 0, 0) }
            checked = step == .exhausted ? .refused : bounds(&c)
            if checked == .refused {
                c.day += 1
                c.startDay()
                micro = 0
                continue
            }
            if checked == .stale { continue }

            step = Self.match(spec.minutes, &c.minute)
            if step == .advanced { (c.second, micro) = (0, 0) }
            checked = step == .exhausted ? .refused : bounds(&c)
            if checked == .refused {
                (c.hour, c.minute, c.second, micro) = (c.hour + 1, 0, 0, 0)
                continue
            }
            if checked == .stale { continue }

            var within = c.second * Self.perSecond + micro
            step = Self.match(spec.seconds, &within)
            (c.second, micro) = (within / Self.perSecond, within % Self.perSecond)
            checked = step == .exhausted ? .refused : bounds(&c)
            if checked == .refused {
                (c.minute, c.second, micro) = (c.minute + 1, 0, 0)
                continue
            }
            if checked == .stale { continue }

            if Self.order(start, startMicro, c, micro + 1) >= 0 {
                // Not after the start: systemd keeps the flags from now on, moves an hour on and tries again.
                keepsPins = true
                c.hour += 1
                continue
            }
            return clock.convert(c).instant * Int64(Self.perSecond) + Int64(micro)
        }
        return nil
    }

    /// Compares two readings field by field from the year down, then their microseconds.
    private static func order(_ a: WallTime, _ aMicro: Int, _ b: WallTime, _ bMicro: Int) -> Int {
        let lhs = (a.year, a.month, a.day, a.hour, a.minute, a.second)
        let rhs = (b.year, b.month, b.day, b.hour, b.minute, b.second)
        if lhs != rhs { return lhs < rhs ? -1 : 1 }
        return aMicro == bMicro ? 0 : (aMicro < bMicro ? -1 : 1)
    }

    /// Converts the candidate and compares the reading that comes back with it, field by field from the year down.
    /// When the conversion moved it forward, the candidate becomes the moved reading with the field below the first
    /// changed one reset (`tm_within_bounds` in systemd).
    private mutating func bounds(_ c: inout WallTime) -> Bounds {
        guard c.year <= Self.lastYear else { return .refused }
        var moved = clock.convert(c).local
        let order: Int
        if moved.year != c.year {
            order = moved.year < c.year ? -1 : 1
            moved.month = 1
        } else if moved.month != c.month {
            order = moved.month < c.month ? -1 : 1
            moved.day = 1
        } else if moved.day != c.day {
            order = moved.day < c.day ? -1 : 1
            moved.hour = 0
        } else if moved.hour != c.hour {
            order = moved.hour < c.hour ? -1 : 1
            moved.minute = 0
        } else if moved.minute != c.minute {
            order = moved.minute < c.minute ? -1 : 1
            moved.second = 0
        } else {
            order = moved.second == c.second ? 0 : (moved.second < c.second ? -1 : 1)
        }
        if order < 0 { return .refused }
        if order > 0 {
            c = moved
            return .stale
        }
        return .valid
    }

    /// Moves `value` to the smallest value not below it that some component matches.
    private static func match(_ components: [CalendarComponent], _ value: inout Int) -> Step {
        guard !components.isEmpty else { return .kept }
        var best: Int?
        for component in components {
            consider(start: component.start, stop: component.stop ?? -1, step: component.step, value, &best)
        }
        return settle(best, &value)
    }

    /// The day field, which may count back from the month's end: each `~` component is turned into days of the
    /// candidate's month first (systemd's `find_end_of_month`, whose date conversions also count as conversions).
    private mutating func matchDay(_ c: inout WallTime) -> Step {
        guard spec.countsDaysFromMonthEnd else { return Self.match(spec.days, &c.day) }
        var best: Int?
        for component in spec.days {
            var start = dayFromEnd(component.start, of: c)
            var stop = dayFromEnd(component.stop ?? -1, of: c)
            if stop > 0 { swap(&start, &stop) }
            Self.consider(start: start, stop: stop, step: component.step, c.day, &best)
        }
        return Self.settle(best, &c.day)
    }

    private mutating func dayFromEnd(_ back: Int, of c: WallTime) -> Int {
        var probe = c
        probe.month += 1
        probe.day = 1 - back
        let resolved = clock.convert(probe).local
        return resolved.month == c.month ? resolved.day : -1
    }

    private static func consider(start: Int, stop: Int, step: Int, _ value: Int, _ best: inout Int?) {
        if start >= value {
            best = min(best ?? start, start)
        } else if step > 0 {
            let candidate = start + step * ((value - start + step - 1) / step)
            if stop < 0 || candidate <= stop { best = min(best ?? candidate, candidate) }
        }
    }

    private static func settle(_ best: Int?, _ value: inout Int) -> Step {
        guard let best else { return .exhausted }
        defer { value = best }
        return best == value ? .kept : .advanced
    }
}

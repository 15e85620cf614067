/// How long after its due instant an inspection may still be opened before it counts as missed.
///
/// Written in a plan as `Window=`, in one of two forms:
/// - a time span, systemd style: numbers with units `min`, `h`, `d`, `w`, which add up (`90min`, `4h`, `1h 30min`,
///   `2d`). The window ends that long after the due instant, in calendar time, nights and holidays included.
/// - `N working day` or `N working days`: the window ends when the last working session of the N-th working day
///   ends, counting the due day as the first when the due instant is before its last session ends. `1 working day`
///   (the default) means "by the close of business on the day it falls due".
public enum InspectionWindow: Hashable, Sendable, Codable, CustomStringConvertible {
    case duration(seconds: Int64)
    case workingDays(Int)

    /// By the close of business on the due day.
    public static let standard = InspectionWindow.workingDays(1)

    /// The instant the window closes for an inspection due at `due` in an office following `profile`.
    /// - Throws: `InspectError.notFound` for an unknown profile; `InspectError.conflict` when no working day comes
    ///   within `WorkCalendar.searchLimitDays`.
    public func end(after due: Instant, calendar: WorkCalendar, profile: String) throws -> Instant {
        switch self {
        case .duration(let seconds):
            return due.adding(seconds: seconds)
        case .workingDays(let count):
            var remaining = count
            let first = calendar.zone.local(due).date
            for offset in 0..<WorkCalendar.searchLimitDays {
                let date = first.adding(days: offset)
                guard let last = try calendar.sessions(on: date, profile: profile).last else { continue }
                let close = calendar.zone.instant(LocalDateTime(date: date, time: last.end))
                guard close > due else { continue }
                remaining -= 1
                if remaining == 0 { return close }
            }
            throw InspectError.conflict(
                "no \(count) working days of hours profile '\(profile)' within \(WorkCalendar.searchLimitDays) days")
        }
    }

    /// The text a plan writes: `1 working day`, `3 working days`, `1h 30min`.
    public var description: String {
        switch self {
        case .workingDays(let count):
            return count == 1 ? "1 working day" : "\(count) working days"
        case .duration(var seconds):
            var parts: [String] = []
            for (unit, size) in Self.units.reversed() where seconds >= size {
                parts.append("\(seconds / size)\(unit)")
                seconds %= size
            }
            return parts.isEmpty ? "0min" : parts.joined(separator: " ")
        }
    }

    /// The units of a time span and their length in seconds, shortest first.
    static let units: [(String, Int64)] = [("min", 60), ("h", 3600), ("d", 86400), ("w", 604_800)]

    /// Parses what `description` writes (and the units' usual spellings: `m`, `hour`, `hours`, `day`, `days`,
    /// `week`, `weeks`); nil when malformed, zero, or longer than 366 days.
    public init?(parsing text: String) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count == 3, words[1] == "working", words[2] == "day" || words[2] == "days",
            words[0].allSatisfy(\.isASCII), let count = Int(words[0]), (1...366).contains(count)
        {
            self = .workingDays(count)
            return
        }
        let aliases: [String: Int64] = [
            "min": 60, "m": 60, "minute": 60, "minutes": 60, "h": 3600, "hour": 3600, "hours": 3600,
            "d": 86400, "day": 86400, "days": 86400, "w": 604_800, "week": 604_800, "weeks": 604_800,
        ]
        var total: Int64 = 0
        var rest = Substring(text.lowercased().filter { $0 != " " && $0 != "\t" })
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let unit = rest.dropFirst(digits.count).prefix { $0.isASCII && $0.isLetter }
            guard !digits.isEmpty, digits.count <= 6, let size = aliases[String(unit)] else { return nil }
            total += Int64(digits)! * size
            rest = rest.dropFirst(digits.count + unit.count)
        }
        guard total > 0, total <= 366 * 86400 else { return nil }
        self = .duration(seconds: total)
    }
}

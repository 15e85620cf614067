import InspectCore
import InspectTesting

/// Writes random calendar expressions covering the syntax: weekday lists and ranges, values, lists, ranges and
/// repetitions in every field, days counted from the month's end, fractional seconds, shorthands and zones. Not every
/// expression is valid (a repetition may be too long for its field); callers skip those systemd would refuse too.
struct CalendarSpecGenerator {
    var random: SplitMix64
    /// Whether to write fractional seconds, which are matched to the microsecond.
    var fractions = true
    /// Zone suffixes to pick from; the empty string stands for no suffix.
    var zones = ["", "", "", "", " UTC", " Europe/Berlin", " America/New_York", " Asia/Ho_Chi_Minh"]

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func expression() -> String {
        if chance(0.08) {
            let shorthands = [
                "minutely", "hourly", "daily", "weekly", "monthly", "quarterly", "semiannually", "yearly",
            ]
            return pick(shorthands) + pick(zones)
        }
        var parts: [String] = []
        if chance(0.3) { parts.append(weekdays()) }
        if chance(0.7) { parts.append(date()) }
        if chance(0.8) || parts.isEmpty { parts.append(time()) }
        return parts.joined(separator: " ") + pick(zones)
    }

    private mutating func weekdays() -> String {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        var items: [String] = []
        for _ in 0..<int(1...3) {
            let first = int(0...6)
            if chance(0.4) && first < 6 {
                items.append(names[first] + ".." + names[int((first + 1)...6)])
            } else {
                items.append(names[first])
            }
        }
        return items.joined(separator: ",")
    }

    private mutating func date() -> String {
        let year = chance(0.75) ? "*" : field(2026...2034, step: 1...3)
        let month = chance(0.5) ? "*" : field(1...12, step: 1...5)
        if chance(0.15) {
            let back = chance(0.7) ? String(int(1...7)) : "\(int(1...3))..\(int(4...10))"
            return (chance(0.5) ? "" : year + "-") + month + "~" + back + (chance(0.2) ? "/\(int(1...2))" : "")
        }
        let day = chance(0.4) ? "*" : field(1...31, step: 1...10)
        return (chance(0.6) ? year + "-" : "") + month + "-" + day
    }

    private mutating func time() -> String {
        let hour = chance(0.3) ? "*" : field(0...23, step: 1...8)
        let minute = chance(0.3) ? "*" : field(0...59, step: 1...30)
        if chance(0.4) { return hour + ":" + minute }
        let second: String
        if fractions && chance(0.15) {
            second = "\(int(0...58)).\(int(1...9))" + (chance(0.5) ? "/\(int(1...20)).\(int(0...9))" : "")
        } else {
            second = chance(0.2) ? "*" : field(0...59, step: 1...30)
        }
        return hour + ":" + minute + ":" + second
    }

    /// A value, list, range or repetition within `range`, sometimes reaching slightly past it.
    private mutating func field(_ range: ClosedRange<Int>, step: ClosedRange<Int>) -> String {
        var items: [String] = []
        for _ in 0..<(chance(0.7) ? 1 : int(2...3)) {
            let start = int(range)
            switch int(0...3) {
            case 0: items.append(String(start))
            case 1: items.append("\(start)..\(int(start...min(range.upperBound, start + 10)))")
            case 2: items.append("\(start)/\(int(step))")
            default:
                items.append("\(start)..\(int(start...range.upperBound))/\(int(step))")
            }
        }
        return items.joined(separator: ",")
    }

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }
    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func pick(_ items: [String]) -> String { items[int(0...(items.count - 1))] }
}

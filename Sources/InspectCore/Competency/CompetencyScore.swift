/// A competency test score: 0 to 100 with at most one decimal, held exactly as tenths (`87.5` is 875).
public enum CompetencyScore {
    /// The scores a test gives.
    public static let range = Tenths(tenths: 0)...Tenths(tenths: 1000)

    /// `87`, `87.5` or `87,5` (the Vietnamese decimal mark); nil for anything else or a score out of ``range``.
    public static func parse(_ text: String) -> Tenths? {
        let mark: Character = text.contains(Character(",")) ? "," : "."
        let parts = text.trimmingSpaces.split(separator: mark, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, (1...3).contains(whole.count),
            whole.allSatisfy(\.isASCIIDigit), let units = Int(whole)
        else { return nil }
        var tenths = units * 10
        if parts.count == 2 {
            guard parts[1].count == 1, let digit = parts[1].first, digit.isASCIIDigit, let value = Int(String(digit))
            else { return nil }
            tenths += value
        }
        let score = Tenths(tenths: tenths)
        return range.contains(score) ? score : nil
    }

    /// Checks a score given as a number (over the API).
    /// - Throws: `InspectError.invalidInput` saying the range.
    public static func check(_ score: Tenths) throws {
        guard range.contains(score) else {
            throw InspectError.invalidInput("a score must be from 0 to 100 with at most one decimal, not \(score)")
        }
    }
}

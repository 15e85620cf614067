/// Numbers as a report shows them in each language: `1,536` and `15.1%` in English, `1.536` and `15,1%` in
/// Vietnamese (where the dot groups thousands and the comma is the decimal mark).
///
/// Written out by hand rather than with `NumberFormatter`, whose output depends on the ICU data of the machine.
public struct ReportNumbers: Sendable, Hashable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private var groupSeparator: String { language == .vi ? "." : "," }
    private var decimalMark: String { language == .vi ? "," : "." }

    /// `1,536` / `1.536`; `-1,536` for negatives.
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: groupSeparator)
    }

    /// `15.1` / `15,1`, always with one decimal.
    public func decimal(_ value: Tenths) -> String {
        let magnitude = value.tenths.magnitude
        return (value.tenths < 0 ? "-" : "") + integer(Int(magnitude / 10)) + decimalMark + String(magnitude % 10)
    }

    /// `15.1%` / `15,1%`.
    public func percent(_ value: Tenths) -> String { decimal(value) + "%" }

    /// A change between periods, with its sign: `+5`, `-3`, `0`.
    public func signedInteger(_ value: Int) -> String { (value > 0 ? "+" : "") + integer(value) }

    /// A change of a rate or share, with its sign: `+2.2` / `+2,2`, `0.0`.
    public func signedDecimal(_ value: Tenths) -> String { (value.tenths > 0 ? "+" : "") + decimal(value) }

    /// A share as the district's reports write it, the decimal only when it is not zero: `81%`, `88.4%` / `88,4%`.
    public func share(_ value: Tenths) -> String { short(value) + "%" }

    /// A change in percentage points, with its sign and the decimal only when it is not zero: `+10`, `+5,8`, `0`.
    public func points(_ value: Tenths) -> String { (value.tenths > 0 ? "+" : "") + short(value) }

    /// `81` for 81.0, `88,4` for 88.4.
    private func short(_ value: Tenths) -> String {
        value.tenths % 10 == 0 ? integer(value.tenths / 10) : decimal(value)
    }
}

/// The four levels of the yearly classification of cadres, civil servants and public employees (Decree 90/2020/NĐ-CP
/// as amended by Decree 48/2023/NĐ-CP), from the best to the worst.
///
/// Declared in that order, so `<` reads "better than" and `max` of two levels is the lower one: a rule never raises
/// a level, it only caps it.
public enum ClassificationLevel: String, Sendable, Codable, DeclarationOrdered {
    /// Hoàn thành xuất sắc nhiệm vụ.
    case excellent
    /// Hoàn thành tốt nhiệm vụ.
    case good
    /// Hoàn thành nhiệm vụ.
    case done
    /// Không hoàn thành nhiệm vụ.
    case notDone = "not-done"

    /// The level's name in reports.
    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.excellent, .vi): "Hoàn thành xuất sắc nhiệm vụ"
        case (.good, .vi): "Hoàn thành tốt nhiệm vụ"
        case (.done, .vi): "Hoàn thành nhiệm vụ"
        case (.notDone, .vi): "Không hoàn thành nhiệm vụ"
        case (.excellent, .en): "Excellently completed duties"
        case (.good, .en): "Well completed duties"
        case (.done, .en): "Completed duties"
        case (.notDone, .en): "Did not complete duties"
        }
    }

    /// The short names people type, for messages: `excellent, good, done, not-done`.
    public static let spellings = allCases.map(\.rawValue).joined(separator: ", ")
}

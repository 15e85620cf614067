/// The languages inspectd speaks to people: names, labels, number formats and report narratives.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en, vi
}

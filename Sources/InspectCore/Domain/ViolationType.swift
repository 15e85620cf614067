/// How grave a violation is; escalation rules and follow-up inspections key on it.
public enum Severity: String, Sendable, Codable, DeclarationOrdered {
    case minor, moderate, serious
}

/// A kind of shortcoming an inspection team can record.
///
/// inspectd records and refers; the legal basis is shown so the record says which rule was broken, never which
/// penalty applies.
public struct ViolationType: Hashable, Sendable, Codable {
    public var code: String
    public var nameEN: String
    public var nameVI: String
    public var legalBasis: String
    public var severity: Severity
    /// Whether the finding records a clock time (arrival for LATE, departure for EARLY) from which minutes follow.
    public var measure: ClockMeasure?

    public init(
        code: String, nameEN: String, nameVI: String, legalBasis: String, severity: Severity,
        measure: ClockMeasure? = nil
    ) {
        self.code = code
        self.nameEN = nameEN
        self.nameVI = nameVI
        self.legalBasis = legalBasis
        self.severity = severity
        self.measure = measure
    }
}

/// Which clock time a finding records, for violations measured in minutes.
public enum ClockMeasure: String, Sendable, Codable {
    /// The arrival time: minutes late after the session start plus grace.
    case arrival
    /// The departure time: minutes early before the session end.
    case departure
}

extension ViolationType {
    private static let directive26 = "Chỉ thị 26/CT-TTg (2016)"
    private static let officeCulture = "Quyết định 129/2007/QĐ-TTg"
    private static let workingWeek = "Quyết định 188/1999/QĐ-TTg"
    private static let discipline = "Nghị định 172/2025/NĐ-CP"

    /// The fourteen violation types inspectd ships with (overridable in `/etc/inspectd/violations.conf`).
    public static let defaults: [ViolationType] = [
        ViolationType(
            code: "BADGE", nameEN: "Not wearing the ID badge", nameVI: "Không đeo thẻ công chức, viên chức",
            legalBasis: "\(officeCulture), Điều 6; \(directive26)", severity: .minor),
        ViolationType(
            code: "LATE", nameEN: "Late arrival", nameVI: "Đi muộn",
            legalBasis: "\(workingWeek); \(directive26)", severity: .minor, measure: .arrival),
        ViolationType(
            code: "EARLY", nameEN: "Early departure", nameVI: "Về sớm",
            legalBasis: "\(workingWeek); \(directive26)", severity: .minor, measure: .departure),
        ViolationType(
            code: "OFFPOST", nameEN: "Absent from post during working hours",
            nameVI: "Không có mặt tại vị trí làm việc trong giờ hành chính",
            legalBasis: directive26, severity: .moderate),
        ViolationType(
            code: "ABSENT", nameEN: "Absent without leave", nameVI: "Nghỉ việc không có lý do",
            legalBasis: "\(discipline); \(directive26)", severity: .moderate),
        ViolationType(
            code: "ALCOHOL", nameEN: "Alcohol during working hours",
            nameVI: "Sử dụng đồ uống có cồn trong giờ làm việc",
            legalBasis: "\(directive26); \(officeCulture)", severity: .serious),
        ViolationType(
            code: "SMOKE", nameEN: "Smoking in the office", nameVI: "Hút thuốc lá trong phòng làm việc",
            legalBasis: "\(officeCulture), Điều 7", severity: .minor),
        ViolationType(
            code: "PRIVATE", nameEN: "Private business during working hours",
            nameVI: "Làm việc riêng trong giờ làm việc", legalBasis: directive26, severity: .minor),
        ViolationType(
            code: "ENTERTAIN", nameEN: "Games or entertainment during working hours",
            nameVI: "Chơi trò chơi, giải trí trong giờ làm việc", legalBasis: directive26, severity: .minor),
        ViolationType(
            code: "DRESS", nameEN: "Improper attire", nameVI: "Trang phục không đúng quy định",
            legalBasis: "\(officeCulture), Điều 6", severity: .minor),
        ViolationType(
            code: "CONDUCT", nameEN: "Improper conduct towards citizens",
            nameVI: "Thái độ, ứng xử không đúng mực với người dân",
            legalBasis: "\(officeCulture), Điều 8", severity: .moderate),
        ViolationType(
            code: "HARASS", nameEN: "Harassing or troubling citizens", nameVI: "Gây phiền hà, sách nhiễu người dân",
            legalBasis: "\(directive26); \(discipline)", severity: .serious),
        ViolationType(
            code: "OVERDUE", nameEN: "Overdue case handling", nameVI: "Chậm giải quyết hồ sơ, trễ hẹn",
            legalBasis: directive26, severity: .moderate),
        ViolationType(
            code: "FESTIVAL", nameEN: "Attending festivals during working hours",
            nameVI: "Đi lễ hội trong giờ hành chính", legalBasis: directive26, severity: .moderate),
    ]
}

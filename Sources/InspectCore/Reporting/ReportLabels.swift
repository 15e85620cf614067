/// The words of a summary report in each language.
///
/// Vietnamese follows the district's own reporting: "lượt kiểm tra", "cơ quan, đơn vị", "cán bộ, công chức, viên
/// chức (CBCCVC)", "đột xuất", "theo kế hoạch".
public struct ReportLabels: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private func pick(_ en: String, _ vi: String) -> String { language == .vi ? vi : en }

    public var title: String {
        pick(
            "Discipline inspections: summary report",
            "Báo cáo tổng hợp kết quả kiểm tra kỷ luật, kỷ cương hành chính")
    }
    public var period: String { pick("Period", "Kỳ báo cáo") }
    public var previousPeriod: String { pick("previous period", "kỳ trước") }
    public var total: String { pick("Total", "Tổng cộng") }
    public var noValue: String { "-" }

    public func kind(_ kind: InspectionKind) -> String {
        switch kind {
        case .planned: pick("Planned", "Theo kế hoạch")
        case .surprise: pick("Surprise", "Đột xuất")
        case .followUp: pick("Follow-up", "Phúc tra")
        case .adHoc: pick("Ad hoc", "Ngoài kế hoạch")
        }
    }

    /// An escalation's level, as the district names it.
    public func escalationLevel(_ level: EscalationLevel) -> String {
        switch level {
        case .reminder: pick("Reminder", "Nhắc nhở")
        case .correction: pick("Correction", "Chấn chỉnh")
        case .referral: pick("Referred for discipline", "Đề nghị xem xét kỷ luật")
        }
    }

    public var escalationLevelHeading: String { pick("Level", "Hình thức") }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .minor: pick("Minor", "Nhẹ")
        case .moderate: pick("Moderate", "Trung bình")
        case .serious: pick("Serious", "Nghiêm trọng")
        }
    }

    /// A staff category, or `office` for findings about an office rather than a person.
    public func category(_ key: String) -> String {
        switch key {
        case StaffCategory.cadre.rawValue: pick("Cadres", "Cán bộ")
        case StaffCategory.civilServant.rawValue: pick("Civil servants", "Công chức")
        case StaffCategory.publicEmployee.rawValue: pick("Public employees", "Viên chức")
        default: pick("The office itself (no person)", "Cơ quan, đơn vị (không gắn cá nhân)")
        }
    }

    /// Table titles, by section or breakdown.
    public func title(_ section: ReportSection) -> String {
        switch section {
        case .inspections: pick("Inspections by kind", "Lượt kiểm tra theo hình thức")
        case .sites: pick("Sites reached", "Xã, phường có lượt kiểm tra")
        case .offices: pick("Offices reached", "Cơ quan, đơn vị được kiểm tra")
        case .notInspected: pick("Offices not inspected in the period", "Cơ quan, đơn vị chưa được kiểm tra trong kỳ")
        case .checks: pick("Staff checked", "Kết quả kiểm tra cán bộ, công chức, viên chức")
        case .violationsByType: pick("Violations by type", "Vi phạm theo loại")
        case .violationsBySeverity: pick("Violations by severity", "Vi phạm theo mức độ")
        case .trend: pick("Against the previous period", "So sánh với kỳ trước")
        case .breakdowns: pick("Breakdown", "Chi tiết")
        case .escalations: pick("Escalations raised", "Các trường hợp vi phạm lặp lại")
        case .correctiveActions: pick("Corrective actions", "Biện pháp khắc phục")
        }
    }

    public func title(_ dimension: BreakdownDimension) -> String {
        switch dimension {
        case .site: pick("By site", "Theo xã, phường")
        case .office: pick("By office", "Theo cơ quan, đơn vị")
        case .type: pick("By violation type", "Theo loại vi phạm")
        case .month: pick("By month", "Theo tháng")
        case .category: pick("By staff category", "Theo đối tượng")
        case .kind: pick("By kind of inspection", "Theo hình thức kiểm tra")
        }
    }

    /// The heading of a table's first (key or label) column.
    public func heading(_ dimension: BreakdownDimension) -> String {
        switch dimension {
        case .site: pick("Site", "Xã, phường")
        case .office: pick("Office", "Cơ quan, đơn vị")
        case .type: pick("Violation", "Loại vi phạm")
        case .month: pick("Month", "Tháng")
        case .category: pick("Category", "Đối tượng")
        case .kind: pick("Kind", "Hình thức")
        }
    }

    public var code: String { pick("Code", "Mã") }
    public var item: String { pick("Item", "Chỉ tiêu") }
    public var value: String { pick("Value", "Số liệu") }
    public var severityHeading: String { pick("Severity", "Mức độ") }
    /// Under the chart of violations by office, which shows only offices with some: how many it leaves out.
    /// - Parameters:
    ///   - number: The count as the language writes numbers.
    ///   - count: The count, for the English plural.
    public func officesWithoutViolations(_ number: String, count: Int) -> String {
        pick(
            "\(number) \(count == 1 ? "office" : "offices") with no violation in the period \(count == 1 ? "is" : "are") "
                + "not shown.",
            "\(number) cơ quan, đơn vị không có vi phạm trong kỳ không được thể hiện trên biểu đồ.")
    }

    /// Under the chart of violations by site, as ``officesWithoutViolations(_:count:)`` under the one by office.
    public func sitesWithoutViolations(_ number: String, count: Int) -> String {
        pick(
            "\(number) \(count == 1 ? "site" : "sites") with no violation in the period \(count == 1 ? "is" : "are") "
                + "not shown.",
            "\(number) xã, phường không có vi phạm trong kỳ không được thể hiện trên biểu đồ.")
    }

    /// The title of the list of sites where no inspection was performed.
    public var sitesNotInspected: String {
        pick("Sites with no inspection in the period", "Xã, phường chưa có lượt kiểm tra trong kỳ")
    }

    public var nameHeading: String { pick("Name", "Tên") }
    public var legalBasisHeading: String { pick("Legal basis", "Căn cứ pháp lý") }
    public var statusHeading: String { pick("Status", "Trạng thái") }

    /// An inspection's status, as people read it; English keeps the status's own word.
    public func status(_ status: InspectionStatus) -> String {
        guard language == .vi else { return status.rawValue }
        return switch status {
        case .scheduled: "đã lên lịch"
        case .due: "đến hạn"
        case .open: "đang kiểm tra"
        case .closed: "đã kết thúc"
        case .missed: "bỏ lỡ"
        case .cancelled: "đã hủy"
        }
    }

    /// Column and row headings for the measures, by their JSON key.
    public func measure(_ key: String) -> String {
        switch key {
        case "planned": pick("Planned", "Theo lịch")
        case "performed": pick("Performed", "Đã kiểm tra")
        case "missed": pick("Missed", "Bỏ lỡ")
        case "cancelled": pick("Cancelled", "Đã hủy")
        case "pending": pick("Pending", "Chưa thực hiện")
        case "offices": pick("Offices", "Số cơ quan, đơn vị")
        case "sites": pick("Sites", "Số xã, phường")
        case "covered": pick("Inspected at least once", "Đã được kiểm tra")
        case "coveredShare": pick("Share inspected", "Tỷ lệ được kiểm tra")
        case "closedInspections": pick("Closed inspections", "Lượt kiểm tra đã kết thúc")
        case "inspectionsWithoutViolations":
            pick("Closed inspections with no violation", "Lượt kiểm tra không phát hiện vi phạm")
        case "staffChecked": pick("Staff checked", "Lượt CBCCVC được kiểm tra")
        case "violations": pick("Violations", "Số vi phạm")
        case "staffWithViolations": pick("Checks with a violation", "Lượt CBCCVC vi phạm")
        case "compliantChecks": pick("Checks with no violation", "Lượt CBCCVC không vi phạm")
        case "violationsPer100Checked": pick("Violations per 100 checked", "Vi phạm/100 lượt kiểm tra")
        case "compliantShare": pick("Share with no violation", "Tỷ lệ không vi phạm")
        case "inspections": pick("Inspections", "Lượt kiểm tra")
        case "count": pick("Violations", "Số vi phạm")
        case "share": pick("Share", "Tỷ lệ")
        case "severity": pick("Severity", "Mức độ")
        case "current": pick("This period", "Kỳ này")
        case "previous": pick("Previous period", "Kỳ trước")
        case "change": pick("Change", "Tăng (+), giảm (-)")
        case "raised": pick("Raised", "Số trường hợp")
        case "acknowledged": pick("Acknowledged", "Đã xử lý")
        case "required": pick("Required in the period", "Yêu cầu trong kỳ")
        case "open": pick("Not done at the period's end", "Chưa hoàn thành cuối kỳ")
        case "overdue": pick("Of which overdue", "Trong đó quá hạn")
        default: key
        }
    }
}

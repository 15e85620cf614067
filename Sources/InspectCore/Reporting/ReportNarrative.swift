/// The short paragraph that opens a summary report, in the style of the district's own reporting:
///
/// > Từ 01/01/2027 đến 31/03/2027, các đoàn kiểm tra đã kiểm tra 35 lượt cơ quan, đơn vị (12 đột xuất, 23 theo kế
/// > hoạch) tại 20/41 cơ quan, đơn vị; …
///
/// Only facts the record holds: counts, rates, the most frequent violations, and what was done about repeat offences
/// (escalations) and shortcomings to correct (corrective actions). A center's report also counts the sites (the
/// province's communes and wards) its inspections reached, "tại 20/41 cơ quan, đơn vị của 3/5 xã, phường", and names
/// those they did not.
public enum ReportNarrative {
    public static func paragraph(_ report: SummaryReport, zone: LocalZone, language: Language) -> String {
        let numbers = ReportNumbers(language)
        let labels = ReportLabels(language)
        let first = ReportDates.day(report.period.firstDay(in: zone), language)
        let last = ReportDates.day(report.period.lastDay(in: zone), language)
        let total = report.inspections.total
        // Surprise first, as the district writes it ("đột xuất và theo kế hoạch").
        let kinds = [InspectionKind.surprise, .planned, .followUp, .adHoc].compactMap { kind -> String? in
            let performed = report.inspections.of(kind).performed
            guard performed > 0 else { return nil }
            return numbers.integer(performed) + " " + labels.kind(kind).lowercased()
        }
        let sites = report.sites
        var sentences: [String] = []
        switch language {
        case .vi:
            guard total.performed > 0 else {
                let of = sites.map { " của \(numbers.integer($0.sites.count)) xã, phường" } ?? ""
                sentences.append("Từ \(first) đến \(last), các đoàn kiểm tra\(of) chưa thực hiện lượt kiểm tra nào.")
                break
            }
            var sentence =
                "Từ \(first) đến \(last), các đoàn kiểm tra đã kiểm tra \(numbers.integer(total.performed)) lượt "
                + "cơ quan, đơn vị (\(kinds.joined(separator: ", "))) tại "
                + "\(numbers.integer(report.offices.covered))/\(numbers.integer(report.offices.offices)) cơ quan, đơn vị"
            if let sites {
                sentence +=
                    " của \(numbers.integer(sites.covered))/\(numbers.integer(sites.sites.count)) xã, phường"
            }
            if report.checks.staffChecked > 0 {
                sentence +=
                    "; kiểm tra \(numbers.integer(report.checks.staffChecked)) lượt cán bộ, công chức, viên chức"
            }
            sentence += ", " + violationsClause(report, numbers: numbers, language: language)
            if let share = report.checks.compliantShare {
                sentence += "; \(numbers.percent(share)) lượt cán bộ, công chức, viên chức được kiểm tra không vi phạm"
            }
            sentences.append(sentence + ".")
        case .en:
            guard total.performed > 0 else {
                let of =
                    sites.map { " of \(numbers.integer($0.sites.count)) site\($0.sites.count == 1 ? "" : "s")" } ?? ""
                sentences.append("From \(first) to \(last), the inspection teams\(of) made no visits.")
                break
            }
            var sentence =
                "From \(first) to \(last), the inspection teams made \(numbers.integer(total.performed)) "
                + "visit\(total.performed == 1 ? "" : "s") to offices and units (\(kinds.joined(separator: ", "))), "
                + "reaching \(numbers.integer(report.offices.covered)) of \(numbers.integer(report.offices.offices)) "
                + "offices"
            if let sites {
                sentence +=
                    " in \(numbers.integer(sites.covered)) of \(numbers.integer(sites.sites.count)) "
                    + "site\(sites.sites.count == 1 ? "" : "s")"
            }
            if report.checks.staffChecked > 0 {
                sentence += "; they checked \(numbers.integer(report.checks.staffChecked)) staff"
            }
            sentence += " and " + violationsClause(report, numbers: numbers, language: language)
            if let share = report.checks.compliantShare {
                sentence += "; \(numbers.percent(share)) of the staff checked had no violation"
            }
            sentences.append(sentence + ".")
        }
        if let sites, total.performed > 0, !sites.notInspected.isEmpty {
            sentences.append(notInspectedSentence(sites, numbers: numbers, language: language))
        }
        if total.missed > 0 {
            sentences.append(
                language == .vi
                    ? "\(numbers.integer(total.missed)) lượt kiểm tra theo lịch không được thực hiện đúng hạn."
                    : "\(numbers.integer(total.missed)) scheduled inspection\(total.missed == 1 ? " was" : "s were") "
                        + "missed.")
        }
        sentences.append(trendSentence(report, zone: zone, numbers: numbers, language: language))
        if let discipline = disciplineSentence(report, numbers: numbers, language: language) {
            sentences.append(discipline)
        }
        return sentences.joined(separator: " ")
    }

    /// "Chưa có lượt kiểm tra tại: cao-loc, loc-binh." The first ten sites by name, and how many more.
    private static func notInspectedSentence(
        _ sites: SiteCoverage, numbers: ReportNumbers, language: Language
    ) -> String {
        let named = sites.notInspected.prefix(10).joined(separator: ", ")
        let more = sites.notInspected.count - min(10, sites.notInspected.count)
        switch language {
        case .vi:
            return "Chưa có lượt kiểm tra tại: \(named)"
                + (more > 0 ? " và \(numbers.integer(more)) xã, phường khác." : ".")
        case .en:
            return "No visit was made at \(named)"
                + (more > 0 ? " and \(numbers.integer(more)) other site\(more == 1 ? "" : "s")." : ".")
        }
    }

    /// "Đã nhắc nhở 3 trường hợp, chấn chỉnh 1 trường hợp, đề nghị xem xét kỷ luật 1 trường hợp; 2 biện pháp khắc
    /// phục chưa hoàn thành (1 quá hạn)." Nothing when there was nothing.
    private static func disciplineSentence(
        _ report: SummaryReport, numbers: ReportNumbers, language: Language
    ) -> String? {
        let escalations = report.escalations
        let actions = report.correctiveActions
        var parts: [String] = []
        if escalations.total > 0 {
            let levels = EscalationLevel.allCases.compactMap { level -> String? in
                let count = escalations.count(level)
                guard count > 0 else { return nil }
                switch (language, level) {
                case (.vi, .reminder): return "nhắc nhở \(numbers.integer(count)) trường hợp"
                case (.vi, .correction): return "chấn chỉnh \(numbers.integer(count)) trường hợp"
                case (.vi, .referral): return "đề nghị xem xét kỷ luật \(numbers.integer(count)) trường hợp"
                case (.en, .reminder): return "\(numbers.integer(count)) reminder\(count == 1 ? "" : "s")"
                case (.en, .correction): return "\(numbers.integer(count)) correction\(count == 1 ? "" : "s")"
                case (.en, .referral):
                    return "\(numbers.integer(count)) referral\(count == 1 ? "" : "s") for discipline"
                }
            }
            parts.append(
                language == .vi
                    ? "Đối với vi phạm lặp lại, đã " + levels.joined(separator: ", ")
                    : "Repeat offences led to " + levels.joined(separator: ", "))
        }
        if actions.open > 0 {
            let overdue =
                actions.overdue > 0
                ? " (\(numbers.integer(actions.overdue)) \(language == .vi ? "quá hạn" : "overdue"))" : ""
            parts.append(
                language == .vi
                    ? "\(numbers.integer(actions.open)) biện pháp khắc phục chưa hoàn thành\(overdue)"
                    : "\(numbers.integer(actions.open)) corrective action\(actions.open == 1 ? " was" : "s were") not "
                        + "done by the period's end\(overdue)")
        }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: "; ") + "."
    }

    /// "phát hiện 38 trường hợp vi phạm (9,2 trường hợp/100 lượt kiểm tra), nhiều nhất là …".
    private static func violationsClause(
        _ report: SummaryReport, numbers: ReportNumbers, language: Language
    )
        -> String
    {
        let violations = report.violations
        let top = violations.byType.prefix(2).map { type in
            let name = lowercasedFirst(type.name(in: language))
            let share = type.share.map { ", " + numbers.percent($0) } ?? ""
            return language == .vi
                ? "\(name) (\(numbers.integer(type.count)) trường hợp\(share))"
                : "\(name) (\(numbers.integer(type.count))\(share))"
        }
        switch language {
        case .vi:
            guard violations.total > 0 else { return "không phát hiện trường hợp vi phạm nào" }
            var clause = "phát hiện \(numbers.integer(violations.total)) trường hợp vi phạm"
            if let rate = report.checks.violationsPer100Checked {
                clause += " (\(numbers.decimal(rate)) trường hợp/100 lượt kiểm tra)"
            }
            return clause + ", nhiều nhất là " + top.joined(separator: " và ")
        case .en:
            guard violations.total > 0 else { return "found no violations" }
            var clause = "found \(numbers.integer(violations.total)) violation\(violations.total == 1 ? "" : "s")"
            if let rate = report.checks.violationsPer100Checked {
                clause += " (\(numbers.decimal(rate)) per 100 staff checked)"
            }
            return clause + ", most often " + top.joined(separator: " and ")
        }
    }

    /// "So với kỳ trước (…), số lượt kiểm tra tăng 5, số trường hợp vi phạm giảm 3."
    private static func trendSentence(
        _ report: SummaryReport, zone: LocalZone, numbers: ReportNumbers, language: Language
    ) -> String {
        let change = report.trend.change
        let span = ReportDates.span(report.previousPeriod, zone: zone, language)
        func moved(_ value: Int, _ text: (Int) -> String) -> String {
            switch language {
            case .vi: value == 0 ? "không đổi" : (value > 0 ? "tăng " : "giảm ") + text(abs(value))
            case .en: value == 0 ? "unchanged" : (value > 0 ? "up " : "down ") + text(abs(value))
            }
        }
        var parts: [String]
        switch language {
        case .vi:
            parts = [
                "số lượt kiểm tra " + moved(change.performed, numbers.integer),
                "số trường hợp vi phạm " + moved(change.violations, numbers.integer),
            ]
            if let rate = change.violationsPer100Checked {
                parts.append(
                    "số vi phạm/100 lượt kiểm tra " + moved(rate.tenths) { numbers.decimal(Tenths(tenths: $0)) })
            }
            return "So với kỳ trước (\(span)), " + parts.joined(separator: ", ") + "."
        case .en:
            parts = [
                "visits " + moved(change.performed, numbers.integer),
                "violations " + moved(change.violations, numbers.integer),
            ]
            if let rate = change.violationsPer100Checked {
                parts.append(
                    "violations per 100 checked " + moved(rate.tenths) { numbers.decimal(Tenths(tenths: $0)) })
            }
            return "Against the previous period (\(span)): " + parts.joined(separator: ", ") + "."
        }
    }

    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}

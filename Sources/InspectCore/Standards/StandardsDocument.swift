/// The words of `report standards` in each language, as the district's reports say them: "81% cán bộ cấp xã đạt
/// chuẩn (+10 điểm so với năm 2016)".
struct StandardsLabels {
    let language: Language

    private func pick(_ en: String, _ vi: String) -> String { language == .vi ? vi : en }

    var title: String {
        pick("Qualification standards: who meets them", "Báo cáo tỷ lệ cán bộ, công chức, viên chức đạt chuẩn")
    }
    var table: String { pick("Meeting the standard, by level and category", "Tỷ lệ đạt chuẩn theo cấp và đối tượng") }
    var group: String { pick("Level and category", "Cấp, đối tượng") }
    var people: String { pick("People", "Số người") }
    var meeting: String { pick("Meeting", "Đạt chuẩn") }
    func share(_ year: Int) -> String { pick("Share \(year)", "Tỷ lệ \(year)") }
    var change: String { pick("Change (points)", "Tăng, giảm (điểm)") }

    func asOf(_ date: CivilDate, compared: CivilDate?) -> String {
        pick("As of", "Đến ngày") + " " + ReportDates.day(date, language)
            + (compared.map { " (" + pick("compared with", "so với") + " " + ReportDates.day($0, language) + ")" } ?? "")
    }

    /// `commune civil servants` / `công chức cấp xã`; `commune, all` / `cấp xã (chung)` for a whole level.
    func group(_ level: StaffLevel, _ category: StaffCategory?) -> String {
        let place: String =
            switch level {
            case .province: pick("province", "cấp tỉnh")
            case .district: pick("district", "cấp huyện")
            case .commune: pick("commune", "cấp xã")
            }
        guard let category else { return language == .vi ? "\(place) (chung)" : "\(place), all" }
        let who: String =
            switch category {
            case .cadre: pick("cadres", "cán bộ")
            case .civilServant: pick("civil servants", "công chức")
            case .publicEmployee: pick("public employees", "viên chức")
            }
        return language == .vi ? "\(who) \(place)" : "\(place) \(who)"
    }

    /// One group's share in the narrative: `81% of commune cadres (+10 points against 2016)`.
    func clause(_ share: String, _ group: String, change: String?, against year: Int?) -> String {
        let changed = change.map { change in
            " (" + pick("\(change) points against \(year ?? 0)", "\(change) điểm so với năm \(year ?? 0)") + ")"
        }
        return pick("\(share) of \(group)", "\(share) \(group)") + (changed ?? "")
    }

    func narrative(_ date: CivilDate, clauses: [String]) -> String {
        guard !clauses.isEmpty else {
            return pick(
                "No one was measured against a standard on \(ReportDates.day(date, language)).",
                "Đến ngày \(ReportDates.day(date, language)) chưa có ai được đánh giá theo tiêu chuẩn.")
        }
        return pick("As of \(ReportDates.day(date, language)), ", "Đến ngày \(ReportDates.day(date, language)), ")
            + clauses.joined(separator: "; ") + pick(" met their qualification standard.", " đạt chuẩn.")
    }
}

extension ReportDocument {
    /// `report standards` laid out for people: the shares by level and category in one table, and a sentence
    /// in the article's form giving each category's share (a level's total only where it is the one category).
    public init(_ report: StandardsReport, language: Language) {
        let labels = StandardsLabels(language: language)
        let numbers = ReportNumbers(language)
        self.language = language
        title = labels.title
        periodLine = labels.asOf(report.asOf, compared: report.compareAsOf)
        let detailed = report.shares.filter { $0.category != nil && $0.current.people > 0 }
        narrative = labels.narrative(
            report.asOf,
            clauses: detailed.map { row in
                labels.clause(
                    ReportCell.share(row.current.share).text(numbers), labels.group(row.level, row.category),
                    change: row.change.map { ReportCell.points($0).text(numbers) }, against: report.compareYear)
            })
        var columns = [
            ReportColumn(key: "people", title: labels.people), ReportColumn(key: "meeting", title: labels.meeting),
            ReportColumn(key: "share", title: labels.share(report.year)),
        ]
        if let year = report.compareYear {
            columns.append(ReportColumn(key: "previousShare", title: labels.share(year)))
            columns.append(ReportColumn(key: "change", title: labels.change))
        }
        tables = [
            ReportTable(
                id: "standards", title: labels.table, heading: labels.group, showsKey: false, columns: columns,
                rows: report.shares.map { row in
                    var cells: [ReportCell] = [
                        .count(row.current.people), .count(row.current.meeting), .share(row.current.share),
                    ]
                    if report.compareYear != nil { cells += [.share(row.previous?.share), .points(row.change)] }
                    return ReportRow(
                        key: row.level.rawValue + "/" + (row.category?.rawValue ?? "all"),
                        label: labels.group(row.level, row.category), cells: cells)
                })
        ]
    }
}

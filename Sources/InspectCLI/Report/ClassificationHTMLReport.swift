import InspectCore

/// The classification report as one self-contained HTML page (`HTMLPage`): the narrative, a bar chart of the levels
/// proposed and one of the levels decided, and the table of both.
enum ClassificationHTMLReport {
    static func render(_ report: ClassificationReport, language: Language) -> String {
        let numbers = ReportNumbers(language)
        func text(_ count: Int, _ share: Tenths?) -> String {
            numbers.integer(count) + (share.map { " (\(numbers.percent($0)))" } ?? "")
        }
        let charts = [
            SVGBarChart(
                title: language == .vi ? "Đề xuất" : "Proposed",
                bars: report.levels.map {
                    .init(
                        label: $0.level.name(in: language), value: $0.proposed,
                        text: text($0.proposed, $0.proposedShare))
                }),
            SVGBarChart(
                title: language == .vi ? "Hội đồng quyết định" : "Decided by the council",
                bars: report.levels.map {
                    .init(
                        label: $0.level.name(in: language), value: $0.decided, text: text($0.decided, $0.decidedShare))
                }),
        ]
        let header = language == .vi ? ["Mức xếp loại", "Đề xuất", "Quyết định"] : ["Level", "Proposed", "Decided"]
        var table = [
            "<section>", "<table id=\"levels\">", "<thead><tr>",
            header.map { "<th>\(HTMLReport.escape($0))</th>" }.joined(), "</tr></thead><tbody>",
        ]
        for row in report.levels {
            table.append(
                "<tr data-key=\"\(row.level.rawValue)\"><th scope=\"row\">\(HTMLReport.escape(row.level.name(in: language)))</th>"
                    + "<td class=\"num\">\(HTMLReport.escape(text(row.proposed, row.proposedShare)))</td>"
                    + "<td class=\"num\">\(HTMLReport.escape(text(row.decided, row.decidedShare)))</td></tr>")
        }
        table += [
            "<tr data-key=\"total\"><th scope=\"row\">\(language == .vi ? "Tổng số" : "Total")</th>"
                + "<td class=\"num\">\(numbers.integer(report.people))</td>"
                + "<td class=\"num\">\(numbers.integer(report.decided))</td></tr>",
            "</tbody>", "</table>", "</section>",
        ]
        return HTMLPage.render(
            title: language == .vi ? "Xếp loại chất lượng năm \(report.year)" : "Yearly classification, \(report.year)",
            language: language, narrative: report.narrative(language),
            sections: [HTMLPage.charts(charts), table.joined(separator: "\n")])
    }
}

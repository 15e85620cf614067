import InspectCore

/// The competency test report as one self-contained HTML page (`HTMLPage`): the narrative, a bar chart of the bands
/// for all results, and a table per grouping (all, by title, by office).
enum TestsHTMLReport {
    static func render(_ report: TestReport, language: Language) -> String {
        let numbers = ReportNumbers(language)
        let title = language == .vi ? "Kết quả sát hạch công chức" : "Competency test results"
        let chart = SVGBarChart(
            title: language == .vi ? "Xếp loại" : "Bands",
            bars: zip(report.bands, report.total.bands).map { band, count in
                SVGBarChart.Bar(
                    label: band.name(in: language), value: count.count,
                    text: numbers.integer(count.count) + (count.share.map { " (\(numbers.percent($0)))" } ?? ""))
            })
        var html = [HTMLPage.charts([chart])]
        for (index, (heading, groups)) in ReportTests.groupings(report, language: language).enumerated() {
            html += [
                "<section>", "<h2>\(HTMLReport.escape(heading))</h2>",
                "<table id=\"\(["total", "title", "office"][index])\">", "<thead><tr>", "<th data-key=\"label\"></th>",
            ]
            for band in report.bands {
                html.append(
                    "<th data-key=\"\(HTMLReport.escape(band.code))\">\(HTMLReport.escape(band.name(in: language)))</th>"
                )
            }
            html.append("<th data-key=\"results\">\(language == .vi ? "Tổng số" : "Total")</th></tr></thead><tbody>")
            for group in groups {
                var cells = [
                    "<th scope=\"row\">\(HTMLReport.escape(ReportTests.label(group, language: language)))</th>"
                ]
                for count in group.bands {
                    let share = count.share.map { " (\(numbers.percent($0)))" } ?? ""
                    cells.append("<td class=\"num\">\(numbers.integer(count.count))\(HTMLReport.escape(share))</td>")
                }
                cells.append("<td class=\"num\">\(numbers.integer(group.results))</td>")
                html.append("<tr data-key=\"\(HTMLReport.escape(group.key ?? "total"))\">" + cells.joined() + "</tr>")
            }
            html += ["</tbody>", "</table>", "</section>"]
        }
        return HTMLPage.render(
            title: title, language: language, narrative: report.narrative(language), sections: html)
    }
}

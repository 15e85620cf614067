import InspectCore

/// The frame every report page after the summary shares: one self-contained page in the summary report's style
/// (`HTMLReport.style`), its title as heading, the narrative, then the report's own sections.
enum HTMLPage {
    static func render(title: String, language: Language, narrative: String, sections: [String]) -> String {
        let html =
            [
                "<!DOCTYPE html>", "<html lang=\"\(language.rawValue)\">", "<head>", "<meta charset=\"utf-8\">",
                "<title>\(HTMLReport.escape(title))</title>", "<style>\n\(HTMLReport.style)</style>", "</head>",
                "<body>", "<header>", "<h1>\(HTMLReport.escape(title))</h1>", "</header>",
                "<p class=\"narrative\">\(HTMLReport.escape(narrative))</p>",
            ] + sections + ["</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    /// A section holding one figure per chart.
    static func charts(_ charts: [SVGBarChart]) -> String {
        (["<section class=\"charts\">"]
            + charts.flatMap { chart in
                [
                    "<figure>", "<figcaption>\(HTMLReport.escape(chart.title))</figcaption>", chart.render(),
                    "</figure>",
                ]
            } + ["</section>"]).joined(separator: "\n")
    }
}

import InspectCore

/// A horizontal bar chart as inline SVG: one labelled bar per item, its value at the bar's end.
///
/// Drawn by hand so the page needs no script and no network; sized in user units with a `viewBox` so it scales to
/// the page and prints sharp.
struct SVGBarChart {
    struct Bar {
        var label: String
        var value: Int
        /// The value as printed at the end of the bar (`15 (39,5%)`).
        var text: String
    }

    var title: String
    var bars: [Bar]
    /// A line under the chart, saying what it leaves out.
    var note: String? = nil

    static let width = 720
    static let labelWidth = 260
    static let valueWidth = 110
    static let rowHeight = 22

    func render() -> String {
        let height = max(1, bars.count) * Self.rowHeight + 8
        let plot = Self.width - Self.labelWidth - Self.valueWidth
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(Self.width) \(height)\" "
                + "width=\"\(Self.width)\" height=\"\(height)\" aria-label=\"\(HTMLReport.escape(title))\">"
        ]
        if bars.isEmpty {
            svg.append("<text x=\"0\" y=\"16\" class=\"empty\">-</text>")
        }
        for (index, bar) in bars.enumerated() {
            let y = 4 + index * Self.rowHeight
            let length = bar.value == 0 ? 0 : max(2, bar.value * plot / maximum)
            svg.append(
                "<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">"
                    + "\(HTMLReport.escape(Self.clipped(bar.label)))</text>")
            svg.append(
                "<rect x=\"\(Self.labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(Self.rowHeight - 6)\" "
                    + "class=\"bar\"/>")
            svg.append(
                "<text x=\"\(Self.labelWidth + length + 6)\" y=\"\(y + 15)\">\(HTMLReport.escape(bar.text))</text>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// Long office and violation names are shortened to fit the label column.
    static func clipped(_ label: String) -> String {
        label.count <= 38 ? label : String(label.prefix(37)) + "…"
    }
}

import Foundation

/// Charts over quarters as inline SVG, drawn by us: stacked bars (how many people hold each level at each
/// quarter's end) and lines (people who moved up or down per quarter). Pure functions; every text is escaped by
/// `HTML`; colours are presentation attributes, and each bar segment and point has a `<title>` with its number.
public enum TrendChart {
    /// One stacked or plotted series: a name for the legend and one value per quarter.
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Int]
        /// `#rrggbb`.
        public var colour: String

        public init(name: String, values: [Int], colour: String) {
            self.name = name
            self.values = values
            self.colour = colour
        }
    }

    static let width = 640.0
    static let height = 260.0
    static let left = 40.0
    static let right = 150.0
    static let top = 12.0
    static let bottom = 36.0
    static var plotWidth: Double { width - left - right }
    static var plotHeight: Double { height - top - bottom }

    /// Colours of levels 1–7, light to dark.
    public static let levelColours = ["#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]

    /// Stacked bars, one per quarter, segments in series order from the bottom.
    public static func stacked(title: String, quarters: [String], series: [Series]) -> HTML {
        let totals = quarters.indices.map { index in series.reduce(0) { $0 + ($1.values.indices.contains(index) ? $1.values[index] : 0) } }
        let maximum = Double(max(1, totals.max() ?? 0))
        let slot = plotWidth / Double(max(1, quarters.count))
        let barWidth = slot * 0.6
        var bars: [HTML] = []
        for (index, quarter) in quarters.enumerated() {
            var base = 0.0
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            for entry in series {
                let value = entry.values.indices.contains(index) ? entry.values[index] : 0
                guard value > 0 else { continue }
                let h = plotHeight * Double(value) / maximum
                let y = top + plotHeight - base - h
                bars.append(
                    "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barWidth))\" height=\"\(f(h))\" fill=\"\(entry.colour)\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>\(quarter) · \(entry.name): \(value)</title></rect>"
                )
                base += h
            }
        }
        return frame(title: title, quarters: quarters, maximum: Int(maximum), series: series, body: HTML.join(bars))
    }

    /// One line per series over the quarters.
    public static func lines(title: String, quarters: [String], series: [Series]) -> HTML {
        let maximum = Double(max(1, series.flatMap(\.values).max() ?? 0))
        let slot = plotWidth / Double(max(1, quarters.count))
        func point(_ index: Int, _ value: Int) -> (Double, Double) {
            (left + Double(index) * slot + slot / 2, top + plotHeight - plotHeight * Double(value) / maximum)
        }
        let shapes = series.map { entry -> HTML in
            let points = entry.values.enumerated().map { index, value -> String in
                let (x, y) = point(index, value)
                return "\(f(x)),\(f(y))"
            }.joined(separator: " ")
            let dots = entry.values.enumerated().map { index, value -> HTML in
                let (x, y) = point(index, value)
                let quarter = quarters.indices.contains(index) ? quarters[index] : ""
                return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"3\" fill=\"\(entry.colour)\"><title>\(quarter) · \(entry.name): \(value)</title></circle>"
            }
            return "<g><polyline points=\"\(points)\" fill=\"none\" stroke=\"\(entry.colour)\" stroke-width=\"2\"/>\(dots)</g>"
        }
        return frame(title: title, quarters: quarters, maximum: Int(maximum), series: series, body: HTML.join(shapes))
    }

    /// Axes, quarter labels, the top value and the legend around a plot.
    static func frame(title: String, quarters: [String], maximum: Int, series: [Series], body: HTML) -> HTML {
        let slot = plotWidth / Double(max(1, quarters.count))
        let step = max(1, Int((Double(quarters.count) / 8).rounded(.up)))
        let labels = quarters.enumerated().filter { $0.offset % step == 0 }.map { index, quarter -> HTML in
            "<text x=\"\(f(left + Double(index) * slot + slot / 2))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#5b6475\">\(quarter)</text>"
        }
        let legend = series.enumerated().map { index, entry -> HTML in
            let y = top + 6 + Double(index) * 18
            return """
                <rect x="\(f(width - right + 14))" y="\(f(y - 9))" width="12" height="12" fill="\(entry.colour)"/>\
                <text x="\(f(width - right + 32))" y="\(f(y + 1))" font-size="12" fill="#1d2330">\(entry.name)</text>
                """
        }
        return """
            <svg class="chart trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(f(width)) \(f(height))" \
            width="\(f(width))" height="\(f(height))" role="img" aria-label="\(title)"><title>\(title)</title>\
            <line x1="\(f(left))" y1="\(f(top + plotHeight))" x2="\(f(left + plotWidth))" y2="\(f(top + plotHeight))" stroke="#5b6475"/>\
            <line x1="\(f(left))" y1="\(f(top))" x2="\(f(left))" y2="\(f(top + plotHeight))" stroke="#5b6475"/>\
            <text x="\(f(left - 6))" y="\(f(top + 10))" text-anchor="end" font-size="11" fill="#5b6475">\(maximum)</text>\
            <text x="\(f(left - 6))" y="\(f(top + plotHeight))" text-anchor="end" font-size="11" fill="#5b6475">0</text>\
            \(body)\(labels)\(legend)</svg>
            """
    }

    static func f(_ value: Double) -> String { RadarChart.format(value) }
}

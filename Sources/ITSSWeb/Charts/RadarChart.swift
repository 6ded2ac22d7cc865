import Foundation

/// A radar (spider) chart of item ratings as inline SVG, drawn by us: one axis per skill item, one ring per level,
/// one polygon per series (self, evaluator). A pure function of its input; every label is escaped by `HTML`.
public enum RadarChart {
    /// One set of values, one per axis, drawn as a closed polygon.
    public struct Series: Sendable, Hashable {
        /// Shown in the legend.
        public var name: String
        /// One value per axis (`nil`: not rated, drawn as 0). Values are clamped to 0…`maximum`.
        public var values: [Int?]
        /// The CSS class of the polygon (`self`, `evaluator`): colours live in app.css.
        public var style: String

        public init(name: String, values: [Int?], style: String) {
            self.name = name
            self.values = values
            self.style = style
        }
    }

    /// How many axes a chart can show legibly.
    public static let axisCount = 3...20

    /// The side of the square drawing, in SVG user units.
    static let width = 720.0
    static let height = 460.0
    static let radius = 150.0
    static var centerX: Double { width / 2 }
    static var centerY: Double { height / 2 }

    /// The chart, or `nil` when the number of axes is outside `axisCount` (the caller shows a table instead).
    ///
    /// - Parameters:
    ///   - title: The accessible name of the chart.
    ///   - axes: The axis labels (item names), clockwise from the top.
    ///   - maximum: The value of the outer ring (the field's highest level); at least 1.
    ///   - series: Polygons drawn in order; each has one value per axis (missing values count as 0).
    public static func render(title: String, axes: [String], maximum: Int, series: [Series]) -> HTML? {
        guard axisCount.contains(axes.count) else { return nil }
        let top = max(1, maximum)
        let rings = (1...top).map { level -> HTML in
            let points = polygon(Array(repeating: Double(level), count: axes.count), maximum: Double(top))
            return "<polygon class=\"ring\" points=\"\(points)\" fill=\"none\" stroke=\"#c9d0db\" stroke-width=\"1\"/>"
        }
        let spokes = axes.indices.map { index -> HTML in
            let (x, y) = point(axis: index, of: axes.count, value: Double(top), maximum: Double(top))
            return
                "<line class=\"spoke\" x1=\"\(format(centerX))\" y1=\"\(format(centerY))\" x2=\"\(format(x))\" y2=\"\(format(y))\" stroke=\"#c9d0db\" stroke-width=\"1\"/>"
        }
        let ringLabels = (1...top).map { level -> HTML in
            let (x, y) = point(axis: 0, of: axes.count, value: Double(level), maximum: Double(top))
            return
                "<text class=\"ring-label\" x=\"\(format(x + 4))\" y=\"\(format(y - 2))\" font-size=\"10\" fill=\"#5b6475\">\(level)</text>"
        }
        let labels = axes.enumerated().map { index, label -> HTML in
            let (x, y) = point(axis: index, of: axes.count, value: Double(top) * 1.08, maximum: Double(top))
            let angle = self.angle(axis: index, of: axes.count)
            // Only an axis pointing straight up or down is centred; the others start or end at their point, so
            // that neighbouring labels near the top and bottom do not run into each other.
            let anchor = abs(cos(angle)) < 0.02 ? "middle" : (cos(angle) > 0 ? "start" : "end")
            let baseline = sin(angle) > 0.5 ? 10.0 : (sin(angle) < -0.5 ? -2.0 : 4.0)
            let lines = wrap(label)
            // Labels below the centre grow downwards, the others upwards, so they never cross the chart.
            let firstY = y + baseline - (sin(angle) > 0.5 ? 0 : Double(lines.count - 1) * 12)
            let spans = lines.enumerated().map { line, text -> HTML in
                "<tspan x=\"\(format(x))\" y=\"\(format(firstY + Double(line) * 12))\">\(text)</tspan>"
            }
            return
                "<text class=\"axis-label\" text-anchor=\"\(anchor)\" font-size=\"11\" fill=\"#1d2330\"><title>\(label)</title>\(spans)</text>"
        }
        let shapes = series.map { series -> HTML in
            let values = axes.indices.map { index in
                Double(min(max(series.values.indices.contains(index) ? series.values[index] ?? 0 : 0, 0), top))
            }
            let dots = values.enumerated().map { index, value -> HTML in
                let (x, y) = point(axis: index, of: axes.count, value: value, maximum: Double(top))
                return "<circle cx=\"\(format(x))\" cy=\"\(format(y))\" r=\"3\"/>"
            }
            return """
                <g class="series \(series.style)"><title>\(series.name)</title>\
                <polygon points="\(polygon(values, maximum: Double(top)))" fill-opacity="0.25" stroke-width="2"/>\(dots)</g>
                """
        }
        let legend = series.enumerated().map { index, series -> HTML in
            let y = 16 + Double(index) * 18
            return """
                <g class="series \(series.style)"><rect x="8" y="\(format(y - 10))" width="12" height="12"/>\
                <text x="26" y="\(format(y))" font-size="12" fill="#1d2330">\(series.name)</text></g>
                """
        }
        return """
            <svg class="chart radar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(format(width)) \(format(height))" \
            width="\(format(width))" height="\(format(height))" role="img" aria-label="\(title)"><title>\(title)</title>\
            \(rings)\(spokes)\(ringLabels)\(shapes)\(labels)\(legend)</svg>
            """
    }

    /// The angle of an axis in radians: the first points up, the rest follow clockwise.
    static func angle(axis index: Int, of count: Int) -> Double {
        -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
    }

    /// Where `value` lies on an axis.
    static func point(axis index: Int, of count: Int, value: Double, maximum: Double) -> (Double, Double) {
        let angle = angle(axis: index, of: count)
        let distance = radius * value / maximum
        return (centerX + distance * cos(angle), centerY + distance * sin(angle))
    }

    /// The `points` attribute of a polygon through one value per axis.
    static func polygon(_ values: [Double], maximum: Double) -> String {
        values.enumerated().map { index, value in
            let (x, y) = point(axis: index, of: values.count, value: value, maximum: maximum)
            return "\(format(x)),\(format(y))"
        }.joined(separator: " ")
    }

    /// A label in lines of at most 28 characters (broken at spaces), at most three lines; the rest is elided.
    static func wrap(_ label: String, width: Int = 28, lines limit: Int = 3) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in label.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        lines = lines.map { $0.count > width + 8 ? String($0.prefix(width + 7)) + "…" : $0 }
        if lines.count > limit { lines = Array(lines.prefix(limit - 1)) + [lines[(limit - 1)...].joined(separator: " ")] }
        if let last = lines.last, last.count > width + 8 { lines[lines.count - 1] = String(last.prefix(width + 7)) + "…" }
        return lines.isEmpty ? [""] : lines
    }

    /// One decimal, no locale: `240.0`, `90.5` (`0.0` for a value that is not finite). Integer arithmetic, not
    /// `String(format:)`, which was a tenth of the skill map page's CPU time for its heatmap.
    static func format(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "0.0" }
        let tenths = Int((value * 10).rounded())
        let magnitude = tenths.magnitude
        return "\(tenths < 0 ? "-" : "")\(magnitude / 10).\(magnitude % 10)"
    }
}

import Foundation

/// A heatmap (grid of counts) as inline SVG, drawn by us: rows grouped under headings, one column per category,
/// each cell coloured by its count relative to the largest one, with the count written in it (so it reads in
/// black and white and in print) and a `<title>` that names row, column and count for assistive technology.
/// A cell with a link is an SVG `<a>`. A pure function of its input; every text is escaped by `HTML`.
public enum Heatmap {
    public struct Cell: Sendable, Hashable {
        public var count: Int
        /// The accessible description (`Service desk — level 2: 3 people`).
        public var title: String
        /// Where the cell leads (the drill-down); `nil` for a cell without link.
        public var href: String?
        /// A cell that cannot hold anyone (a level the field does not define): drawn hatched, no number.
        public var undefined: Bool

        public init(count: Int, title: String, href: String? = nil, undefined: Bool = false) {
            self.count = count
            self.title = title
            self.href = href
            self.undefined = undefined
        }
    }

    public struct Row: Sendable, Hashable {
        /// The heading this row sits under (rows with the same heading in a run share it).
        public var group: String
        public var label: String
        public var cells: [Cell]

        public init(group: String, label: String, cells: [Cell]) {
            self.group = group
            self.label = label
            self.cells = cells
        }
    }

    static let labelWidth = 250.0
    static let cellWidth = 58.0
    static let cellHeight = 30.0
    static let headerHeight = 30.0
    static let groupHeight = 26.0
    /// Line height of a column heading that takes several lines.
    static let headingLine = 13.0
    /// How wide a heading line may be, in half-width characters (a CJK character counts two): what fits in a
    /// cell at the heading's font size.
    static let headingWidth = 9

    /// The chart: `columns` headings across, `rows` down. Colours scale to `maximum` (at least 1).
    public static func render(title: String, columns: [String], rows: [Row], maximum: Int) -> HTML {
        let top = Double(max(1, maximum))
        // Headings wider than a cell ("Below first level") take several lines, aligned at the bottom; the header
        // grows by the extra lines, so that no heading runs into its neighbour or out of the chart.
        let headings = columns.map { lines($0) }
        let extra = Double(max(0, (headings.map(\.count).max() ?? 1) - 1)) * headingLine
        var y = headerHeight + extra
        var parts: [HTML] = []
        let header = headings.enumerated().map { index, lines -> HTML in
            let x = labelWidth + Double(index) * cellWidth + cellWidth / 2
            let bottom = headerHeight + extra - 10
            let spans = lines.enumerated().map { line, text -> HTML in
                let lineY = bottom - Double(lines.count - 1 - line) * headingLine
                return "<tspan x=\"\(format(x))\" y=\"\(format(lineY))\">\(text)</tspan>"
            }
            return
                "<text class=\"column-label\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1d2330\">\(HTML.join(spans))</text>"
        }
        var lastGroup: String?
        for row in rows {
            if row.group != lastGroup {
                parts.append(
                    "<text class=\"group-label\" x=\"4\" y=\"\(format(y + groupHeight - 8))\" font-size=\"12\" font-weight=\"bold\" fill=\"#1d2330\">\(row.group)</text>"
                )
                y += groupHeight
                lastGroup = row.group
            }
            parts.append(
                "<text class=\"row-label\" x=\"12\" y=\"\(format(y + cellHeight / 2 + 4))\" font-size=\"12\" fill=\"#1d2330\">\(label(row.label))<title>\(row.label)</title></text>"
            )
            for (index, cell) in row.cells.enumerated() {
                parts.append(self.cell(cell, x: labelWidth + Double(index) * cellWidth, y: y, maximum: top))
            }
            y += cellHeight
        }
        let width = labelWidth + Double(columns.count) * cellWidth + 4
        let height = y + 4
        return """
            <svg class="chart heatmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(format(width)) \(format(height))" \
            width="\(format(width))" height="\(format(height))" role="group" aria-label="\(title)"><title>\(title)</title>\
            <defs><pattern id="heatmap-undefined" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <line x1="0" y1="0" x2="0" y2="6" stroke="#d5dae3" stroke-width="2"/></pattern></defs>\
            \(header)\(parts)</svg>
            """
    }

    static func cell(_ cell: Cell, x: Double, y: Double, maximum: Double) -> HTML {
        let rect: HTML
        let text: HTML
        if cell.undefined {
            rect =
                "<rect x=\"\(format(x + 1))\" y=\"\(format(y + 1))\" width=\"\(format(cellWidth - 2))\" height=\"\(format(cellHeight - 2))\" fill=\"url(#heatmap-undefined)\" stroke=\"#e3e7ee\"/>"
            text = .empty
        } else {
            let share = Double(cell.count) / maximum
            rect =
                "<rect class=\"cell\" x=\"\(format(x + 1))\" y=\"\(format(y + 1))\" width=\"\(format(cellWidth - 2))\" height=\"\(format(cellHeight - 2))\" fill=\"\(colour(share))\" stroke=\"#c9d0db\"/>"
            let ink = share > 0.55 ? "#ffffff" : "#1d2330"
            text =
                "<text x=\"\(format(x + cellWidth / 2))\" y=\"\(format(y + cellHeight / 2 + 4))\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(ink)\">\(cell.count)</text>"
        }
        let body: HTML = "<title>\(cell.title)</title>\(rect)\(text)"
        guard let href = cell.href, !cell.undefined else { return "<g>\(body)</g>" }
        return "<a href=\"\(href)\">\(body)</a>"
    }

    /// White (no one) to dark blue (the largest count), through light blues: `#rrggbb`.
    static func colour(_ share: Double) -> String {
        let t = min(max(share, 0), 1)
        guard t > 0 else { return "#f7f8fb" }
        // From #dbe6f6 (a few) to #1f4e9c (the most).
        let from = (219.0, 230.0, 246.0)
        let to = (31.0, 78.0, 156.0)
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return String(format: "#%02x%02x%02x", channel(from.0, to.0), channel(from.1, to.1), channel(from.2, to.2))
    }

    /// A column heading in lines of at most `headingWidth` (broken at spaces; text without spaces, such as
    /// Japanese, between characters). A single word longer than a line stays whole.
    static func lines(_ heading: String) -> [String] {
        func width(_ text: Substring) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x1100 ? 1 : 2) } }
        var lines: [String] = []
        var current: Substring = ""
        for word in heading.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = word
            } else if width(current) + 1 + width(word) <= headingWidth {
                current = heading[current.startIndex..<word.endIndex]
            } else {
                lines.append(String(current))
                current = word
            }
            // A run without spaces wider than a line (Japanese) is cut between characters.
            while width(current) > headingWidth, current.unicodeScalars.contains(where: { $0.value >= 0x1100 }) {
                var cut = current.startIndex
                while cut < current.endIndex, width(current[current.startIndex...cut]) <= headingWidth {
                    cut = current.index(after: cut)
                }
                lines.append(String(current[..<cut]))
                current = current[cut...]
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines.isEmpty ? [""] : lines
    }

    /// A row label cut to fit the label column.
    static func label(_ text: String) -> String {
        text.count > 34 ? String(text.prefix(33)) + "…" : text
    }

    static func format(_ value: Double) -> String { RadarChart.format(value) }
}

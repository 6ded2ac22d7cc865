import Foundation
import ITSSDomain

/// Stable, documented exports of a catalog for other tools: JSON with everything, CSV with one row per level text.
///
/// Both formats are described key by key and column by column in `docs/catalog-export.md`. Both are built
/// from `ExportedCatalog`, not from the domain types, so they only change when that format changes.
public enum CatalogExport {
    /// The value of the JSON export's `format` key.
    public static let format = "itss-catalog"
    /// The value of the JSON export's `formatVersion` key; raised on every change a reader could notice.
    public static let formatVersion = 1

    /// The interchange form of a catalog, as `json(_:diagnostics:)` encodes it.
    /// - Parameters:
    ///   - catalog: The catalog to export.
    ///   - diagnostics: Findings per standard; a standard without an entry gets no `diagnostics` key, one
    ///     with an empty list gets `[]`. Entries for standards not in the catalog are ignored.
    public static func document(_ catalog: Catalog, diagnostics: [StandardKey: [Diagnostic]] = [:]) -> ExportedCatalog {
        ExportedCatalog(catalog, diagnostics: diagnostics)
    }

    /// Whole catalog as JSON: pretty-printed, sorted keys, stable order (catalog order), "format": "itss-catalog", "formatVersion": 1.
    ///
    /// The output is UTF-8 without byte order mark, indented by two spaces, with keys sorted and `/` not
    /// escaped, and ends with a line feed; the same catalog always gives the same bytes, so the export can
    /// be committed and diffed.
    /// - Parameters:
    ///   - catalog: The catalog to export, in its own order (standards by edition, then name; fields,
    ///     items and levels as the documents list them).
    ///   - diagnostics: Findings per standard, see `document(_:diagnostics:)`.
    /// - Throws: `EncodingError` if encoding fails, which the format's value types (strings and integers
    ///   only) do not cause in practice.
    public static func json(_ catalog: Catalog, diagnostics: [StandardKey: [Diagnostic]] = [:]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(document(catalog, diagnostics: diagnostics))
        // A final line feed keeps the committed file a well-formed text file for git and editors.
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// The CSV header, in column order.
    public static let csvColumns = [
        "standard", "version", "field", "field_kind", "item", "scope", "level", "role",
        "min_staff", "min_contract_yen", "min_installation_sites", "min_annual_inquiries",
        "staff_upper_bound", "contract_upper_bound_yen", "installation_sites_upper_bound", "annual_inquiries_upper_bound",
        "text", "source_text", "erratum_id", "erratum_reason", "knowledge_items", "line",
    ]

    /// The separator between the knowledge items of the `knowledge_items` column.
    public static let knowledgeItemSeparator = " | "

    /// One row per (standard, field, item, level): columns documented; RFC 4180 quoting; UTF-8; header row; "\n" line ends.
    ///
    /// Rows are in catalog order; an item common to several fields has a row in each. Values that do not
    /// apply are empty. Fields are quoted only when they contain a comma, a double quote or a line break.
    /// The string is meant to be written as UTF-8 without byte order mark.
    public static func csv(_ catalog: Catalog) -> String {
        var output = CSVRecord.line(csvColumns)
        for standard in document(catalog).standards {
            for field in standard.fields {
                for item in field.items {
                    for level in item.levels {
                        output += CSVRecord.line(csvRow(standard, field, item, level))
                    }
                }
            }
        }
        return output
    }

    /// The values of one row, in the order of `csvColumns`.
    static func csvRow(
        _ standard: ExportedCatalog.Standard, _ field: ExportedCatalog.Field, _ item: ExportedCatalog.Item,
        _ level: ExportedCatalog.Level
    ) -> [String] {
        func minimum(_ measure: ExportedCatalog.Measure) -> String {
            level.scale.thresholds.first { $0.measure == measure }?.minimum.map(String.init) ?? ""
        }
        func upperBound(_ measure: ExportedCatalog.Measure) -> String {
            level.scale.thresholds.first { $0.measure == measure }?.upperBound.map(String.init) ?? ""
        }
        return [
            standard.name, standard.version, field.name, field.kind.rawValue, item.name, item.scope.rawValue,
            String(level.level), level.scale.role?.rawValue ?? "",
            minimum(.peakStaff), minimum(.annualContractYen), minimum(.installationSites), minimum(.annualInquiries),
            upperBound(.peakStaff), upperBound(.annualContractYen), upperBound(.installationSites),
            upperBound(.annualInquiries),
            level.text, level.sourceText ?? "", level.erratum?.id ?? "", level.erratum?.reason ?? "",
            item.knowledgeItems.joined(separator: knowledgeItemSeparator), String(level.line),
        ]
    }
}

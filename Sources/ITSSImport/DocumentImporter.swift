import Foundation
import ITSSDomain

/// The result of reading one document: the standard as it applies and what was found in the source.
public struct ImportedDocument: Sendable {
    /// The standard with errata applied (if any were given).
    public var standard: Standard
    /// Diagnostics sorted by line; none of them is fatal.
    public var diagnostics: [Diagnostic]
}

/// Imports ITSS skill-proficiency documents: parse, derive scale conditions, check consistency, apply errata.
public enum DocumentImporter {
    /// The largest document the importer reads, in bytes (8 MiB). The shipped documents have 46 and 79 KB; a
    /// larger file is not one ITSS document, and refusing it before parsing bounds time and memory.
    public static let maximumDocumentBytes = 8 * 1_048_576

    /// Reads one document.
    ///
    /// - Parameters:
    ///   - bytes: The document's bytes (UTF-8 text as extracted from the PDF).
    ///   - fileName: Used to tell the edition (`itss-v3-2008-…`) and in messages.
    ///   - edition: The edition, e.g. `V3 2008`; inferred from the file name or footer when `nil`.
    ///   - errata: Corrections to apply on top of the source wording.
    /// - Throws: `DocumentError` with the line and what was expected when the document cannot be read;
    ///   `.tooLarge` before any parsing when `bytes` exceed `maximumDocumentBytes`.
    public static func read(
        _ bytes: [UInt8], fileName: String, edition: String? = nil, errata: Errata = .none
    ) throws(DocumentError) -> ImportedDocument {
        guard bytes.count <= maximumDocumentBytes else {
            throw .tooLarge(bytes: bytes.count, limit: maximumDocumentBytes)
        }
        let source = try SourceText(bytes: bytes)
        let parsed = try DocumentParser.parse(source)
        guard let version = edition ?? Edition.infer(fileName: fileName, source: source) else {
            throw .unknownEdition(fileName: fileName)
        }
        let published = makeStandard(
            parsed, key: StandardKey(name: parsed.jobCategory, version: version),
            source: SourceInfo(
                fileName: (fileName as NSString).lastPathComponent, sha256: SHA256.hex(bytes), lineCount: source.count))
        var diagnostics = parsed.notes + pageHeaderMismatches(parsed)
        diagnostics += LevelTextChecks.diagnostics(for: published)
        diagnostics += OverviewChecks.diagnostics(for: published)
        diagnostics += CommonItemChecks.diagnostics(for: published)
        let (standard, errataNotes) = errata.apply(to: published)
        diagnostics += errataNotes
        diagnostics.sort { ($0.line, $0.code.rawValue, $0.message) < ($1.line, $1.code.rawValue, $1.message) }
        return ImportedDocument(standard: standard, diagnostics: diagnostics)
    }

    /// Reads a document from a file, never more than one byte beyond `maximumDocumentBytes`.
    /// - Throws: `DocumentError` (`.tooLarge` for a larger file), or a Cocoa error when the file cannot be read.
    public static func read(contentsOf url: URL, edition: String? = nil, errata: Errata = .none) throws -> ImportedDocument {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let data = try handle.read(upToCount: maximumDocumentBytes + 1) ?? Data()
        if data.count > maximumDocumentBytes {
            // Name the real size: the file may be far larger than what was read.
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int
            throw DocumentError.tooLarge(bytes: size ?? data.count, limit: maximumDocumentBytes)
        }
        return try read([UInt8](data), fileName: url.lastPathComponent, edition: edition, errata: errata)
    }

    private static func makeStandard(_ parsed: ParsedDocument, key: StandardKey, source: SourceInfo) -> Standard {
        let fields = parsed.fields.map { field in
            SpecialtyField(
                name: field.name,
                kind: field.name.lowercased().hasPrefix("common to") ? .sharedLevels : .specialty,
                items: field.items.map { item in
                    SkillItem(
                        name: item.name,
                        scope: item.scope,
                        levels: item.levels.map { level in
                            let text = level.text
                            return LevelDescription(
                                level: level.level, text: text, scale: ScaleConditionReader.condition(of: text), line: level.line)
                        },
                        knowledgeItems: item.knowledge.map(\.text),
                        line: item.line
                    )
                },
                line: field.line
            )
        }
        return Standard(key: key, fields: fields, overview: parsed.overview, source: source)
    }

    private static func pageHeaderMismatches(_ parsed: ParsedDocument) -> [Diagnostic] {
        parsed.fields.compactMap { field in
            let differing = field.pageHeaderNames.filter { NameKey(String($0.name)) != NameKey(field.name) }
            guard let first = differing.first else { return nil }
            return Diagnostic(
                .warning, .pageHeaderFieldMismatch, line: first.line, field: field.name,
                message: "\(differing.count) page header(s) of the section name the field \(Excerpt.quoted(first.name))")
        }
    }
}

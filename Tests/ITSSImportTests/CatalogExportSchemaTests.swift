import Foundation
import Testing

@testable import ITSSImport

/// The JSON export validates against the published JSON Schema (docs/catalog-export.schema.json), checked with
/// Python's `jsonschema` (installed by .ci/run from PyPI).
@Suite(.enabled(if: SchemaValidator.isAvailable, "python3 with the jsonschema package is not installed: schema tests skipped"))
struct CatalogExportSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schema = root.appendingPathComponent("docs/catalog-export.schema.json")

    @Test("the built-in catalog's export is valid against the schema")
    func exportIsValid() throws {
        let data = try CatalogExport.json(try BuiltInStandards.catalog())
        #expect(try SchemaValidator.validate(data, schema: Self.schema) == "valid")
    }

    @Test("the schema refuses an export with a level out of range (the validator really validates)")
    func schemaRefusesBadData() throws {
        let data = try CatalogExport.json(try BuiltInStandards.catalog())
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"level\" : 7", with: "\"level\" : 9")
        #expect(try SchemaValidator.validate(Data(text.utf8), schema: Self.schema) != "valid")
    }
}

/// Runs Python's jsonschema on a document.
enum SchemaValidator {
    static let isAvailable: Bool = (try? run(["-c", "import jsonschema"], input: Data())) == 0

    /// "valid", or the validator's first error line.
    static func validate(_ document: Data, schema: URL) throws -> String {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            try:
                jsonschema.validate(json.load(sys.stdin), schema, cls=jsonschema.Draft202012Validator)
                print("valid")
            except jsonschema.ValidationError as error:
                print(error.message)
            """
        var output = Data()
        _ = try run(["-c", script, schema.path], input: document, output: &output)
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    private static func run(_ arguments: [String], input: Data) throws -> Int32 {
        var ignored = Data()
        return try run(arguments, input: input, output: &ignored)
    }

    private static func run(_ arguments: [String], input: Data, output: inout Data) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Feed the input from another thread so a large document cannot block on a full pipe.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

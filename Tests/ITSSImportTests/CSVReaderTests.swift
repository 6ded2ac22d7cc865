import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// The streaming CSV reader (`CSVReader`, `SpreadsheetRows.ratingBatches`): whatever the chunk size and the batch
/// size, it reads what `CSVTable` reads of the whole file — the same cells, the same line numbers, the same errors.
@Suite
struct CSVReaderTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Every record of `bytes` read with chunks of `chunkSize` bytes and batches of `maxRecords`: lines and cells.
    static func records(_ bytes: [UInt8], chunkSize: Int, maxRecords: Int = 2) throws(RowError) -> [(Int, [String])] {
        var reader = try CSVReader(CSVInput(bytes: bytes, chunkSize: chunkSize))
        var records: [(Int, [String])] = []
        while let table = try reader.next(maxRecords: maxRecords) {
            #expect(table.rows.count <= maxRecords)
            records += table.rows.map { ($0.line, table.values(of: $0)) }
        }
        return records
    }

    /// The error of reading `bytes` whole, and of reading them with every chunk size up to `bytes.count`.
    static func errors(_ bytes: [UInt8]) -> [RowError?] {
        (0...bytes.count).map { chunkSize in
            do throws(RowError) {
                if chunkSize == 0 {
                    _ = try CSVTable(bytes: bytes)
                } else {
                    _ = try records(bytes, chunkSize: chunkSize)
                }
                return nil
            } catch {
                return error
            }
        }
    }

    /// A file with every awkward thing at once: a BOM, CRLF and LF, quoted commas, escaped quotes, a quoted CRLF
    /// and LF, blank and empty-cell lines, spaces to trim, non-ASCII text and no final line end.
    static let awkward =
        [0xEF, 0xBB, 0xBF]
        + bytes(
            "Employee_Number , Note,item\r\n"
                + "E1,\"a, b\",\"say \"\"hi\"\"\"\r\n"
                + "\r\n"
                + "E2,\"two\r\nlines\nand three\",  x  \n"
                + ",,\n"
                + "E3,山田 太郎,\"\"\"\"\n"
                + "   \n"
                + "E4,\"\",last")

    @Test("every chunk size and batch size reads the cells and lines of the whole file")
    func chunkBoundariesAnywhere() throws {
        let whole = try CSVTable(bytes: Self.awkward)
        #expect(whole.columns == ["employee_number", "note", "item"])
        let expected = whole.rows.map { ($0.line, whole.values(of: $0)) }
        #expect(expected.map(\.0) == [2, 4, 8, 10])
        #expect(expected[1].1 == ["E2", "two\r\nlines\nand three", "x"])
        for chunkSize in 1...Self.awkward.count {
            for maxRecords in [1, 2, 3, 100] {
                let read = try Self.records(Self.awkward, chunkSize: chunkSize, maxRecords: maxRecords)
                #expect(read.map(\.0) == expected.map(\.0), "chunk \(chunkSize), batch \(maxRecords)")
                #expect(read.map(\.1) == expected.map(\.1), "chunk \(chunkSize), batch \(maxRecords)")
            }
        }
    }

    @Test("a quoted field spanning many chunks, with an escaped quote and a CRLF cut by a chunk end")
    func quotedFieldAcrossChunks() throws {
        let long = String(repeating: "x", count: 5_000)
        let text = "a,b\n1,\"\(long)\"\"\r\n\(long)\"\r\n2,\"\"\"\"\r\n"
        for chunkSize in [1, 2, 3, 7, 64, 4_999, 5_000, 5_001] {
            let read = try Self.records(Self.bytes(text), chunkSize: chunkSize)
            #expect(read.map(\.0) == [2, 4], "chunk \(chunkSize)")
            #expect(read.first?.1 == ["1", long + "\"\r\n" + long], "chunk \(chunkSize)")
            #expect(read.last?.1 == ["2", "\""], "chunk \(chunkSize)")
        }
    }

    @Test("CRLF line ends split across chunks are one line end; a lone CR stays text")
    func crlfAcrossChunks() throws {
        let text = "a,b\r\n1,2\r\n3,4\r5\r\n"
        for chunkSize in 1...text.utf8.count {
            let read = try Self.records(Self.bytes(text), chunkSize: chunkSize)
            #expect(read.map(\.0) == [2, 3])
            #expect(read.map(\.1) == [["1", "2"], ["3", "4\r5"]])
        }
    }

    @Test("a BOM cut by the first chunk is still skipped")
    func byteOrderMarkAcrossChunks() throws {
        for chunkSize in 1...4 {
            var reader = try CSVReader(CSVInput(bytes: [0xEF, 0xBB, 0xBF] + Self.bytes("name\nAlice\n"), chunkSize: chunkSize))
            #expect(reader.columns == ["name"])
            #expect(try reader.next(maxRecords: 10)?.rows.map(\.line) == [2])
        }
    }

    @Test("file errors are those of the whole file, at the same line, whatever the chunk size")
    func errorsAcrossChunks() {
        let cases: [([UInt8], Int, String)] = [
            (Self.bytes("a,b\n1,2\n3,\"never closed\n4,5\n"), 3, "not closed"),
            (Self.bytes("a,b\n1,\"x\ny\"\n") + [0x00], 4, "binary"),
            (Self.bytes("a,b\n1,2\n3,") + [0x82, 0xA0] + Self.bytes("\n4,5\n"), 3, "not UTF-8"),
            (Self.bytes("\n\n"), 1, "empty"),
        ]
        for (bytes, line, message) in cases {
            for error in Self.errors(bytes) {
                #expect(error?.line == line, "\(message)")
                #expect(error?.message.contains(message) == true, "\(String(describing: error))")
            }
        }
    }

    @Test("rating batches report the rows and errors of the whole file, batch by batch, with their lines")
    func ratingBatches() throws {
        var text = "employee_number,field,cycle,item,self_level\n"
        for number in 1...40 {
            let cycle = number == 17 ? "2026X" : "2026H2"
            let level = number == 33 ? "9" : "3"
            text += "E\(number),Service Desk,\(cycle),\"Item, \(number)\",\(level)\n"
        }
        text += "E41,Service Desk\n"
        let whole = try SpreadsheetRows.ratings(Self.bytes(text))
        #expect(whole.errors.map(\.line) == [18, 34, 42])
        for (chunkSize, rowsPerBatch) in [(7, 3), (100, 10), (1 << 20, 1)] {
            var batches = try SpreadsheetRows.ratingBatches(
                CSVInput(bytes: Self.bytes(text), chunkSize: chunkSize), rowsPerBatch: rowsPerBatch)
            var rows: [SpreadsheetRows.RatingRow] = []
            var errors: [RowError] = []
            var count = 0
            while let batch = try batches.next() {
                rows += batch.rows
                errors += batch.errors
                count += 1
            }
            #expect(count == (41 + rowsPerBatch - 1) / rowsPerBatch)
            #expect(rows == whole.rows)
            #expect(errors == whole.errors)
        }
    }

    @Test("a bad header is refused when the batches are opened, before any row is read")
    func badHeader() {
        #expect(throws: BulkImportError.self) {
            _ = try SpreadsheetRows.ratingBatches(CSVInput(bytes: Self.bytes("employee_number,field,item\nE1,x,y\n")))
        }
    }

    @Test("a file is read from disk in chunks, with the lines of the whole file")
    func fileInput() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-reader-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Self.awkward).write(to: url)
        var reader = try CSVReader(CSVInput(contentsOfFile: url.path, chunkSize: 5))
        var lines: [Int] = []
        while let table = try reader.next(maxRecords: 3) { lines += table.rows.map(\.line) }
        #expect(lines == [2, 4, 8, 10])
    }
}

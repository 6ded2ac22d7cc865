import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// The bulk-import CSV reader (`CSVTable`) and the three row types of docs/bulk-import.md: RFC 4180 quoting,
/// line ends, BOM, blank lines, header checks, and every validation error with its line and column.
@Suite
struct SpreadsheetRowsTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The row errors of reading `text` with `read` (thrown for the file, or reported per row), recording an
    /// issue when every row is accepted.
    static func errors<Row>(
        _ text: String, _ read: ([UInt8]) throws(BulkImportError) -> ParsedRows<Row>,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [RowError] {
        errors(bytes(text), read, sourceLocation: sourceLocation)
    }

    static func errors<Row>(
        _ bytes: [UInt8], _ read: ([UInt8]) throws(BulkImportError) -> ParsedRows<Row>,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [RowError] {
        do throws(BulkImportError) {
            let parsed = try read(bytes)
            if parsed.errors.isEmpty {
                Issue.record("the file was accepted with \(parsed.rows.count) row(s)", sourceLocation: sourceLocation)
            }
            return parsed.errors
        } catch {
            return error.rows
        }
    }

    static func tableError(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> RowError? {
        do throws(RowError) {
            let table = try CSVTable(bytes: bytes)
            Issue.record("the table was read with \(table.rows.count) row(s)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - CSVTable

    @Test("quoted fields keep commas, \"\" escapes and line breaks; later rows keep their real line numbers")
    func quotedFields() throws {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,\"\",last\n"
        let table = try CSVTable(bytes: Self.bytes(text))
        #expect(table.columns == ["a", "b", "c"])
        #expect(table.rows.count == 2)
        #expect(table.values(of: table.rows[0]) == ["x, y", "say \"hi\"", "two\nlines"])
        #expect(table.rows[0].line == 2)
        // The quoted line break moved the next record to line 4.
        #expect(table.rows[1].line == 4)
        #expect(table.values(of: table.rows[1]) == ["plain", "", "last"])
        #expect(table.value("b", in: table.rows[1]) == nil, "an empty cell means not given")
        #expect(table.value("a", in: table.rows[0]) == "x, y")
    }

    @Test("a quote that is the whole field, and a field of only an escaped quote")
    func quoteOnlyFields() throws {
        let table = try CSVTable(bytes: Self.bytes("a,b\n\"\"\"\",\"\"\n"))
        #expect(table.rows.map(table.values(of:)) == [["\"", ""]])
    }

    @Test("CRLF line ends are read like LF, also after a quoted field and on the last line")
    func crlf() throws {
        let table = try CSVTable(bytes: Self.bytes("Name,Note\r\nAlice,\"a, b\"\r\nBob,plain\r\n"))
        #expect(table.columns == ["name", "note"])
        #expect(table.rows.map(table.values(of:)) == [["Alice", "a, b"], ["Bob", "plain"]])
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(!table.rows.flatMap(table.values(of:)).contains { $0.contains("\r") })
    }

    @Test("a UTF-8 BOM is skipped, so the first column name is clean")
    func byteOrderMark() throws {
        let table = try CSVTable(bytes: [0xEF, 0xBB, 0xBF] + Self.bytes("employee_number,name\nE1,山田 太郎\n"))
        #expect(table.columns == ["employee_number", "name"])
        #expect(table.rows.first.map(table.values(of:)) == ["E1", "山田 太郎"])
        let people = try SpreadsheetRows.people([0xEF, 0xBB, 0xBF] + Self.bytes("employee_number,name\nE1,山田 太郎\n")).rows
        #expect(people.map(\.employeeNumber) == ["E1"])
    }

    @Test("blank lines — trailing ones too, and whitespace-only ones — are skipped")
    func blankLines() throws {
        let table = try CSVTable(bytes: Self.bytes("a,b\n1,2\n\n3,4\n\n   \n\r\n\n"))
        #expect(table.rows.map(table.values(of:)) == [["1", "2"], ["3", "4"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test("trailing rows of empty cells (a spreadsheet's used-but-empty rows, \",,\") are skipped")
    func emptyCellRows() throws {
        let rows = try SpreadsheetRows.people(Self.bytes("employee_number,name,email\nE1,Alice,\n,,\n , ,\n")).rows
        #expect(rows.map(\.employeeNumber) == ["E1"])
    }

    @Test("no final line end: the last record is still read")
    func noFinalNewline() throws {
        let table = try CSVTable(bytes: Self.bytes("a,b\n1,2\n3,\"4\""))
        #expect(table.rows.map(table.values(of:)) == [["1", "2"], ["3", "4"]])
    }

    @Test("a row with fewer cells than the header is refused naming its line, even when the missing ones would be empty")
    func tooFewCells() throws {
        let table = try CSVTable(bytes: Self.bytes("a,b,c\n1,2,3\n1\n"))
        #expect(table.cellCountError(of: table.rows[0]) == nil)
        let error = try #require(table.cellCountError(of: table.rows[1]))
        #expect(error.line == 3)
        #expect(error.column == nil)
        #expect(
            error.errorDescription
                == "line 3: has 1 cell but the header has 3 (a, b, c); give every row one cell per column, empty ones as ,,")
        // The issue's file: five cells of seven, the last two (joined_on, fields) omitted.
        let text = "employee_number,name,email,org_unit,active,joined_on,fields\nP2,Two,p@x,OPS,yes\n"
        let rows = Self.errors(text, SpreadsheetRows.people)
        #expect(rows.count == 1, "no cell of a short row is read, so its e-mail is not reported too")
        #expect(rows.first?.line == 2)
        #expect(
            rows.first?.message.hasPrefix("has 5 cells but the header has 7 (employee_number, name, email, org_unit,") == true)
    }

    @Test("a row with more cells than the header is refused naming its line; every such row is reported")
    func tooManyFields() throws {
        let table = try CSVTable(bytes: Self.bytes("a,b\n1,2\n1,2,3\n"))
        #expect(table.cellCountError(of: table.rows[1])?.message.hasPrefix("has 3 cells but the header has 2 (a, b)") == true)
        let rows = Self.errors("employee_number,name\nE1,Alice\nE2,Bob,extra\nE3\nE4,Dan\n", SpreadsheetRows.people)
        #expect(rows.map(\.line) == [3, 4])
    }

    @Test("an unterminated quote is refused naming the line where the record starts")
    func unterminatedQuote() {
        let error = Self.tableError(Self.bytes("a,b\n1,2\n3,\"never closed\n4,5\n"))
        #expect(error?.line == 3)
        #expect(error?.message.contains("not closed") == true)
    }

    @Test("an empty file, a file of only a BOM and blank lines, and binary data are refused at a line")
    func emptyAndBinary() {
        #expect(Self.tableError([])?.message.contains("empty") == true)
        #expect(Self.tableError([0xEF, 0xBB, 0xBF] + Self.bytes("\n\n"))?.line == 1)
        let binary = Self.tableError(Self.bytes("a,b\n1,2\n") + [0x00, 0x01])
        #expect(binary?.line == 3)
        #expect(binary?.message.contains("binary") == true)
    }

    @Test("bytes that are not UTF-8 (e.g. a Shift_JIS export) are refused naming the line, not turned into �")
    func notUTF8() {
        // "山田" in Shift_JIS.
        let shiftJIS: [UInt8] = [0x8E, 0x52, 0x93, 0x63]
        let rows = Self.errors(
            Self.bytes("employee_number,name\nE1,Alice\nE2,") + shiftJIS + Self.bytes("\n"), SpreadsheetRows.people)
        #expect(rows.count == 1)
        #expect(rows.first?.line == 3)
        #expect(rows.first?.message.contains("UTF-8") == true)
    }

    @Test("header names are trimmed and case-insensitive, in any order")
    func headerNames() throws {
        let rows = try SpreadsheetRows.people(Self.bytes(" Name , EMPLOYEE_NUMBER\nAlice,E1\n")).rows
        #expect(rows.first?.employeeNumber == "E1")
        #expect(rows.first?.name == "Alice")
    }

    @Test("a missing required column is reported at line 1 naming the column")
    func missingColumn() {
        let rows = Self.errors("employee_number,email\nE1,a@example.com\n", SpreadsheetRows.people)
        #expect(rows.count == 1)
        #expect(rows.first?.line == 1)
        #expect(rows.first?.column == "name")
        #expect(rows.first?.errorDescription?.hasPrefix("line 1, column name: the header lacks the column \"name\"") == true)
        let experience = Self.errors("employee_number,field,role\nE1,Service Desk,member\n", SpreadsheetRows.experience)
        #expect(experience.first?.column == "from")
        let ratings = Self.errors("employee_number,field,item\nE1,Service Desk,Service Support\n", SpreadsheetRows.ratings)
        #expect(ratings.first?.column == "cycle")
    }

    @Test("an unknown column is reported at line 1 naming it and the expected ones")
    func unknownColumn() {
        let rows = Self.errors("employee_number,name,department\nE1,Alice,Ops\n", SpreadsheetRows.people)
        #expect(rows.count == 1)
        #expect(rows.first?.line == 1)
        #expect(rows.first?.column == "department")
        #expect(rows.first?.message.contains("unknown column \"department\"") == true)
        #expect(rows.first?.message.contains("org_unit") == true)
    }

    @Test("a column named twice is refused, not silently half-ignored")
    func duplicateColumn() {
        let rows = Self.errors("employee_number,name,Name\nE1,Alice,Bob\n", SpreadsheetRows.people)
        #expect(rows.count == 1)
        #expect(rows.first?.line == 1)
        #expect(rows.first?.column == "name")
        #expect(rows.first?.message.contains("more than once") == true)
    }

    @Test("a file with only a header has no rows")
    func headerOnly() throws {
        #expect(try SpreadsheetRows.people(Self.bytes("employee_number,name\n")).rows.isEmpty)
    }

    // MARK: - people

    @Test("people rows: every column read, fields split on ;, active defaults to yes")
    func peopleRows() throws {
        let text = """
            employee_number,name,email,org_unit,active,joined_on,fields
            E1001,"Sato, Hanako",hanako@example.com,OPS-1,no,2019-04-01,Service Desk; V2:Service desk ;
            E1002,Tanaka Jiro,,,,,
            """
        let rows = try SpreadsheetRows.people(Self.bytes(text)).rows
        #expect(rows.count == 2)
        let first = try #require(rows.first)
        #expect(first.line == 2)
        #expect(first.name == "Sato, Hanako")
        #expect(first.email == "hanako@example.com")
        #expect(first.orgUnit == "OPS-1")
        #expect(first.active == false)
        #expect(first.joinedOn == Day("2019-04-01"))
        #expect(first.fields == ["Service Desk", "V2:Service desk"])
        let second = rows[1]
        #expect(second.active == true)
        #expect(second.email == nil && second.orgUnit == nil && second.joinedOn == nil && second.fields.isEmpty)
    }

    @Test("people rows: every bad cell of every row is reported with line and column, sorted by line")
    func peopleErrors() {
        let text = """
            employee_number,name,active,joined_on
            ,Alice,yes,2020-01-01
            E2,Bob,maybe,2020-02-30
            E3,Carol,yes,2020-01-01
            E4,,Y,01/04/2020
            """
        let rows = Self.errors(text, SpreadsheetRows.people)
        let found = rows.map { "\($0.line):\($0.column ?? "-")" }
        #expect(found == ["2:employee_number", "3:active", "3:joined_on", "5:name", "5:joined_on"])
        #expect(rows.first { $0.column == "active" }?.message == "\"maybe\" is not yes/no")
        #expect(
            rows.first { $0.line == 3 && $0.column == "joined_on" }?.message.contains(
                "\"2020-02-30\" is not a date; expected YYYY-MM-DD") == true)
        #expect(rows.first { $0.column == "name" }?.errorDescription == "line 5, column name: is empty; expected a value")
    }

    // MARK: - experience

    @Test("experience rows: installation_sites and annual_inquiries are read like the other measures, and bounded")
    func experienceMeasures() throws {
        let text = """
            employee_number,field,role,from,installation_sites,annual_inquiries
            E1,V2:Network operation,responsible person,2020-04-01,150,"3,000"
            """
        let rows = try SpreadsheetRows.experience(Self.bytes(text)).rows
        #expect(rows.first?.measures == [.installationSites: 150, .annualInquiries: 3_000])
        let bad = Self.errors(
            """
            employee_number,field,role,from,installation_sites,annual_inquiries
            E1,V2:Network operation,leader,2020-04-01,-1,1000000001
            """, SpreadsheetRows.experience)
        #expect(bad.map(\.column) == ["installation_sites", "annual_inquiries"])
        #expect(bad.last?.message == "1000000001 is more than the maximum, 1,000,000,000")
    }

    @Test("experience rows: roles, dates, numbers with separators, verified_by")
    func experienceRows() throws {
        let text = """
            employee_number,field,role,from,to,peak_staff,annual_contract_yen,customer,description,verified_by
            E1,Service Desk,responsible-person,2020-04-01,2023-03-31,80,"1,500,000,000",ACME,"Desk, 24/7",E9
            E1,Service Desk,Leader,2023-04-01,,,,,,
            """
        let rows = try SpreadsheetRows.experience(Self.bytes(text)).rows
        #expect(rows.count == 2)
        #expect(rows[0].role == .responsiblePerson)
        #expect(rows[0].from == Day("2020-04-01"))
        #expect(rows[0].to == Day("2023-03-31"))
        #expect(rows[0].measures == [.peakStaff: 80, .annualContractYen: 1_500_000_000])
        #expect(rows[0].customer == "ACME")
        #expect(rows[0].description == "Desk, 24/7")
        #expect(rows[0].verifiedBy == "E9")
        #expect(rows[1].role == .leader)
        #expect(rows[1].to == nil && rows[1].measures.isEmpty && rows[1].verifiedBy == nil)
    }

    @Test("experience rows: bad role, dates, order of dates and numbers are each reported with line and column")
    func experienceErrors() {
        let text = """
            employee_number,field,role,from,to,peak_staff,annual_contract_yen
            E1,Service Desk,boss,2020-04-01,,,
            E1,Service Desk,member,2021-04-01,2020-03-31,-3,
            E1,,member,,,ten,1.5b
            """
        let rows = Self.errors(text, SpreadsheetRows.experience)
        let found = Set(rows.map { "\($0.line):\($0.column ?? "-")" })
        #expect(found == ["2:role", "3:to", "3:peak_staff", "4:from", "4:field", "4:peak_staff", "4:annual_contract_yen"])
        #expect(rows.map(\.line) == rows.map(\.line).sorted())
        #expect(
            rows.first { $0.column == "role" }?.message.contains(
                "\"boss\" is not a role; expected member, leader or responsible person") == true)
        #expect(rows.first { $0.column == "to" }?.message == "2020-03-31 is before from (2021-04-01)")
        #expect(
            rows.first { $0.line == 3 && $0.column == "peak_staff" }?.message == "negative numbers are not allowed (got -3)")
        #expect(rows.first { $0.line == 4 && $0.column == "peak_staff" }?.message == "\"ten\" is not a whole number")
        #expect(rows.first { $0.column == "from" }?.message.contains("is empty") == true)
    }

    // MARK: - assessments

    @Test("rating rows: cycles, levels 0–7, free text")
    func ratingRows() throws {
        let text = """
            employee_number,field,cycle,item,self_level,evaluator_level,note,evidence,evaluator_reason
            E1,Service Desk,2026h2,Service Support,4,3,"note, with comma",ticket #1,\"not yet \"\"leader\"\"\"
            E1,Service Desk,2026,Customer Support Skills,0,,,,
            """
        let rows = try SpreadsheetRows.ratings(Self.bytes(text)).rows
        #expect(rows.count == 2)
        #expect(rows[0].cycle == Cycle("2026H2"))
        #expect(rows[0].item == "Service Support")
        #expect(rows[0].selfLevel == 4)
        #expect(rows[0].evaluatorLevel == 3)
        #expect(rows[0].note == "note, with comma")
        #expect(rows[0].evidence == "ticket #1")
        #expect(rows[0].evaluatorReason == "not yet \"leader\"")
        #expect(rows[1].cycle.value == "2026")
        #expect(rows[1].selfLevel == 0)
        #expect(rows[1].evaluatorLevel == nil)
    }

    @Test("rating rows: bad cycle, levels and empty required cells are each reported with line and column")
    func ratingErrors() {
        let text = """
            employee_number,field,cycle,item,self_level,evaluator_level
            E1,Service Desk,2026H3,Service Support,4,
            E1,Service Desk,2026H2,,8,x
            ,Service Desk,2026H2,Service Support,-1,3
            E1,Service Desk,,Service Support,,
            """
        let rows = Self.errors(text, SpreadsheetRows.ratings)
        let found = Set(rows.map { "\($0.line):\($0.column ?? "-")" })
        #expect(
            found == ["2:cycle", "3:item", "3:self_level", "3:evaluator_level", "4:employee_number", "4:self_level", "5:cycle"])
        #expect(rows.first { $0.line == 2 }?.message == "\"2026H3\" is not a cycle; expected e.g. 2026H2, 2026Q3 or 2026")
        #expect(
            rows.first { $0.line == 3 && $0.column == "self_level" }?.message == "\"8\" is not a level; expected 0 (none) to 7")
        #expect(rows.first { $0.line == 5 }?.message == "is empty; expected a value")
    }

    @Test("cells go through the CLI's InputBounds: names, e-mails, dates, staff, yen and free text, by line and column")
    func inputBounds() {
        let long = String(repeating: "x", count: 201)
        let people = Self.errors(
            """
            employee_number,name,email,joined_on
            E1,\(long),,
            E2,Two,p@x,
            E3,Three,,1899-12-31
            E4,Four,four@example.com,2100-01-01
            """, SpreadsheetRows.people)
        // 2100-01-01 is within 1900–2999; only the import, which has a clock, refuses it as too far ahead.
        #expect(people.map { "\($0.line):\($0.column ?? "-")" } == ["2:name", "3:email", "4:joined_on"])
        let experience = Self.errors(
            """
            employee_number,field,role,from,to,peak_staff,annual_contract_yen,customer,description
            E1,Service Desk,member,2020-04-01,,1000001,,,
            E1,Service Desk,member,2020-04-01,,,"1,000,000,000,000,001",,
            E1,Service Desk,member,2020-04-01,9999-12-31,,,,
            E1,Service Desk,member,1899-04-01,,,,,
            E1,Service Desk,member,2020-04-01,,,,\(long),\(String(repeating: "d", count: 2_001))
            E1,Service Desk,member,2020-04-01,,"1,000,000","1,000,000,000,000,000",ACME,fine
            """, SpreadsheetRows.experience)
        #expect(
            experience.map { "\($0.line):\($0.column ?? "-")" }
                == ["2:peak_staff", "3:annual_contract_yen", "4:to", "5:from", "6:customer", "6:description"])
        let ratings = Self.errors(
            """
            employee_number,field,cycle,item,note,evidence,evaluator_reason
            E1,Service Desk,2026H2,Service Support,\(String(repeating: "n", count: 2_001)),,
            E1,Service Desk,1899H2,Service Support,,,
            E1,Service Desk,2026H2,Service Support,,,\(String(repeating: "r", count: 2_000))
            """, SpreadsheetRows.ratings)
        #expect(ratings.map { "\($0.line):\($0.column ?? "-")" } == ["2:note", "3:cycle"])
    }

    @Test("the summary of a failed import counts the bad rows and quotes the first")
    func summary() {
        let error = BulkImportError(rows: [
            RowError(line: 7, column: "name", message: "is empty; expected a value"),
            RowError(line: 3, message: "x"),
        ])
        #expect(error.rows.map(\.line) == [3, 7])
        #expect(error.errorDescription == "2 bad row(s), nothing was imported; first: line 3: x")
    }
}

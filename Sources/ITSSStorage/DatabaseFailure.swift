import FluentKit
import Foundation
import PostgresKit
import SQLKit
import SQLiteNIO

/// Turns driver errors into `StorageError`s a user understands: unique, check, not-null and foreign-key
/// violations name what was refused; a wait for another writer that ran out says so and that nothing was written.
enum DatabaseFailure {
    /// Whether the error is worth running the whole transaction again (PostgreSQL gave up on a lock cycle or a
    /// serialisation conflict; nothing was written).
    static func isTransient(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return state == PostgresError.Code.serializationFailure.raw || state == PostgresError.Code.deadlockDetected.raw
    }

    /// The storage error for a driver error, or the error itself when it is already ours or unknown.
    static func storageError(from error: any Error, location: DatabaseLocation, busyTimeout: Duration) -> any Error {
        if error is StorageError { return error }
        if let error = error as? SQLiteError { return sqlite(error, location: location, busyTimeout: busyTimeout) }
        if let error = error as? PSQLError, let info = error.serverInfo, let state = info[.sqlState] {
            let constraint = info[.constraintName] ?? ""
            switch state {
            case PostgresError.Code.uniqueViolation.raw:
                return StorageError.alreadyExists(what: uniqueSubject(constraint, value: keyValue(info[.detail])))
            case PostgresError.Code.checkViolation.raw:
                return StorageError.refused(reason: "a value breaks the rule \(constraint); nothing was written")
            case PostgresError.Code.notNullViolation.raw:
                return StorageError.refused(reason: "\(info[.columnName] ?? "a value") is required; nothing was written")
            case PostgresError.Code.foreignKeyViolation.raw:
                return StorageError.refused(
                    reason: "a reference to a row that does not exist (\(constraint)); nothing was written")
            default:
                return StorageError.failed(reason: info[.message] ?? state)
            }
        }
        return error
    }

    private static func sqlite(_ error: SQLiteError, location: DatabaseLocation, busyTimeout: Duration) -> any Error {
        switch error.reason {
        case .busy, .busyTimeout, .busyInSnapshot, .busyInRecovery, .locked:
            return StorageError.busy(location: location.description, waited: busyTimeout)
        case .constraintUniqueFailed, .constraintPrimaryKeyFailed:
            // "UNIQUE constraint failed: people.employee_number"
            let columns = error.message.components(separatedBy: ": ").last ?? ""
            return StorageError.alreadyExists(what: uniqueSubject(columns, value: nil))
        case .constraintCheckFailed:
            let rule = error.message.components(separatedBy: ": ").dropFirst().joined(separator: ": ")
            return StorageError.refused(reason: "a value breaks the rule \(rule); nothing was written")
        case .constraintNotNullFailed:
            let column = error.message.components(separatedBy: ": ").last ?? "a value"
            return StorageError.refused(reason: "\(column) is required; nothing was written")
        case .constraintForeignKeyFailed:
            return StorageError.refused(reason: "a reference to a row that does not exist; nothing was written")
        default:
            return error
        }
    }

    /// What a unique constraint protects, by its PostgreSQL name or SQLite's `table.column` list.
    private static func uniqueSubject(_ constraint: String, value: String?) -> String {
        let quoted = value.map { " \"\($0)\"" } ?? ""
        switch constraint {
        case "people_employee_number", "people.employee_number": return "employee number" + quoted
        case "org_units_code", "org_units.code": return "org unit" + quoted
        case "assessments_cycle", "assessments.person_id, assessments.field_id, assessments.cycle":
            return "an assessment of this person in this field for this cycle"
        case "standards_name_version", "standards.name, standards.version": return "this standard and edition"
        case "person_fields_unique", "person_fields.person_id, person_fields.field_id": return "this field of the person"
        default: return "a row with these values (\(constraint))"
        }
    }

    /// The value of a one-column key from PostgreSQL's detail `Key (employee_number)=(R1) already exists.`
    private static func keyValue(_ detail: String?) -> String? {
        guard let detail, let start = detail.range(of: ")=("),
            let end = detail.range(of: ") already exists", range: start.upperBound..<detail.endIndex)
        else { return nil }
        let value = detail[start.upperBound..<end.lowerBound]
        return value.contains(",") ? nil : String(value)
    }
}

import ITSSDomain
import SQLKit

extension AppDatabase {
    /// The gap between a person's official standing and a target level of a field (approved ratings and
    /// verified records), with every unmet condition up to the target.
    /// - Throws: `StorageError.notFound` for unknown ids, `GapError.targetNotDefined` naming the field's levels.
    public func gap(
        personID: Int64, fieldID: Int64, target: Int, basis: LevelBasis = .approved
    ) async throws -> FieldGap {
        let sql = try sql()
        guard let field = try await catalogIndex().field(id: fieldID) else {
            throw StorageError.notFound(what: "specialty field #\(fieldID)")
        }
        let inputs = try await LevelInputs.read(sql, personID: personID, field: field, before: nil)
        switch basis {
        case .approved:
            return try GapAnalysis.gap(
                field: field.compiled, ratings: inputs.approvedRatings, records: inputs.verifiedRecords, target: target,
                basis: .approved)
        case .provisional:
            return try GapAnalysis.gap(
                field: field.compiled, ratings: inputs.selfRatings, records: inputs.allRecords, target: target,
                basis: .provisional)
        }
    }
}

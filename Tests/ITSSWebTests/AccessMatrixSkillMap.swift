/// The skill map rows of the access matrix: HR and administrators map everything, the evaluator (manager, M001,
/// evaluator of OPS) maps OPS and its sub-units, an employee no map at all (403).
extension AccessMatrixTests {
    static let mapReaders: [Role: Outcome] = [
        .anonymous: .unauthorized, .employee: .denied, .evaluator: .allowed, .hr: .allowed, .admin: .allowed,
    ]

    static func skillMapCells() -> [Cell] {
        [
            Cell(.get, "/api/v1/map", uri: { _ in "/api/v1/map?org=OPS" }, mapReaders),
            Cell(
                .get, "/api/v1/map/people", uri: { _ in "/api/v1/map/people?org=OPS&field=Service%20Desk&level=none" },
                mapReaders),
            Cell(
                .get, "/api/v1/map/compare", uri: { _ in "/api/v1/map/compare?org=OPS&compare_as_of=2020-01-01" },
                mapReaders),
            Cell(.get, "/api/v1/map/trends", uri: { _ in "/api/v1/map/trends?org=OPS-SD" }, mapReaders),
            Cell(.get, "/api/v1/map/export/levels", uri: { _ in "/api/v1/map/export/levels?org=OPS" }, mapReaders),
            Cell(
                .get, "/api/v1/map/export/ratings", uri: { _ in "/api/v1/map/export/ratings?org=OPS&format=csv" },
                mapReaders),
        ]
    }
}

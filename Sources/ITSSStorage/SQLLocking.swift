import SQLKit

/// Row locks for read-then-write use cases.
enum SQLLocking {
    /// ` FOR UPDATE` on PostgreSQL when `lock` is set; nothing on SQLite, whose `BEGIN IMMEDIATE` already
    /// serialises writers.
    static func forUpdate(_ sql: any SQLDatabase, _ lock: Bool = true) -> SQLQueryString {
        lock && sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
    }
}

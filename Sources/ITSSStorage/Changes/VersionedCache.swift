import NIOConcurrencyHelpers

/// A bounded in-memory cache of values read at a `DataVersion`: a value is returned only while the database is
/// still at the version it was read at, so a hit is always what a fresh read would give.
///
/// A value stored at another version than the last one drops every entry first: a new version means all of them
/// are stale, and they would otherwise hold the capacity until evicted. Each value has a cost (bytes, or 1 per
/// entry); when storing would exceed the capacity, a quarter of the entries are dropped first — plain and bounded,
/// which is what matters for a cache every request may fill.
public final class VersionedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var version: DataVersion
        var value: Value
        var cost: Int
    }

    private struct Storage {
        var entries: [Key: Entry] = [:]
        var cost = 0
        /// The version of the last value stored.
        var version: DataVersion?

        mutating func drop(_ key: Key) {
            if let dropped = entries.removeValue(forKey: key) { cost -= dropped.cost }
        }
    }

    private let storage = NIOLockedValueBox(Storage())
    /// The most the stored values may cost together; 0 turns the cache off.
    public let capacity: Int
    private let cost: @Sendable (Value) -> Int

    /// - Parameters:
    ///   - capacity: The most the stored values may cost together; 0 stores nothing.
    ///   - cost: What one value costs (its size in bytes, or 1 to count entries).
    public init(capacity: Int, cost: @escaping @Sendable (Value) -> Int = { _ in 1 }) {
        self.capacity = max(0, capacity)
        self.cost = cost
    }

    /// The value stored for `key` if it was read at `version`; a value of another version is dropped.
    public func value(for key: Key, at version: DataVersion) -> Value? {
        storage.withLockedValue { storage in
            guard let entry = storage.entries[key] else { return nil }
            guard entry.version == version else {
                storage.drop(key)
                return nil
            }
            return entry.value
        }
    }

    /// Stores `value` as read at `version` (the version taken *before* reading, so a write during the read makes
    /// the entry stale rather than wrong). A value costing more than the whole capacity is not stored.
    public func store(_ value: Value, for key: Key, at version: DataVersion) {
        let cost = cost(value)
        guard cost <= capacity else { return }
        storage.withLockedValue { storage in
            if storage.version != version {
                storage.entries.removeAll(keepingCapacity: true)
                storage.cost = 0
                storage.version = version
            }
            storage.drop(key)
            if storage.cost + cost > capacity {
                let victims = Array(storage.entries.keys.prefix(max(1, storage.entries.count / 4)))
                for victim in victims { storage.drop(victim) }
                // A few large entries may still leave too little room: drop until it fits.
                while storage.cost + cost > capacity, let victim = storage.entries.keys.first { storage.drop(victim) }
            }
            storage.entries[key] = Entry(version: version, value: value, cost: cost)
            storage.cost += cost
        }
    }

    /// How many values are stored (for tests and metrics).
    public var count: Int { storage.withLockedValue { $0.entries.count } }

    /// What the stored values cost together.
    public var totalCost: Int { storage.withLockedValue { $0.cost } }
}

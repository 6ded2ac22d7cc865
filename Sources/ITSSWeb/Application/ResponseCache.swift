import Hummingbird
import ITSSStorage
import NIOConcurrencyHelpers

/// Reuses the responses of read-heavy pages and API reads (a person's profile and levels, the skill map) while the
/// database is at the version they were made at, so reading the same thing again costs no queries and no rendering.
///
/// A response is reused only for the same account and session (pages carry the session's CSRF token), the same
/// path and query, the same interface language and the same day by the clock; only 200 responses are kept, and
/// only when the request took a data version (`AppRequestContext.dataVersion`). Any committed write anywhere makes
/// every entry stale (`DataVersion`), so what is served is what a fresh read would give. Bounded in bytes.
struct ResponseCache: Sendable {
    struct Key: Hashable, Sendable {
        var path: String
        var query: String
        var account: Int64
        var session: String?
        var language: Language
        var day: String
    }

    struct Stored: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer

        var response: Response {
            Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
        }
    }

    /// One response being made, which identical requests wait for.
    struct Flight: Hashable, Sendable {
        var key: Key
        var version: DataVersion
    }

    let database: AppDatabase
    private let entries: VersionedCache<Key, Stored>
    /// Responses being made: a request that finds its own being made waits for it instead of making it again (a
    /// popular page after a write, or many connections at once, would otherwise all compute the same answer).
    private let flights = Flights()

    /// - Parameter capacity: The most the kept bodies may weigh together, in bytes; 0 keeps nothing.
    init(database: AppDatabase, capacity: Int) {
        self.database = database
        entries = VersionedCache(capacity: capacity) { $0.body.readableBytes + 512 }
    }

    /// The kept response for this request, or the one `make` gives (kept when it is a 200).
    /// - Throws: what `make` throws (errors are never kept).
    func response(
        for request: Request, context: AppRequestContext, make: () async throws -> Response
    ) async throws -> Response {
        guard entries.capacity > 0, let version = context.dataVersion, let identity = context.identity else {
            return try await make()
        }
        let key = Key(
            path: request.uri.path, query: request.uri.query ?? "", account: identity.account.id,
            session: identity.csrfToken, language: context.language, day: database.currentDay)
        if let stored = entries.value(for: key, at: version) { return stored.response }
        let flight = Flight(key: key, version: version)
        switch await flights.join(flight) {
        case .joined(let stored?): return stored.response
        case .joined(nil): return try await make()
        case .lead: break
        }
        var stored: Stored?
        defer { flights.land(flight, with: stored) }
        let response = try await make()
        guard response.status == .ok else { return response }
        let kept = Stored(status: response.status, headers: response.headers, body: try await Self.collect(response.body))
        stored = kept
        entries.store(kept, for: key, at: version)
        return kept.response
    }

    /// The whole body of a response as one buffer (our pages and API bodies are built in memory anyway).
    private static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collected = CollectedBody()
        try await body.write(BodyCollector(collected: collected))
        return collected.buffer.withLockedValue { $0 }
    }
}

/// The responses being made and who waits for each.
private final class Flights: Sendable {
    enum Role {
        /// Make the response, then `land` the flight.
        case lead
        /// Another request made it (`nil`: it was not kept, so make it yourself).
        case joined(ResponseCache.Stored?)
    }

    private let waiting = NIOLockedValueBox<[ResponseCache.Flight: [CheckedContinuation<Role, Never>]]>([:])

    /// Leads the flight when none is under way, or waits for the one that is.
    func join(_ flight: ResponseCache.Flight) async -> Role {
        await withCheckedContinuation { continuation in
            let leads = waiting.withLockedValue { waiting in
                guard waiting[flight] == nil else {
                    waiting[flight]?.append(continuation)
                    return false
                }
                waiting[flight] = []
                return true
            }
            if leads { continuation.resume(returning: .lead) }
        }
    }

    /// Ends the flight: everyone waiting gets `stored` (whatever happened to the leader, even an error).
    func land(_ flight: ResponseCache.Flight, with stored: ResponseCache.Stored?) {
        let waiters = waiting.withLockedValue { $0.removeValue(forKey: flight) } ?? []
        for waiter in waiters { waiter.resume(returning: .joined(stored)) }
    }
}

/// The bytes a `BodyCollector` was given.
private final class CollectedBody: Sendable {
    let buffer = NIOLockedValueBox(ByteBuffer())
}

/// A `ResponseBodyWriter` that keeps what it is given instead of sending it.
private struct BodyCollector: ResponseBodyWriter {
    let collected: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        collected.buffer.withLockedValue { stored in
            var buffer = buffer
            stored.writeBuffer(&buffer)
        }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

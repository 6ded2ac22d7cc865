import Hummingbird
import ITSSDomain
import ITSSStorage
import NIOCore

/// The per-request context: who is signed in (set by `AuthenticationMiddleware`) and the interface language.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel
    /// The signed-in account, or `nil` for an anonymous request.
    public var identity: Identity?
    /// The interface language of this request.
    public var language: Language = .english
    /// The database's data version, taken before anything was read for a request that carries credentials;
    /// `nil` otherwise (then nothing read before is reused).
    public var dataVersion: DataVersion?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The peer's address (a proxy's, when there is one).
    public var remoteAddress: SocketAddress? { channel.remoteAddress }

    /// Up to 16 MiB: CSV imports and catalog documents are uploaded through forms and the API.
    public var maxUploadSize: Int { 16 * 1024 * 1024 }
}

/// A signed-in account and how it proved who it is.
public struct Identity: Sendable {
    public var account: Account
    public var means: Means

    public enum Means: Sendable {
        /// A browser session (cookie); its unsafe requests carry the session's CSRF token.
        case session(csrfToken: String)
        /// An API token (`Authorization: Bearer`); no cookie, so no CSRF check is needed.
        case bearer
    }

    /// Who acts, for the use cases.
    public var principal: Principal { account.principal }

    /// The token forms must send back, for sessions.
    public var csrfToken: String? {
        if case let .session(token) = means { return token }
        return nil
    }
}

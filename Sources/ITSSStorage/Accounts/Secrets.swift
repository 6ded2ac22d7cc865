import HummingbirdBcrypt
import ITSSImport

/// Random secrets and their stored forms. Session ids and API tokens are 256 random bits, stored as their SHA-256
/// (a leaked table reveals no usable secret, and a lookup by hash stays an indexed equality); passwords are
/// stored as bcrypt hashes.
enum Secrets {
    /// 32 bytes from the system's cryptographic generator, as URL-safe text (43 characters).
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(bytes)
    }

    /// The stored form of a session id or API token.
    static func tokenHash(_ token: String) -> String {
        SHA256.hex(Array(token.utf8))
    }

    static func passwordHash(_ password: String, cost: Int) -> String {
        Bcrypt.hash(password, cost: UInt8(clamping: cost))
    }

    static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A hash to verify against when the login is unknown, so that an unknown login takes as long as a wrong
    /// password and response times do not tell which logins exist.
    static let decoyHash = Bcrypt.hash("decoy password, never a real one", cost: 10)

    private static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var output: [UInt8] = []
        var index = 0
        while index + 3 <= bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output += [18, 12, 6, 0].map { alphabet[Int((value >> $0) & 63)] }
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let value = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            output += [18, 12, 6].prefix(rest + 1).map { alphabet[Int((value >> $0) & 63)] }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

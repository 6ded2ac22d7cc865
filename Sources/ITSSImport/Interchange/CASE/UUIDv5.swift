/// SHA-1 (FIPS 180-4), only for name-based UUIDs (RFC 4122 version 5); never for security.
enum SHA1 {
    /// The 20-byte digest of `bytes`.
    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var (h0, h1, h2, h3, h4): (UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0
        )
        let message = SHA256.padded(bytes)
        // One identifier is one short message: the schedule lives on the stack, the words are read in place.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { schedule in
            message.withUnsafeBytes { raw in
                for chunk in stride(from: 0, to: message.count, by: 64) {
                    for index in 0..<16 {
                        schedule[index] = UInt32(
                            bigEndian: raw.loadUnaligned(fromByteOffset: chunk + index * 4, as: UInt32.self))
                    }
                    for index in 16..<80 {
                        let value = schedule[index - 3] ^ schedule[index - 8] ^ schedule[index - 14] ^ schedule[index - 16]
                        schedule[index] = value << 1 | value >> 31
                    }
                    var (a, b, c, d, e) = (h0, h1, h2, h3, h4)
                    for index in 0..<80 {
                        let (f, k): (UInt32, UInt32) =
                            switch index {
                            case 0..<20: ((b & c) | (~b & d), 0x5A82_7999)
                            case 20..<40: (b ^ c ^ d, 0x6ED9_EBA1)
                            case 40..<60: ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                            default: (b ^ c ^ d, 0xCA62_C1D6)
                            }
                        let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ schedule[index]
                        e = d
                        d = c
                        c = b << 30 | b >> 2
                        b = a
                        a = temp
                    }
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                }
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(20)
        for word in [h0, h1, h2, h3, h4] {
            result.append(UInt8(truncatingIfNeeded: word >> 24))
            result.append(UInt8(truncatingIfNeeded: word >> 16))
            result.append(UInt8(truncatingIfNeeded: word >> 8))
            result.append(UInt8(truncatingIfNeeded: word))
        }
        return result
    }
}

/// Name-based UUIDs, version 5 (RFC 4122 §4.3): the same namespace and name always give the same UUID.
public enum UUIDv5 {
    /// RFC 4122's namespace for URLs, `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.
    public static let urlNamespace: [UInt8] = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ]
    /// RFC 4122's namespace for DNS names, `6ba7b810-9dad-11d1-80b4-00c04fd430c8`.
    public static let dnsNamespace: [UInt8] = [
        0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ]

    /// The UUID of `name` (UTF-8) in `namespace` (16 bytes), lowercase with hyphens.
    public static func make(namespace: [UInt8], name: String) -> String {
        var bytes = Array(SHA1.digest(namespace + Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return format(bytes)
    }

    /// The 16 bytes of a UUID written `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (either case), or `nil`.
    public static func bytes(_ text: String) -> [UInt8]? {
        text.utf8.withContiguousStorageIfAvailable(bytes(utf8:))
            ?? Array(text.utf8).withUnsafeBufferPointer(bytes(utf8:))
    }

    private static func bytes(utf8 hex: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard hex.count == 36 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(16)
        var offset = 0
        while offset < 36 {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard hex[offset] == UInt8(ascii: "-") else { return nil }
                offset += 1
                continue
            }
            guard let high = nibble(hex[offset]), let low = nibble(hex[offset + 1]) else { return nil }
            result.append(high << 4 | low)
            offset += 2
        }
        return result
    }

    private static let digits = Array("0123456789abcdef".utf8)

    static func format(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

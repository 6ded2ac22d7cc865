import Foundation
import Testing

@testable import ITSSImport

/// The SHA-256 that recognises a document imported before: known vectors, padding boundaries, the shipped files.
@Suite
struct SHA256Tests {
    @Test(
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            ("●", "5f9e6a3696c4a7c2f25c7a9f97d8f238e302fd367af292acdc8e8cc9edda455b"),
        ] as [(String, String)])
    func knownVectors(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }

    /// Lengths around the 55/56-byte padding boundary and the 64-byte block size.
    @Test(
        arguments: [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
            (1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ] as [(Int, String)])
    func repeatedA(count: Int, digest: String) {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: count)) == digest)
    }

    /// The imported standard records the digest of the document's bytes (computed with `sha256sum`).
    @Test(
        arguments: [
            (ShippedDocuments.v3, "102d0c2776829595fc46ce6d413e76db8699d408837351c7bd78a2fe34a48146"),
            (ShippedDocuments.v2, "1bec27b75dc0c04d71d3bf3155d3eb4b42f2079ef95f273403b4197490cb221c"),
        ] as [(String, String)])
    func shippedDocuments(file: String, digest: String) throws {
        #expect(try ShippedDocuments.imported(file).standard.source.sha256 == digest)
    }
}

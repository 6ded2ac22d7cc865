import Foundation

/// Where a `CSVReader` gets its bytes: a file read a chunk at a time, or bytes already in memory (handed out in
/// chunks of the same size, so that tests can put chunk boundaries anywhere).
public struct CSVInput {
    /// Bytes read per chunk (the buffer grows beyond it only for a record longer than a chunk).
    public let chunkSize: Int
    private let file: FileHandle?
    private let bytes: [UInt8]
    private var next = 0

    /// Reads the file at `path` a chunk at a time.
    /// - Parameter chunkSize: Bytes per read; 1 MB by default.
    /// - Throws: The file system's error when the file cannot be opened.
    public init(contentsOfFile path: String, chunkSize: Int = 1 << 20) throws {
        self.chunkSize = max(chunkSize, 1)
        file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        bytes = []
    }

    /// Hands out `bytes` in chunks of `chunkSize` (the whole of them by default).
    public init(bytes: [UInt8], chunkSize: Int? = nil) {
        self.chunkSize = max(chunkSize ?? bytes.count, 1)
        file = nil
        self.bytes = bytes
    }

    /// Appends up to `count` more bytes to `buffer`.
    /// - Returns: How many bytes were appended; 0 at the end of the input.
    /// - Throws: The file system's error when a read fails.
    mutating func read(into buffer: inout [UInt8], count: Int) throws -> Int {
        if let file {
            guard let data = try file.read(upToCount: count), !data.isEmpty else { return 0 }
            buffer.append(contentsOf: data)
            return data.count
        }
        let end = min(next + count, bytes.count)
        buffer.append(contentsOf: bytes[next..<end])
        defer { next = end }
        return end - next
    }
}

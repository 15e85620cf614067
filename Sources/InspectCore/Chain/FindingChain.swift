import Crypto

/// The hash chain that makes the findings record tamper-evident.
///
/// Every row stores `hash = SHA-256(prev_hash ‖ canonical(row))`, where `prev_hash` is the hash of the row before
/// it (by id) and the first row's `prev_hash` is 32 zero bytes. Changing, inserting or deleting any row breaks the
/// link at that row or at the next; `verify` names the first row where it breaks.
///
/// The canonical encoding is versioned and fixed: a tag, then each field in a fixed order as `<byte count>:<UTF-8>`
/// (or `~` for an absent value), separated by `;`. It never depends on Swift's or SQLite's formatting. A correction
/// made at a given time (`correctedAt`) has that time as a fourteenth field; every other row has thirteen.
public enum FindingChain {
    /// The `prev_hash` of the first row: 64 zeros.
    public static let genesis = String(repeating: "0", count: 64)

    /// The bytes hashed for `finding`, excluding its own hashes.
    public static func canonical(_ finding: Finding) -> [UInt8] {
        var writer = CanonicalWriter(tag: "inspectd.finding.v1")
        writer.field(finding.id)
        writer.field(finding.inspection)
        writer.field(finding.violation)
        writer.field(finding.staff)
        writer.field(finding.observedAt)
        writer.field(finding.clockTime?.fullDescription)
        writer.field(finding.minutes.map(Int64.init))
        writer.field(finding.note)
        writer.field(finding.recordedBy)
        writer.field(finding.recordedAt)
        writer.field(finding.action.rawValue)
        writer.field(finding.corrects)
        writer.field(finding.reason)
        // Added with the correction time; absent, as in every row written before it, the encoding is unchanged.
        if let correctedAt = finding.correctedAt { writer.field(correctedAt) }
        return writer.bytes
    }

    /// The hash of `finding` linked after a row whose hash is `prevHash` (64 hex digits).
    public static func hash(_ finding: Finding, prevHash: String) -> String {
        Hex.encode(digest(finding, prevDigest: Hex.decode(prevHash) ?? [UInt8](repeating: 0, count: 32)))
    }

    /// The raw 32-byte hash of `finding` linked after a row whose raw hash is `prevDigest`; for bulk appends, which
    /// carry the previous digest along instead of decoding its hex each time.
    public static func digest(_ finding: Finding, prevDigest: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: prevDigest)
        hasher.update(data: canonical(finding))
        return Array(hasher.finalize())
    }

    /// Returns `finding` with `prevHash` and `hash` set to follow a row whose hash is `prevHash`.
    public static func linked(_ finding: Finding, after prevHash: String) -> Finding {
        var linked = finding
        linked.prevHash = prevHash
        linked.hash = hash(finding, prevHash: prevHash)
        return linked
    }

    /// Where the chain first breaks, and why.
    public struct Break: Hashable, Sendable, CustomStringConvertible {
        /// The id of the first row that does not verify (or of the missing row).
        public var row: Int64
        public var reason: String
        public init(row: Int64, reason: String) {
            self.row = row
            self.reason = reason
        }

        public var description: String { "finding \(row): \(reason)" }
    }

    /// The state carried from one row to the next while verifying.
    public struct Verifier: Sendable {
        public private(set) var previousHash = FindingChain.genesis
        public private(set) var previousID: Int64?
        public private(set) var count = 0

        public init() {}

        /// Checks the next row in id order; returns the break if this row is where the chain breaks.
        public mutating func check(_ finding: Finding) -> Break? {
            defer {
                previousHash = finding.hash
                previousID = finding.id
                count += 1
            }
            if finding.prevHash != previousHash {
                let before = previousID.map { "finding \($0)" } ?? "the start of the chain"
                return Break(
                    row: finding.id,
                    reason: "prev_hash does not match the hash of \(before): a row was deleted, inserted or changed")
            }
            if FindingChain.hash(finding, prevHash: finding.prevHash) != finding.hash {
                return Break(row: finding.id, reason: "contents do not match its hash: the row was edited")
            }
            return nil
        }

        /// Checks that the chain ends where its recorded head says it does.
        public func checkEnd(headID: Int64?, headHash: String?, headCount: Int) -> Break? {
            guard headCount == count, headID == previousID, (headHash ?? FindingChain.genesis) == previousHash
            else {
                let row = headID ?? previousID ?? 0
                return Break(
                    row: row,
                    reason:
                        "the chain head records \(headCount) rows ending at finding \(headID.map(String.init) ?? "-")"
                        + ", but the table holds \(count) ending at \(previousID.map(String.init) ?? "-")"
                        + ": rows were deleted or added outside inspectd")
            }
            return nil
        }
    }
}

/// Lower-case hexadecimal, for hashes and seeds.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        encode(Array(bytes))
    }

    public static func encode(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = digits[Int(byte >> 4)]
                buffer[index + 1] = digits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    /// Decodes an even number of hex digits; nil when the text is not hex.
    public static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x61...0x66: c - 0x61 + 10
            case 0x41...0x46: c - 0x41 + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}

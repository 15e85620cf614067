import Crypto

/// The hash chain that makes competency test results tamper-evident, as `FindingChain` does for findings: every row
/// stores `hash = SHA-256(prev_hash ‖ canonical(row))`, the first row's `prev_hash` is 64 zeros, and a head row
/// records the last link so that rows cut from the end are noticed too.
///
/// The canonical encoding hashes the row as stored (ids, not codes), so it is checked without looking anything up.
public enum TestResultChain {
    /// A result as its row holds it.
    public struct Link: Sendable, Hashable {
        public var id: Int64
        public var session: Int64
        public var staff: Int64
        public var title: String
        public var office: Int64
        public var score: Int
        public var amends: Int64?
        public var reason: String?
        public var recordedBy: String
        public var recordedAt: Instant
        public var prevHash: String
        public var hash: String

        public init(
            id: Int64, session: Int64, staff: Int64, title: String, office: Int64, score: Int, amends: Int64?,
            reason: String?, recordedBy: String, recordedAt: Instant, prevHash: String = "", hash: String = ""
        ) {
            self.id = id
            self.session = session
            self.staff = staff
            self.title = title
            self.office = office
            self.score = score
            self.amends = amends
            self.reason = reason
            self.recordedBy = recordedBy
            self.recordedAt = recordedAt
            self.prevHash = prevHash
            self.hash = hash
        }
    }

    public static let genesis = FindingChain.genesis

    /// The bytes hashed for `link`, excluding its own hashes.
    public static func canonical(_ link: Link) -> [UInt8] {
        var writer = CanonicalWriter(tag: "inspectd.test-result.v1")
        writer.field(link.id)
        writer.field(link.session)
        writer.field(link.staff)
        writer.field(link.title)
        writer.field(link.office)
        writer.field(link.score)
        writer.field(link.amends)
        writer.field(link.reason)
        writer.field(link.recordedBy)
        writer.field(link.recordedAt)
        return writer.bytes
    }

    /// The hash of `link` after a row whose hash is `prevHash`.
    public static func hash(_ link: Link, prevHash: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Hex.decode(prevHash) ?? [UInt8](repeating: 0, count: 32))
        hasher.update(data: canonical(link))
        return Hex.encode(hasher.finalize())
    }

    /// `link` with `prevHash` and `hash` set to follow a row whose hash is `prevHash`.
    public static func linked(_ link: Link, after prevHash: String) -> Link {
        var linked = link
        linked.prevHash = prevHash
        linked.hash = hash(link, prevHash: prevHash)
        return linked
    }

    /// Checks the rows in id order and their end against the head, naming the first row where the chain breaks.
    public struct Verifier: Sendable {
        public private(set) var previousHash = TestResultChain.genesis
        public private(set) var previousID: Int64?
        public private(set) var count = 0

        public init() {}

        /// The problem with the next row, if it is where the chain breaks.
        public mutating func check(_ link: Link) -> String? {
            defer {
                previousHash = link.hash
                previousID = link.id
                count += 1
            }
            if link.prevHash != previousHash {
                let before = previousID.map { "test result \($0)" } ?? "the start of the chain"
                return "test result \(link.id): prev_hash does not match the hash of \(before): a result was deleted, "
                    + "inserted or changed"
            }
            if TestResultChain.hash(link, prevHash: link.prevHash) != link.hash {
                return "test result \(link.id): contents do not match its hash: the result was edited"
            }
            return nil
        }

        /// The problem with the chain's end, if it is not where the head says.
        public func checkEnd(headID: Int64?, headHash: String, headCount: Int) -> String? {
            guard headCount != count || headID != previousID || headHash != previousHash else { return nil }
            return "test results: the chain head records \(headCount) results ending at "
                + "\(headID.map(String.init) ?? "-"), but the table holds \(count) ending at "
                + "\(previousID.map(String.init) ?? "-"): results were deleted or added outside inspectd"
        }
    }
}

import Foundation
import GRDB
import InspectCore

/// A row of `follow_up_draw`: the draw behind one follow-up inspection.
///
/// - Important: `seed` is secret while the follow-up is scheduled; it is published (`revealed_at`) once the
///   follow-up leaves that state (due, missed or cancelled).
public struct FollowUpDrawRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var inspectionId: Int64
    public var followsId: Int64
    public var commitment: String
    public var seed: String
    /// `FollowUpInputs`, as JSON.
    public var inputs: String
    public var dueAt: Instant
    public var createdAt: Instant
    public var revealedAt: Instant?

    public init(draw: FollowUpDraw, seed: DrawSeed, inspectionId: Int64, createdAt: Instant) throws {
        self.inspectionId = inspectionId
        followsId = draw.inputs.follows
        commitment = draw.commitment
        self.seed = seed.hex
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        inputs = String(decoding: try encoder.encode(draw.inputs), as: UTF8.self)
        dueAt = draw.dueAt
        self.createdAt = createdAt
    }

    /// The stored draw.
    public func decoded() throws -> FollowUpDraw {
        FollowUpDraw(
            inputs: try JSONDecoder().decode(FollowUpInputs.self, from: Data(inputs.utf8)), commitment: commitment,
            dueAt: dueAt)
    }
}

extension FollowUpDrawRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "follow_up_draw"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let inspectionId = Column("inspection_id")
        public static let revealedAt = Column("revealed_at")
    }
}

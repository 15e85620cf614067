import Foundation
import GRDB
import InspectCore

/// A row of `surprise_draw`: one period of one surprise plan, drawn once.
///
/// - Important: `seed` is the secret of the commit–reveal scheme: it is read only by the audit after the period,
///   and published (`revealed_at`) once the period has ended.
public struct SurpriseDrawRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var plan: String
    /// The period's label: `2027-03`, `2027-Q1`, `2027-W05`.
    public var period: String
    public var periodStart: Instant
    public var periodEnd: Instant
    public var commitment: String
    public var seed: String
    /// `DrawInputs`, as JSON.
    public var inputs: String
    /// `[SurpriseDraft]`, as JSON.
    public var drafts: String
    public var createdAt: Instant
    public var revealedAt: Instant?

    public init(draw: SurpriseDraw, seed: DrawSeed, createdAt: Instant) throws {
        plan = draw.inputs.plan
        period = draw.inputs.period.label
        periodStart = draw.inputs.period.start
        periodEnd = draw.inputs.period.end
        commitment = draw.commitment
        self.seed = seed.hex
        inputs = try Self.json(draw.inputs)
        drafts = try Self.json(draw.drafts)
        self.createdAt = createdAt
    }

    /// The stored draw.
    public func decoded() throws -> SurpriseDraw {
        let decoder = JSONDecoder()
        return SurpriseDraw(
            inputs: try decoder.decode(DrawInputs.self, from: Data(inputs.utf8)), commitment: commitment,
            drafts: try decoder.decode([SurpriseDraft].self, from: Data(drafts.utf8)))
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension SurpriseDrawRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "surprise_draw"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let plan = Column("plan")
        public static let period = Column("period")
        public static let periodEnd = Column("period_end")
        public static let revealedAt = Column("revealed_at")
    }
}

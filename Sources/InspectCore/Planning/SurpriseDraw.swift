/// One committed surprise draw, as stored: its inputs, the commitment published at draw time, and the drafts.
///
/// The seed is not part of it: it stays secret, stored apart, until the period is over and it is revealed for
/// `SurpriseAudit`.
public struct SurpriseDraw: Hashable, Sendable, Codable {
    public var inputs: DrawInputs
    /// `inputs.commitment(seed:)`, hex SHA-256.
    public var commitment: String
    /// Sorted by due instant.
    public var drafts: [SurpriseDraft]

    public init(inputs: DrawInputs, commitment: String, drafts: [SurpriseDraft]) {
        self.inputs = inputs
        self.commitment = commitment
        self.drafts = drafts
    }

    /// Commits to `inputs` with `seed` and draws them with the generator expanded from it.
    /// - Throws: as `SurprisePlanner.init(inputs:calendar:)` and `SurprisePlanner.draw(using:)`.
    public init(inputs: DrawInputs, calendar: WorkCalendar, seed: DrawSeed) throws {
        var generator = DrawGenerator(seed: seed)
        let drafts = try SurprisePlanner(inputs: inputs, calendar: calendar).draw(using: &generator)
        self.init(inputs: inputs, commitment: inputs.commitment(seed: seed), drafts: drafts)
    }
}

import InspectCore
import InspectStore

/// Findings as they stand, as readers see them.
enum FindingRows {
    /// The view of a listed row: whether it stands, was amended or retracted, or is a retraction.
    static func view(_ listed: FindingRecord.Listed) -> FindingView {
        let state: FindingState =
            switch (listed.record.action, listed.correctedBy) {
            case (.retract, _): .retraction
            case (_, .retract): .retracted
            case (_, .some): .amended
            default: .current
            }
        return FindingView(
            finding: listed.record.finding, office: listed.office, severity: listed.severity, state: state)
    }

    static func view(_ db: StoreTransaction, id: Int64) throws -> FindingView {
        guard let listed = try FindingRecord.listed(db, id: id) else {
            throw InspectError.notFound(kind: "finding", key: String(id))
        }
        return view(listed)
    }
}

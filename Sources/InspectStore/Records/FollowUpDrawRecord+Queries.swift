import GRDB
import InspectCore

extension FollowUpDrawRecord {
    /// The draw of the follow-up of the inspection `id`, with the follow-up's status and office code.
    package static func draw(
        _ transaction: StoreTransaction, follows id: Int64
    ) throws -> (record: FollowUpDrawRecord, status: InspectionStatus, office: String)? {
        guard
            let row = try Row.fetchOne(
                transaction.db,
                sql: """
                    SELECT d.*, i.status, o.code FROM follow_up_draw d JOIN inspection i ON i.id = d.inspection_id
                    JOIN office o ON o.id = i.office_id WHERE d.follows_id = ?
                    """,
                arguments: [id])
        else { return nil }
        return (try FollowUpDrawRecord(row: row), row["status"], row["code"])
    }
}

extension FollowUpDrawRecord {
    /// The draw of the follow-up inspection `id`, if it was drawn.
    package static func find(_ transaction: StoreTransaction, inspection id: Int64) throws -> FollowUpDrawRecord? {
        try filter(Columns.inspectionId == id).fetchOne(transaction.db)
    }

    /// The draw of the follow-up inspection `id`, if it was drawn and its seed is not yet revealed.
    package static func unrevealed(_ transaction: StoreTransaction, inspection id: Int64) throws -> FollowUpDrawRecord?
    {
        try filter(Columns.inspectionId == id).filter(Columns.revealedAt == nil).fetchOne(transaction.db)
    }
}

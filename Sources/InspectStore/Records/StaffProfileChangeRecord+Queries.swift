import GRDB
import InspectCore

extension StaffProfileChangeRecord {
    /// Appends `change` to the history of the person `staffID`.
    package static func append(_ transaction: StoreTransaction, staffID: Int64, _ change: ProfileChange) throws {
        var record = StaffProfileChangeRecord(staffId: staffID, change: change)
        try record.insert(transaction)
    }

    /// Every change to the person `staffID`'s profile, in the order they were recorded.
    package static func history(_ transaction: StoreTransaction, staffID: Int64?) throws -> [ProfileChange] {
        try filter(Columns.staffId == staffID).order(Columns.id).fetchAll(transaction.db).map(\.change)
    }

    /// The latest change of `aspect` for the person `staffID`, if any.
    package static func latest(
        _ transaction: StoreTransaction, staffID: Int64?, aspect: String
    ) throws -> ProfileChange? {
        try filter(Columns.staffId == staffID).filter(Columns.aspect == aspect).order(Columns.id.desc)
            .fetchOne(transaction.db)?.change
    }
}

import GRDB
import InspectCore

extension ViolationTypeRecord {
    /// Every violation type, in the table's order.
    package static func all(_ transaction: StoreTransaction) throws -> [ViolationType] {
        try fetchAll(transaction.db).map(\.violationType)
    }

    /// Every violation type, by code.
    package static func byCode(_ transaction: StoreTransaction) throws -> [ViolationType] {
        try order(Column("code")).fetchAll(transaction.db).map(\.violationType)
    }
}

import GRDB
import InspectCore

extension ViolationTypeRecord {
    /// Every violation type, in the table's order.
    package static func all(_ db: Database) throws -> [ViolationType] {
        try fetchAll(db).map(\.violationType)
    }

    /// Every violation type, by code.
    package static func byCode(_ db: Database) throws -> [ViolationType] {
        try order(Column("code")).fetchAll(db).map(\.violationType)
    }
}

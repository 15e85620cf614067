import GRDB
import InspectCore

/// Records whose Swift properties are camelCase and whose columns are snake_case (`parentId` ↔ `parent_id`), so the
/// schema reads naturally in the `sqlite3` tool and in SQL reports.
public protocol SnakeCaseColumns {}

extension SnakeCaseColumns where Self: FetchableRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
}

extension SnakeCaseColumns where Self: EncodableRecord {
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

extension Instant: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { seconds.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Instant? {
        Int64.fromDatabaseValue(dbValue).map(Instant.init(seconds:))
    }
}

extension TimeOfDay: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { fullDescription.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> TimeOfDay? {
        String.fromDatabaseValue(dbValue).flatMap { TimeOfDay(parsing: $0) }
    }
}

extension OfficeKind: DatabaseValueConvertible {}
extension StaffCategory: DatabaseValueConvertible {}
extension Severity: DatabaseValueConvertible {}
extension ClockMeasure: DatabaseValueConvertible {}
extension InspectionKind: DatabaseValueConvertible {}
extension InspectionStatus: DatabaseValueConvertible {}
extension FindingAction: DatabaseValueConvertible {}

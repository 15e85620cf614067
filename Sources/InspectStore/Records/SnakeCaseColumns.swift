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
extension EscalationLevel: DatabaseValueConvertible {}
extension EscalationSubjectKind: DatabaseValueConvertible {}
extension ActionStatus: DatabaseValueConvertible {}

/// Dates are stored as `YYYY-MM-DD` text: readable in the `sqlite3` tool and sorting in date order.
extension CivilDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CivilDate? {
        String.fromDatabaseValue(dbValue).flatMap { CivilDate(iso: $0) }
    }
}

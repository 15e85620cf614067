import GRDB
import InspectCore

/// A row of `violation_type`.
public struct ViolationTypeRecord: Codable, Sendable, Hashable {
    public var code: String
    public var nameEn: String
    public var nameVi: String
    public var legalBasis: String
    public var severity: Severity
    public var measure: ClockMeasure?

    public var violationType: ViolationType {
        ViolationType(
            code: code, nameEN: nameEn, nameVI: nameVi, legalBasis: legalBasis, severity: severity, measure: measure)
    }
}

extension ViolationTypeRecord: FetchableRecord, PersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "violation_type"

    /// - Throws: `InspectError.notFound` naming the code and listing the known ones.
    public static func require(_ transaction: StoreTransaction, code: String) throws -> ViolationTypeRecord {
        if let type = try fetchOne(transaction.db, key: code) { return type }
        let known = try String.fetchAll(transaction.db, sql: "SELECT code FROM violation_type ORDER BY code")
        throw InspectError.invalidInput(
            "no violation type '\(code)'; known types: \(known.joined(separator: ", "))")
    }
}

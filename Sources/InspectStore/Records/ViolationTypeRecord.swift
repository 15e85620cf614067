import GRDB
import InspectCore

/// A row of `violation_type`.
public struct ViolationTypeRecord: Sendable, Hashable {
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

extension ViolationTypeRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "violation_type"

    /// Decodes a row of `SELECT *` by position, in the table's column order (see `FindingRecord.init(row:)`).
    public init(row: Row) throws {
        code = try row.decode(atIndex: 0)
        nameEn = try row.decode(atIndex: 1)
        nameVi = try row.decode(atIndex: 2)
        legalBasis = try row.decode(atIndex: 3)
        severity = try row.decode(atIndex: 4)
        measure = try row.decode(atIndex: 5)
    }

    public func encode(to container: inout PersistenceContainer) {
        container["code"] = code
        container["name_en"] = nameEn
        container["name_vi"] = nameVi
        container["legal_basis"] = legalBasis
        container["severity"] = severity
        container["measure"] = measure
    }

    /// - Throws: `InspectError.notFound` naming the code and listing the known ones.
    public static func require(_ transaction: StoreTransaction, code: String) throws -> ViolationTypeRecord {
        let sql = "SELECT * FROM violation_type WHERE code = ?"
        if let type = try fetchOne(transaction.db, sql: sql, arguments: [code]) { return type }
        let known = try String.fetchAll(transaction.db, sql: "SELECT code FROM violation_type ORDER BY code")
        throw InspectError.invalidInput(
            "no violation type '\(code)'; known types: \(known.joined(separator: ", "))")
    }
}

import GRDB
import InspectCore
import InspectStore

/// Reads registry rows into domain values, resolving ids to the codes people use.
enum RegistryRows {
    static let officeSelect = """
        SELECT o.code, o.name, p.code AS parent_code, o.kind, o.hours_profile, o.active
        FROM office o LEFT JOIN office p ON p.id = o.parent_id
        """

    static func office(_ row: Row) -> Office {
        Office(
            code: row["code"], name: row["name"], parent: row["parent_code"], kind: row["kind"],
            hoursProfile: row["hours_profile"], active: row["active"])
    }

    static let staffSelect = """
        SELECT s.badge, s.name, o.code AS office_code, s.title, s.category, s.active, s.login
        FROM staff s JOIN office o ON o.id = s.office_id
        """

    static func staff(_ row: Row) -> Staff {
        Staff(
            badge: row["badge"], name: row["name"], office: row["office_code"], title: row["title"],
            category: row["category"], active: row["active"], login: row["login"])
    }

    static let inspectionSelect = """
        SELECT i.*, o.code AS office_code FROM inspection i JOIN office o ON o.id = i.office_id
        """

    static func inspection(_ row: Row) -> Inspection {
        Inspection(
            id: row["id"], office: row["office_code"], kind: row["kind"], status: row["status"], plan: row["plan"],
            dueAt: row["due_at"], windowEnd: row["window_end"], team: row["team"], openedAt: row["opened_at"],
            openedBy: row["opened_by"], closedAt: row["closed_at"], closedBy: row["closed_by"],
            checked: row["checked"], cancelReason: row["cancel_reason"], follows: row["follows_id"])
    }

    static func inspection(_ db: Database, id: Int64) throws -> Inspection {
        guard let row = try Row.fetchOne(db, sql: inspectionSelect + " WHERE i.id = ?", arguments: [id]) else {
            throw InspectError.notFound(kind: "inspection", key: String(id))
        }
        return inspection(row)
    }
}

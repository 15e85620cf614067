import GRDB
import InspectCore

/// Every change to the record's tables other than findings, as a chained entry (`LedgerChain`): what `verify`
/// compares the tables with, and what the journal witnesses, so that nothing changes silently — how many staff an
/// inspection checked, who closed it, an escalation or its acknowledgement, a login, a draw.
///
/// Triggers on each table in ``tables`` add an entry for every insert, update and delete, with the row as it is
/// after the change; no writer can forget one. Entries are sealed (their MAC computed and the reporting event named)
/// when an event is put in the outbox, and whatever is left when a write transaction ends (see
/// `InspectDatabase.write`), so every entry is sealed when its transaction commits.
public enum Ledger {
    /// The tables whose every change is an entry. Findings and test results have their own chains;
    /// `finding_lineage` and the chain heads are derived from them and checked against them; the outbox is transport.
    public static let tables =
        foundingTables + ["staff_profile_change"] + ["training_course", "training_attendance", "training_completion"]
        + ["test_session"] + ["classification_proposal", "classification_decision"]

    /// The tables the ledger began with (migration `v9-ledger`, which must not change); tables made later install
    /// their triggers in the migration that creates them.
    static let foundingTables = [
        "record_identity", "office", "staff", "staff_assignment", "violation_type", "inspection", "surprise_draw",
        "follow_up_draw", "escalation", "escalation_finding", "corrective_action",
    ]

    /// The tables that are neither in the ledger nor need to be: a test checks every table is one or the other.
    public static let exempt: Set<String> = [
        "finding", "finding_lineage", "finding_chain_head", "outbox", "ledger", "ledger_head", "grdb_migrations",
        "test_result", "test_result_chain_head",
        "ledger_mark", "uplink_state",
    ]

    /// The end of the ledger, and the key its MACs are made with.
    public struct Head: Sendable, Equatable {
        public var seq: Int64?
        public var mac: String
        public var count: Int
        /// The last entry describing the record as it was when the ledger began (those name no event).
        public var genesis: Int64?
    }

    public static func head(_ transaction: StoreTransaction) throws -> Head {
        guard
            let row = try Row.fetchOne(
                transaction.db, sql: "SELECT last_seq, last_mac, count, genesis_seq FROM ledger_head")
        else {
            throw InspectError.integrity("the ledger head is missing: the database was edited outside inspectd")
        }
        return Head(seq: row["last_seq"], mac: row["last_mac"], count: row["count"], genesis: row["genesis_seq"])
    }

    static func key(_ transaction: StoreTransaction) throws -> String {
        try String.fetchOne(transaction.db, sql: "SELECT key FROM ledger_head") ?? ""
    }

    /// Seals the entries written since the last seal, naming `event` as the event that reports them.
    public static func seal(_ transaction: StoreTransaction, event: Int64?) throws {
        let rows = try Row.fetchAll(
            transaction.db, sql: "SELECT seq, table_name, row_key, snapshot FROM ledger WHERE mac IS NULL ORDER BY seq")
        guard !rows.isEmpty else { return }
        let key = try key(transaction)
        var head = try head(transaction)
        for row in rows {
            let entry = LedgerChain.Entry(
                seq: row["seq"], table: row["table_name"], key: row["row_key"], snapshot: row["snapshot"], event: event)
            let mac = LedgerChain.mac(entry, prevMAC: head.mac, key: key)
            try transaction.db.execute(
                sql: "UPDATE ledger SET event_id = ?, prev_mac = ?, mac = ? WHERE seq = ?",
                arguments: [event, head.mac, mac, entry.seq])
            head.seq = entry.seq
            head.mac = mac
            head.count += 1
        }
        try transaction.db.execute(
            sql: "UPDATE ledger_head SET last_seq = ?, last_mac = ?, count = ?",
            arguments: [head.seq, head.mac, head.count])
    }

    // MARK: - Triggers

    /// The columns of `table` in order, and the key expression (its primary key, or its rowid) for `prefix`
    /// (`NEW`, `OLD`, or nothing for a query).
    static func shape(
        _ transaction: StoreTransaction, table: String
    ) throws -> (columns: [String], key: (String) -> String) {
        let info = try Row.fetchAll(
            transaction.db, sql: "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
        let columns = info.map { $0["name"] as String }
        let keys = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }
            .map { $0["name"] as String }
        let key = { (prefix: String) -> String in
            let qualify = { (name: String) in prefix.isEmpty ? "\"\(name)\"" : "\(prefix).\"\(name)\"" }
            return "json_array(" + (keys.isEmpty ? [qualify("rowid")] : keys.map(qualify)).joined(separator: ", ") + ")"
        }
        return (columns, key)
    }

    /// `json_object(...)` of every column of `table`, for `prefix` (`NEW`, or nothing for a query).
    static func snapshot(columns: [String], prefix: String) -> String {
        "json_object("
            + columns.map { name in
                "'\(name)', " + (prefix.isEmpty ? "\"\(name)\"" : "\(prefix).\"\(name)\"")
            }.joined(separator: ", ") + ")"
    }

    /// (Re)creates the triggers that record every change to `table`. A migration that changes a table of
    /// ``tables`` calls this again, so the entries keep every column.
    public static func installTriggers(_ transaction: StoreTransaction, table: String) throws {
        let (columns, key) = try shape(transaction, table: table)
        let row = snapshot(columns: columns, prefix: "NEW")
        for change in ["insert", "update", "delete"] {
            try transaction.db.execute(sql: "DROP TRIGGER IF EXISTS \"ledger_\(table)_\(change)\"")
        }
        try transaction.db.execute(
            sql: """
                CREATE TRIGGER "ledger_\(table)_insert" AFTER INSERT ON "\(table)" BEGIN
                    INSERT INTO ledger (table_name, row_key, snapshot) VALUES ('\(table)', \(key("NEW")), \(row));
                END;
                CREATE TRIGGER "ledger_\(table)_update" AFTER UPDATE ON "\(table)" BEGIN
                    INSERT INTO ledger (table_name, row_key, snapshot)
                        SELECT '\(table)', \(key("OLD")), NULL WHERE \(key("OLD")) IS NOT \(key("NEW"));
                    INSERT INTO ledger (table_name, row_key, snapshot) VALUES ('\(table)', \(key("NEW")), \(row));
                END;
                CREATE TRIGGER "ledger_\(table)_delete" AFTER DELETE ON "\(table)" BEGIN
                    INSERT INTO ledger (table_name, row_key, snapshot) VALUES ('\(table)', \(key("OLD")), NULL);
                END;
                """)
    }
}

import Foundation
import GRDB
import GRDBSQLite
import InspectCore

/// The record of facts: one SQLite file in WAL mode, shared by the daemon and the CLI's direct mode.
///
/// Opening for writing creates the file if needed and runs the migrations; opening for reading requires an existing
/// file whose schema this inspectd knows. A file written by a newer inspectd is refused rather than misread.
///
/// ```swift
/// let database = try InspectDatabase.open(path: "/var/lib/inspectd/inspectd.db", mode: .readWrite)
/// let count = try database.read { db in try OfficeRecord.fetchCount(db) }
/// ```
public struct InspectDatabase: Sendable {
    public enum Mode: Sendable {
        /// Create the file if it is missing and migrate it to the current schema.
        case readWrite
        /// Open an existing, current database without writing to it.
        case readOnly
    }

    /// How many connections a process keeps to the file.
    public enum Connections: Sendable, CaseIterable {
        /// A writer and up to two readers, so that reads go on while a write is under way: for the daemon.
        case pool
        /// One connection for reads and writes: for a command that does one thing and exits. A pool would also open
        /// a reader, and when the WAL file is missing or empty (as it is after the last process closed the database)
        /// it commits an empty transaction to create it: one more flush to disk on every command.
        case single
    }

    /// How long a writer waits for another writer's lock before reporting the database busy.
    public static let busyTimeout: TimeInterval = 10

    public let path: String
    /// A `DatabasePool` or, for `Connections.single`, a `DatabaseQueue`.
    let writer: any DatabaseWriter

    private init(path: String, writer: any DatabaseWriter) {
        self.path = path
        self.writer = writer
    }

    /// Opens the database at `path`.
    /// - Throws: `InspectError.notFound` (no file, read-only mode), `.cannotCreate` (missing or unwritable directory),
    ///   `.schemaTooNew`, `.storage`, `.busy`.
    public static func open(path: String, mode: Mode, connections: Connections = .pool) throws -> InspectDatabase {
        try checkLocation(path: path, mode: mode)
        var configuration = Configuration()
        configuration.readonly = mode == .readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        // Two readers are plenty for a daemon whose work is serialised on one queue and a CLI that runs one command.
        configuration.maximumReaderCount = 2
        configuration.prepareDatabase { db in
            if !db.configuration.readonly {
                // A pool puts the file in WAL mode itself; a single connection must, for the file it creates.
                // WAL mode is stored in the file, so on an existing database this changes nothing.
                if connections == .single { try db.execute(sql: "PRAGMA journal_mode = WAL") }
                // Each insert into a table with triggers and foreign keys keeps a statement journal (the pages it
                // changed, to undo that statement alone); on disk, an import of 100,000 findings wrote 3.4 GB of
                // them to /var/tmp and took twice as long. Writers only: a reader's large sorts stay off the heap.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
            }
            // A 1 MiB page cache per connection: the record is read in short queries, and the daemon stays small.
            try db.execute(sql: "PRAGMA cache_size = -1024")
        }
        do {
            return try connect(path, path: path, mode: mode, connections: connections, configuration: configuration)
        } catch let error as InspectError {
            guard mode == .readOnly, isSettledOnReadOnlyMount(path) else { throw error }
            // SQLite reads a write-ahead-log database through its -shm file, which a read-only mount without one
            // cannot give it. With no log to read either, the file holds every commit and cannot change through
            // this mount: SQLite may read it as immutable, without the -shm file and without locks.
            return try connect(
                immutableURI(path), path: path, mode: mode, connections: .single, configuration: configuration)
        }
    }

    /// Opens `location` (the path, or an SQLite URI for it) and checks or migrates its schema.
    private static func connect(
        _ location: String, path: String, mode: Mode, connections: Connections, configuration: Configuration
    ) throws -> InspectDatabase {
        let writer: any DatabaseWriter
        do {
            switch connections {
            case .pool: writer = try DatabasePool(path: location, configuration: configuration)
            case .single: writer = try DatabaseQueue(path: location, configuration: configuration)
            }
        } catch {
            throw StorageFailure.translate(error, path: path)
        }
        let database = InspectDatabase(path: path, writer: writer)
        if mode == .readWrite { try database.flushEveryCommit() }
        try database.prepareSchema(mode: mode)
        return database
    }

    /// Whether `path` lies on a read-only mount with no -shm file and no uncheckpointed write-ahead log beside it.
    private static func isSettledOnReadOnlyMount(_ path: String) -> Bool {
        var volume = statvfs()
        guard statvfs(path, &volume) == 0, volume.f_flag & UInt(ST_RDONLY) != 0 else { return false }
        var log = stat()
        let logIsEmpty = stat(path + "-wal", &log) != 0 || log.st_size == 0
        return logIsEmpty && sqlite3_compileoption_used("USE_URI") == 1
    }

    /// `path` as an SQLite URI that opens it read-only and immutable.
    private static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:\(encoded)?mode=ro&immutable=1"
    }

    /// Reads in one consistent snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch { throw StorageFailure.translate(error, path: path) }
    }

    /// Writes in one immediate transaction; either all of `body` is committed or none of it. Ledger entries the
    /// body left unsealed (no event reported them) are sealed before the commit, so `verify` names them.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write { db in
                let result = try body(db)
                try Ledger.seal(StoreTransaction(db), event: nil)
                return result
            }
        } catch { throw StorageFailure.translate(error, path: path) }
    }

    /// Refuses a newer schema and migrates an older one. Writers check on the writer connection, so a command that
    /// writes one row opens no reader connection at all.
    private func prepareSchema(mode: Mode) throws {
        let migrator = Self.migrator
        let known = migrator.migrations
        let check = { (db: Database) throws -> Bool in
            let applied = try Self.appliedMigrations(db)
            if applied.contains(where: { !known.contains($0) }) { throw InspectError.schemaTooNew(path: path) }
            return known.allSatisfy(applied.contains)
        }
        switch mode {
        case .readWrite:
            let current = try withTranslatedErrors { try writer.writeWithoutTransaction(check) }
            if !current { try withTranslatedErrors { try migrator.migrate(writer) } }
        case .readOnly:
            guard try read(check) else {
                throw InspectError.storage(
                    path: path, reason: "its schema is older than this inspectd; open it once for writing to upgrade it"
                )
            }
        }
    }

    /// The migrations the file records as applied, none for a new file: what `DatabaseMigrator`'s
    /// `hasBeenSuperseded` and `hasCompletedMigrations` read, read once, as a plain list. Each of those read the list
    /// into a set of its own, and every command opens the database (README, Speed).
    private static func appliedMigrations(_ db: Database) throws -> [String] {
        do {
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        } catch {
            // A new file has no table yet; any other failure is the file's, and is the one reported.
            let tables = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'"
            if (try? Int.fetchOne(db, sql: tables)) == 0 { return [] }
            throw error
        }
    }

    private static let flushedCommits = "PRAGMA synchronous = FULL"

    /// Has the writer flush the write-ahead log to disk on every commit (`synchronous = FULL`), so that a commit that
    /// returned survives a power cut. Set once the connection is open, not in `prepareDatabase`: a pool puts its writer
    /// in WAL mode after that, and with it `synchronous = NORMAL`, under which a commit waits in the page cache for
    /// the next checkpoint.
    private func flushEveryCommit() throws {
        try withTranslatedErrors { try writer.writeWithoutTransaction { try $0.execute(sql: Self.flushedCommits) } }
    }

    /// Writes in one transaction that is not flushed to disk on commit (SQLite's `synchronous = NORMAL` in WAL mode):
    /// for bookkeeping whose loss in a power cut is harmless, such as marking outbox rows sent (they would be sent
    /// again and recognised by their event id).
    public func writeUnflushed<T>(_ body: (Database) throws -> T) throws -> T {
        try withTranslatedErrors {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                defer { try? db.execute(sql: Self.flushedCommits) }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// Copies the database to a new file at `destination` with SQLite's online backup: a consistent snapshot even
    /// while another process writes. The copy is written next to its destination and renamed into place, so a failed
    /// backup leaves no partial file.
    /// - Throws: `.cannotCreate` when `destination` exists (a backup never overwrites: sysexits' 73, as for any file
    ///   that cannot be created) or cannot be written, `.storage`.
    public func backup(to destination: String) throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw InspectError.cannotCreate(path: destination, reason: "the file exists; a backup never overwrites one")
        }
        let partial = destination + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            let copy = try DatabaseQueue(path: partial)
            // A backup holds the draws' seeds: its owner's alone, whatever the umask.
            chmod(partial, 0o600)
            try writer.backup(to: copy)
            try copy.close()
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw StorageFailure.translate(error, path: destination)
        }
    }

    /// This record's random name (`INSPECTD_RECORD` in the journal), which tells its events from those of another
    /// database: outbox row ids, which the journal entries carry, start from 1 in every database.
    public func recordIdentity() throws -> String {
        try read { db in
            try String.fetchOne(db, sql: "SELECT id FROM record_identity WHERE singleton = 1") ?? ""
        }
    }

    /// Where the daemon listens for the CLI's "I wrote something" datagrams: next to the database, so any process that
    /// may write the database may also nudge the daemon that serves it.
    public static func nudgePath(for databasePath: String) -> String { databasePath + ".nudge" }

    /// `PRAGMA data_version` on the writer connection: it changes whenever another connection commits.
    public func dataVersion() throws -> Int {
        try withTranslatedErrors {
            try writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
        }
    }

    /// Writes a transaction that changes nothing (the ledger head's count set to itself): reads may work while
    /// writes do not (a full or read-only file system), so only a write says that writing works again.
    public func probeWrite() throws {
        try write { db in try db.execute(sql: "UPDATE ledger_head SET count = count") }
    }

    private func withTranslatedErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw StorageFailure.translate(error, path: path) }
    }

    /// Gives a clear error for the common mistakes before SQLite gives a vague one.
    private static func checkLocation(path: String, mode: Mode) throws {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = files.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            throw InspectError.cannotCreate(path: path, reason: "it is a directory")
        }
        switch mode {
        case .readOnly:
            guard exists else { throw InspectError.notFound(kind: "database", key: path) }
            guard files.isReadableFile(atPath: path) else {
                throw InspectError.storage(path: path, reason: "permission denied")
            }
        case .readWrite:
            let directory = (path as NSString).deletingLastPathComponent
            let parent = directory.isEmpty ? "." : directory
            guard files.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InspectError.cannotCreate(path: path, reason: "directory \(parent) does not exist")
            }
            guard files.isWritableFile(atPath: parent) else {
                throw InspectError.cannotCreate(path: path, reason: "directory \(parent) is not writable")
            }
            if exists && !files.isWritableFile(atPath: path) {
                throw InspectError.cannotCreate(path: path, reason: "the file is not writable")
            }
        }
    }
}

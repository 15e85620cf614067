import Glibc

/// Whether the journal files in a directory can be read, checked before a ``JournalReader`` opens it.
///
/// libsystemd opens a directory whose journal files it may not read without an error and finds nothing in it, as it
/// does for the system journal (see ``JournalAccess``): a center's `/var/log/journal/remote` belongs to
/// `systemd-journal-remote`, so a reader outside its group would wait in silence. Checking the files first lets the
/// reader say why.
public enum JournalDirectory {
    /// Why a directory cannot be read as a journal.
    public enum Problem: Error, Equatable, Sendable {
        /// Nothing by that name, or not a directory.
        case missing
        /// The directory itself may not be listed: why, as `strerror(3)` says ("Permission denied").
        case unreadable(String)
        /// It holds journal files, and this user may read none of them.
        case filesUnreadable(count: Int)
    }

    /// The journal files a ``JournalReader`` on the directory reads: how many this user may read, and how many not.
    public struct Files: Equatable, Sendable {
        public var readable: Int
        public var unreadable: Int
    }

    /// Counts the journal files in `path` that this user may read, as `sd_journal_open_directory` finds them: those
    /// in the directory, and those in its subdirectories named after a machine id (`/var/log/journal/<id>/`).
    ///
    /// - Throws: ``Problem`` when the directory is missing or unreadable, or when it holds journal files and none
    ///   can be read. An empty directory is no problem: a center no site has sent anything to yet.
    public static func check(_ path: String) throws(Problem) -> Files {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { throw .missing }
        guard access(path, R_OK | X_OK) == 0 else { throw .unreadable(errorText(errno)) }
        var files = Files(readable: 0, unreadable: 0)
        for name in entries(of: path) {
            let entry = path + "/" + name
            if isJournalFile(name) {
                count(entry, into: &files)
            } else if isMachineDirectory(name), access(entry, R_OK | X_OK) == 0 {
                for inner in entries(of: entry) where isJournalFile(inner) { count(entry + "/" + inner, into: &files) }
            }
        }
        if files.readable == 0 && files.unreadable > 0 { throw .filesUnreadable(count: files.unreadable) }
        return files
    }

    private static func count(_ file: String, into files: inout Files) {
        if access(file, R_OK) == 0 { files.readable += 1 } else { files.unreadable += 1 }
    }

    /// A journal file's name: online (`.journal`) or left by a crash and renamed (`.journal~`).
    private static func isJournalFile(_ name: String) -> Bool {
        name.hasSuffix(".journal") || name.hasSuffix(".journal~")
    }

    /// 32 hexadecimal digits, the machine id, optionally followed by `.` and a journal namespace.
    private static func isMachineDirectory(_ name: String) -> Bool {
        let id = name.prefix { $0 != "." }
        return id.count == 32 && id.allSatisfy(\.isHexDigit)
    }

    /// The names in a directory, without `.` and `..`; none when it cannot be opened.
    private static func entries(of path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

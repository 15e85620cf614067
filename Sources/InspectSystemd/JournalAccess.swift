import Glibc

/// Whether this user can read the system journal, where inspectd writes.
///
/// libsystemd does not report a permission problem: a user who may not read the system journal files opens the
/// journal without error and finds only their own user journal, so `inspectctl follow` would wait forever in
/// silence. Checking the user's groups first lets it say why instead.
public enum JournalAccess: Equatable, Sendable {
    /// Root, or a member of a group the journal files are readable by.
    case systemJournal
    /// Only this user's own entries are visible.
    case ownEntriesOnly

    /// Groups that journald's files grant read access to (tmpfiles.d ACLs and file group).
    public static let readerGroups: Set<String> = ["systemd-journal", "adm", "wheel"]

    /// The access of this process, from its effective user and its groups.
    public static func current() -> JournalAccess {
        evaluate(effectiveUserID: geteuid(), groupNames: Set(currentGroupIDs().compactMap(groupName)))
    }

    /// The access a user with these ids would have.
    static func evaluate(effectiveUserID: uid_t, groupNames: Set<String>) -> JournalAccess {
        effectiveUserID == 0 || !groupNames.isDisjoint(with: readerGroups) ? .systemJournal : .ownEntriesOnly
    }

    /// What to tell the user, or `nil` when they can read everything.
    public var warning: String? {
        switch self {
        case .systemJournal: nil
        case .ownEntriesOnly:
            "you cannot read the system journal, where inspectd writes, so no entries will show; "
                + "run as root or ask to be added to the systemd-journal group"
        }
    }

    private static func currentGroupIDs() -> [gid_t] {
        let count = getgroups(0, nil)
        var groups = [gid_t](repeating: 0, count: Int(max(0, count)))
        let filled = getgroups(count, &groups)
        return Array(groups.prefix(Int(max(0, filled)))) + [getegid()]
    }

    private static func groupName(_ id: gid_t) -> String? {
        var group = Glibc.group()
        var result: UnsafeMutablePointer<Glibc.group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        // The name points into the buffer, so it is read while the buffer is pinned.
        return buffer.withUnsafeMutableBufferPointer { storage in
            guard getgrgid_r(id, &group, storage.baseAddress, storage.count, &result) == 0, let entry = result else {
                return nil
            }
            return String(cString: entry.pointee.gr_name)
        }
    }
}

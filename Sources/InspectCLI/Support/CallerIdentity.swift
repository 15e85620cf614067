import Foundation
import InspectCore
import InspectService

#if canImport(Glibc)
import Glibc
#endif

/// Who runs the command, from the process's credentials.
enum CallerIdentity {
    /// The Unix user and the role their groups give: root, members of `inspectd-admin` and the owner of the database
    /// file (direct mode is for its owner) are admins; members of `inspectd` are inspectors; others read.
    static func current(databasePath: String) -> Caller {
        let uid = geteuid()
        let user = getpwuid(uid).map { String(cString: $0.pointee.pw_name) } ?? "uid-\(uid)"
        let groups = groupNames()
        // The owner of the path itself, not of what a link there points to (`lstat`, as `attributesOfItem` reads).
        var status = stat()
        let owner = lstat(databasePath, &status) == 0 && status.st_uid == uid
        return Caller(user: user, role: Role.of(userID: uid, groups: groups, ownsRecord: owner))
    }

    private static func groupNames() -> Set<String> {
        let count = getgroups(0, nil)
        guard count > 0 else { return [] }
        var ids = [gid_t](repeating: 0, count: Int(count))
        let filled = getgroups(count, &ids)
        guard filled >= 0 else { return [] }
        return Set(
            (ids.prefix(Int(filled)) + [getegid()]).compactMap { id in
                getgrgid(id).map { String(cString: $0.pointee.gr_name) }
            })
    }
}

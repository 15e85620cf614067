import Glibc

/// Who is at the other end of a connection, as the kernel vouches for it (`SO_PEERCRED`), with the names the user
/// database gives the user and their groups, so access rules can be written in group names.
public struct VarlinkCaller: Sendable, Hashable {
    /// The process that connected (it may have exited since, or passed the socket on).
    public var pid: Int32
    public var uid: UInt32
    /// The primary group of the connecting process.
    public var gid: UInt32
    /// The user's login name, or nil when the user database does not know the uid.
    public var userName: String?
    /// The user's groups by name, primary group first: `gid` plus the supplementary groups the user database lists
    /// for `userName` (those of a login, not necessarily those the process holds right now).
    public var groupNames: [String]

    public init(pid: Int32, uid: UInt32, gid: UInt32, userName: String?, groupNames: [String]) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
        self.userName = userName
        self.groupNames = groupNames
    }

    /// The caller with the given credentials, its names looked up in the user database.
    public static func resolving(pid: Int32, uid: UInt32, gid: UInt32) -> VarlinkCaller {
        let userName = UserDatabase.userName(uid: uid)
        var groups: [gid_t] = [gid]
        if let userName {
            for group in UserDatabase.groupList(user: userName, primary: gid) where !groups.contains(group) {
                groups.append(group)
            }
        }
        return VarlinkCaller(
            pid: pid, uid: uid, gid: gid, userName: userName,
            groupNames: groups.compactMap { UserDatabase.groupName(gid: $0) })
    }
}

/// The raw `SO_PEERCRED` triple of a connected Unix socket.
struct PeerCredentials: Sendable, Equatable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    /// Reads the credentials the kernel recorded when the peer connected.
    ///
    /// - Returns: nil when the descriptor is not a connected Unix socket.
    static func of(descriptor: Int32) -> PeerCredentials? {
        // `struct ucred` is hidden behind _GNU_SOURCE in the C headers; it is three 32-bit fields: pid, uid, gid.
        var raw: (Int32, UInt32, UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: raw))
        guard getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &raw, &length) == 0,
            length == socklen_t(MemoryLayout.size(ofValue: raw))
        else { return nil }
        return PeerCredentials(pid: raw.0, uid: raw.1, gid: raw.2)
    }

    var caller: VarlinkCaller { .resolving(pid: pid, uid: uid, gid: gid) }
}

/// The reentrant user-database calls, each retried with a larger buffer when the entry does not fit.
private enum UserDatabase {
    static func userName(uid: uid_t) -> String? {
        var entry = passwd()
        return withLookupBuffer { buffer in
            var result: UnsafeMutablePointer<passwd>?
            let status = getpwuid_r(uid, &entry, buffer.baseAddress!, buffer.count, &result)
            guard status == 0 else { return .retry(status) }
            return .done(result.map { String(cString: $0.pointee.pw_name) })
        }
    }

    static func groupName(gid: gid_t) -> String? {
        var entry = group()
        return withLookupBuffer { buffer in
            var result: UnsafeMutablePointer<group>?
            let status = getgrgid_r(gid, &entry, buffer.baseAddress!, buffer.count, &result)
            guard status == 0 else { return .retry(status) }
            return .done(result.map { String(cString: $0.pointee.gr_name) })
        }
    }

    static func groupList(user: String, primary: gid_t) -> [gid_t] {
        var count: Int32 = 32
        while true {
            var groups = [gid_t](repeating: 0, count: Int(count))
            let wanted = count
            if getgrouplist(user, primary, &groups, &count) >= 0 { return Array(groups.prefix(Int(count))) }
            // -1 with a larger count means the list did not fit; anything else is a failure to give up on.
            guard count > wanted, count <= 65_536 else { return [] }
        }
    }

    private enum Step<T> {
        case done(T?)
        case retry(Int32)
    }

    private static func withLookupBuffer<T>(_ body: (UnsafeMutableBufferPointer<CChar>) -> Step<T>) -> T? {
        var size = 1024
        while size <= 1 << 20 {
            let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: size)
            defer { buffer.deallocate() }
            switch body(buffer) {
            case .done(let value): return value
            case .retry(let status) where status == ERANGE: size *= 4
            case .retry: return nil
            }
        }
        return nil
    }
}

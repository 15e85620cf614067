import InspectCore
import InspectStore

/// What `inspectctl uplink status` shows.
public struct UplinkStatusReport: Codable, Sendable, Equatable {
    /// Whether `inspectd.conf` has an `[Uplink]` with a URL.
    public var configured: Bool
    public var url: String?
    public var state: UplinkState
    public var backlog: UplinkBacklog
}

extension InspectService {
    public func uplinkStatus() throws -> UplinkStatusReport {
        let uplink = policy.configuration.uplink
        return try query { transaction in
            let state = try UplinkFeed.state(transaction)
            return UplinkStatusReport(
                configured: uplink != nil, url: uplink?.url, state: state,
                backlog: try UplinkFeed.backlog(transaction, after: state))
        }
    }

    /// Journals a change of the uplink's health (`UplinkHealth`), through the outbox like every event.
    public func recordUplink(_ event: Event) throws {
        try perform { _, log in try log.emit(event) }
    }
}

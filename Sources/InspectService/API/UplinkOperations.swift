import InspectCore

/// The uplink to the province's center. Its state says how much the site has recorded lately and when, which is
/// the administrators' to know.
extension Operations {
    static let uplink: [any APIOperation.Type] = [UplinkStatus.self]

    public enum UplinkStatus: APIOperation {
        public static let role = Role.admin
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: NoParameters
        ) throws
            -> UplinkStatusReport
        { try service.uplinkStatus() }
    }
}

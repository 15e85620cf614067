import InspectService
import Synchronization

/// The service as it is now, shared with the API's reader threads: the daemon replaces it on reload (a new policy)
/// and when it opens a read-only record for writing again; a call takes whichever is current when it starts.
final class ServiceBox: Sendable {
    private let current: Mutex<InspectService>

    init(_ service: InspectService) { current = Mutex(service) }

    var service: InspectService {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}

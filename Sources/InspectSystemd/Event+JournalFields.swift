import InspectCore

extension Event {
    /// The event's fields in name order, with `EVENT_ID` left out when the outbox id will be sent in its place: an
    /// entry carries one event id, and the outbox's is the one that identifies a re-send.
    func journalFields(replacingEventID eventID: String?) -> [(name: String, value: String)] {
        fields.filter { eventID == nil || $0.key != "EVENT_ID" }
            .sorted { $0.key < $1.key }
            .map { (name: $0.key, value: $0.value) }
    }
}

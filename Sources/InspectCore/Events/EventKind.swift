/// Every kind of event inspectd reports, each with a fixed 128-bit journal `MESSAGE_ID`.
///
/// - Important: Ids are part of the interface: operators match on them (`journalctl MESSAGE_ID=…`) and
///   `systemd/inspectd.catalog` explains each. Never change or reuse one; add a new case instead.
public enum EventKind: String, Sendable, Codable, CaseIterable {
    case daemonStarted = "daemon-started"
    case daemonReloaded = "daemon-reloaded"
    case daemonStopping = "daemon-stopping"
    case configInvalid = "config-invalid"
    case inspectionScheduled = "inspection-scheduled"
    case surpriseCommitted = "surprise-committed"
    case surpriseRevealed = "surprise-revealed"
    case inspectionDue = "inspection-due"
    case inspectionOpened = "inspection-opened"
    case inspectionClosed = "inspection-closed"
    case inspectionMissed = "inspection-missed"
    case inspectionCancelled = "inspection-cancelled"
    case violationRecorded = "violation-recorded"
    case findingAmended = "finding-amended"
    case findingRetracted = "finding-retracted"
    case findingsImported = "findings-imported"
    case escalationRaised = "escalation-raised"
    case escalationAcknowledged = "escalation-acknowledged"
    case integrityFailure = "integrity-failure"
    case registryChanged = "registry-changed"
    case accessDenied = "access-denied"
    case followUpScheduled = "follow-up-scheduled"
    case followUpRevealed = "follow-up-revealed"
    case actionRequired = "action-required"
    case actionDone = "action-done"
    case actionVerified = "action-verified"
    case actionOverdue = "action-overdue"
    case inspectionsImported = "inspections-imported"
    case storageFault = "storage-fault"
    case storageRecovered = "storage-recovered"
    case staffLevelChanged = "staff-level-changed"
    case staffTitleChanged = "staff-title-changed"
    case qualificationRecorded = "qualification-recorded"
    case qualificationsImported = "qualifications-imported"
    case profileImported = "profile-imported"
    case courseAdded = "course-added"
    case attendanceRecorded = "attendance-recorded"
    case courseCompleted = "course-completed"
    case attendancesImported = "attendances-imported"
    case testSessionPlanned = "test-session-planned"
    case testResultRecorded = "test-result-recorded"
    case testResultAmended = "test-result-amended"
    case testResultsImported = "test-results-imported"
    case classificationProposed = "classification-proposed"
    case classificationDecided = "classification-decided"
    case uplinkBehind = "uplink-behind"
    case uplinkCaughtUp = "uplink-caught-up"
    case uplinkDiverged = "uplink-diverged"

    /// The journal `MESSAGE_ID`: 32 lower-case hex digits.
    public var messageID: String {
        switch self {
        case .daemonStarted: "7ee11ff8f7d244e586bbd0a4ef9e0c00"
        case .daemonReloaded: "15bc12ef931d4b2bbf0235dba1cb0c1a"
        case .daemonStopping: "114814d0323245ba838301699343caf5"
        case .configInvalid: "46f7df57afc948a1a253bfe978843092"
        case .inspectionScheduled: "c4edc89593f346fe8e9f1fe246153c4a"
        case .surpriseCommitted: "4193ecf0664f4ea8b7b1eba541ac4746"
        case .surpriseRevealed: "4c184dc5f5c2486eb500d321d93c7dee"
        case .inspectionDue: "1b49ac2f414e4cda95dc7907ae1273b1"
        case .inspectionOpened: "988bd2f2540f4ecd8d84882d78dd5f50"
        case .inspectionClosed: "d298d4b012824c1b9e800adde6e88ee6"
        case .inspectionMissed: "03a915c5674f4c6991883680ea0f7909"
        case .inspectionCancelled: "40843ab7c75c4870bb6daeec86eb6f87"
        case .violationRecorded: "0f102273590240e7b6a931a224da2326"
        case .findingAmended: "9e063d231ba54a4b8e52af1f07554a7b"
        case .findingRetracted: "6681c5e919c14a34b5009328c3a53ce4"
        case .findingsImported: "edc922349aef4c99be5c58ec2825ac23"
        case .escalationRaised: "78f91edc271b4b3d8a7811611c51e975"
        case .escalationAcknowledged: "199ef6857c39475985376be3bd0ce0c8"
        case .integrityFailure: "c18da5f7847a4b84b1e6e72b63faeffd"
        case .storageFault: "b78c4e191a8741c0ad42ab743d63a578"
        case .storageRecovered: "fb9939a7027c4f4e8d44e9c92b4f8b82"
        case .registryChanged: "5660f9ab06d0401fa02c3c689d9f3ade"
        case .accessDenied: "5d2bb2c9a3d44ebbac918e1f65bf87f5"
        case .followUpScheduled: "04c3ae1777bd47a3b472b3758aa2d049"
        case .followUpRevealed: "29d105f195e64ca5943ff836fe748835"
        case .actionRequired: "4c481c4957d94005979035860e6aff79"
        case .actionDone: "29beb03f73a34c56994606d0afa34161"
        case .actionVerified: "077876b1388e482a8c23a7319f91a34b"
        case .actionOverdue: "db0e522f895f4352914c591004afa53e"
        case .inspectionsImported: "7166669e828740fa9d601a220b53fb2d"
        case .staffLevelChanged: "f9bdbdfccd5d402b996d9f6ac73391e0"
        case .staffTitleChanged: "64168821e8ee413bb033a259f8f2fa25"
        case .qualificationRecorded: "a0c0d6be46c9409891fc20b90890c1cd"
        case .qualificationsImported: "9bd1c0e428ff4becb86705a33ade412c"
        case .profileImported: "e8c9295b446c48ce87b20155d49f27a2"
        case .courseAdded: "4d94424f8c914c25a28aae7651fdc7ee"
        case .attendanceRecorded: "37e19b8d515f4e419ab4ef4062f0dba7"
        case .courseCompleted: "5af8349e1fc742aea1e533fd20ffacfb"
        case .attendancesImported: "722ff6e1fa3e480dae711adb22506f1e"
        case .testSessionPlanned: "a82a572dd7d247ce8c62ac6d4bcd620f"
        case .testResultRecorded: "99de18ad584449809c854d0a8e0fc41c"
        case .testResultAmended: "6b2c06c605344587b5ee2ac1db352463"
        case .testResultsImported: "5b05ba95bbe54a23a0fe006470b3c45e"
        case .classificationProposed: "d515812f3a58458a9df2cf91e62099ff"
        case .classificationDecided: "d17a6281a6e145629356b01551f465a2"
        case .uplinkBehind: "73433e83d65f4d1cada837c0c2f03542"
        case .uplinkCaughtUp: "c36f6bc883b342c1a9f79d10626c70cd"
        case .uplinkDiverged: "d7640116e2294273961f1ba944a529d3"
        }
    }

    /// The priority the event is reported at unless its producer says otherwise.
    public var defaultPriority: Priority {
        switch self {
        case .violationRecorded, .inspectionMissed, .configInvalid, .escalationRaised, .actionOverdue, .accessDenied:
            .warning
        case .integrityFailure, .storageFault, .uplinkDiverged: .error
        case .uplinkBehind: .warning
        case .inspectionOpened, .inspectionClosed, .inspectionCancelled, .inspectionDue, .findingAmended,
            .findingRetracted, .daemonStarted, .daemonStopping, .daemonReloaded, .escalationAcknowledged,
            .actionRequired, .actionDone, .actionVerified, .storageRecovered, .uplinkCaughtUp, .classificationDecided:
            .notice
        case .inspectionScheduled, .surpriseCommitted, .surpriseRevealed, .findingsImported, .registryChanged,
            .followUpScheduled, .followUpRevealed, .inspectionsImported, .staffLevelChanged, .staffTitleChanged,
            .qualificationRecorded, .qualificationsImported, .profileImported, .courseAdded, .attendanceRecorded,
            .courseCompleted, .attendancesImported, .testSessionPlanned, .testResultRecorded, .testResultAmended,
            .testResultsImported, .classificationProposed:
            .info
        }
    }
}

/// Who may read an event of a kind outside the journal (in `inspectctl status`): the journal itself is for the
/// machine's administrators.
public enum EventAudience: Int, Sendable, Comparable, CaseIterable {
    /// Any local user: the life of the service, the public schedule, draws' commitments and reveals.
    case everyone
    /// Inspectors and administrators: what was found about people, escalations, corrective actions, the registry.
    case inspectors
    /// Administrators only: refused calls (who tried what), configuration errors (they quote the files).
    case administrators

    public static func < (lhs: EventAudience, rhs: EventAudience) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension EventKind {
    /// Who may read events of this kind: a person's findings are theirs and the inspectors', not every user's.
    public var audience: EventAudience {
        switch self {
        case .daemonStarted, .daemonReloaded, .daemonStopping, .inspectionScheduled, .surpriseCommitted,
            .surpriseRevealed, .inspectionDue, .inspectionOpened, .inspectionClosed, .inspectionMissed,
            .inspectionCancelled, .followUpScheduled, .followUpRevealed, .inspectionsImported, .courseAdded,
            .testSessionPlanned:
            .everyone
        case .violationRecorded, .findingAmended, .findingRetracted, .findingsImported, .escalationRaised,
            .escalationAcknowledged, .registryChanged, .actionRequired, .actionDone, .actionVerified, .actionOverdue,
            .storageFault, .storageRecovered, .integrityFailure, .staffLevelChanged, .staffTitleChanged,
            .qualificationRecorded, .qualificationsImported, .profileImported, .attendanceRecorded, .courseCompleted,
            .attendancesImported, .testResultRecorded, .testResultAmended, .testResultsImported,
            .classificationProposed, .classificationDecided:
            .inspectors
        case .accessDenied, .configInvalid, .uplinkBehind, .uplinkCaughtUp, .uplinkDiverged:
            .administrators
        }
    }
}

/// syslog priorities, as the journal's `PRIORITY=` field uses them.
public enum Priority: Int, Sendable, Codable, CaseIterable, Comparable {
    case emergency = 0
    case alert, critical, error, warning, notice, info, debug

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The name `journalctl -p` accepts: `emerg`, `alert`, `crit`, `err`, `warning`, `notice`, `info`, `debug`.
    public var name: String {
        ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"][rawValue]
    }
}

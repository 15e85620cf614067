import InspectDaemon

// Placeholder

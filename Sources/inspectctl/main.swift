import InspectCLI

// Placeholder

import ArgumentParser
import InspectCore

// Placeholder: replaced as the module is written.
package enum InspectCLIModule {}

import Foundation
import InspectDaemon
import Logging

LoggingSystem.bootstrap { DaemonLogHandler(label: $0) }
exit(DaemonCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))

import Foundation
import InspectDaemon
import Logging

LoggingSystem.bootstrap(StreamLogHandler.standardError)
exit(DaemonCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))

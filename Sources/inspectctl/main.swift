import Foundation
import InspectCLI

exit(InspectCommand.run(arguments: Array(CommandLine.arguments.dropFirst()), preparedHelp: PreparedHelp.screen))

import ArgumentParser
import InspectCore
import InspectService

/// A command that needs the configuration but not the database (calendars, holidays).
protocol ConfigCommand: ParsableCommand {
    var options: GlobalOptions { get }
    func execute(_ configuration: InspectConfiguration) throws
}

extension ConfigCommand {
    func run() throws {
        let config = options.settings.configPath
        try execute(ConfigLoader.load(path: config.path, explicit: config.explicit))
    }
}

import Foundation
import PackagePlugin

/// Prepares inspectctl's help screens when it is built: `help-screens` writes them, unwrapped, into a Swift file
/// compiled into the program, which lays them out at the terminal's width without ArgumentParser (`HelpLayout`).
@main
struct HelpScreens: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "help-screens")
        let output = context.pluginWorkDirectoryURL.appending(path: "PreparedHelp.swift")
        return [
            .buildCommand(
                displayName: "Preparing inspectctl's help screens", executable: tool.url, arguments: [output.path],
                inputFiles: [tool.url], outputFiles: [output])
        ]
    }
}

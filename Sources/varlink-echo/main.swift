import Foundation

// Serves org.example.echo on the socket systemd passed (LISTEN_FDS), or on the path given as the only argument.
exit(EchoService.run(arguments: Array(CommandLine.arguments.dropFirst())))

import Foundation
import InspectTesting

/// Varlink calls made as another local user: one `Tests/Scripts/run_calls.py` process per batch, started with
/// `setpriv`, each call on a fresh connection, so the daemon names the caller from the kernel's credentials.
enum RawCalls {
    /// One call: its message as sent, and how many times in a row to make it (only the last reply is kept).
    struct Request: Sendable {
        var message: String
        var repeats = 1
    }

    /// Makes `requests` as `user` (nil: as root, the tests' own user) on the socket at `socket`; returns the reply
    /// text of each, or what became of its connection (`<connection closed after 0 bytes>`, `<ConnectionRefusedError>`).
    static func run(
        _ requests: [Request], as user: TestUser?, socket: String, timeout: Int = 60
    ) async throws -> [String] {
        try await timed(requests, as: user, socket: socket, timeout: timeout).map(\.reply)
    }

    /// ``run(_:as:socket:timeout:)``, with how long each request took (all its repeats), in seconds.
    static func timed(
        _ requests: [Request], as user: TestUser?, socket: String, timeout: Int = 60
    ) async throws -> [(reply: String, seconds: Double)] {
        let batch: [String: Any] = [
            "socket": socket, "timeout": timeout,
            "varlink": requests.map { ["message": $0.message, "repeat": $0.repeats] as [String: Any] },
        ]
        let input = String(decoding: try JSONSerialization.data(withJSONObject: batch), as: UTF8.self)
        let script = ["/usr/bin/python3", BuiltProducts.repository + "/Tests/Scripts/run_calls.py"]
        let result =
            if let user {
                try await ProcessRunner.detached(
                    ProcessRunner.which("setpriv")!, user.setprivArguments + script, stdin: input)
            } else {
                try await ProcessRunner.detached(script[0], Array(script.dropFirst()), stdin: input)
            }
        guard result.status == 0 else {
            throw FixtureError("run_calls.py as \(user?.description ?? "root"): \(result.stderr.suffix(2000))")
        }
        struct Results: Decodable {
            var varlink: [String]
            var seconds: [Double]
        }
        let results = try JSONDecoder().decode(Results.self, from: Data(result.stdout.utf8))
        return Array(zip(results.varlink, results.seconds))
    }

    /// The error a reply names (`io.inspectd.InvalidInput`), nil for a successful reply; throws when the text is not
    /// a Varlink reply at all.
    static func errorName(of reply: String) throws -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any] else {
            throw FixtureError("not a Varlink reply: \(reply.prefix(300))")
        }
        if let error = object["error"] as? String { return error }
        guard object["parameters"] is [String: Any] else {
            throw FixtureError("a reply with neither parameters nor an error: \(reply.prefix(300))")
        }
        return nil
    }
}

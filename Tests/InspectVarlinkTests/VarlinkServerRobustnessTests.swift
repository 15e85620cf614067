import Foundation
import Glibc
import Synchronization
import Testing

@testable import InspectVarlink

@Suite("Varlink server: many clients, odd clients, bad clients")
struct VarlinkServerRobustnessTests {
    @Test("50 threads making 20 calls each all get their own answers")
    func concurrentClients() throws {
        let service = try PingService()
        let path = service.path
        let failures = Mutex<[String]>([])

        DispatchQueue.concurrentPerform(iterations: 50) { thread in
            do {
                let client = try VarlinkClient(path: path, timeout: .seconds(30))
                for call in 0..<20 {
                    let text = "thread \(thread) call \(call)"
                    let reply = try client.call("org.example.ping.Ping", parameters: ["ping": .string(text)])
                    if reply["pong"] != .string(text) { failures.withLock { $0.append("\(text): \(reply)") } }
                }
            } catch {
                failures.withLock { $0.append("thread \(thread): \(error)") }
            }
        }

        #expect(failures.withLock { $0 } == [])
    }

    @Test("calls pipelined in one write are answered in order")
    func pipelinedCalls() throws {
        let service = try PingService()
        let raw = try RawConnection(path: service.path)
        var batch: [UInt8] = []
        for index in 0..<100 {
            batch += Array(#"{"method":"org.example.ping.Ping","parameters":{"ping":"\#(index)"}}"#.utf8) + [0]
        }

        #expect(raw.write(batch))

        for index in 0..<100 {
            #expect(raw.readMessage() == #"{"parameters":{"pong":"\#(index)"}}"#)
        }
    }

    @Test("a message written in several pieces is answered once it is complete")
    func partialMessage() throws {
        let service = try PingService()
        let raw = try RawConnection(path: service.path)
        let message = Array(#"{"method":"org.example.ping.Ping","parameters":{"ping":"pieces"}}"#.utf8) + [0]

        for piece in [
            message[0..<5], message[5..<30], message[30..<(message.count - 1)], message[(message.count - 1)...],
        ] {
            #expect(raw.write(piece))
            // Another client is served while this one's message is incomplete.
            #expect(service.pingsBack())
        }

        #expect(raw.readMessage() == #"{"parameters":{"pong":"pieces"}}"#)
    }

    @Test("a client that disconnects in the middle of a message is cleaned up")
    func disconnectWithoutNul() throws {
        let service = try PingService()
        let raw = try RawConnection(path: service.path)
        #expect(raw.write(Array(#"{"method":"org.example.ping.Ping","param"#.utf8)))
        #expect(service.waitForConnections(1))

        raw.close()

        #expect(service.waitForConnections(0))
        #expect(service.pingsBack())
    }

    @Test("a 100 MB message is cut off at the size limit while other clients keep being answered")
    func oversizedMessage() throws {
        let service = try PingService()
        let raw = try RawConnection(path: service.path)
        let written = Atomic<Int>(0)
        let writerDone = DispatchSemaphore(value: 0)
        let descriptor = raw.descriptor

        // Given a client streaming 100 MB without a NUL, from its own thread (its writes block while the server
        // reads)
        Thread.detachNewThread {
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
            for _ in 0..<100 {
                let sent = chunk.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard sent > 0 else { break }
                written.add(sent, ordering: .relaxed)
            }
            writerDone.signal()
        }

        // Then others are answered meanwhile, the big writer is cut off long before 100 MB, and nothing is left
        #expect(service.pingsBack("during"))
        #expect(writerDone.wait(timeout: .now() + 60) == .success)
        #expect(written.load(ordering: .relaxed) < 100 << 20)
        #expect(service.waitForConnections(0))
        #expect(service.pingsBack("after"))
    }

    @Test(
        "garbage closes the connection that sent it, and only that one",
        arguments: [
            "\u{1}\u{2}not json at all",
            "[1, 2, 3]",
            #""just a string""#,
            #"{"parameters":{}}"#,
            #"{"method":42}"#,
            #"{"method":"org.example.ping.Ping","parameters":[1]}"#,
            #"{"method":"org.example.ping.Ping","more":"yes"}"#,
            #"{"method":"org.example.ping.Note","parameters":{"text":"x"},"oneway":true,"more":true}"#,
            "",
            String(repeating: "[", count: 100_000),
            #"{"method":"org.example.ping.Ping","parameters":{"ping":"#
                + String(repeating: #"{"a":"#, count: 50_000) + "}",
        ])
    func garbage(message: String) throws {
        let service = try PingService()
        let bystander = try service.client()
        let raw = try RawConnection(path: service.path)

        raw.send(message: message)

        #expect(raw.serverClosed())
        #expect(try bystander.call("org.example.ping.Ping", parameters: ["ping": "fine"]) == ["pong": "fine"])
    }

    @Test("a client that disconnects while its call runs is cleaned up when the reply cannot be sent")
    func disconnectMidCall() throws {
        let service = try PingService()
        let raw = try RawConnection(path: service.path)

        // Given a call whose handler is running
        raw.send(message: #"{"method":"org.example.ping.Hold"}"#)
        #expect(service.gate.waitForEntry())

        // When the client goes away before the reply, and the handler then finishes
        raw.close()
        service.gate.release()

        // Then the connection is gone and the server answers others
        #expect(service.waitForConnections(0))
        #expect(service.pingsBack())
    }

    @Test("1,000 idle connections leave the server answering new clients")
    func thousandConnections() throws {
        // Both ends live in this process: make room for 2,000 descriptors and more if the soft limit is low.
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < 8192 {
            limit.rlim_cur = min(8192, limit.rlim_max)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        let service = try PingService(configuration: .init(maxConnectionsPerUser: 2000))

        let idle = try (0..<1000).map { _ in try RawConnection(path: service.path) }

        #expect(service.waitForConnections(1000))
        #expect(service.pingsBack())
        for connection in idle { connection.close() }
        #expect(service.waitForConnections(0))
    }

    @Test("past the connection cap, new connections are closed at once until one leaves")
    func connectionCap() throws {
        let service = try PingService(configuration: .init(maxConnections: 4))
        let admitted = try (0..<4).map { _ in try RawConnection(path: service.path) }
        #expect(service.waitForConnections(4))

        let refused = try RawConnection(path: service.path)

        #expect(refused.serverClosed())
        admitted[0].close()
        #expect(service.waitForConnections(3))
        #expect(service.pingsBack())
        #expect(admitted[1].send(message: #"{"method":"org.example.ping.Ping","parameters":{"ping":"1"}}"#))
        #expect(admitted[1].readMessage() == #"{"parameters":{"pong":"1"}}"#)
    }

    @Test("a reply larger than the socket buffer reaches a client that reads it")
    func largeReply() throws {
        let service = try PingService()

        let reply = try service.client().call("org.example.ping.Blob", parameters: ["size": 8_000_000])

        #expect(reply["data"]?.stringValue?.count == 8_000_000)
    }

    @Test("a client that pipelines calls and reads the replies late gets them all, in order")
    func lateReader() throws {
        let service = try PingService()
        let raw = try RawConnection(path: service.path)
        var batch: [UInt8] = []
        for size in 1...100 {
            batch += Array(#"{"method":"org.example.ping.Blob","parameters":{"size":\#(size * 1000)}}"#.utf8) + [0]
        }

        // Given 5 MB of replies asked for at once, more than the socket holds
        #expect(raw.write(batch))

        // Then every reply arrives whole and in order once the client reads
        for size in 1...100 {
            let reply = raw.readMessage()
            #expect(reply?.count == #"{"parameters":{"data":""}}"#.count + size * 1000)
        }
        #expect(service.connectionCount == 1)
    }

    @Test("a client that never reads its replies is dropped once they pass the output cap")
    func slowReader() throws {
        let service = try PingService(configuration: .init(maxBufferedOutput: 256 * 1024))
        let raw = try RawConnection(path: service.path)

        // Given a client that asks for 8 MB and reads nothing
        raw.send(message: #"{"method":"org.example.ping.Blob","parameters":{"size":8000000}}"#)

        // Then the server gives up on it rather than holding the reply
        #expect(service.waitForConnections(0))
        #expect(service.pingsBack())
    }

    @Test("replies waiting for all clients together are bounded; what a client has read no longer counts")
    func totalOutputCap() throws {
        let service = try PingService(configuration: .init(maxTotalBufferedOutput: 256 * 1024))
        let reader = try RawConnection(path: service.path)
        let stalled = try RawConnection(path: service.path)

        // Given a client that asks for 5 MB, 100 kB at a time, reading each reply before the next call
        for _ in 1...50 {
            reader.send(message: #"{"method":"org.example.ping.Blob","parameters":{"size":100000}}"#)
            #expect(reader.readMessage()?.count == #"{"parameters":{"data":""}}"#.count + 100_000)
        }

        // When another asks for 8 MB and reads nothing, below its own cap (16 MiB) but past the total
        stalled.send(message: #"{"method":"org.example.ping.Blob","parameters":{"size":8000000}}"#)

        // Then that one is dropped (its socket keeps what it had taken), and the reader goes on
        #expect(service.waitForConnections(1))
        reader.send(message: #"{"method":"org.example.ping.Ping","parameters":{"ping":"still here"}}"#)
        #expect(reader.readMessage() == #"{"parameters":{"pong":"still here"}}"#)
        withExtendedLifetime(stalled) {}
    }

    @Test("a client that shuts down its sending side still gets the replies to what it sent")
    func halfClose() throws {
        let service = try PingService()
        let raw = try RawConnection(path: service.path)

        raw.send(message: #"{"method":"org.example.ping.Ping","parameters":{"ping":"last words"}}"#)
        shutdown(raw.descriptor, Int32(SHUT_WR))

        #expect(raw.readMessage() == #"{"parameters":{"pong":"last words"}}"#)
        #expect(raw.serverClosed())
        #expect(service.waitForConnections(0))
    }

    @Test("one user may hold at most maxConnectionsPerUser connections; the next is closed at once")
    func connectionsPerUser() throws {
        let service = try PingService(configuration: .init(maxConnectionsPerUser: 3))
        let admitted = try (0..<3).map { _ in try RawConnection(path: service.path) }
        #expect(service.waitForConnections(3))

        let refused = try RawConnection(path: service.path)

        #expect(refused.serverClosed())
        admitted[0].close()
        #expect(service.waitForConnections(2))
        #expect(service.pingsBack())
    }

    @Test("a connection left idle, or with a message begun and never finished, is closed")
    func timeouts() throws {
        let service = try PingService(
            configuration: .init(idleTimeout: .milliseconds(300), messageTimeout: .milliseconds(300)))
        let idle = try RawConnection(path: service.path)
        let halfSent = try RawConnection(path: service.path)
        #expect(halfSent.write(Array(#"{"method":"org.example.ping.Ping","#.utf8)))

        #expect(idle.serverClosed())
        #expect(halfSent.serverClosed())
        #expect(service.waitForConnections(0))
        #expect(service.pingsBack())
    }

    @Test("a message past the limit is answered with the oversize error, then the connection closes")
    func oversize() throws {
        let service = try PingService(
            configuration: .init(
                maxMessageSize: 100,
                oversizeError: { VarlinkError("org.example.ping.TooLarge", parameters: ["limit": .int(Int64($0))]) }))
        let raw = try RawConnection(path: service.path)

        #expect(
            raw.send(
                message:
                    #"{"method":"org.example.ping.Ping","parameters":{"ping":"\#(String(repeating: "x", count: 200))"}}"#
            ))

        #expect(raw.readMessage() == #"{"error":"org.example.ping.TooLarge","parameters":{"limit":100}}"#)
        #expect(raw.serverClosed())
    }

    @Test("a privileged caller may send messages up to the larger limit")
    func privilegedSize() throws {
        let service = try PingService(
            configuration: .init(maxMessageSize: 100, privilegedMaxMessageSize: 10_000, isPrivileged: { _ in true }))
        let text = String(repeating: "x", count: 5_000)

        let reply = try service.client().call("org.example.ping.Ping", parameters: ["ping": .string(text)])

        #expect(reply["pong"] == .string(text))
    }

    @Test("while one call is answered on another thread, the server serves other connections")
    func deferredCall() throws {
        let service = try PingService()
        let waiting = try RawConnection(path: service.path)
        #expect(waiting.send(message: #"{"method":"org.example.ping.Defer","parameters":{"ping":"later"}}"#))
        #expect(service.gate.waitForEntry())

        // Given a call held off the server's queue, another client is answered meanwhile
        #expect(service.pingsBack())

        // Then the held call is answered once released
        service.gate.release()
        #expect(waiting.readMessage() == #"{"parameters":{"pong":"later"}}"#)
    }
}

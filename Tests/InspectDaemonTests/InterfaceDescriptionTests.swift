import InspectCore
import InspectService
import InspectVarlink
import Testing

@Suite("The io.inspectd interface description")
struct InterfaceDescriptionTests {
    @Test("it parses and declares exactly the API's operations, each once")
    func methodsMatchOperations() throws {
        let definition = try VarlinkInterfaceDefinition.parse(InterfaceDescription.text)
        #expect(definition.name == "io.inspectd")
        let declared = definition.methods.map(\.name)
        #expect(declared == Operations.all.map { $0.name })
        #expect(Set(declared).count == declared.count)
    }

    @Test("every error the use cases throw is declared, with the parameters it is sent with")
    func errorsAreDeclared() throws {
        let definition = try VarlinkInterfaceDefinition.parse(InterfaceDescription.text)
        let samples: [InspectError] = [
            .invalidInput("x"), .notFound(kind: "office", key: "X"), .duplicate(kind: "office", key: "X"),
            .conflict("x"),
            .invalidFile(path: "a.csv", line: 2, reason: "x"), .invalidConfig(path: "a.conf", line: 2, reason: "x"),
            .busy(path: "db"), .cannotCreate(path: "db", reason: "x"), .storage(path: "db", reason: "x"),
            .schemaTooNew(path: "db"), .integrity("x"), .permissionDenied("x"),
        ]
        for error in samples {
            let declared = try #require(definition.errors.first { $0.name == error.wireName }, "\(error.wireName)")
            #expect(Set(declared.parameters.map(\.name)) == Set(error.wireParameters.keys), "\(error.wireName)")
            // And back: the client rebuilds the same error, so both modes print the same message.
            #expect(InspectError(wireName: error.wireName, parameters: error.wireParameters) == error)
        }
        #expect(definition.errors.contains { $0.name == "InternalError" })
    }
}

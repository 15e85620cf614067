import Testing

@testable import InspectVarlink

@Suite("Varlink interface description language")
struct VarlinkIDLTests {
    /// A sample that uses every construct: comments, types, nested structs, enums, arrays, maps, sets, optionals.
    static let sample = """
        # Inspections of one office, as a sample interface.
        interface org.example.inspect-sample.v1

        # Where an inspection stands.
        type State (planned, open, closed)

        type Finding (
          id: int,
          severity: float,
          note: ?string,        # may be absent
          tags: [string](),
          counts: [string]int,
          extra: object,
          flags: []bool,
          nested: ?[](first: int, second_value: string),
          state: State
        )

        method Open(office: string, surprise: bool) -> (id: int, state: State)
        method List(states: []State) -> (findings: []Finding)
        method Watch() -> (finding: Finding)

        error NoSuchOffice (office: string)
        error Closed ()
        """

    @Test("the sample parses into its name, types, methods and errors")
    func parsesSample() throws {
        let definition = try VarlinkInterfaceDefinition.parse(Self.sample)

        #expect(definition.name == "org.example.inspect-sample.v1")
        #expect(definition.methods.map(\.name) == ["Open", "List", "Watch"])
        #expect(definition.errors.map(\.name) == ["NoSuchOffice", "Closed"])
        #expect(definition.types.map(\.name) == ["State", "Finding"])
        #expect(definition.types[0].type == .enum(["planned", "open", "closed"]))
        #expect(
            definition.method(named: "Open")
                == VarlinkMethodDefinition(
                    name: "Open", parameters: [VarlinkField("office", .string), VarlinkField("surprise", .bool)],
                    results: [VarlinkField("id", .int), VarlinkField("state", .named("State"))]))
        #expect(definition.errors[1].parameters == [])
    }

    @Test("field types cover primitives, maps, sets, arrays, optionals and anonymous structs")
    func fieldTypes() throws {
        let definition = try VarlinkInterfaceDefinition.parse(Self.sample)
        guard case .struct(let fields) = definition.types[1].type else {
            Issue.record("Finding is not a struct")
            return
        }

        #expect(
            fields.map(\.type) == [
                .int, .float, .optional(.string), .map(.struct([])), .map(.int), .object, .array(.bool),
                .optional(.array(.struct([VarlinkField("first", .int), VarlinkField("second_value", .string)]))),
                .named("State"),
            ])
    }

    @Test("the org.varlink.service description we serve parses")
    func serviceInterface() throws {
        let definition = try VarlinkInterfaceDefinition.parse(VarlinkServer.serviceInterfaceDescription)

        #expect(definition.name == "org.varlink.service")
        #expect(definition.methods.map(\.name) == ["GetInfo", "GetInterfaceDescription"])
        #expect(
            definition.errors.map(\.name) == [
                "InterfaceNotFound", "MethodNotFound", "MethodNotImplemented", "InvalidParameter", "PermissionDenied",
                "ExpectedMore",
            ])
    }

    struct BadDescription: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var reason: String

        var testDescription: String { reason }
    }

    @Test(
        "syntax errors name their line",
        arguments: [
            BadDescription(text: "# nothing\n\nmethod A() -> ()", line: 3, reason: "must start with 'interface NAME'"),
            BadDescription(text: "interface example", line: 1, reason: "'example' is not a reverse-domain"),
            BadDescription(text: "interface org.-x.y", line: 1, reason: "not a reverse-domain"),
            BadDescription(text: "interface a.b\nmethod ping() -> ()", line: 2, reason: "'ping' is not a valid name"),
            BadDescription(text: "interface a.b\nmethod A() ()", line: 2, reason: "expected '->'"),
            BadDescription(
                text: "interface a.b\n\nmethod A(x: Missing) -> ()", line: 3, reason: "unknown type 'Missing'"),
            BadDescription(text: "interface a.b\ntype A ()\nerror A ()", line: 3, reason: "'A' is declared twice"),
            BadDescription(
                text: "interface a.b\nmethod A(x: int,\n x: int) -> ()", line: 3, reason: "'x' appears twice"),
            BadDescription(text: "interface a.b\nmethod A(x: ??string) -> ()", line: 2, reason: "optional only once"),
            BadDescription(text: "interface a.b\nmethod A(x: int) -> ();", line: 2, reason: "unexpected character ';'"),
            BadDescription(text: "interface a.b\nmethod A(x: int,) -> ()", line: 2, reason: "expected a field name"),
            BadDescription(text: "interface a.b\nmethod A(one, two) -> ()", line: 2, reason: "expected 'name: type'"),
            BadDescription(text: "interface a.b\nmethod A(bad__name: int) -> ()", line: 2, reason: "not a valid field"),
            BadDescription(text: "interface a.b\nfunction A() -> ()", line: 2, reason: "expected 'type', 'method'"),
            BadDescription(text: "interface a.b\nmethod A(x: [int]string) -> ()", line: 2, reason: "'string]'"),
            BadDescription(text: "interface a.b\nmethod A(x: int) ->\n", line: 3, reason: "found the end"),
        ])
    func syntaxErrors(bad: BadDescription) {
        let error = #expect(throws: VarlinkSyntaxError.self) { try VarlinkInterfaceDefinition.parse(bad.text) }

        #expect(error?.line == bad.line)
        #expect(error?.reason.contains(bad.reason) == true, "\(error?.description ?? "")")
    }

    @Test("names follow the documented shapes")
    func names() {
        #expect(VarlinkIDLParser.isInterfaceName("io.inspectd"))
        #expect(VarlinkIDLParser.isInterfaceName("org.example.ftl-drive.v2"))
        #expect(!VarlinkIDLParser.isInterfaceName("io"))
        #expect(!VarlinkIDLParser.isInterfaceName("io..inspectd"))
        #expect(!VarlinkIDLParser.isInterfaceName("1io.inspectd"))
        #expect(!VarlinkIDLParser.isInterfaceName("io.inspectd-"))
        #expect(VarlinkIDLParser.isMemberName("GetInfo2"))
        #expect(!VarlinkIDLParser.isMemberName("Get_Info"))
        #expect(VarlinkIDLParser.isFieldName("tylium_level"))
        #expect(!VarlinkIDLParser.isFieldName("_private"))
        #expect(!VarlinkIDLParser.isFieldName("trailing_"))
    }
}

import FuzzSupport
import InspectVarlink

/// Feeds the Varlink interface description parser arbitrary text: it must give a definition or throw
/// `VarlinkSyntaxError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let definition = try? VarlinkInterfaceDefinition.parse(text(data, size)) else { return 0 }
    for method in definition.methods {
        precondition(definition.method(named: method.name) != nil, "method \(method.name) cannot be looked up")
    }
    return 0
}

@main
enum FuzzVarlinkIDL {
    static func main() { runLibFuzzer(fuzz) }
}

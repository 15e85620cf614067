import InspectVarlink

/// Calls of every method of an interface, generated from its description, so that a test iterating over them covers
/// a method added later without anyone listing it.
///
/// Each parameter takes its values from a pool named after it (`office`, `id`, `from`, …: values drawn from the
/// records under test), or else from values of its type. A method is called once with every parameter at its first
/// value (optional ones absent), then once more for each other value of each parameter, one parameter at a time —
/// nested structures included — so the calls grow with the pools, not with their product.
///
/// ```swift
/// let generator = APICallGenerator(definition: try .parse(InterfaceDescription.text), pools: ["office": [.string("UBND-NHANLY")]])
/// for method in generator.definition.methods { for parameters in generator.calls(for: method) { … } }
/// ```
public struct APICallGenerator: Sendable {
    public let definition: VarlinkInterfaceDefinition
    public let pools: [String: [VarlinkValue]]
    /// The most calls generated for one method.
    public let limit: Int

    public init(definition: VarlinkInterfaceDefinition, pools: [String: [VarlinkValue]], limit: Int = 80) {
        self.definition = definition
        self.pools = pools
        self.limit = limit
    }

    /// The parameter objects to call `method` with: the first with every parameter at its first value.
    public func calls(for method: VarlinkMethodDefinition) -> [[String: VarlinkValue]] {
        let variants = self.variants(of: method.parameters)
        var seen = Set<[String: VarlinkValue]>()
        return Array(variants.filter { seen.insert($0).inserted }.prefix(limit))
    }

    /// The first object of `fields`, then one object per other value of each field.
    private func variants(of fields: [VarlinkField]) -> [[String: VarlinkValue]] {
        let choices = fields.map { values(of: $0.type, named: $0.name) }
        var base: [String: VarlinkValue] = [:]
        for (field, values) in zip(fields, choices) {
            if let first = values.first, first != .null { base[field.name] = first }
        }
        var result = [base]
        for (field, values) in zip(fields, choices) {
            for value in values.dropFirst() {
                var variant = base
                variant[field.name] = value == .null ? nil : value
                result.append(variant)
            }
        }
        return result
    }

    /// The values a member of `type` called `name` takes, the first being the one used when others vary.
    private func values(of type: VarlinkType, named name: String, depth: Int = 0) -> [VarlinkValue] {
        if case .optional(let wrapped) = type {
            return [.null] + values(of: wrapped, named: name, depth: depth)
        }
        if let pool = pools[name], !pool.isEmpty, !isStructure(type) { return pool }
        switch type {
        case .bool: return [.bool(false), .bool(true)]
        case .int: return [.int(1), .int(0)]
        case .float: return [.float(0)]
        case .string: return [.string("x")]
        case .object, .map: return [.object([:])]
        case .enum(let cases): return cases.map(VarlinkValue.string)
        case .array(let element):
            guard depth < 4 else { return [.array([])] }
            return [.array([])] + values(of: element, named: name, depth: depth + 1).prefix(3).map { .array([$0]) }
        case .struct(let fields):
            guard depth < 4 else { return [.object([:])] }
            return variants(of: fields).map(VarlinkValue.object)
        case .named(let typeName):
            guard depth < 4, let declared = definition.types.first(where: { $0.name == typeName }) else {
                return [.object([:])]
            }
            return values(of: declared.type, named: name, depth: depth + 1)
        case .optional(let wrapped):
            return values(of: wrapped, named: name, depth: depth)
        }
    }

    private func isStructure(_ type: VarlinkType) -> Bool {
        switch type {
        case .struct: true
        case .named(let name):
            definition.types.first { $0.name == name }.map { declared in
                if case .struct = declared.type { true } else { false }
            } ?? false
        default: false
        }
    }
}

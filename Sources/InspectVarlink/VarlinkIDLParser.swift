/// A recursive-descent parser for the Varlink interface description language.
///
/// It checks what a service needs to rely on: the `interface` line comes first, names have the documented shapes,
/// members are unique, struct fields and enum values are unique, and every named type is declared. Comments (`#` to
/// the end of the line) are skipped.
struct VarlinkIDLParser {
    private enum Token: Equatable {
        case word(String)
        case symbol(String)
        case end

        var quoted: String {
            switch self {
            case .word(let text), .symbol(let text): "'\(text)'"
            case .end: "the end of the description"
            }
        }
    }

    private struct Lexeme {
        var token: Token
        var line: Int
    }

    private let lexemes: [Lexeme]
    private var position = 0
    /// Every use of a named type, checked once all declarations are known.
    private var references: [(name: String, line: Int)] = []

    init(text: String) throws(VarlinkSyntaxError) {
        lexemes = try Self.tokenize(text)
    }

    // MARK: - Grammar

    mutating func parseInterface() throws(VarlinkSyntaxError) -> VarlinkInterfaceDefinition {
        guard current.token == .word("interface") else {
            throw failure("the description must start with 'interface NAME', found \(current.token.quoted)")
        }
        advance()
        let name = try expectWord("an interface name")
        guard Self.isInterfaceName(name.text) else {
            throw VarlinkSyntaxError(line: name.line, reason: "'\(name.text)' is not a reverse-domain interface name")
        }
        var definition = VarlinkInterfaceDefinition(name: name.text)
        var declared: Set<String> = []
        while current.token != .end {
            let keyword = try expectWord("'type', 'method' or 'error'")
            guard ["type", "method", "error"].contains(keyword.text) else {
                throw VarlinkSyntaxError(
                    line: keyword.line, reason: "expected 'type', 'method' or 'error', found '\(keyword.text)'")
            }
            let member = try expectWord("a name after '\(keyword.text)'")
            guard Self.isMemberName(member.text) else {
                throw VarlinkSyntaxError(
                    line: member.line,
                    reason:
                        "'\(member.text)' is not a valid name: it must start with an uppercase letter, then letters "
                        + "and digits")
            }
            guard declared.insert(member.text).inserted else {
                throw VarlinkSyntaxError(line: member.line, reason: "'\(member.text)' is declared twice")
            }
            switch keyword.text {
            case "type":
                definition.types.append(VarlinkTypeDefinition(name: member.text, type: try parseParenthesized()))
            case "method":
                let parameters = try parseFields("the parameters of method \(member.text)")
                try expect(.symbol("->"), "'->' after the parameters of method \(member.text)")
                let results = try parseFields("the results of method \(member.text)")
                definition.methods.append(
                    VarlinkMethodDefinition(name: member.text, parameters: parameters, results: results))
            default:
                let parameters = try parseFields("the parameters of error \(member.text)")
                definition.errors.append(VarlinkErrorDefinition(name: member.text, parameters: parameters))
            }
        }
        let typeNames = Set(definition.types.map(\.name))
        if let unknown = references.first(where: { !typeNames.contains($0.name) }) {
            throw VarlinkSyntaxError(line: unknown.line, reason: "unknown type '\(unknown.name)'")
        }
        return definition
    }

    /// `(name: type, ...)` where only a struct makes sense: method and error parameters.
    private mutating func parseFields(_ context: String) throws(VarlinkSyntaxError) -> [VarlinkField] {
        let line = current.line
        guard current.token == .symbol("(") else {
            throw failure("expected '(' to open \(context), found \(current.token.quoted)")
        }
        switch try parseParenthesized() {
        case .struct(let fields): return fields
        default: throw VarlinkSyntaxError(line: line, reason: "expected 'name: type' fields in \(context)")
        }
    }

    /// `( ... )`: a struct when the first name is followed by ':', an enum otherwise; `()` is the empty struct.
    private mutating func parseParenthesized() throws(VarlinkSyntaxError) -> VarlinkType {
        try expect(.symbol("("), "'('")
        if current.token == .symbol(")") {
            advance()
            return .struct([])
        }
        var fields: [VarlinkField] = []
        var values: [String] = []
        var seen: Set<String> = []
        let isStruct = lexemes[min(position + 1, lexemes.count - 1)].token == .symbol(":")
        while true {
            let name = try expectWord(isStruct ? "a field name" : "an enum value")
            guard Self.isFieldName(name.text) else {
                throw VarlinkSyntaxError(
                    line: name.line,
                    reason: "'\(name.text)' is not a valid field name: letters and digits, single '_' between them")
            }
            guard seen.insert(name.text).inserted else {
                throw VarlinkSyntaxError(line: name.line, reason: "'\(name.text)' appears twice")
            }
            if isStruct {
                try expect(.symbol(":"), "':' after field '\(name.text)'")
                fields.append(VarlinkField(name.text, try parseType()))
            } else {
                values.append(name.text)
            }
            if current.token == .symbol(")") {
                advance()
                return isStruct ? .struct(fields) : .enum(values)
            }
            try expect(.symbol(","), "',' or ')'")
        }
    }

    private mutating func parseType() throws(VarlinkSyntaxError) -> VarlinkType {
        let lexeme = current
        switch lexeme.token {
        case .symbol("?"):
            advance()
            guard current.token != .symbol("?") else { throw failure("a type can be optional only once") }
            return .optional(try parseType())
        case .symbol("["):
            advance()
            if current.token == .symbol("]") {
                advance()
                return .array(try parseType())
            }
            try expect(.word("string"), "']' or 'string]' after '['")
            try expect(.symbol("]"), "']' after '[string'")
            return .map(try parseType())
        case .symbol("("):
            return try parseParenthesized()
        case .word(let word):
            advance()
            switch word {
            case "bool": return .bool
            case "int": return .int
            case "float": return .float
            case "string": return .string
            case "object": return .object
            default:
                guard Self.isMemberName(word) else {
                    throw VarlinkSyntaxError(line: lexeme.line, reason: "'\(word)' is not a type")
                }
                references.append((word, lexeme.line))
                return .named(word)
            }
        default:
            throw failure("expected a type, found \(lexeme.token.quoted)")
        }
    }

    // MARK: - Tokens

    private var current: Lexeme { lexemes[position] }

    private mutating func advance() {
        if position < lexemes.count - 1 { position += 1 }
    }

    private mutating func expect(_ token: Token, _ what: String) throws(VarlinkSyntaxError) {
        guard current.token == token else { throw failure("expected \(what), found \(current.token.quoted)") }
        advance()
    }

    private mutating func expectWord(_ what: String) throws(VarlinkSyntaxError) -> (text: String, line: Int) {
        guard case .word(let text) = current.token else {
            throw failure("expected \(what), found \(current.token.quoted)")
        }
        let line = current.line
        advance()
        return (text, line)
    }

    private func failure(_ reason: String) -> VarlinkSyntaxError {
        VarlinkSyntaxError(line: current.line, reason: reason)
    }

    private static func tokenize(_ text: String) throws(VarlinkSyntaxError) -> [Lexeme] {
        let scalars = Array(text.unicodeScalars)
        var lexemes: [Lexeme] = []
        var line = 1
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\n":
                line += 1
                index += 1
            case " ", "\t", "\r":
                index += 1
            case "#":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            case "(", ")", ",", ":", "?", "[", "]":
                lexemes.append(Lexeme(token: .symbol(String(scalar)), line: line))
                index += 1
            case "-" where index + 1 < scalars.count && scalars[index + 1] == ">":
                lexemes.append(Lexeme(token: .symbol("->"), line: line))
                index += 2
            case _ where isLetter(scalar):
                var word = ""
                while index < scalars.count, isWordCharacter(scalars[index]),
                    !(scalars[index] == "-" && index + 1 < scalars.count && scalars[index + 1] == ">")
                {
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                lexemes.append(Lexeme(token: .word(word), line: line))
            default:
                throw VarlinkSyntaxError(line: line, reason: "unexpected character '\(scalar)'")
            }
        }
        lexemes.append(Lexeme(token: .end, line: line))
        return lexemes
    }

    // MARK: - Names

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isAlphanumeric(scalar) || scalar == "_" || scalar == "." || scalar == "-"
    }

    /// `org.example.ping`: two or more dot-separated labels of letters and digits, dashes only inside a label, the
    /// first label starting with a letter.
    static func isInterfaceName(_ name: String) -> Bool {
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let first = name.unicodeScalars.first, isLetter(first) else { return false }
        return labels.allSatisfy { label in
            let scalars = Array(label.unicodeScalars)
            guard let head = scalars.first, let tail = scalars.last, isAlphanumeric(head), isAlphanumeric(tail) else {
                return false
            }
            return scalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
        }
    }

    /// `Ping`, `DriveCondition`: an uppercase letter, then letters and digits.
    static func isMemberName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy(isAlphanumeric)
    }

    /// `tylium_level`: a letter, then letters and digits, with single underscores between them.
    static func isFieldName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, isLetter(first), last != "_" else { return false }
        return zip(scalars, scalars.dropFirst()).allSatisfy { previous, next in
            (isAlphanumeric(next) || next == "_") && !(previous == "_" && next == "_")
        }
    }
}

import Foundation
import InspectCore
import InspectTesting
import Testing

/// `standards.conf`: the shipped standards parse against the shipped titles, drop-ins change and withdraw them, and
/// mistakes are named at their file and line.
@Suite struct StandardsConfigTests {
    private static func shipped(_ name: String) throws -> IniDocument {
        let url = URL(fileURLWithPath: BuiltProducts.repository).appendingPathComponent("etc/inspectd/\(name)")
        return try IniDocument(text: String(contentsOf: url, encoding: .utf8), path: "/etc/inspectd/\(name)")
    }

    static let titles = StaffTitles(titles: [
        StaffTitle(code: "tu-phap-ho-tich", name: "Tư pháp – hộ tịch", level: .commune, category: .civilServant)
    ])

    @Test("standards.conf as shipped: commune cadres and civil servants, justice officers in law, each with its basis")
    func shippedStandards() throws {
        let titles = try StaffTitles(document: Self.shipped("titles.conf"))
        let standards = try Standards(document: Self.shipped("standards.conf"), titles: titles)
        #expect(
            standards.standards.map(\.name) == [
                "commune-cadre", "commune-civil-servant", "tu-phap-ho-tich", "district-civil-servant",
                "province-civil-servant",
            ])
        #expect(standards.standards.allSatisfy { !$0.basis.isEmpty })
        let justice = try #require(
            standards.standard(level: .commune, category: .civilServant, title: "tu-phap-ho-tich"))
        #expect(justice.requirements.first == Requirement(kind: .education, level: "bachelor", fields: ["Luật"]))
        #expect(
            standards.standard(level: .commune, category: .civilServant, title: nil)?.name == "commune-civil-servant")
        #expect(standards.standard(level: .district, category: .publicEmployee, title: nil) == nil)
    }

    @Test("a drop-in lowers one requirement, adds a field and withdraws a standard")
    func dropIns() throws {
        let main = try IniDocument(
            text: """
                [Standard xa]
                Level=commune
                Education=bachelor
                IT=basic
                Basis=NĐ 33/2023
                [Standard tp]
                Title=tu-phap-ho-tich
                Education=bachelor
                Basis=Luật Hộ tịch
                """, path: "/etc/inspectd/standards.conf")
        let dropIn = try IniDocument(
            text: "[Standard xa]\nEducation=intermediate\nEducationField=Nông nghiệp\n[Standard tp]\nEnabled=no\n",
            path: "/etc/inspectd/standards.conf.d/50-vung-kho-khan.conf")
        let standards = try Standards(document: .merging(main: main, dropIns: [dropIn]), titles: Self.titles)
        #expect(
            standards.standards == [
                Standard(
                    name: "xa", level: .commune, category: nil, title: nil,
                    requirements: [
                        Requirement(kind: .education, level: "intermediate", fields: ["Nông nghiệp"]),
                        Requirement(kind: .informationTechnology, level: "basic"),
                    ], basis: "NĐ 33/2023")
            ])
    }

    @Test(
        "mistakes are refused at their file and line",
        arguments: [
            ("[Norm a]\nLevel=commune\nBasis=x\n", 1, "unknown section [Norm a]; expected [Standard NAME]"),
            ("[Standard a b]\nLevel=commune\nBasis=x\n", 1, "invalid standard name"),
            ("[Standard a]\nEducation=bachelor\nBasis=x\n", 1, "needs Level=, Category= or Title="),
            ("[Standard a]\nLevel=commune\nEducation=bachelor\n", 1, "needs Basis="),
            ("[Standard a]\nLevel=ward\nBasis=x\n", 2, "expected one of: province, district, commune"),
            ("[Standard a]\nCategory=officer\nBasis=x\n", 2, "expected one of: cadre, civil-servant"),
            ("[Standard a]\nTitle=truong-cong-an-xa\nBasis=x\n", 2, "not a title of titles.conf"),
            ("[Standard a]\nLevel=commune\nEducation=university\nBasis=x\n", 3, "expected one of: secondary"),
            ("[Standard a]\nLevel=commune\nIT=expert\nBasis=x\n", 3, "expected one of: basic, advanced"),
            ("[Standard a]\nLevel=commune\nEducationField=Luật\nBasis=x\n", 3, "needs an education level"),
            ("[Standard a]\nLevel=commune\nEducaton=bachelor\nBasis=x\n", 3, "did you mean 'Education'?"),
            (
                "[Standard a]\nLevel=commune\nBasis=x\n[Standard b]\nLevel=commune\nBasis=y\n", 4,
                "[Standard b] applies to the same people as [Standard a]"
            ),
        ])
    func mistakes(text: String, line: Int, reason: String) throws {
        do {
            _ = try Standards(document: IniDocument(text: text, path: "standards.conf"), titles: Self.titles)
            Issue.record("accepted \(text)")
        } catch InspectError.invalidConfig(let path, let errorLine, let message) {
            #expect(path == "standards.conf")
            #expect(errorLine == line)
            #expect(message.contains(reason), "\(message)")
        }
    }

    @Test("a drop-in's mistake is named at the drop-in's own file and line")
    func dropInMistake() throws {
        let main = try IniDocument(
            text: "[Standard xa]\nLevel=commune\nBasis=x\n", path: "/etc/inspectd/standards.conf")
        let dropIn = try IniDocument(
            text: "# lowered\n[Standard xa]\nEducation=trung-cap\n", path: "/etc/inspectd/standards.conf.d/50.conf")
        do {
            _ = try Standards(document: .merging(main: main, dropIns: [dropIn]), titles: Self.titles)
            Issue.record("accepted the drop-in")
        } catch InspectError.invalidConfig(let path, let line, _) {
            #expect(path == "/etc/inspectd/standards.conf.d/50.conf")
            #expect(line == 3)
        }
    }
}

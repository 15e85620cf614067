import Foundation
import InspectCore
import InspectTesting
import Testing

/// `titles.conf`: the shipped titles parse, drop-ins change and withdraw them, and mistakes are named at their line.
@Suite struct StaffTitlesTests {
    private static let shipped = URL(fileURLWithPath: BuiltProducts.repository)
        .appendingPathComponent("etc/inspectd/titles.conf")

    @Test(
        "titles.conf as shipped: the six commune civil servant titles, land administration in two forms, no police chief"
    )
    func shippedTitles() throws {
        let text = try String(contentsOf: Self.shipped, encoding: .utf8)
        let titles = try StaffTitles(document: IniDocument(text: text, path: "/etc/inspectd/titles.conf"))
        #expect(
            titles.titles.map(\.code) == [
                "chi-huy-truong-quan-su", "van-phong-thong-ke", "dia-chinh-xay-dung-do-thi-moi-truong",
                "dia-chinh-nong-nghiep-xay-dung-moi-truong", "tai-chinh-ke-toan", "tu-phap-ho-tich", "van-hoa-xa-hoi",
            ])
        #expect(titles.titles.allSatisfy { $0.level == .commune && $0.category == .civilServant })
        #expect(try titles.require("tu-phap-ho-tich").name == "Tư pháp – hộ tịch")
        #expect(throws: InspectError.self) { try titles.require("truong-cong-an-xa") }
    }

    @Test("a drop-in renames one title and withdraws another")
    func dropIns() throws {
        let main = try IniDocument(
            text: "[Title a]\nName=A\n[Title b]\nName=B\nLevel=commune\n", path: "/etc/inspectd/titles.conf")
        let dropIn = try IniDocument(
            text: "[Title a]\nEnabled=no\n[Title b]\nName=B mới\n", path: "/etc/inspectd/titles.conf.d/50-local.conf")
        let titles = try StaffTitles(document: .merging(main: main, dropIns: [dropIn]))
        #expect(titles.titles == [StaffTitle(code: "b", name: "B mới", level: .commune, category: nil)])
    }

    @Test(
        "mistakes are refused at their file and line",
        arguments: [
            ("[Role a]\nName=A\n", 1, "unknown section [Role a]; expected [Title CODE]"),
            ("[Title a b]\nName=A\n", 1, "invalid title code"),
            ("[Title a]\nLevel=commune\n", 1, "[Title a] needs Name="),
            ("[Title a]\nName=A\nLevel=ward\n", 3, "expected one of: province, district, commune"),
            ("[Title a]\nName=A\nCategori=cadre\n", 3, "unknown key 'Categori'"),
        ])
    func mistakes(text: String, line: Int, reason: String) throws {
        do {
            _ = try StaffTitles(document: IniDocument(text: text, path: "titles.conf"))
            Issue.record("accepted \(text)")
        } catch InspectError.invalidConfig(let path, let errorLine, let message) {
            #expect(path == "titles.conf")
            #expect(errorLine == line)
            #expect(message.contains(reason), "\(message)")
        }
    }
}

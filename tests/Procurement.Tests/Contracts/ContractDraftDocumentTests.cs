using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Procurement.Features.Contracts;
using Procurement.Features.Cases;
using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Groups;
using Procurement.Infrastructure.Localization;
using Procurement.Features.Sla;
using Procurement.Infrastructure.Database;
using Procurement.Tests.Documents;

namespace Procurement.Tests.Contracts;

[Trait("Lane", "Fast")]
public sealed class ContractDraftDocumentTests
{
    public static DraftInputs Sample(SlaDefinition sla, string? otsu = "株式会社信州クラウドサービス", long? price = 396_000_000, string? special = null) => new(
        2, new DateOnly(2026, 11, 26), "住民情報系システム共同利用（自治体クラウド）調達", "南信州町村自治体クラウド協議会", "高森町",
        ["jukiki", "koseki", "kojin-jumin", "shutai", "zaimu"], "高森町",
        otsu, "長野県飯田市本町一丁目1番地", "代表取締役　伊那谷 太郎", price, false,
        ContractTermsParsing.Defaults with
        {
            PeriodStart = new DateOnly(2027, 4, 1), PeriodEnd = new DateOnly(2032, 3, 31), Price = price, SpecialProvisions = special,
        },
        sla);

    public static TheoryData<string> Variants => new() { "core-A", "other-B", "one-item", "sixty-hostile" };

    public static SlaDefinition Variant(string name) => name switch
    {
        "core-A" => SlaPresets.Create(SlaPreset.CoreBusiness),
        "other-B" => SlaPresets.Create(SlaPreset.OtherService) with { Penalty = new PenaltySettings(PenaltyKind.PenaltyPoints, 1, 3, 5, 2.5m, 6) },
        "one-item" => new SlaDefinition(SlaPreset.OtherService,
            [new SlaItem(SlaCategory.Availability, "稼働率", "99%以上", "監視", "(計画サービス時間 − 停止時間) ÷ 計画サービス時間")],
            PenaltySettings.Default, ["庁舎の通信回線"]),
        "sixty-hostile" => new SlaDefinition(SlaPreset.CoreBusiness,
            Enumerable.Range(1, 60).Select(i => new SlaItem((SlaCategory)(i % 7), $"指標{i}<script>alert(1)</script>&\u0001\uFFFE",
                "𠮷野家😀 99.9%以上\n（月間）\t注", new string('測', 300), "A \"<>&' B \uD800")).ToList(),
            PenaltySettings.Default with { Kind = PenaltyKind.PenaltyPoints }, ["回線\u000B（団体調達）", new string('長', 200)]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static readonly DraftRenderer Drafts = new(DocumentTestSupport.Renderer);

    private static readonly CaseSummary Case = new()
    {
        Id = Guid.NewGuid(), Title = "住民情報系システム共同利用（自治体クラウド）調達", TargetBusinesses = ["jukiki", "koseki", "kojin-jumin", "shutai", "zaimu"],
        PlannedGoLive = new DateOnly(2027, 4, 1), BudgetCeiling = 480_000_000,
    };

    private static readonly GroupView Group = new()
    {
        Name = "南信州町村自治体クラウド協議会", Form = OrganisationForm.Council, Representative = "高森町",
        Members = [new("高森町", 12716, new DateOnly(2025, 9, 30)), new("松川町", 12476, new DateOnly(2025, 9, 30))],
    };

    private static IReadOnlyList<RenderedDraft> Render(DraftInputs inputs, IReadOnlyDictionary<string, ClauseSetting>? clauseSettings = null) =>
        Drafts.RenderAll(DraftModel.Build(inputs, Case, Group), clauseSettings);

    private static string Text(DraftDocumentKind kind, DraftInputs inputs) => Render(inputs).Single(d => d.Kind == kind).Text;

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_draft_of_every_SLA_variant_passes_the_OpenXml_validator_and_has_every_mandatory_clause(string variant)
    {
        var docs = Render(Sample(Variant(variant), special: variant == "sixty-hostile" ? "特約\u0007一\n二" : null));

        Assert.Empty(Drafts.Missing(docs));
        foreach (var doc in docs)
        {
            Assert.Empty(DocumentRenderer.Validate(doc.Document.Bytes));
            var template = DocumentTestSupport.Catalog.Get(DraftKinds.TemplateId(doc.Kind));
            var reviewed = doc.Clauses.Select(c => c.ClauseId).ToList();
            foreach (var id in Drafts.Clauses.RequiredFor(template.Kind)) Assert.Contains(id, reviewed);
            Assert.DoesNotContain("未確定", WordText(doc.Document.Bytes), StringComparison.Ordinal);
            SaveForInspection(variant, doc);
        }
    }

    [Fact]
    public void The_contract_names_the_data_standard_of_each_target_business_the_terms_and_the_signatures()
    {
        var contract = Text(DraftDocumentKind.Contract, Sample(Variant("core-A"), special: "再委託先の一覧を別紙とする。\n二行目の特約"));

        Assert.Contains("住民基本台帳　地方公共団体情報システムデータ要件・連携要件標準仕様書（デジタル庁）", contract, StringComparison.Ordinal);
        Assert.Contains("財務会計　中間標準レイアウト仕様（総務省、V2.7）", contract, StringComparison.Ordinal);
        Assert.Contains("本書2通を作成し、甲乙記名押印のうえ、各自1通を保有する。", contract, StringComparison.Ordinal);
        Assert.Contains("（右）乙　長野県飯田市本町一丁目1番地", contract, StringComparison.Ordinal);
        Assert.Contains("（右）代表取締役　伊那谷 太郎", contract, StringComparison.Ordinal);
        Assert.Contains("甲の書面による承認を得たときは、この限りでない。", contract, StringComparison.Ordinal);
        Assert.Contains("契約金額は、金435,600,000円", contract, StringComparison.Ordinal);
        Assert.Contains("令和9年4月1日から令和14年3月31日まで", contract, StringComparison.Ordinal);
        Assert.Contains("高森町（以下「甲」という。）と株式会社信州クラウドサービス（以下「乙」という。）", contract, StringComparison.Ordinal);
        // The officer's terms: deliverables, 検収 days, 契約不適合 months and each line of the 特約 as an item.
        Assert.Contains("(1)　サービスレベル定義書", contract, StringComparison.Ordinal);
        Assert.Contains("成果物の提出を受けた日から10日以内に検査を行い", contract, StringComparison.Ordinal);
        Assert.Contains("契約不適合を知った日から12か月以内", contract, StringComparison.Ordinal);
        Assert.Contains("(1)　再委託先の一覧を別紙とする。", contract, StringComparison.Ordinal);
        Assert.Contains("(2)　二行目の特約", contract, StringComparison.Ordinal);
    }

    [Fact]
    public void Drafts_write_dates_in_the_group_style_frozen_into_the_inputs()
    {
        var inputs = Sample(Variant("core-A")) with { DateStyle = Procurement.Features.Documents.DateStyle.WarekiWithWestern };

        var contract = Text(DraftDocumentKind.Contract, inputs);
        var sla = Text(DraftDocumentKind.Sla, inputs);

        Assert.Contains("令和9年（2027年）4月1日から令和14年（2032年）3月31日まで", contract, StringComparison.Ordinal);
        Assert.Contains("令和8年（2026年）11月26日", sla, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SLA_states_the_items_the_responsibility_boundary_and_the_penalty_formula_of_the_chosen_model()
    {
        var a = Text(DraftDocumentKind.Sla, Sample(Variant("core-A")));
        var b = Text(DraftDocumentKind.Sla, Sample(Variant("other-B")));

        Assert.Contains("各団体の庁舎から接続拠点までの通信回線（各団体が自ら調達するもの）", a, StringComparison.Ordinal);
        Assert.Contains("乙の責任の範囲に含まない", a, StringComparison.Ordinal);
        Assert.Contains("違約金 ＝ 年間支払額 × （100 － 年間SLA達成度） ÷ 100", a, StringComparison.Ordinal);
        Assert.Contains("|! No. | 区分 | 指標 | 目標値 | 協定値 | 重み | 測定方法 | 算定式", a, StringComparison.Ordinal);
        Assert.Contains("| サービス稼働率 | 99.9%以上（月間） | 99.9%以上 | 3 |", a, StringComparison.Ordinal);
        Assert.Contains("| 問合せ回答時間 |", a, StringComparison.Ordinal);
        // No drafting note in operative text; every term of the formula defined, with its exclusions.
        Assert.DoesNotContain("水準を基に定めた", a, StringComparison.Ordinal);
        Assert.Contains("計画サービス時間　毎日 0:00から24:00までの時間から、計画停止の時間を除いた時間をいう。", a, StringComparison.Ordinal);
        Assert.Contains("停止時間　計画サービス時間のうち障害が生じていた時間をいう。ただし、計画停止、次条に掲げるものに起因する停止その他乙の責めに帰すべき事由によらない停止の時間を除く。", a, StringComparison.Ordinal);
        // Only attributable shortfalls, capped, and stated as liquidated damages (the default choice).
        Assert.Contains("乙の責めに帰すべき事由によらない未達成は、この条の算定の対象としない。", a, StringComparison.Ordinal);
        Assert.Contains("当該年度の年間支払額の10％に相当する額を上限とする", a, StringComparison.Ordinal);
        Assert.Contains("第420条第1項に定める損害賠償額の予定とし", a, StringComparison.Ordinal);
        // One cycle: measured monthly, reported every 3 months, in the annex clause and in the reporting article alike.
        Assert.Contains("各項目を毎月測定し、その達成状況を3か月ごとに甲に報告しなければならない。", a, StringComparison.Ordinal);
        Assert.Contains("その記録を保存するとともに、3か月ごとに、", a, StringComparison.Ordinal);
        Assert.DoesNotContain("毎月測定し、その記録を保存", a, StringComparison.Ordinal);
        Assert.Contains("| 第2版 | 令和8年11月26日 | 案の作成", a, StringComparison.Ordinal);
        Assert.Contains("3ポイントに重みを乗じたポイントを付与する", b, StringComparison.Ordinal);
        Assert.Contains("6か月間有効とし、その後失効する", b, StringComparison.Ordinal);
        Assert.Contains("5ポイント以上となった測定期間の委託料は、その2.5％を減額する", b, StringComparison.Ordinal);
        Assert.Contains("99.5%以上（月間）", b, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_clause_carries_its_id_and_the_heading_and_text_legal_staff_see()
    {
        var contract = Render(Sample(Variant("core-A"))).Single(d => d.Kind == DraftDocumentKind.Contract);

        var subcontracting = contract.Clauses.Single(c => c.ClauseId == "subcontracting_approval");
        Assert.Equal("第16条（再委託の制限）", subcontracting.Heading);
        Assert.StartsWith("乙は、本業務の全部又は一部を第三者に委託", subcontracting.Text, StringComparison.Ordinal);
        Assert.Contains("\n2　前項ただし書により再委託をするときは", subcontracting.Text, StringComparison.Ordinal);
        Assert.Equal("契約当事者", contract.Clauses[0].Heading);
        Assert.Equal("記名押印", contract.Clauses[^1].Heading);
        Assert.Equal("第1条（総則）", contract.Clauses[1].Heading);
    }

    [Fact]
    public void A_draft_without_a_mandatory_clause_or_with_an_undecided_party_is_refused_by_name()
    {
        var inputs = Sample(Variant("core-A"));
        var withoutSubcontracting = Render(inputs, new Dictionary<string, ClauseSetting> { ["subcontracting_approval"] = ClauseSetting.Default with { Included = false } });
        Assert.Equal(
            ["契約書（案）: 再委託は事前の書面承認を要すること（条項がありません）", "個人情報取扱特記事項: 再委託は事前の書面承認を要すること（条項がありません）"],
            Drafts.Missing(withoutSubcontracting));

        var noVendor = Render(Sample(Variant("core-A"), otsu: null, price: null));
        Assert.Contains("〔未確定事項", noVendor[0].Text, StringComparison.Ordinal);
        var missing = Drafts.Missing(noVendor);
        Assert.Contains("契約書（案）: 契約当事者（未定の事項があります）", missing);
        Assert.Contains("契約書（案）: 契約金額（未定の事項があります）", missing);
        Assert.Contains("契約書（案）: 記名押印（未定の事項があります）", missing);
        Assert.Contains("SLA合意書（案）: 契約当事者（未定の事項があります）", missing);
        var t = new UiText();
        var model = DraftModel.Build(Sample(Variant("core-A"), otsu: " "), Case, Group);
        Assert.Throws<MissingClausesException>(() => SubmitDraftDecision.Render(Drafts, model, _ => null, t));
    }

    [Fact]
    public void The_file_is_A4_portrait_with_a_repeating_table_header_and_page_X_of_Y()
    {
        var bytes = Render(Sample(Variant("core-A"))).Single(d => d.Kind == DraftDocumentKind.Sla).Document.Bytes;
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.All(body.Descendants<Table>(), t =>
        {
            Assert.NotNull(t.GetFirstChild<TableGrid>());
            Assert.NotNull(t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
        });
        var footer = word.MainDocumentPart.FooterParts.Single().Footer!.InnerXml;
        Assert.Contains("PAGE", footer, StringComparison.Ordinal);
        Assert.Contains("NUMPAGES", footer, StringComparison.Ordinal);
        Assert.Contains("第2版", word.MainDocumentPart.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitising_keeps_paired_surrogates_and_drops_what_XML_cannot_hold() =>
        Assert.Equal("a𠮷😀b\nc\td", XmlText.Sanitize("a\u0000𠮷😀\uD800b\nc\td\uFFFF\u001F"));

    private static string WordText(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Concat(word.MainDocumentPart!.Document!.Body!.Descendants<Text>().Select(t => t.Text));
    }

    /// <summary>Kept under artifacts/ so a person (and the PDF check) can open what the tests produced.</summary>
    private static void SaveForInspection(string variant, RenderedDraft doc)
    {
        var root = RepositoryPaths.FindRoot(AppContext.BaseDirectory);
        if (root is null) return;
        var dir = Path.Combine(root, "artifacts", "contracts", variant);
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, DraftKinds.Slug(doc.Kind) + ".docx"), doc.Document.Bytes);
    }
}

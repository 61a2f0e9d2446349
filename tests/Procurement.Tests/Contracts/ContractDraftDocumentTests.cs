using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Procurement.Features.Contracts;
using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Sla;
using Procurement.Infrastructure.Database;

namespace Procurement.Tests.Contracts;

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

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_draft_of_every_SLA_variant_passes_the_OpenXml_validator_and_has_every_mandatory_clause(string variant)
    {
        var docs = DraftComposer.ComposeAll(Sample(Variant(variant), special: variant == "sixty-hostile" ? "特約\u0007一\n二" : null));

        Assert.Empty(MandatoryClauses.Missing(docs));
        foreach (var doc in docs)
        {
            var bytes = DocxWriter.Write(doc);
            Assert.Empty(DocxWriter.Validate(bytes));
            var text = WordText(bytes);
            foreach (var clause in ClauseLibrary.Mandatory(doc.Kind).Where(c => c.Numbered))
            {
                Assert.Contains($"（{clause.Title}）", text, StringComparison.Ordinal);
            }
            Assert.DoesNotContain(ClauseLibrary.Undecided, text, StringComparison.Ordinal);
            SaveForInspection(variant, doc, bytes);
        }
    }

    [Fact]
    public void The_contract_names_the_data_standard_of_each_target_business_and_the_two_originals_clause()
    {
        var contract = DraftComposer.Compose(DraftDocumentKind.Contract, Sample(Variant("core-A"))).ToPlainText();

        Assert.Contains("住民基本台帳 | 地方公共団体情報システムデータ要件・連携要件標準仕様書（デジタル庁）", contract, StringComparison.Ordinal);
        Assert.Contains("財務会計 | 中間標準レイアウト仕様（総務省・J-LIS）", contract, StringComparison.Ordinal);
        Assert.Contains("本書2通を作成し、甲乙記名押印のうえ、各自1通を保有する。", contract, StringComparison.Ordinal);
        Assert.Contains("あらかじめ書面により甲の承認を得た場合は、この限りでない。", contract, StringComparison.Ordinal);
        Assert.Contains("金396,000,000円", contract, StringComparison.Ordinal);
        Assert.Contains("令和9年4月1日から令和14年3月31日まで", contract, StringComparison.Ordinal);
    }

    [Fact]
    public void Drafts_write_dates_in_the_group_style_frozen_into_the_inputs()
    {
        var inputs = Sample(Variant("core-A")) with { DateStyle = Procurement.Features.Documents.DateStyle.WarekiWithWestern };

        var contract = DraftComposer.Compose(DraftDocumentKind.Contract, inputs).ToPlainText();
        var sla = DraftComposer.Compose(DraftDocumentKind.Sla, inputs).ToPlainText();

        Assert.Contains("令和9年（2027年）4月1日から令和14年（2032年）3月31日まで", contract, StringComparison.Ordinal);
        Assert.Contains("令和8年（2026年）11月26日", sla, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SLA_states_the_responsibility_boundary_and_the_penalty_formula_of_the_chosen_model()
    {
        var a = DraftComposer.Compose(DraftDocumentKind.Sla, Sample(Variant("core-A"))).ToPlainText();
        var b = DraftComposer.Compose(DraftDocumentKind.Sla, Sample(Variant("other-B"))).ToPlainText();

        Assert.Contains("各団体の庁舎から接続拠点までの通信回線（各団体が自ら調達するもの）", a, StringComparison.Ordinal);
        Assert.Contains("乙の責任の範囲に含まない", a, StringComparison.Ordinal);
        Assert.Contains("違約金 ＝ 年間支払額 × （100 － 年間SLA達成度） ÷ 100", a, StringComparison.Ordinal);
        Assert.Contains("99.9%以上（月間）", a, StringComparison.Ordinal);
        Assert.Contains("3ポイントを付与する", b, StringComparison.Ordinal);
        Assert.Contains("5ポイント以上となった月の委託料は、その2.5％を減額する", b, StringComparison.Ordinal);
        Assert.Contains("99.5%以上（月間）", b, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_without_a_mandatory_clause_or_with_an_undecided_party_is_refused_by_name()
    {
        var inputs = Sample(Variant("core-A"));
        var withoutSubcontracting = DraftComposer.Compose(DraftDocumentKind.Contract, inputs,
            ClauseLibrary.For(DraftDocumentKind.Contract).Where(c => c.Id != "subcontracting"));
        Assert.Equal(["契約書（案）: 再委託（条項がありません）"], MandatoryClauses.Missing([withoutSubcontracting]));

        var noVendor = DraftComposer.ComposeAll(Sample(Variant("core-A"), otsu: null, price: null));
        var missing = MandatoryClauses.Missing(noVendor);
        Assert.Contains("契約書（案）: 契約当事者（未定の事項があります）", missing);
        Assert.Contains("契約書（案）: 契約金額（未定の事項があります）", missing);
        Assert.Contains("SLA合意書（案）: 合意当事者（未定の事項があります）", missing);
        Assert.Throws<MissingClausesException>(() => SubmitDraftDecision.Render(Sample(Variant("core-A"), otsu: " ")));
    }

    [Fact]
    public void The_file_is_A4_portrait_with_a_repeating_table_header_and_page_X_of_Y()
    {
        var bytes = DocxWriter.Write(DraftComposer.Compose(DraftDocumentKind.Sla, Sample(Variant("core-A"))));
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.All(body.Descendants<Table>(), t =>
        {
            Assert.NotNull(t.GetFirstChild<TableGrid>());
            Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
        });
        var footer = word.MainDocumentPart.FooterParts.Single().Footer!.InnerXml;
        Assert.Contains("PAGE", footer, StringComparison.Ordinal);
        Assert.Contains("NUMPAGES", footer, StringComparison.Ordinal);
        Assert.Contains("第2版（案）", word.MainDocumentPart.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
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
    private static void SaveForInspection(string variant, DraftDocument doc, byte[] bytes)
    {
        var root = RepositoryPaths.FindRoot(AppContext.BaseDirectory);
        if (root is null) return;
        var dir = Path.Combine(root, "artifacts", "contracts", variant);
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, DraftKinds.Slug(doc.Kind) + ".docx"), bytes);
    }
}

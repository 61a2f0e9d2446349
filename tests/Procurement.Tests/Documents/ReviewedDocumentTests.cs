using System.IO.Compression;
using System.Xml.Linq;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.SlaOperation;

namespace Procurement.Tests.Documents;

/// <summary>
/// What reading every template's PDF pages as legal staff, an officer and a vendor found (scripts/render-all.sh):
/// the end-of-contract provisions the contract and the specification must share, letters of a file of letters that
/// start at the margin, centred lines that wrap a lone character, one department and one report cycle across documents.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class ReviewedDocumentTests
{
    private static readonly XNamespace W = DocxWriter.WordNs;

    private static RenderedDocument Render(string templateId) =>
        DocumentTestSupport.Renderer.RenderJson(templateId, DocumentTestSupport.Sample(templateId));

    private static string Text(string templateId) => DocxText.Extract(Render(templateId).Bytes);

    private static XDocument Body(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        return XDocument.Load(stream);
    }

    private static string Lines(XElement p) => string.Concat(p.Descendants().Select(e => e.Name == W + "br" ? "\n" : e.Name == W + "t" ? e.Value : ""));

    [Theory]
    [InlineData("contract")]
    [InlineData("procurement-spec")]
    public void The_last_full_extract_is_taken_at_cut_over_and_data_the_next_vendor_needs_is_erased_after_the_cooperation(string templateId)
    {
        var text = Text(templateId);

        Assert.Contains("次期システムへの切替日に、その時点の全てのデータを最終の全件データとして抽出し", text, StringComparison.Ordinal);
        Assert.Contains("その協力に必要なデータは、協力の期間（契約終了後6か月）が満了した日から30日以内に消去", text, StringComparison.Ordinal);
        Assert.Contains("暗号化消去（暗号鍵の消去）又はクラウドサービス事業者が証明する方法", text, StringComparison.Ordinal);
        Assert.Contains("データ消去証明書", text, StringComparison.Ordinal);
        // Stated once, in the shared clauses: the specification has no second, differently worded section.
        Assert.DoesNotContain("前に定める", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contracts_items_on_the_data_provision_count_the_new_paragraph()
    {
        var text = Text("contract");
        Assert.Contains("前2項のデータの提供に当たっては", text, StringComparison.Ordinal);
        Assert.Contains("前3項の提供に要する費用", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_centred_line_longer_than_the_page_breaks_where_a_reader_would_not_before_a_lone_character()
    {
        var line = Body(Render("sla").Bytes).Descendants(W + "p")
            .First(p => (string?)p.Element(W + "pPr")?.Element(W + "jc")?.Attribute(W + "val") == "center" && Lines(p).Contains("別紙", StringComparison.Ordinal));
        var parts = Lines(line).Split('\n');

        Assert.Equal(2, parts.Length);
        Assert.EndsWith("（自治体クラウド）", parts[0], StringComparison.Ordinal);
        Assert.True(parts[1].Length >= 10, parts[1]);
    }

    [Fact]
    public void Every_letter_of_a_file_of_letters_opens_at_the_margin()
    {
        var intros = Render("result-notice").Blocks.OfType<ParagraphBlock>().Where(p => p.Text.Contains("通知します", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, intros.Count);
        Assert.All(intros, p => Assert.Equal(0, p.IndentLevel));
    }

    [Fact]
    public void The_rfi_names_the_department_the_specification_names()
    {
        var spec = DocumentTestSupport.Sample("procurement-spec")["specification"]!["department"]!.GetValue<string>();
        Assert.Contains($"事務局　{spec}", Text("rfi"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sla_report_states_the_cycles_in_the_slas_words()
    {
        Assert.Equal("毎月測定し、毎月報告", SlaReportContent.CycleText(1));
        Assert.Equal("毎月測定し、3か月ごとに報告", SlaReportContent.CycleText(3));
        // The samples are one case: the report reports as often as the SLA says.
        Assert.Contains("3か月ごとに甲に報告", Text("sla"), StringComparison.Ordinal);
        Assert.Contains("毎月測定し、3か月ごとに報告", Text("sla-report"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluation-report")]
    [InlineData("result-notice")]
    public void A_letter_reporting_the_result_is_dated_after_the_decision(string templateId)
    {
        var data = DocumentTestSupport.Sample(templateId);
        var date = DateOnly.Parse(data["document"]!["date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var decided = DateOnly.Parse(data["evaluation"]!["decided_on"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(date >= decided, $"{templateId}: {date} < {decided}");
    }

    [Fact]
    public async Task A_date_in_a_narrow_table_column_stays_on_one_line_in_the_pdf()
    {
        var converter = new PdfConverter();
        if (!converter.IsAvailable || !File.Exists("/usr/bin/pdftotext")) return;

        foreach (var templateId in new[] { "demo-guide", "evaluation-report" })
        {
            var pdf = await converter.ConvertAsync(Render(templateId).Bytes);
            var path = Path.GetTempFileName();
            await File.WriteAllBytesAsync(path, pdf);
            try
            {
                var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/pdftotext") { RedirectStandardOutput = true };
                foreach (var a in new[] { "-layout", path, "-" }) start.ArgumentList.Add(a);
                using var p = System.Diagnostics.Process.Start(start)!;
                var text = (await p.StandardOutput.ReadToEndAsync()).Replace(" ", "", StringComparison.Ordinal);
                await p.WaitForExitAsync();
                Assert.Contains("令和9年（2027年）5月20日", text, StringComparison.Ordinal);
            }
            finally { File.Delete(path); }
        }
    }

    [Theory]
    [InlineData("evaluation-criteria")]
    [InlineData("evaluation-report")]
    public void The_criteria_tables_category_column_holds_its_longest_category_on_one_line(string templateId)
    {
        var table = Body(Render(templateId).Bytes).Descendants(W + "tbl")
            .First(t => string.Concat(t.Descendants(W + "tc").First().Descendants(W + "t").Select(x => x.Value)) == "評価区分");
        var first = int.Parse((string)table.Element(W + "tblGrid")!.Elements(W + "gridCol").First().Attribute(W + "w")!, System.Globalization.CultureInfo.InvariantCulture);

        // 10 full-width characters of 10-point table text (200 twips each) and the cell margins (200).
        Assert.True(first >= 10 * 200 + 200, first.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void When_each_member_signs_its_bundle_carries_an_sla_whose_kou_is_that_member()
    {
        var inputs = Contracts.ContractDraftDocumentTests.Sample(Procurement.Features.Sla.SlaPresets.Create(Procurement.Features.Sla.SlaPreset.CoreBusiness)) with
        {
            Members = [new("高森町", 12716, "高森町長"), new("松川町", 12476, "松川町長")],
        };
        var @case = new Procurement.Features.Cases.CaseSummary
        {
            Id = Guid.NewGuid(), Title = "住民情報系システム共同利用（自治体クラウド）調達", TargetBusinesses = ["jukiki"],
            PlannedGoLive = new DateOnly(2027, 4, 1), BudgetCeiling = 480_000_000,
        };
        var group = new Procurement.Features.Groups.GroupView
        {
            Name = "南信州町村自治体クラウド協議会", Form = Procurement.Features.Groups.OrganisationForm.EachMemberContracts, Representative = "高森町",
            Members = [new("高森町", 12716, new DateOnly(2025, 9, 30)), new("松川町", 12476, new DateOnly(2025, 9, 30))],
        };
        var drafts = new Procurement.Features.Contracts.Drafting.DraftRenderer(DocumentTestSupport.Renderer)
            .RenderAll(Procurement.Features.Contracts.Drafting.DraftModel.Build(inputs, @case, group));
        var bundles = Procurement.Features.Contracts.Drafting.ContractBundle.Assemble(drafts, 2, new DateOnly(2026, 11, 26));

        foreach (var (member, other) in new[] { ("高森町", "松川町"), ("松川町", "高森町") })
        {
            var text = DocxText.Extract(bundles.Single(b => b.Member == member).Docx);
            var preamble = text.IndexOf("乙が提供するサービスの品質について", StringComparison.Ordinal);
            var sla = text[text.LastIndexOf('\n', preamble)..];
            Assert.Contains($"{member}（以下「甲」という。）", sla, StringComparison.Ordinal);
            Assert.Contains($"甲　{member}\n（右）{member}長", sla, StringComparison.Ordinal);
            Assert.DoesNotContain($"甲　{other}", text, StringComparison.Ordinal);
            Assert.DoesNotContain("高森町及び松川町", text, StringComparison.Ordinal);
            Assert.DoesNotContain("本書3通", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_contract_numbers_its_only_annex_and_names_the_specification_as_a_document_of_its_own()
    {
        var data = DocumentTestSupport.Sample("contract");
        var schedule = data["schedule"]!.AsArray();
        schedule.First(s => s!["step"]!.GetValue<string>() == "調達公告")!["id"] = "public-notice";
        var text = DocxText.Extract(DocumentTestSupport.Renderer.RenderJson("contract", data).Bytes);
        var title = data["procurement"]!["title"]!.GetValue<string>();

        Assert.DoesNotContain("別紙「調達仕様書」", text, StringComparison.Ordinal);
        Assert.Contains($"2月15日付けで公表した「{title}　調達仕様書」（以下「調達仕様書」という。）及び別紙1「サービスレベル合意書（SLA）」に基づき", text, StringComparison.Ordinal);
        // Every mention of the annex carries its number.
        Assert.DoesNotContain("別紙「", text, StringComparison.Ordinal);
        Assert.DoesNotContain("別紙　", text, StringComparison.Ordinal);
        Assert.Contains("別紙1　サービスレベル合意書（SLA）", text, StringComparison.Ordinal);
        Assert.Contains("契約書　別紙1", Text("sla"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_engines_sentences_a_document_quotes_are_in_the_documents_style_with_the_pages_placeholders()
    {
        var holes = new System.Text.RegularExpressions.Regex(@"\{\d\}");
        foreach (var (page, document) in Procurement.Features.Evaluation.Scoring.EngineDocumentTexts.Forms)
        {
            Assert.Equal(holes.Matches(page).Select(m => m.Value).Order(), holes.Matches(document).Select(m => m.Value).Order());
            Assert.DoesNotMatch("(ません|です|ました)", document);
        }
        var reason = Procurement.Features.Evaluation.Scoring.EngineText.Of(Procurement.Features.Evaluation.Scoring.EngineTexts.BelowPassLine, "402.5", "420", "60");
        Assert.Equal("技術点（402.5点）が基準点（420点：満点の60%）に達していない", Procurement.Features.Evaluation.Scoring.EngineDocumentTexts.Of(reason, reason.ToString()));
        Assert.DoesNotContain("ません", Text("evaluation-report"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_samples_are_one_case_the_winning_bid_is_the_contracts_tax_exclusive_amount_and_its_price_points_follow()
    {
        var contract = DocumentTestSupport.Sample("contract")["contract"]!["amount_excluding_tax"]!.GetValue<long>();
        foreach (var templateId in new[] { "evaluation-report", "result-notice" })
        {
            var data = DocumentTestSupport.Sample(templateId);
            var evaluation = data["evaluation"]!;
            var winner = evaluation["award"]!.GetValue<string>();
            var row = evaluation["breakdown"]!.AsArray().Single(b => b!["vendor"]!.GetValue<string>() == winner)!;
            var bid = row["bid"]!.GetValue<long>();
            Assert.Equal(contract, bid);
            var ceiling = data["procurement"]!["budget_ceiling"]!.GetValue<long>();
            Assert.Equal(Math.Floor(300m * (1 - (decimal)bid / ceiling) * 100) / 100, row["price"]!.GetValue<decimal>());
        }
        // The specification says on which basis bids are compared with the tax-inclusive ceiling.
        var spec = Text("procurement-spec");
        Assert.Contains("（消費税及び地方消費税を含む。）とする。", spec, StringComparison.Ordinal);
        Assert.Contains("は消費税及び地方消費税を含まない額とし、", spec, StringComparison.Ordinal);
        Assert.Contains("に消費税及び地方消費税の額を加えた額がこれを超える者は", spec, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sla_report_sample_measures_the_slas_items_with_the_slas_agreed_values_and_weights()
    {
        var sla = DocumentTestSupport.Sample("sla")["sla"]!["items"]!.AsArray()
            .Where(i => i!["agreed"] is not null)
            .Select(i => (i!["indicator"]!.GetValue<string>(), i["agreed"]!.GetValue<string>(), i["weight"]!.GetValue<int>())).ToList();
        var report = DocumentTestSupport.Sample("sla-report")["sla_evaluation"]!["items"]!.AsArray()
            .Select(i => (i!["indicator"]!.GetValue<string>(), i["agreed"]!.GetValue<string>(), i["weight"]!.GetValue<int>())).ToList();

        Assert.Equal(sla, report);
        var text = Text("sla-report");
        Assert.DoesNotContain("0.5時間", text, StringComparison.Ordinal);
        Assert.Contains("97.72%", text, StringComparison.Ordinal);
        Assert.Contains("2,188,800円", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_specification_identifies_external_characters_per_the_character_set_of_each_businesss_data_standard()
    {
        var text = Text("procurement-spec");
        Assert.Contains("住民基本台帳、個人住民税のデータの外字は、行政事務標準文字に同定すること。", text, StringComparison.Ordinal);
        Assert.Contains("収滞納管理のデータの外字は、文字情報基盤文字（MJ文字）に同定すること。", text, StringComparison.Ordinal);
        Assert.Contains("同定できない文字は、構成団体と協議の上、対応方法を決定すること。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("外字は、文字情報基盤の文字に同定し", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_specification_and_the_sla_samples_state_the_same_service_hours()
    {
        var sla = DocumentTestSupport.Sample("sla")["sla"]!["service_hours"]!.GetValue<string>();
        Assert.Equal(sla, DocumentTestSupport.Sample("procurement-spec")["specification"]!["service_hours"]!.GetValue<string>());
        Assert.Contains($"{sla}とする。", Text("procurement-spec"), StringComparison.Ordinal);
        Assert.Contains($"計画サービス時間　{sla}", Text("sla"), StringComparison.Ordinal);
    }
}

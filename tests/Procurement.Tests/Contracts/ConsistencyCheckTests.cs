using Procurement.Features.Contracts.Consistency;
using Procurement.Features.Documents.Rendering;
using Procurement.Tests.Documents;

namespace Procurement.Tests.Contracts;

/// <summary>
/// The consistency check on the sample renders of the 調達仕様書, 契約書（案）, SLA and 特記事項: clean as they stand,
/// and each kind of contradiction planted in the rendered text (as a template edit or stray data would put it) is
/// found, with the documents and clauses involved.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class ConsistencyCheckTests
{
    private static readonly Lazy<Dictionary<string, string>> Rendered = new(() =>
        new[] { "procurement-spec", "contract", "sla", "privacy-clauses" }.ToDictionary(
            kind => kind, kind => DocxText.Extract(DocumentTestSupport.Renderer.RenderJson(kind, DocumentTestSupport.Sample(kind)).Bytes)));

    private static readonly CaseRecords Records = new(
        AwardBid: 415_000_000, Award: "信州情報システム株式会社", Kou: "高森町", GoLive: new DateOnly(2028, 4, 1),
        PeriodStart: new DateOnly(2027, 7, 1), PeriodEnd: new DateOnly(2033, 3, 31),
        SlaTargets: [("稼働率", "99.9％以上（月間）"), ("計画停止の事前通知", "30日前まで"), ("障害復旧時間", "1時間以内（基幹業務）")]);

    private static readonly Dictionary<string, string> Titles = new()
    {
        ["procurement-spec"] = "調達仕様書", ["contract"] = "契約書（案）", ["sla"] = "SLA合意書（案）", ["privacy-clauses"] = "個人情報取扱特記事項",
    };

    /// <summary>The four documents, with <paramref name="kind"/>'s text changed from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static ConsistencyReport CheckWith(CaseRecords records, params (string Kind, string From, string To)[] plants)
    {
        var texts = new Dictionary<string, string>(Rendered.Value);
        foreach (var (kind, from, to) in plants)
        {
            Assert.Contains(from, texts[kind], StringComparison.Ordinal); // the plant must land
            texts[kind] = texts[kind].Replace(from, to, StringComparison.Ordinal);
        }
        return ConsistencyCheck.Check(texts.Select(t => new CheckedDocument(Titles[t.Key], t.Key, 1, null, t.Value)).ToList(), records);
    }

    private static Contradiction Single(ConsistencyReport report, string topic)
    {
        var found = Assert.Single(report.Contradictions);
        Assert.Equal(topic, found.Topic);
        return found;
    }

    [Fact]
    public void The_sample_documents_agree_with_each_other_and_with_the_records()
    {
        var report = CheckWith(Records);
        Assert.True(report.Clean, string.Join("\n", report.Contradictions.Select(c => $"{c.Topic}: {string.Join(" / ", c.Statements.Select(s => $"{s.Document} {s.Clause} {s.Value}"))}")));
        Assert.Equal(4, report.Documents.Count);
    }

    [Fact]
    public void A_measurement_cycle_stated_differently_in_the_SLA_is_found_with_its_article()
    {
        var c = Single(CheckWith(Records, ("sla", "サービスレベルの各項目を毎月測定し", "サービスレベルの各項目を3か月ごとに測定し")), ConsistencyCheck.MeasurementCycle);
        Assert.Contains(c.Statements, s => s.Document == "SLA合意書（案） 第1版" && s.Clause == "第2条（契約との関係）" && s.Value == "3か月ごと");
        Assert.Contains(c.Statements, s => s.Document == "契約書（案） 第1版" && s.Clause.StartsWith("第17条", StringComparison.Ordinal) && s.Value == "毎月");
    }

    [Fact]
    public void A_report_cycle_that_differs_between_the_contract_and_the_specification_is_found()
    {
        var c = Single(CheckWith(Records, ("contract", "3か月ごとに甲に報告", "1か月ごとに甲に報告")), ConsistencyCheck.ReportCycle);
        Assert.Contains(c.Statements, s => s.Document.StartsWith("契約書（案）", StringComparison.Ordinal) && s.Value == "1か月ごと");
        Assert.Contains(c.Statements, s => s.Document.StartsWith("調達仕様書", StringComparison.Ordinal) && s.Clause == "1　サービスレベル" && s.Value == "3か月ごと");
    }

    [Fact]
    public void An_SLA_value_other_than_the_agreed_one_is_found()
    {
        var c = Single(CheckWith(Records, ("sla", "| 稼働率 | 99.9％以上（月間）", "| 稼働率 | 99.5％以上（月間）")), ConsistencyCheck.SlaValuePrefix + "稼働率");
        Assert.Equal("99.9％以上（月間）（SLAの記録）", c.Expected);
        var s = Assert.Single(c.Statements);
        Assert.Equal("第5条（サービスレベル項目）", s.Clause);
        Assert.StartsWith("99.5％以上", s.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contract_amount_other_than_the_awarded_bid_plus_tax_is_found()
    {
        var c = Single(CheckWith(Records with { AwardBid = 410_000_000 }), ConsistencyCheck.ContractAmount);
        Assert.Equal("金451,000,000円（落札額410,000,000円＋消費税及び地方消費税）", c.Expected);
        var s = Assert.Single(c.Statements);
        Assert.Equal(("契約書（案） 第1版", "第3条（契約金額）", "金456,500,000円"), (s.Document, s.Clause, s.Value));
    }

    [Fact]
    public void A_contract_period_the_specification_ends_differently_is_found()
    {
        var c = Single(CheckWith(Records, ("procurement-spec", "契約締結日から令和15年（2033年）3月31日まで", "契約締結日から令和14年（2032年）3月31日まで")), ConsistencyCheck.ContractEnd);
        Assert.Contains(c.Statements, s => s.Document.StartsWith("調達仕様書", StringComparison.Ordinal) && s.Clause == "8　契約期間");
        Assert.Contains(c.Statements, s => s.Document.StartsWith("契約書（案）", StringComparison.Ordinal) && s.Clause == "第2条（契約期間）");
    }

    [Fact]
    public void A_schedule_whose_go_live_differs_from_the_stated_go_live_is_found()
    {
        var c = Single(CheckWith(Records, ("procurement-spec", "| 本稼働 | 令和10年（2028年）4月1日", "| 本稼働 | 令和11年（2029年）4月1日")), ConsistencyCheck.GoLive);
        Assert.Contains(c.Statements, s => s.Value == "令和11年（2029年）4月1日" && s.Clause == "10　スケジュール");
    }

    [Theory]
    [InlineData("contract", "契約終了日の3か月前までに", "契約終了日の6か月前までに", ConsistencyCheck.DataProvision)]
    [InlineData("privacy-clauses", "確認した日から30日以内", "確認した日から60日以内", ConsistencyCheck.Erasure)]
    [InlineData("privacy-clauses", "消去の日から7日以内", "消去の日から14日以内", ConsistencyCheck.ErasureCertificate)]
    [InlineData("procurement-spec", "契約終了後6か月間", "契約終了後3か月間", ConsistencyCheck.Cooperation)]
    [InlineData("sla", "| 計画停止の事前通知 | 30日前まで", "| 計画停止の事前通知 | 14日前まで", ConsistencyCheck.SlaValuePrefix + "計画停止の事前通知")]
    public void A_notice_erasure_or_cooperation_period_stated_differently_is_found(string kind, string from, string to, string topic)
    {
        var c = Single(CheckWith(Records, (kind, from, to)), topic);
        Assert.Contains(c.Statements, s => s.Document.StartsWith(Titles[kind], StringComparison.Ordinal) && s.Clause.Length > 0 && s.Excerpt.Contains(to, StringComparison.Ordinal));
    }

    [Fact]
    public void A_party_named_differently_in_one_document_or_from_the_award_is_found()
    {
        var otsu = Single(CheckWith(Records, ("sla", "と信州情報システム株式会社（以下「乙」という。）", "と信州情報サービス株式会社（以下「乙」という。）")), ConsistencyCheck.Otsu);
        Assert.Contains(otsu.Statements, s => s.Document.StartsWith("SLA合意書", StringComparison.Ordinal) && s.Clause == "前文" && s.Value == "信州情報サービス株式会社");

        var kou = Single(CheckWith(Records with { Kou = "南信州町村自治体クラウド協議会" }), ConsistencyCheck.Kou);
        Assert.Equal("南信州町村自治体クラウド協議会（グループの法的形態による）", kou.Expected);
    }

    [Fact]
    public void Japanese_era_and_western_dates_are_read_alike()
    {
        Assert.Equal(new DateOnly(2028, 4, 1), ConsistencyCheck.ParseDate("令和10年（2028年）4月1日"));
        Assert.Equal(new DateOnly(2028, 4, 1), ConsistencyCheck.ParseDate("令和10年4月1日"));
        Assert.Equal(new DateOnly(2019, 5, 1), ConsistencyCheck.ParseDate("令和元年5月1日"));
        Assert.Equal(new DateOnly(2027, 7, 1), ConsistencyCheck.ParseDate("2027年7月1日"));
        Assert.Null(ConsistencyCheck.ParseDate("令和10年2月30日"));
    }
}

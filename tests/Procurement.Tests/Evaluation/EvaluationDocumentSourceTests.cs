using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Tests.Documents;

namespace Procurement.Tests.Evaluation;

/// <summary>The evaluation's document section on its own: ties broken by lot and rank voting reach the 審査結果報告書 as the engine decided them.</summary>
[Trait("Lane", "Fast")]
public sealed class EvaluationDocumentSourceTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), M1 = Guid.NewGuid(), M2 = Guid.NewGuid();
    private static readonly DateTimeOffset Closed = new(2027, 6, 10, 1, 0, 0, TimeSpan.Zero);

    private static (EvaluationView View, List<ScoreSheetView> Sheets) TiedCase(bool withLot)
    {
        var view = new EvaluationView
        {
            Criteria = [new CriteriaCategory("1", "提案内容", [new CriteriaItem("1-1", "業務機能の網羅性", 50, ScaleKind.FiveLevel)])],
            Settings = new EvaluationSettings(Aggregation.Average, PriceMethod.None),
            Vendors = [new EvaluatedVendor(A, "甲システム株式会社"), new EvaluatedVendor(B, "乙情報サービス株式会社")],
            Members = [new CommitteeSeat(M1, "豊丘 一郎", Closed), new CommitteeSeat(M2, "南 信夫", Closed)],
            ChairId = M2,
            TechnicalClosed = true,
            TechnicalClosedAt = Closed,
        };
        if (withLot) view.Lots.Add(new LotEntry([B, A], "喬木村総務課長 喬木 由美", "立会人2名", "高森 花子", Closed.AddDays(2)));
        var sheets = new[] { M1, M2 }.Select(m => new ScoreSheetView
        {
            MemberId = m,
            Status = ScoreSheetStatus.Submitted,
            Cells = new[] { A, B }.ToDictionary(v => ScoreSheetView.Key(v, "1-1"), v => new ScoreCell(v, "1-1", 4, null)),
        }).ToList();
        return (view, sheets);
    }

    private static EvaluationInfo Info(EvaluationView view, List<ScoreSheetView> sheets) =>
        EvaluationDocumentSource.Evaluation(view, ScoringEngine.Compute(EvaluationInputs.Build(view, sheets, includePrices: true)))!;

    [Fact]
    public void A_tie_for_first_without_a_lot_leaves_the_winner_undecided_and_says_what_is_pending()
    {
        var (view, sheets) = TiedCase(withLot: false);
        var info = Info(view, sheets);

        Assert.False(info.Final);
        Assert.Null(info.Award);
        Assert.Null(info.DecidedOn);
        Assert.Contains(info.Pending!, p => p.Contains("くじの結果を記録してください", StringComparison.Ordinal));
        var tie = Assert.Single(info.Ties!);
        Assert.Equal(("未解消", "甲システム株式会社・乙情報サービス株式会社"), (tie.Resolution, tie.Vendors));
        Assert.All(info.Results!, r => Assert.Equal(1, r.Rank));

        var text = Render(info);
        Assert.Contains("審査の結果は暫定である（〔未確定事項", text, StringComparison.Ordinal);
        Assert.Contains("優先交渉権者は、〔未確定事項", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lot_decides_the_order_and_the_report_names_who_drew_it_and_when()
    {
        var (view, sheets) = TiedCase(withLot: true);
        var info = Info(view, sheets);

        Assert.True(info.Final);
        Assert.Equal("乙情報サービス株式会社", info.Award);
        Assert.Equal("2027-06-12", info.DecidedOn); // the lot, drawn two days after the close, decided it
        var tie = Assert.Single(info.Ties!);
        Assert.Equal(("くじ", "乙情報サービス株式会社・甲システム株式会社", "喬木村総務課長 喬木 由美", "2027-06-12"), (tie.Resolution, tie.Vendors, tie.DrawnBy, tie.DrawnOn));
        Assert.Equal([("乙情報サービス株式会社", 1, "くじにより順位を決定"), ("甲システム株式会社", 2, "くじにより順位を決定")],
            info.Results!.Select(r => (r.Vendor, r.Rank, r.Note)));

        var text = Render(info);
        Assert.Contains("| 乙情報サービス株式会社・甲システム株式会社 | くじ | ", text, StringComparison.Ordinal);
        Assert.Contains("| 喬木村総務課長 喬木 由美 | 令和9年6月12日", text, StringComparison.Ordinal);
        Assert.Contains("乙情報サービス株式会社（令和9年6月12日決定）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_close_the_section_has_method_and_criteria_but_no_result_at_all()
    {
        var (view, sheets) = TiedCase(withLot: false);
        view.TechnicalClosed = false;
        var info = EvaluationDocumentSource.Evaluation(view, null)!;

        Assert.Equal("技術評価（価格評価なし）", info.Method);
        Assert.Equal(50, info.TechnicalPoints);
        Assert.Single(info.Criteria);
        Assert.Null(info.Results);
        Assert.Null(info.MemberTotals);
        Assert.Null(info.Breakdown);
        Assert.Null(info.Award);
        Assert.NotEmpty(sheets);
    }

    private static string Render(EvaluationInfo info)
    {
        var data = DocumentTestSupport.Sample("evaluation-report");
        data["settings"]!["date_style"] = "wareki_only";
        data["evaluation"] = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(info, DocumentModel.Json));
        var doc = DocumentTestSupport.Renderer.RenderJson("evaluation-report", data);
        Assert.Empty(DocumentRenderer.Validate(doc.Bytes));
        return DocxText.Extract(doc.Bytes);
    }
}

using Procurement.Features.Demo;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Users;

namespace Procurement.Features.Evaluation;

/// <summary>
/// Demo mode only: the demo case's evaluation is ready for scoring (three vendors, criteria, committee seated,
/// proposals opened, prices in the envelope), so a demo starts at the member's conflict declaration.
/// Called after <see cref="DemoData.SeedAsync"/>; does nothing when the evaluation already has events.
/// </summary>
public static class EvaluationDemo
{
    public static readonly Guid VendorA = new("6a0f3c1e-2b59-4c35-9a7e-00000000a001");
    public static readonly Guid VendorB = new("6a0f3c1e-2b59-4c35-9a7e-00000000a002");
    public static readonly Guid VendorC = new("6a0f3c1e-2b59-4c35-9a7e-00000000a003");

    public static readonly IReadOnlyList<CriteriaCategory> Criteria =
    [
        new("0", "必須要件",
        [
            new("0-1", "LGWAN-ASPとして提供できること", 0, ScaleKind.PassFail, Required: true),
            new("0-2", "契約終了時に標準レイアウトでデータを提供できること", 0, ScaleKind.PassFail, Required: true),
        ]),
        new("1", "提案内容",
        [
            new("1-1", "業務機能の網羅性", 20, ScaleKind.FiveLevel),
            new("1-2", "操作性・画面の見やすさ", 10, ScaleKind.FiveLevel),
            new("1-3", "法制度改正への対応", 10, ScaleKind.FiveLevel),
            new("1-4", "データ移行の方法と体制", 10, ScaleKind.FiveLevel),
        ]),
        new("2", "機能適合",
        [
            new("2-1", "住民票の写し等の交付", 5, ScaleKind.FitGap),
            new("2-2", "転入・転出の処理", 5, ScaleKind.FitGap),
            new("2-3", "帳票の出力", 5, ScaleKind.FitGap),
            new("2-4", "外字の取扱い", 5, ScaleKind.FitGap),
        ]),
        new("3", "運用・保守",
        [
            new("3-1", "障害時の対応体制", 15, ScaleKind.Number),
            new("3-2", "サービスレベルの水準", 15, ScaleKind.Number),
        ]),
    ];

    public static readonly EvaluationSettings Settings = new(Aggregation.Average, PriceMethod.Additive, TechnicalWeight: 2, PriceWeight: 1, PassLineRatio: 0.6m,
        Rounding: new RoundingSettings(RoundingRule.Exact, RoundingRule.Exact, new RoundingRule(RoundingMode.Truncate, 3), new RoundingRule(RoundingMode.Truncate, 2)));

    public static async Task SeedAsync(IDocumentStore store, TimeProvider clock, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var streamId = EvaluationStreams.Evaluation(DemoData.CaseId);
        if (await session.Events.FetchStreamStateAsync(streamId, ct) is not null) return;

        var by = Actor.System;
        var now = clock.GetUtcNow();
        var caseId = DemoData.CaseId;
        var events = new List<object>
        {
            new EvaluationVendorAdded(caseId, VendorA, "甲システム株式会社", by, now),
            new EvaluationVendorAdded(caseId, VendorB, "乙情報サービス株式会社", by, now),
            new EvaluationVendorAdded(caseId, VendorC, "丙テクノロジー株式会社", by, now),
            new CriteriaDefined(caseId, Criteria, Settings, by, now),
        };
        foreach (var (userName, chair, position) in new[] { ("member1", false, "豊丘村 総務課長"), ("member2", false, "喬木村 企画財政課長"), ("chair", true, "高森町 副町長") })
        {
            var account = await session.Query<UserAccount>().FirstOrDefaultAsync(u => u.UserName == userName, ct);
            if (account is not null) events.Add(new CommitteeMemberAppointed(caseId, account.Id, account.DisplayName, chair, by, now, position));
        }
        events.Add(new ProposalsOpened(caseId, by, now));
        events.Add(new ReservePriceRecorded(caseId, 480_000_000, "RFQ見積（3者）の比較に基づく", by, now));
        events.Add(new BidPriceRecorded(caseId, VendorA, 432_000_000, by, now));
        events.Add(new BidPriceRecorded(caseId, VendorB, 456_000_000, by, now));
        events.Add(new BidPriceRecorded(caseId, VendorC, 410_000_000, by, now));
        session.Events.StartStream<EvaluationView>(streamId, events.ToArray());
        await session.SaveChangesAsync(ct);
    }
}

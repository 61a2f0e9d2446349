using Procurement.Features.Survey;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Survey;

/// <summary>現行システム概要調査 rows, Given(events) When(command) Then(events | refusal).</summary>
[Trait("Lane", "Fast")]
public sealed class SurveyDecisionTests
{
    private static readonly Guid CaseId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000c004");
    private static readonly Actor By = new(Guid.Parse("0b1c0000-0000-0000-0000-000000000001"), "高森 花子");
    private static readonly DateTimeOffset At = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private static readonly string[] Members = ["高森町", "阿智村"];

    private static CurrentSystem Row(string municipality) => new(Guid.Parse("5e000000-0000-0000-0000-000000000001"), municipality, "住民基本台帳", "住基パッケージ",
        "信州情報システム株式会社", ContractForm.Lease, new DateOnly(2021, 4, 1), new DateOnly(2028, 3, 31), 1_000_000, 3_000_000, 0.5m, "LGWAN", "", "");

    [Fact]
    public void Rows_of_member_municipalities_are_recorded_and_others_or_none_are_refused_with_the_name()
    {
        var spec = () => new DecisionSpec<CurrentSystemSurveyProjection, CurrentSystemSurvey>();

        spec().When(s => SurveyDecision.Decide(s, new RecordCurrentSystemsCommand(CaseId, [Row("高森町")], "調査票"), Members, By, At))
            .Then(new CurrentSystemsRecorded(CaseId, [Row("高森町")], "調査票", By, At));
        spec().When(s => SurveyDecision.Decide(s, new RecordCurrentSystemsCommand(CaseId, [Row("飯田市")], "調査票"), Members, By, At))
            .ThenRefused("「{0}」はこのグループの構成団体ではありません。", "飯田市");
        spec().When(s => SurveyDecision.Decide(s, new RecordCurrentSystemsCommand(CaseId, [], "調査票"), Members, By, At))
            .ThenRefused("登録する行がありません。");
    }

    [Fact]
    public void A_recorded_row_is_removed_once()
    {
        var recorded = new CurrentSystemsRecorded(CaseId, [Row("高森町")], "調査票", By, At);
        var remove = new RemoveCurrentSystemCommand(CaseId, Row("高森町").EntryId);

        new DecisionSpec<CurrentSystemSurveyProjection, CurrentSystemSurvey>().Given(recorded)
            .When(s => SurveyDecision.Decide(s, remove, By, At))
            .Then(new CurrentSystemRemoved(CaseId, Row("高森町").EntryId, "高森町", "住民基本台帳", By, At));
        new DecisionSpec<CurrentSystemSurveyProjection, CurrentSystemSurvey>().Given(recorded, new CurrentSystemRemoved(CaseId, Row("高森町").EntryId, "高森町", "住民基本台帳", By, At))
            .When(s => SurveyDecision.Decide(s, remove, By, At))
            .ThenRefused("指定された行は既に削除されています。");
    }
}

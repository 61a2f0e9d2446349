using Procurement.Features.FitGap;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Validation;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.FitGap;

/// <summary>Fit &amp; Gap decisions, Given(events) When(command) Then(events | refusal).</summary>
[Trait("Lane", "Fast")]
public sealed class FitGapDecisionTests
{
    private static readonly Guid CaseId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000c005");
    private static readonly Actor By = new(Guid.Parse("0b1c0000-0000-0000-0000-000000000001"), "高森 花子");
    private static readonly DateTimeOffset At = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private static readonly FunctionListImported Imported = new(CaseId, "住基パッケージ",
        [new PackageFunction("F-001", "住民記録", "転入届の受付", FunctionKind.Function)], By, At);

    [Fact]
    public void A_fit_is_recorded_as_needing_nothing_and_a_function_not_on_the_list_is_refused()
    {
        var spec = () => new DecisionSpec<FitGapViewProjection, FitGapView>().Given(Imported);

        spec().When(v => AssessFunctionDecision.Decide(v, new AssessFunctionCommand(CaseId, "F-001", Fit.Fit, GapDecision.ChangeWork, " 標準どおり ", "", ""), By, At))
            .Then(new FitGapAssessed(CaseId, "F-001", Fit.Fit, GapDecision.None, "標準どおり", "", "", By, At));
        spec().When(v => AssessFunctionDecision.Decide(v, new AssessFunctionCommand(CaseId, "F-999", Fit.Fit, null, "", "", ""), By, At))
            .ThenRefused("指定された機能は一覧にありません。");
    }

    [Fact]
    public void A_new_list_loaded_before_someone_else_replaced_it_is_stale()
    {
        var replace = new ImportFunctionListCommand(CaseId, "別パッケージ", [], ExpectedVersion: 0);
        var second = Imported with { PackageName = "住基パッケージ v2" };

        Assert.Throws<StaleVersionException>(() => new DecisionSpec<FitGapViewProjection, FitGapView>().Given(Imported, second)
            .When(v => AssessFunctionDecision.Decide(v, replace with { ExpectedVersion = 1 }, By, At)));
        new DecisionSpec<FitGapViewProjection, FitGapView>()
            .When(v => AssessFunctionDecision.Decide(v, replace, By, At))
            .Then(new FunctionListImported(CaseId, "別パッケージ", [], By, At));
    }
}

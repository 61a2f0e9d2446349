using Procurement.Features.Cases;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Cases;

/// <summary>The case header's decisions, Given(events) When(command) Then(events | refusal).</summary>
[Trait("Lane", "Fast")]
public sealed class CaseDecisionTests
{
    private static readonly Guid CaseId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000c001");
    private static readonly Actor By = new(Guid.Parse("0b1c0000-0000-0000-0000-000000000001"), "高森 花子");
    private static readonly DateTimeOffset At = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private static readonly CaseOpened Opened = new(CaseId, Guid.NewGuid(), "住民情報系システム共同利用調達", ["juminkiroku"], CloudForm.SaaS,
        new DateOnly(2028, 4, 1), 500_000_000, By, At, ProcurementProcedure.PublicProposal);

    private static ChangeCaseDetailsCommand Change(string title, ProcurementProcedure? procedure = null) =>
        new(CaseId, 1, title, ["juminkiroku", "juminkiroku"], CloudForm.SaaS, new DateOnly(2028, 4, 1), 500_000_000, procedure);

    [Fact]
    public void Details_as_they_stand_record_nothing_and_a_changed_title_is_recorded_with_the_procedure_only_when_it_changed()
    {
        var spec = () => new DecisionSpec<CaseSummaryProjection, CaseSummary>().Given(Opened);

        spec().When(c => ChangeCaseDetailsDecision.Decide(c, Change(" 住民情報系システム共同利用調達 ", ProcurementProcedure.PublicProposal), By, At)).Then();
        spec().When(c => ChangeCaseDetailsDecision.Decide(c, Change("住民情報系システム共同利用調達（第2期）"), By, At))
            .Then(new CaseDetailsChanged(CaseId, "住民情報系システム共同利用調達（第2期）", ["juminkiroku"], CloudForm.SaaS, new DateOnly(2028, 4, 1), 500_000_000, By, At));
        spec().When(c => ChangeCaseDetailsDecision.Decide(c, Change("住民情報系システム共同利用調達", ProcurementProcedure.ComprehensiveTender), By, At))
            .Then(new CaseDetailsChanged(CaseId, "住民情報系システム共同利用調達", ["juminkiroku"], CloudForm.SaaS, new DateOnly(2028, 4, 1), 500_000_000, By, At,
                ProcurementProcedure.ComprehensiveTender));
    }

    [Fact]
    public void A_case_that_does_not_exist_is_refused_and_a_new_case_needs_no_state()
    {
        new DecisionSpec<CaseSummaryProjection, CaseSummary>()
            .When(c => ChangeCaseDetailsDecision.Decide(c, Change("住民情報系"), By, At))
            .ThenRefused("案件が見つかりません。");

        var opened = OpenCaseDecision.Decide(CaseId, new OpenCaseCommand(Opened.GroupId, " 住民情報系システム共同利用調達 ", ["juminkiroku", "juminkiroku"],
            CloudForm.SaaS, new DateOnly(2028, 4, 1), 500_000_000), By, At);
        Assert.False(opened.IsRefused);
        var e = Assert.IsType<CaseOpened>(Assert.Single(opened.Events));
        Assert.Equal(("住民情報系システム共同利用調達", 1, ProcurementProcedures.Default), (e.Title, e.TargetBusinesses.Count, e.Procedure));
    }
}

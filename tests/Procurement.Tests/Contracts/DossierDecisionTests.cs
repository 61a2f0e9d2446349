using Procurement.Features.Cases;
using Procurement.Features.Contracts;
using Procurement.Features.Sla;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Contracts;

/// <summary>The contract dossier's decisions, Given(events) When(change | review | submission) Then(events | refusal).</summary>
[Trait("Lane", "Fast")]
public sealed class DossierDecisionTests
{
    private static readonly CaseSummary Case = new() { Id = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000a001"), GroupId = Guid.Parse("6a0f3c1e-2b59-4c35-9a7e-00000000a002"), Title = "住民情報系" };
    private static readonly Guid DossierId = ContractStreams.DossierId(Case.Id);
    private static readonly Actor By = new(Guid.Parse("0b1c0000-0000-0000-0000-000000000001"), "高森 花子");
    private static readonly DateTimeOffset At = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private static readonly ContractDossierOpened Opened = new(DossierId, Case.Id, Case.GroupId, By, At);
    private static readonly ContractTerms Terms = ContractTermsParsing.Defaults;

    private static DecisionSpec<ContractDossierProjection, ContractDossier> Spec(params object[] given) =>
        new DecisionSpec<ContractDossierProjection, ContractDossier>().Given(given);

    private static Decision SaveTerms(ContractDossier? d) =>
        DossierRules.Change(d, Case, By, At, version => new ContractTermsSaved(DossierId, version, Terms, By, At));

    [Fact]
    public void The_first_change_opens_the_dossier_and_later_ones_change_the_working_version()
    {
        Spec().When(SaveTerms).Then(Opened, new ContractTermsSaved(DossierId, 1, Terms, By, At));
        var sla = SlaPresets.Create(SlaPreset.CoreBusiness);
        Spec(Opened, new ContractTermsSaved(DossierId, 1, Terms, By, At))
            .When(d => DossierRules.Change(d, Case, By, At, version => new SlaSaved(DossierId, version, sla, By, At)))
            .Then(new SlaSaved(DossierId, 1, sla, By, At));
    }

    [Fact]
    public void A_draft_is_submitted_only_with_its_sla_and_reviewed_only_when_that_version_is_under_review()
    {
        Assert.Equal("先にSLAを作成してください。", SubmitDraftDecision.CheckSubmittable(null, null).Refusal);
        Spec(Opened, new ContractTermsSaved(DossierId, 1, Terms, By, At))
            .When(d => SubmitDraftDecision.CheckSubmittable(d, null)).ThenRefused("先にSLAを作成してください。");
        Spec(Opened, new ContractTermsSaved(DossierId, 1, Terms, By, At))
            .When(d => ReviewDecision.SendBack(d!, new SendDraftBackCommand(Case.Id, 2, 1, "第3条を見直してください"), By, At))
            .ThenRefused("指定された版が見つかりません。");
    }
}

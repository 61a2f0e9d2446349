using System.Globalization;
using Procurement.Features.Cases;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Guards;
using Procurement.Features.Workflows.Runtime;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;

namespace Procurement.Tests.Workflows;

/// <summary>Workflow refusals are decided in the reader's language: step titles and role names as the page shows them.</summary>
[Trait("Lane", "Fast")]
public sealed class WorkflowRefusalLanguageTests
{
    private static readonly WorkflowDefinition Definition = WorkflowCatalog.Load(WorkflowFolders.Shipped).FindLatest("joint-cloud-procurement")!;
    private static readonly WorkflowActor Officer = new(new Actor(Guid.NewGuid(), "高森 花子"), new HashSet<string>([Roles.Officer], StringComparer.Ordinal));

    private static string Refusal(string stepId)
    {
        var now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var @case = new CaseSummary { Id = Guid.NewGuid(), GroupId = Guid.NewGuid(), Title = "試験" };
        var view = ((CaseWorkflowView?)null).With(StartWorkflow.Decide(null, @case, Definition, Officer, now).Events)!;
        return CompleteStep.Decide(view, Definition, new CompleteStepCommand(view.Id, stepId, null, null, false),
            Officer, new Dictionary<string, GuardResult>(), now).RefusalText(new UiText());
    }

    [Fact]
    public void A_step_that_has_not_started_is_named_by_its_title_in_Japanese_and_in_English()
    {
        var step = Definition.Step("procurement-spec");
        Assert.Equal($"「{step.Title.Ja}」はまだ開始されていません（前のステップが完了していません）。", Refusal("procurement-spec"));

        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            Assert.Equal($"\"{step.Title.En}\" has not started yet (an earlier step is not complete).", Refusal("procurement-spec"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static T InEnglish<T>(Func<T> act)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try { return act(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void Starting_twice_and_migrating_to_an_older_version_are_refused_in_the_reader_s_language()
    {
        var now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var @case = new CaseSummary { Id = Guid.NewGuid(), GroupId = Guid.NewGuid(), Title = "試験" };
        var view = ((CaseWorkflowView?)null).With(StartWorkflow.Decide(null, @case, Definition, Officer, now).Events)!;
        string StartAgain() => StartWorkflow.Decide(view, @case, Definition, Officer, now).RefusalText(new UiText());
        string MigrateToSame() => MigrateCase.Decide(view, Definition, Definition,
            new MigrateCaseCommand(view.Id, Definition.Version, new Dictionary<string, string>(), "版の更新"), Officer, now).RefusalText(new UiText());

        Assert.Equal($"この案件は既に手続「{Definition.Id}」第{Definition.Version}版で進行しています。", StartAgain());
        Assert.Equal($"This case is already following the procedure \"{Definition.Id}\" version {Definition.Version}.", InEnglish(StartAgain));
        Assert.Equal($"移行先は現在の第{Definition.Version}版より新しい版を選んでください。", MigrateToSame());
        Assert.Equal($"Choose a version newer than the current version {Definition.Version}.", InEnglish(MigrateToSame));
    }
}

using CsCheck;
using Procurement.Features.Cases;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Guards;
using Procurement.Features.Workflows.Runtime;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;

namespace Procurement.Tests.Workflows.Runtime;

/// <summary>
/// Any order of completions, skips, choices and send-backs through a shipped definition keeps the
/// runtime's promises: a join is active only when its tracks are done, no step is both active and
/// completed, and the case always reaches exactly one final step.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class RandomWalkTests
{
    private static readonly WorkflowCatalog Catalog = WorkflowCatalog.Load(WorkflowFolders.Shipped);
    private static readonly WorkflowActor Everyone = new(new Actor(Guid.NewGuid(), "試験 太郎"), Roles.All.ToHashSet(StringComparer.Ordinal));

    [Theory]
    [InlineData("joint-cloud-procurement")]
    [InlineData("join-existing-cloud")]
    public void Random_walks_always_finish_and_never_break_a_join(string definitionId)
    {
        var definition = Catalog.FindLatest(definitionId)!;
        Gen.Int[0, 1_000_000].Array[400].Sample(random => Walk(definition, random), iter: 200);
    }

    private static void Walk(WorkflowDefinition d, int[] random)
    {
        var now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var @case = new CaseSummary { Id = Guid.NewGuid(), GroupId = Guid.NewGuid(), Title = "試験" };
        var view = ((CaseWorkflowView?)null).With(EventStreamWriter.Accept(StartWorkflow.Decide(null, @case, d, Everyone, now)))!;
        var sendBacks = 0;

        for (var i = 0; i < random.Length && !view.Finished; i++)
        {
            var r = random[i];
            var active = view.Active.Select(a => a.StepId).ToList();
            var completed = view.Completed.Select(c => c.StepId).ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(active);
            Assert.DoesNotContain(active, completed.Contains);
            foreach (var join in active.Select(d.Step).Where(s => s.IsJoin)) Assert.All(join.Join, j => Assert.Contains(j, completed));

            var step = d.Step(active[r % active.Count]);
            var targets = d.Steps.Where(s => completed.Contains(s.Id) && WorkflowRuntime.CanSendBack(d, step.Id, s.Id)).ToList();
            if (sendBacks < 3 && r % 7 == 0 && targets.Count > 0)
            {
                var to = targets[r / 7 % targets.Count];
                view = view.With(EventStreamWriter.Accept(SendBack.Decide(view, d, new SendBackCommand(view.Id, step.Id, to.Id, "再検討"), Everyone, now)))!;
                sendBacks++;
                continue;
            }

            var choice = step.Choice.Count > 0 ? step.Choice[r / 3 % step.Choice.Count].To : null;
            var skip = step.Optional && r % 2 == 0;
            var guards = step.Guards.ToDictionary(g => g, _ => GuardResult.Pass);
            view = view.With(EventStreamWriter.Accept(CompleteStep.Decide(view, d, new CompleteStepCommand(view.Id, step.Id, null, choice, skip), Everyone, guards, now)))!;
        }

        Assert.True(view.Finished, $"not finished; active: {string.Join(", ", view.Active.Select(a => a.StepId))}");
        Assert.Single(view.Completed, c => d.Step(c.StepId).Final);
    }
}

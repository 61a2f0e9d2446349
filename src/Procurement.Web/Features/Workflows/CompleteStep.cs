using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Guards;
using Procurement.Features.Workflows.Runtime;
using static Procurement.Features.Workflows.Runtime.StepLifecycle;

namespace Procurement.Features.Workflows;

/// <summary>
/// The acting user finishes an active step, or skips it: an optional step by whoever may do it, any other step by an
/// officer with the reason in <paramref name="Note"/> (the step does not apply to this case).
/// <paramref name="Choice"/> names the branch at a choice step.
/// </summary>
[Access(Access.Internal)]
public sealed record CompleteStepCommand(
    Guid CaseId, string StepId, string? Note = null, string? Choice = null, bool Skip = false, long? ExpectedVersion = null)
    : ICommand<CaseWorkflowView>, ICaseRequest;

public sealed class CompleteStepValidator : AbstractValidator<CompleteStepCommand>
{
    public CompleteStepValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty().WithMessage("案件を指定してください。");
        RuleFor(c => c.StepId).NotEmpty().WithMessage("ステップを指定してください。");
        RuleFor(c => c.Note).MaximumLength(4000).WithMessage("メモは4,000文字以内で入力してください。");
    }
}

public static class CompleteStep
{
    public static Decision Decide(
        CaseWorkflowView view, WorkflowDefinition definition, CompleteStepCommand c, WorkflowActor actor,
        IReadOnlyDictionary<string, GuardResult> guards, DateTimeOffset now)
    {
        if (definition.FindStep(c.StepId) is not { } step) return Decision.Refuse("ステップ「{0}」はこの手続にありません。", c.StepId);
        var title = step.Title;

        var mayAct = new Guard(() => actor.MayAct(step), Reason.Of("「{0}」を担当するロール（{1}）ではありません。", title, WorkflowText.RoleNames(step.Roles)));
        var complete = new List<Guard> { mayAct };
        complete.AddRange(step.Guards.Select(name => guards.TryGetValue(name, out var r)
            ? new Guard(() => r.Passed, r.Unmet(name))
            : new Guard(() => false, Reason.Of("条件「{0}」を確認できません。", name))));
        if (step.Choice.Count > 0)
        {
            complete.Add(new Guard(() => step.Choice.Any(x => x.To == c.Choice),
                Reason.Of("次に進む先を選んでください（{0}）。", step.Choice.Select(x => x.Label).ToList())));
        }
        else if (c.Choice is not null)
        {
            complete.Add(new Guard(() => false, Reason.Of("「{0}」には選択肢がありません。", title)));
        }
        // An optional step may be skipped by whoever may do it; any other step that does not apply to this case only by
        // an officer who writes down why (the reason stays in the history).
        var skip = step.Optional
            ? new List<Guard> { mayAct }
            : [
                new(() => actor.IsOfficer, Reason.Of("「{0}」を省略できるのは調達担当です。", title)),
                new(() => !string.IsNullOrWhiteSpace(c.Note), Reason.Of("「{0}」を省略する理由をメモに入力してください。", title)),
            ];

        // A step still open although later work was recorded (out of order) can be completed or skipped where it stands.
        var open = view.IsActive(step.Id) || RecordedWork.LaterWorkExists(definition, view).Contains(step.Id);
        var state = view.IsCompleted(step.Id) ? State.Completed : open ? State.Active : State.Waiting;
        var refused = FireOrRefuse(Build(state, complete, skip, []), c.Skip ? Trigger.Skip : Trigger.Complete, state == State.Completed
            ? Reason.Of("「{0}」は既に完了しています。", title)
            : Reason.Of("「{0}」はまだ開始されていません（前のステップが完了していません）。", title));
        if (refused is not null) return refused;

        var completedAfter = view.Completed.Select(x => x.StepId).Append(step.Id).ToHashSet(StringComparer.Ordinal);
        var activeAfter = view.Active.Select(x => x.StepId).Where(s => s != step.Id).ToHashSet(StringComparer.Ordinal);
        var activated = WorkflowRuntime.ActivatedBy(definition, step, c.Skip ? null : c.Choice, completedAfter, activeAfter);
        var finished = activeAfter.Count == 0 && activated.Count == 0;

        var events = new List<object>
        {
            new StepCompleted(view.Id, step.Id, string.IsNullOrWhiteSpace(c.Note) ? null : c.Note.Trim(), c.Skip ? null : c.Choice,
                c.Skip, activated, finished, actor.Actor, now),
        };
        events.AddRange(WorkflowRuntime.DeadlinesStartedBy(definition, step, view.Id, completedAfter, actor.Actor, now));
        return Decision.Append(events);
    }
}

public sealed class CompleteStepHandler(
    IDocumentSession session, ICurrentUser user, WorkflowCatalog catalog, TimeProvider clock, IServiceProvider services)
    : ICommandHandler<CompleteStepCommand, CaseWorkflowView>
{
    public async ValueTask<CaseWorkflowView> Handle(CompleteStepCommand command, CancellationToken cancellationToken)
    {
        var stream = await WorkflowStreams.FetchAsync(session, command.CaseId, command.ExpectedVersion, cancellationToken);
        var view = stream.Aggregate ?? throw new DomainRuleException(WorkflowStreams.NotStarted);
        var definition = catalog.For(view);
        var now = clock.GetUtcNow();

        // Guards may query the database, so they run here; the decision itself only sees their results.
        var results = !command.Skip && definition.FindStep(command.StepId) is { } step && !view.IsCompleted(step.Id)
            ? await WorkflowGuards.EvaluateAsync(session, services, definition, view, step, now, cancellationToken)
            : new Dictionary<string, GuardResult>();

        var decision = CompleteStep.Decide(view, definition, command, WorkflowActor.From(user), results, now);
        return await WorkflowStreams.SaveAsync(session, stream, EventStreamWriter.Accept(decision), cancellationToken);
    }
}

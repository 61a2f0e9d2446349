using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Runtime;
using static Procurement.Features.Workflows.WorkflowText;

namespace Procurement.Features.Workflows;

/// <summary>An officer starts a case on a workflow; without a version the newest one is used and then kept for good.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record StartWorkflowCommand(Guid CaseId, string DefinitionId, int? Version = null, long? ExpectedVersion = null)
    : ICommand<CaseWorkflowView>, ICaseRequest;

public sealed class StartWorkflowValidator : AbstractValidator<StartWorkflowCommand>
{
    public StartWorkflowValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty().WithMessage("案件を指定してください。");
        RuleFor(c => c.DefinitionId).NotEmpty().WithMessage("手続定義を選んでください。");
        RuleFor(c => c.Version).GreaterThan(0).When(c => c.Version is not null).WithMessage("版は1以上です。");
    }
}

public static class StartWorkflow
{
    public static Decision Decide(CaseWorkflowView? current, CaseSummary @case, WorkflowDefinition definition, WorkflowActor actor, DateTimeOffset now)
    {
        if (!actor.IsOfficer) return Decision.Refuse("手続を開始できるのは調達担当です。");
        if (current is not null) return Decision.Refuse("この案件は既に手続「{0}」第{1}版で進行しています。", current.DefinitionId, current.DefinitionVersion);
        return Decision.Append(new WorkflowStarted(@case.Id, @case.GroupId, definition.Id, definition.Version, [definition.Start], actor.Actor, now));
    }
}

public sealed class StartWorkflowHandler(
    IDocumentSession session, CaseAccess access, ICurrentUser user, WorkflowCatalog catalog, TimeProvider clock)
    : ICommandHandler<StartWorkflowCommand, CaseWorkflowView>
{
    public async ValueTask<CaseWorkflowView> Handle(StartWorkflowCommand command, CancellationToken cancellationToken)
    {
        var @case = await WorkflowStreams.RequireCaseAsync(access, command.CaseId, cancellationToken);
        var definition = (command.Version is { } v ? catalog.Find(command.DefinitionId, v) : catalog.FindLatest(command.DefinitionId))
            ?? throw new DomainRuleException(command.Version is { } missing
                ? T.Format("手続定義「{0}」第{1}版が見つかりません。", command.DefinitionId, missing)
                : T.Format("手続定義「{0}」が見つかりません。", command.DefinitionId));
        var stream = await WorkflowStreams.FetchAsync(session, command.CaseId, command.ExpectedVersion, cancellationToken);
        var events = EventStreamWriter.Accept(StartWorkflow.Decide(stream.Aggregate, @case, definition, WorkflowActor.From(user), clock.GetUtcNow())).ToList();
        // Work recorded before the start (a survey, a cost share) completes its steps at once: the current step never lags.
        var view = ((CaseWorkflowView?)null).With(events)!;
        events.AddRange(RecordedWork.CatchUp(view, definition, await CaseRecords.LoadAsync(session, command.CaseId, cancellationToken)));
        return await WorkflowStreams.SaveAsync(session, stream, events, cancellationToken);
    }
}

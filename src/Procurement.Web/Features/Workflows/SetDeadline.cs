using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Runtime;

namespace Procurement.Features.Workflows;

/// <summary>An officer sets (or moves) the due date of a step not yet completed, e.g. the 提案書 deadline in the 公告.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record SetDeadlineCommand(Guid CaseId, string StepId, DateOnly Due, string? Reason = null, long? ExpectedVersion = null)
    : ICommand<CaseWorkflowView>, ICaseRequest;

public sealed class SetDeadlineValidator : AbstractValidator<SetDeadlineCommand>
{
    public SetDeadlineValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty().WithMessage("案件を指定してください。");
        RuleFor(c => c.StepId).NotEmpty().WithMessage("ステップを指定してください。");
        RuleFor(c => c.Due).NotEqual(default(DateOnly)).WithMessage("期限日を入力してください。");
        RuleFor(c => c.Reason).MaximumLength(1000).WithMessage("理由は1,000文字以内で入力してください。");
    }
}

public static class SetDeadline
{
    public static Decision Decide(CaseWorkflowView view, WorkflowDefinition definition, SetDeadlineCommand c, WorkflowActor actor, DateTimeOffset now)
    {
        if (!actor.IsOfficer) return Decision.Refuse("期限を設定できるのは調達担当です。");
        if (definition.FindStep(c.StepId) is not { } step) return Decision.Refuse("ステップ「{0}」はこの手続にありません。", c.StepId);
        if (view.IsCompleted(step.Id)) return Decision.Refuse("「{0}」は完了済みのため期限を設定できません。", step.Title);
        if (view.DueFor(step.Id) == c.Due) return Decision.Nothing;
        return Decision.Append(new StepDeadlineSet(view.Id, step.Id, c.Due, string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim(), actor.Actor, now));
    }
}

public sealed class SetDeadlineHandler(IDocumentSession session, ICurrentUser user, WorkflowCatalog catalog, TimeProvider clock)
    : ICommandHandler<SetDeadlineCommand, CaseWorkflowView>
{
    public async ValueTask<CaseWorkflowView> Handle(SetDeadlineCommand command, CancellationToken cancellationToken)
    {
        var stream = await WorkflowStreams.FetchAsync(session, command.CaseId, command.ExpectedVersion, cancellationToken);
        var view = stream.Aggregate ?? throw new DomainRuleException(WorkflowStreams.NotStarted);
        var decision = SetDeadline.Decide(view, catalog.For(view), command, WorkflowActor.From(user), clock.GetUtcNow());
        return await WorkflowStreams.SaveAsync(session, stream, EventStreamWriter.Accept(decision), cancellationToken);
    }
}

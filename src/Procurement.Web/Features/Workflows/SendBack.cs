using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Runtime;
using static Procurement.Features.Workflows.Runtime.StepLifecycle;

namespace Procurement.Features.Workflows;

/// <summary>An officer returns the case from an active step to an earlier completed step, with a written reason.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record SendBackCommand(Guid CaseId, string FromStep, string ToStep, string Reason, long? ExpectedVersion = null)
    : ICommand<CaseWorkflowView>, ICaseRequest;

public sealed class SendBackValidator : AbstractValidator<SendBackCommand>
{
    public SendBackValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty().WithMessage("案件を指定してください。");
        RuleFor(c => c.FromStep).NotEmpty().WithMessage("差戻し元のステップを指定してください。");
        RuleFor(c => c.ToStep).NotEmpty().WithMessage("差戻し先のステップを選んでください。");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("差戻しの理由を入力してください。")
            .MaximumLength(4000).WithMessage("理由は4,000文字以内で入力してください。");
    }
}

public static class SendBack
{
    public static Decision Decide(CaseWorkflowView view, WorkflowDefinition definition, SendBackCommand c, WorkflowActor actor, DateTimeOffset now)
    {
        if (definition.FindStep(c.FromStep) is not { } from) return Decision.Refuse("ステップ「{0}」はこの手続にありません。", c.FromStep);
        if (definition.FindStep(c.ToStep) is not { } to) return Decision.Refuse("ステップ「{0}」はこの手続にありません。", c.ToStep);
        if (!view.IsActive(from.Id)) return Decision.Refuse("「{0}」は進行中ではないため、そこから差し戻せません。", from.Title);

        var reopen = new List<Guard>
        {
            new(() => actor.IsOfficer, Reason.Of("差戻しができるのは調達担当です。")),
            new(() => WorkflowRuntime.CanSendBack(definition, from.Id, to.Id), Reason.Of("「{0}」は「{1}」より前のステップではありません。", to.Title, from.Title)),
        };
        var lifecycle = Build(view.IsCompleted(to.Id) ? State.Completed : view.IsActive(to.Id) ? State.Active : State.Waiting, [], [], reopen);
        if (FireOrRefuse(lifecycle, Trigger.Reopen, Reason.Of("差戻し先「{0}」はまだ完了していません。", to.Title)) is { } refused) return refused;

        var plan = WorkflowRuntime.PlanSendBack(definition, view, to.Id);
        return Decision.Append(new CaseSentBack(view.Id, from.Id, to.Id, c.Reason.Trim(), plan.Reopened, plan.Deactivated, actor.Actor, now));
    }
}

public sealed class SendBackHandler(IDocumentSession session, ICurrentUser user, WorkflowCatalog catalog, TimeProvider clock)
    : ICommandHandler<SendBackCommand, CaseWorkflowView>
{
    public async ValueTask<CaseWorkflowView> Handle(SendBackCommand command, CancellationToken cancellationToken)
    {
        var stream = await WorkflowStreams.FetchAsync(session, command.CaseId, command.ExpectedVersion, cancellationToken);
        var view = stream.Aggregate ?? throw new DomainRuleException(WorkflowStreams.NotStarted);
        var decision = SendBack.Decide(view, catalog.For(view), command, WorkflowActor.From(user), clock.GetUtcNow());
        return await WorkflowStreams.SaveAsync(session, stream, EventStreamWriter.Accept(decision), cancellationToken);
    }
}

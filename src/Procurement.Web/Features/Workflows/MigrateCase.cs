using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Runtime;
using static Procurement.Features.Workflows.WorkflowText;

namespace Procurement.Features.Workflows;

/// <summary>
/// Moves a running case to a newer version of its definition. <paramref name="Mapping"/> maps every
/// step the case has reached (completed or active) in the old version to a step of the new one;
/// completed steps stay completed under their new ids and are never run again.
/// </summary>
[Access(Roles.Officer, Roles.Admin, MembershipWaivedFor = new[] { Roles.Admin })]
public sealed record MigrateCaseCommand(
    Guid CaseId, int ToVersion, IReadOnlyDictionary<string, string> Mapping, string Reason, long? ExpectedVersion = null)
    : ICommand<CaseWorkflowView>, ICaseRequest;

public sealed class MigrateCaseValidator : AbstractValidator<MigrateCaseCommand>
{
    public MigrateCaseValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty().WithMessage("案件を指定してください。");
        RuleFor(c => c.ToVersion).GreaterThan(0).WithMessage("移行先の版を選んでください。");
        RuleFor(c => c.Mapping).NotNull().WithMessage("ステップの対応付けを指定してください。");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("移行の理由を入力してください。")
            .MaximumLength(4000).WithMessage("理由は4,000文字以内で入力してください。");
    }
}

public static class MigrateCase
{
    /// <summary>The old-version steps a mapping must cover: everything the case has reached.</summary>
    public static IReadOnlyList<string> StepsToMap(CaseWorkflowView view) =>
        view.Completed.Select(c => c.StepId).Concat(view.Active.Select(a => a.StepId)).Distinct().ToList();

    public static Decision Decide(
        CaseWorkflowView view, WorkflowDefinition from, WorkflowDefinition to, MigrateCaseCommand c, WorkflowActor actor, DateTimeOffset now)
    {
        if (!actor.IsOfficer) return Decision.Refuse("版の移行ができるのは調達担当またはシステム管理者です。");
        if (to.Id != from.Id) return Decision.Refuse("別の手続定義には移行できません。");
        if (to.Version <= from.Version) return Decision.Refuse("移行先は現在の第{0}版より新しい版を選んでください。", from.Version);

        var unknownSources = c.Mapping.Keys.Where(k => from.FindStep(k) is null).ToList();
        if (unknownSources.Count > 0) return Decision.Refuse("第{0}版にないステップが対応付けに含まれています: {1}", from.Version, unknownSources);
        var missing = StepsToMap(view).Where(s => !c.Mapping.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            return Decision.Refuse("ステップの対応付けが不足しています。次のステップの移行先を指定してください: {0}",
                missing.Select(s => Reason.Of("{0}（{1}）", s, from.Step(s).Title)).ToList());
        }
        var unknownTargets = c.Mapping.Where(kv => to.FindStep(kv.Value) is null).Select(kv => $"{kv.Key} → {kv.Value}").ToList();
        if (unknownTargets.Count > 0) return Decision.Refuse("第{0}版にないステップへは移行できません: {1}", to.Version, unknownTargets);

        var completed = view.Completed.Select(x => c.Mapping[x.StepId]).Distinct().ToList();
        var active = view.Active.Select(x => c.Mapping[x.StepId]).Distinct().Where(s => !completed.Contains(s)).ToList();
        if (!view.Finished && active.Count == 0)
        {
            return Decision.Refuse("この対応付けでは移行後に進行中のステップがなくなります。進行中のステップを未完了のステップに対応付けてください。");
        }
        return Decision.Append(new CaseMigrated(view.Id, from.Id, from.Version, to.Version, new Dictionary<string, string>(c.Mapping), c.Reason.Trim(), completed, active, actor.Actor, now));
    }
}

public sealed class MigrateCaseHandler(
    IDocumentSession session, ICurrentUser user, WorkflowCatalog catalog, TimeProvider clock)
    : ICommandHandler<MigrateCaseCommand, CaseWorkflowView>
{
    public async ValueTask<CaseWorkflowView> Handle(MigrateCaseCommand command, CancellationToken cancellationToken)
    {
        var actor = WorkflowActor.From(user);
        // Membership is the command's access rule, waived for administrators: they manage definitions for every group.
        if (await session.LoadAsync<CaseSummary>(command.CaseId, cancellationToken) is null) throw new DomainRuleException(WorkflowStreams.CaseNotFound);

        var stream = await WorkflowStreams.FetchAsync(session, command.CaseId, command.ExpectedVersion, cancellationToken);
        var view = stream.Aggregate ?? throw new DomainRuleException(WorkflowStreams.NotStarted);
        var to = catalog.Find(view.DefinitionId, command.ToVersion)
            ?? throw new DomainRuleException(T.Format("手続定義「{0}」第{1}版が見つかりません。", view.DefinitionId, command.ToVersion));
        var events = EventStreamWriter.Accept(MigrateCase.Decide(view, catalog.For(view), to, command, actor, clock.GetUtcNow())).ToList();
        // The new version may name records the old one did not: those already recorded complete their steps now.
        view.With(events);
        events.AddRange(RecordedWork.CatchUp(view, to, await CaseRecords.LoadAsync(session, command.CaseId, cancellationToken)));
        return await WorkflowStreams.SaveAsync(session, stream, events, cancellationToken);
    }
}

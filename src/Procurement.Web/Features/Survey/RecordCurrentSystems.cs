using Marten;
using Mediator;
using Procurement.Features.Groups;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

namespace Procurement.Features.Survey;

/// <summary>Adds or replaces survey rows (one typed row, or a whole imported sheet) in one event.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record RecordCurrentSystemsCommand(Guid CaseId, IReadOnlyList<CurrentSystem> Systems, string Source) : ICommand<int>, ICaseRequest;

[Access(Roles.Officer, Roles.Admin)]
public sealed record RemoveCurrentSystemCommand(Guid CaseId, Guid EntryId) : ICommand, ICaseRequest;

public static class SurveyDecision
{
    public static CurrentSystemsRecorded Decide(RecordCurrentSystemsCommand c, IReadOnlyCollection<string> members, Actor by, DateTimeOffset at, UiText t)
    {
        if (c.Systems.Count == 0) throw new DomainRuleException(t["登録する行がありません。"]);
        var stranger = c.Systems.FirstOrDefault(s => !members.Contains(s.Municipality));
        if (stranger is not null) throw new DomainRuleException(t.Format("「{0}」はこのグループの構成団体ではありません。", stranger.Municipality));
        return new CurrentSystemsRecorded(c.CaseId, c.Systems, c.Source, by, at);
    }
}

public sealed class RecordCurrentSystemsHandler(IDocumentSession session, CaseAccess access, ICurrentUser user, TimeProvider clock, UiText t)
    : ICommandHandler<RecordCurrentSystemsCommand, int>, ICommandHandler<RemoveCurrentSystemCommand>
{
    public async ValueTask<int> Handle(RecordCurrentSystemsCommand command, CancellationToken cancellationToken)
    {
        var found = await access.FindCaseAsync(command.CaseId, cancellationToken) ?? throw new DomainRuleException(t["案件が見つかりません。"]);
        var group = await session.LoadAsync<GroupView>(found.GroupId, cancellationToken);
        var members = group!.Members.Select(m => m.Name).ToHashSet();
        session.Events.Append(command.CaseId, SurveyDecision.Decide(command, members, user.Actor, clock.GetUtcNow(), t));
        await session.SaveChangesAsync(cancellationToken);
        return command.Systems.Count;
    }

    public async ValueTask<Unit> Handle(RemoveCurrentSystemCommand command, CancellationToken cancellationToken)
    {
        var survey = await session.LoadAsync<CurrentSystemSurvey>(command.CaseId, cancellationToken);
        var row = survey?.Systems.FirstOrDefault(s => s.EntryId == command.EntryId) ?? throw new DomainRuleException(t["指定された行は既に削除されています。"]);
        session.Events.Append(command.CaseId, new CurrentSystemRemoved(command.CaseId, row.EntryId, row.Municipality, row.Business, user.Actor, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

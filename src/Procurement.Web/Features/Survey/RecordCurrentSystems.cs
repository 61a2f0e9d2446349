using Procurement.Features.Groups;

namespace Procurement.Features.Survey;

/// <summary>
/// Adds or replaces survey rows (one typed row, or a whole imported sheet) in one event. <paramref name="ExpectedVersion"/>
/// is the survey version the page was loaded at: a row (municipality and 業務) saved by someone else since is not
/// overwritten; rows of other members or 業務 are independent. Null: not checked (callers without a page).
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record RecordCurrentSystemsCommand(Guid CaseId, IReadOnlyList<CurrentSystem> Systems, string Source, long? ExpectedVersion = null) : ICommand<int>, ICaseRequest;

[Access(Roles.Officer, Roles.Admin)]
public sealed record RemoveCurrentSystemCommand(Guid CaseId, Guid EntryId, long? ExpectedVersion = null) : ICommand, ICaseRequest;

public static class SurveyDecision
{
    public static CurrentSystemsRecorded Decide(RecordCurrentSystemsCommand c, CurrentSystemSurvey? survey, IReadOnlyCollection<string> members, Actor by, DateTimeOffset at, UiText t)
    {
        if (c.Systems.Count == 0) throw new DomainRuleException(t["登録する行がありません。"]);
        foreach (var s in c.Systems) EventStreamWriter.RequireUnchangedSince(c.ExpectedVersion, survey?.RowWrittenAt(s.Municipality, s.Business) ?? 0);
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
        await session.WriteAsync<CurrentSystemSurvey>(command.CaseId, survey => [SurveyDecision.Decide(command, survey, members, user.Actor, clock.GetUtcNow(), t)], cancellationToken);
        return command.Systems.Count;
    }

    public async ValueTask<Unit> Handle(RemoveCurrentSystemCommand command, CancellationToken cancellationToken)
    {
        await session.WriteAsync<CurrentSystemSurvey>(command.CaseId, survey =>
        {
            var row = survey?.Systems.FirstOrDefault(s => s.EntryId == command.EntryId) ?? throw new DomainRuleException(t["指定された行は既に削除されています。"]);
            EventStreamWriter.RequireUnchangedSince(command.ExpectedVersion, survey.RowWrittenAt(row.Municipality, row.Business));
            return [new CurrentSystemRemoved(command.CaseId, row.EntryId, row.Municipality, row.Business, user.Actor, clock.GetUtcNow())];
        }, cancellationToken);
        return Unit.Value;
    }
}

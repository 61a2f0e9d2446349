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
    /// <param name="members">The group's member municipalities: a row may only name one of them.</param>
    public static Decision Decide(CurrentSystemSurvey? survey, RecordCurrentSystemsCommand c, IReadOnlyCollection<string> members, Actor by, DateTimeOffset at)
    {
        if (c.Systems.Count == 0) return Decision.Refuse("登録する行がありません。");
        foreach (var s in c.Systems) EventStreamWriter.RequireUnchangedSince(c.ExpectedVersion, survey?.RowWrittenAt(s.Municipality, s.Business) ?? 0);
        var stranger = c.Systems.FirstOrDefault(s => !members.Contains(s.Municipality));
        if (stranger is not null) return Decision.Refuse("「{0}」はこのグループの構成団体ではありません。", stranger.Municipality);
        return Decision.Append(new CurrentSystemsRecorded(c.CaseId, c.Systems, c.Source, by, at));
    }

    public static Decision Decide(CurrentSystemSurvey? survey, RemoveCurrentSystemCommand c, Actor by, DateTimeOffset at)
    {
        if (survey?.Systems.FirstOrDefault(s => s.EntryId == c.EntryId) is not { } row) return Decision.Refuse("指定された行は既に削除されています。");
        EventStreamWriter.RequireUnchangedSince(c.ExpectedVersion, survey.RowWrittenAt(row.Municipality, row.Business));
        return Decision.Append(new CurrentSystemRemoved(c.CaseId, row.EntryId, row.Municipality, row.Business, by, at));
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
        await session.WriteAsync<CurrentSystemSurvey>(command.CaseId, survey => SurveyDecision.Decide(survey, command, members, user.Actor, clock.GetUtcNow()), cancellationToken);
        return command.Systems.Count;
    }

    public async ValueTask<Unit> Handle(RemoveCurrentSystemCommand command, CancellationToken cancellationToken)
    {
        await session.WriteAsync<CurrentSystemSurvey>(command.CaseId, survey => SurveyDecision.Decide(survey, command, user.Actor, clock.GetUtcNow()), cancellationToken);
        return Unit.Value;
    }
}

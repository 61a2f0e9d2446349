using Procurement.Features.Documents;

namespace Procurement.Features.Groups;

/// <summary>
/// The group's document settings (today: how dates are written). <paramref name="ExpectedVersion"/> is the group
/// version the officer saw; <paramref name="DateStyle"/> is null when nothing was chosen.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record ChangeGroupDocumentSettingsCommand(Guid GroupId, long ExpectedVersion, DateStyle? DateStyle) : ICommand<long>, IGroupRequest;

public sealed class ChangeGroupDocumentSettingsValidator : AbstractValidator<ChangeGroupDocumentSettingsCommand>
{
    public ChangeGroupDocumentSettingsValidator(UiText t)
    {
        RuleFor(c => c.GroupId).NotEmpty().WithMessage(t["グループを指定してください。"]);
        RuleFor(c => c.DateStyle).NotNull().WithMessage(t["日付の書き方を選択してください。"])
            .Must(s => s is null || Enum.IsDefined(s.Value)).WithMessage(t["日付の書き方を選択してください。"]);
    }
}

public static class ChangeGroupDocumentSettingsDecision
{
    /// <summary>Choosing what is already set adds nothing to the group's history.</summary>
    public static Decision Decide(GroupView? current, ChangeGroupDocumentSettingsCommand c, Actor by, DateTimeOffset at) =>
        current is null ? Decision.Refuse("グループが見つかりません。")
        : current.DateStyle == c.DateStyle ? Decision.Nothing
        : Decision.Append(new GroupDocumentSettingsChanged(current.Id, c.DateStyle!.Value, by, at));
}

public sealed class ChangeGroupDocumentSettingsHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeGroupDocumentSettingsCommand, long>
{
    public async ValueTask<long> Handle(ChangeGroupDocumentSettingsCommand command, CancellationToken cancellationToken)
    {
        // The group's settings are one record: the group view's own version decides staleness (membership changes
        // move it too), checked under the stream's lock.
        var decision = Decision.Nothing;
        var version = await session.WriteAsync<GroupView>(command.GroupId, current =>
        {
            if (current is not null && current.Version != command.ExpectedVersion) throw new StaleVersionException();
            return decision = ChangeGroupDocumentSettingsDecision.Decide(current, command, user.Actor, clock.GetUtcNow());
        }, cancellationToken);
        return decision.Events.Count == 0 ? command.ExpectedVersion : version;
    }
}

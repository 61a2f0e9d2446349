using Procurement.Features.Documents;

namespace Procurement.Features.Groups;

/// <summary>DateStyle is how the group's documents write dates (和暦のみ unless chosen); it can be changed later on the settings page.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record CreateGroupCommand(
    string Name, OrganisationForm? Form, IReadOnlyList<MemberMunicipality> Members, string Representative,
    DateStyle? DateStyle = Documents.DateStyle.WarekiOnly) : ICommand<Guid>;

public sealed class CreateGroupValidator : AbstractValidator<CreateGroupCommand>
{
    public const int MaxMembers = 50;

    public CreateGroupValidator(UiText t)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage(t["グループ名を入力してください。"])
            .MaximumLength(100).WithMessage(t["グループ名は100文字以内で入力してください。"]);
        RuleFor(c => c.Form).NotNull().WithMessage(t["組織形態を選択してください。"]);
        RuleFor(c => c.DateStyle).NotNull().WithMessage(t["日付の書き方を選択してください。"])
            .Must(s => s is null || Enum.IsDefined(s.Value)).WithMessage(t["日付の書き方を選択してください。"]);
        RuleFor(c => c.Members).NotEmpty().WithMessage(t["構成団体を1団体以上入力してください。"])
            .Must(m => m.Count <= MaxMembers).WithMessage(t.Format("構成団体は{0}団体までです。", MaxMembers))
            .Must(m => m.Select(x => x.Name.Trim()).Distinct().Count() == m.Count).WithMessage(t["同じ団体名が重複しています。"]);
        RuleForEach(c => c.Members).ChildRules(m =>
        {
            m.RuleFor(x => x.Name).NotEmpty().WithMessage(t["団体名を入力してください。"])
                .MaximumLength(50).WithMessage(t["団体名は50文字以内で入力してください。"]);
            m.RuleFor(x => x.Population).InclusiveBetween(1, 10_000_000).WithMessage(t["人口は1以上の整数で入力してください。"]);
            m.RuleFor(x => x.PopulationDate).Must(d => d.Year >= 1990 && d.Year <= 2100).WithMessage(t["人口の基準日を入力してください。"]);
        });
        RuleFor(c => c.Representative).NotEmpty().WithMessage(t["代表団体を選択してください。"])
            .Must((c, r) => c.Members.Any(m => m.Name.Trim() == r.Trim())).WithMessage(t["代表団体は構成団体から選択してください。"])
            .When(c => c.Members.Count > 0);
    }
}

public static class CreateGroupDecision
{
    /// <summary>The creator joins the group at once: otherwise they could not see what they just made.</summary>
    /// <remarks>A date style other than the default is its own settings event, the same one the settings page records.</remarks>
    public static Decision Decide(Guid groupId, CreateGroupCommand c, Actor by, DateTimeOffset at)
    {
        var events = new List<object>
        {
            new GroupCreated(groupId, c.Name.Trim(), c.Form!.Value,
                c.Members.Select(m => m with { Name = m.Name.Trim() }).ToList(), c.Representative.Trim(), by, at),
            new UserAddedToGroup(groupId, by.UserId, by.Name, by, at),
        };
        if (c.DateStyle is { } style && style != new GroupView().DateStyle) events.Add(new GroupDocumentSettingsChanged(groupId, style, by, at));
        return Decision.Append(events);
    }
}

public sealed class CreateGroupHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateGroupCommand, Guid>
{
    public async ValueTask<Guid> Handle(CreateGroupCommand command, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        session.Events.StartStream<GroupView>(id, [.. CreateGroupDecision.Decide(id, command, user.Actor, clock.GetUtcNow()).Events]);
        await session.SaveChangesAsync(cancellationToken);
        return id;
    }
}

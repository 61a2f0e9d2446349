namespace Procurement.Features.CostSharing;

/// <summary>
/// A calculation replaces the case's cost share as a whole: <paramref name="ExpectedVersion"/> is the plan version the
/// page was loaded at (0: none yet; null: not checked), and a plan recorded by someone else since is not overwritten.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record RecordCostShareCommand(
    Guid CaseId, string Title, IReadOnlyList<ShareComponent> Components, RemainderRule Remainder, LeavingRule Leaving,
    IReadOnlyList<CostShareMember> Members, string Representative, IReadOnlyList<(int FiscalYear, long Total)> Years,
    bool Preview = false, long? ExpectedVersion = null) : ICommand<IReadOnlyList<YearShares>>, ICaseRequest;

public sealed class RecordCostShareValidator : AbstractValidator<RecordCostShareCommand>
{
    public RecordCostShareValidator(UiText t)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(t["算定の名称を入力してください。"]).MaximumLength(100).WithMessage(t["算定の名称は100文字以内で入力してください。"]);
        RuleFor(c => c.Components).Must(c => c.All(x => x.Ratio >= 0) && c.Sum(x => x.Ratio) > 0)
            .WithMessage(t["配分比率を1つ以上、0以上の数で入力してください。"]);
        RuleFor(c => c.Members).NotEmpty().WithMessage(t["構成団体がありません。"]);
        // Each message names its row (and the municipality), so several rows with the same problem read as several places.
        RuleFor(c => c.Members).Custom((members, context) =>
        {
            for (var i = 0; i < members.Count; i++)
            {
                var m = members[i];
                void Fail(string field, string message) => context.AddFailure($"Members[{i}].{field}", CostShareRows.Member(t, i, m.Name, message));
                if (string.IsNullOrWhiteSpace(m.Name)) Fail(nameof(m.Name), t["団体名を入力してください。"]);
                else if (m.Name.Length > 50) Fail(nameof(m.Name), t["団体名は50文字以内で入力してください。"]);
                if (m.Population is < 1 or > 10_000_000) Fail(nameof(m.Population), t["人口は1以上の整数で入力してください。"]);
                if (m.Usage < 0) Fail(nameof(m.Usage), t["利用量は0以上の数で入力してください。"]);
                if (m.LeftOn is { } left && m.JoinedOn is { } joined && left <= joined) Fail(nameof(m.LeftOn), t["脱退日は参加日より後にしてください。"]);
            }
        });
        RuleFor(c => c.Members).Must(m => m.Where(x => x.Usage > 0).Any())
            .When(c => c.Components.Any(x => x.Basis == ShareBasis.Usage && x.Ratio > 0))
            .WithMessage(t["利用量割を使う場合は、利用量を入力してください。"]);
        RuleFor(c => c.Years).NotEmpty().WithMessage(t["年度ごとの総額を1年度以上入力してください。"]);
        RuleFor(c => c.Years).Custom((years, context) =>
        {
            for (var i = 0; i < years.Count; i++)
            {
                var (year, total) = years[i];
                void Fail(string field, string message) => context.AddFailure($"Years[{i}].{field}", CostShareRows.Year(t, i, year, message));
                if (year is < 2000 or > 2100) Fail("FiscalYear", t["年度は西暦4桁で入力してください。"]);
                else if (years.Take(i).Any(y => y.FiscalYear == year)) Fail("FiscalYear", t["同じ年度が重複しています。"]);
                if (total is < 0 or > 1_000_000_000_000) Fail("Total", t["総額は0円以上1兆円以下で入力してください。"]);
            }
        });
    }
}

/// <summary>How a message about one row of the cost-share form names that row: its number, and the member or year it holds.</summary>
public static class CostShareRows
{
    public static string Member(UiText t, int index, string? name, string message) => string.IsNullOrWhiteSpace(name)
        ? t.Format("構成団体の{0}行目: {1}", index + 1, message)
        : t.Format("構成団体の{0}行目（{1}）: {2}", index + 1, name.Trim(), message);

    /// <summary><paramref name="year"/> 0 or out of range: the year itself is what is wrong, so only the row is named.</summary>
    public static string Year(UiText t, int index, int year, string message) => year is < 2000 or > 2100
        ? t.Format("年度ごとの総額の{0}行目: {1}", index + 1, message)
        : t.Format("年度ごとの総額の{0}行目（{1}年度）: {2}", index + 1, year, message);
}

public static class RecordCostShareDecision
{
    /// <summary>
    /// The shares of every fiscal year, computed as the command states them; a year in which no member takes part is
    /// refused (nobody to share its cost). The plan replaces the whole plan, so it carries the version it replaces.
    /// </summary>
    public static Decision Decide(CostSharePlan? plan, RecordCostShareCommand c, Actor by, DateTimeOffset at)
    {
        EventStreamWriter.RequireUnchangedSince(c.ExpectedVersion, plan?.Version ?? 0);
        var formula = new CostShareFormula(c.Components, c.Remainder, CostShareFormula.HarpExponent);
        var participants = c.Members.Select(m => new Participant(m.Name, m.Population, m.Usage, m.JoinedOn, m.LeftOn)).ToList();
        foreach (var (year, _) in c.Years)
        {
            if (participants.All(p => CostShareCalculator.ActiveFraction(p, year, c.Leaving) == 0)) return Decision.Refuse("{0}年度に参加している団体がありません。", year);
        }
        var years = CostShareCalculator.Schedule(c.Years.OrderBy(y => y.FiscalYear).ToList(), formula, participants, c.Representative, c.Leaving);
        return Decision.Append(new CostShareCalculated(c.CaseId, c.Title.Trim(), c.Components, c.Remainder, c.Leaving, CostShareFormula.HarpExponent,
            c.Members, c.Representative, years, by, at));
    }
}

public sealed class RecordCostShareHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordCostShareCommand, IReadOnlyList<YearShares>>
{
    public async ValueTask<IReadOnlyList<YearShares>> Handle(RecordCostShareCommand command, CancellationToken cancellationToken)
    {

        if (command.Preview)
        {
            // A preview decides on no plan: the shares without the version check, and nothing written.
            var preview = EventStreamWriter.Accept(RecordCostShareDecision.Decide(null, command with { ExpectedVersion = null }, user.Actor, clock.GetUtcNow()));
            return preview.OfType<CostShareCalculated>().Single().Years;
        }
        var decision = Decision.Nothing;
        await session.WriteAsync<CostSharePlan>(command.CaseId, plan => decision = RecordCostShareDecision.Decide(plan, command, user.Actor, clock.GetUtcNow()), cancellationToken);
        return decision.Events.OfType<CostShareCalculated>().Single().Years;
    }
}

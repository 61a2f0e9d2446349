namespace Procurement.Features.Evaluation.Demonstrations;

/// <summary>Creates (SlotId empty) or moves a vendor's demonstration slot. Returns the slot id.</summary>
[Access(Roles.Officer)]
public sealed record ScheduleDemonstration(Guid CaseId, Guid SlotId, Guid VendorId, DateTimeOffset Start, DateTimeOffset End, string Place, int AttendeeCap, string? Notes)
    : ICommand<Guid>, ICaseRequest;

public sealed class ScheduleDemonstrationValidator : AbstractValidator<ScheduleDemonstration>
{
    public ScheduleDemonstrationValidator()
    {
        RuleFor(c => c.End).GreaterThan(c => c.Start).WithMessage("終了時刻は開始時刻より後にしてください。");
        RuleFor(c => c.Place).NotEmpty().WithMessage("会場を入力してください。").MaximumLength(200);
        RuleFor(c => c.AttendeeCap).InclusiveBetween(1, 100).WithMessage("出席者の上限は1〜100人で入力してください。");
    }
}

public sealed class ScheduleDemonstrationHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<ScheduleDemonstration, Guid>
{
    public static Decision Decide(EvaluationView state, ScheduleDemonstration c, Guid slotId, Actor by, DateTimeOffset at)
    {
        if (state.Vendors.All(v => v.VendorId != c.VendorId)) return Decision.Refuse("評価対象ではない事業者です。");
        // One room, one committee: two demonstrations cannot overlap.
        if (state.Demonstrations.FirstOrDefault(s => s.SlotId != slotId && s.Start < c.End && c.Start < s.End) is { } clash)
            return Decision.Refuse("{0}のデモンストレーションと時間が重なっています。", state.Vendors.First(v => v.VendorId == clash.VendorId).Name);
        return Decision.Append(new DemonstrationScheduled(c.CaseId, slotId, c.VendorId, c.Start, c.End, c.Place.Trim(), c.AttendeeCap, c.Notes?.Trim(), by, at));
    }

    public async ValueTask<Guid> Handle(ScheduleDemonstration c, CancellationToken ct)
    {
        var slotId = c.SlotId == Guid.Empty ? Guid.NewGuid() : c.SlotId;
        await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, slotId, user.Actor, clock.GetUtcNow()), ct);
        return slotId;
    }
}

namespace Procurement.Features.Evaluation;

/// <summary>The officer records a くじ among tied vendors: the order drawn (first wins) and who drew it.</summary>
[Access(Roles.Officer)]
public sealed record RecordLot(Guid CaseId, IReadOnlyList<Guid> VendorOrder, string DrawnBy, string? Note) : ICommand<long>, ICaseRequest;

public sealed class RecordLotValidator : AbstractValidator<RecordLot>
{
    public RecordLotValidator()
    {
        RuleFor(c => c.VendorOrder).Must(v => v.Count >= 2 && v.Distinct().Count() == v.Count).WithMessage("くじの対象となる事業者を2者以上、重複なく指定してください。");
        RuleFor(c => c.DrawnBy).NotEmpty().WithMessage("くじを引いた者を入力してください。").MaximumLength(200);
    }
}

public sealed class RecordLotHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordLot, long>
{
    public static Decision Decide(EvaluationView state, RecordLot c, Actor by, DateTimeOffset at)
    {
        if ((EvaluationRefusals.IfFinalised(state) ?? EvaluationRefusals.IfNotClosedYet(state, "くじの結果の記録")) is { } refused) return refused;
        if (c.VendorOrder.Any(v => state.Vendors.All(x => x.VendorId != v))) return Decision.Refuse("評価対象ではない事業者が含まれています。");
        return Decision.Append(new LotDrawn(c.CaseId, [.. c.VendorOrder], c.DrawnBy.Trim(), string.IsNullOrWhiteSpace(c.Note) ? null : c.Note.Trim(), by, at));
    }

    public async ValueTask<long> Handle(RecordLot c, CancellationToken ct)
    {
        return await EvaluationGate.AppendAsync(session, c.CaseId, state => Decide(state, c, user.Actor, clock.GetUtcNow()), ct);
    }
}

namespace Procurement.Features.Vendors;

/// <summary>An RFQ estimate (見積): 導入費用, 運用費用 per month and for the contract term, and the response date.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record RecordEstimateCommand(
    Guid CaseId, Guid VendorId, DateOnly? ResponseDate, long? InitialCost, long? MonthlyOperatingCost,
    int? ContractMonths, long? OperatingCostForTerm) : ICommand, ICaseRequest;

public sealed class RecordEstimateValidator : AbstractValidator<RecordEstimateCommand>
{
    public RecordEstimateValidator(UiText t, TimeProvider clock)
    {
        RuleFor(c => c.ResponseDate).NotNull().WithMessage(t["回答日を入力してください。"])
            .Must(d => d is null || d <= VendorRules.Today(clock)).WithMessage(t["回答日に未来の日付は入力できません。"]);
        RuleFor(c => c.InitialCost).Amount(t, "導入費用");
        RuleFor(c => c.MonthlyOperatingCost).Amount(t, "運用費用（月額）");
        RuleFor(c => c.ContractMonths).NotNull().WithMessage(t["契約期間（月数）を入力してください。"])
            .InclusiveBetween(1, 240).WithMessage(t["契約期間は1〜240か月で入力してください。"]);
        RuleFor(c => c.OperatingCostForTerm).Must(a => a is null || (a >= 0 && a <= VendorRules.MaxAmount))
            .WithMessage(t["運用費用（契約期間総額）は0円以上1兆円以下で入力してください（空欄なら月額×月数）。"]);
    }
}

public static class RecordEstimateDecision
{
    /// <summary>An empty term total means the vendor quoted monthly only: monthly × months.</summary>
    public static long TermTotal(long monthly, int months, long? quotedTermTotal) => quotedTermTotal ?? monthly * months;

    public static Decision Decide(CaseVendors state, RecordEstimateCommand c, Actor by, DateTimeOffset at)
    {
        if (state.Vendor(c.VendorId) is not { } vendor) return Decision.Refuse("この案件に登録されていない事業者です。");
        var term = TermTotal(c.MonthlyOperatingCost!.Value, c.ContractMonths!.Value, c.OperatingCostForTerm);
        return Decision.Append(new EstimateRecorded(c.CaseId, vendor.VendorId, vendor.CompanyName, c.ResponseDate!.Value,
            c.InitialCost!.Value, c.MonthlyOperatingCost.Value, c.ContractMonths.Value, term, by, at));
    }
}

public sealed class RecordEstimateHandler(CaseVendorsWriter writer) : ICommandHandler<RecordEstimateCommand>
{
    public async ValueTask<Unit> Handle(RecordEstimateCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        await writer.WriteAsync(open, RecordEstimateDecision.Decide(open.State, command, open.By, open.Now), cancellationToken);
        return Unit.Value;
    }
}

namespace Procurement.Features.FitGap;

/// <summary><paramref name="ExpectedVersion"/>: the sheet version the page was loaded at (null: not checked); the list is one record.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record ImportFunctionListCommand(Guid CaseId, string PackageName, IReadOnlyList<PackageFunction> Functions, long? ExpectedVersion = null) : ICommand, ICaseRequest;

/// <summary>
/// <paramref name="ExpectedVersion"/>: the sheet version the page was loaded at (null: not checked). Each function's
/// decision is its own record: a decision on another function since then is no conflict.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record AssessFunctionCommand(Guid CaseId, string FunctionId, Fit? Fit, GapDecision? Decision, string Reason, string Owner, string Regulation,
    long? ExpectedVersion = null) : ICommand, ICaseRequest;

public sealed class ImportFunctionListValidator : AbstractValidator<ImportFunctionListCommand>
{
    public ImportFunctionListValidator(UiText t)
    {
        RuleFor(c => c.PackageName).NotEmpty().WithMessage(t["パッケージ名を入力してください。"]).MaximumLength(100).WithMessage(t.Format("{0}文字以内で入力してください。", 100));
        RuleFor(c => c.Functions).NotEmpty().WithMessage(t["取り込む行がありません。"]);
    }
}

public sealed class AssessFunctionValidator : AbstractValidator<AssessFunctionCommand>
{
    public AssessFunctionValidator(UiText t)
    {
        RuleFor(c => c.Fit).NotNull().WithMessage(t["フィットかギャップかを選択してください。"]);
        RuleFor(c => c.Decision).Must(d => d is not null && d != GapDecision.None).When(c => c.Fit == FitGap.Fit.Gap)
            .WithMessage(t["ギャップへの対応を選択してください。"]);
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Fit == FitGap.Fit.Gap).WithMessage(t["ギャップの場合は理由を入力してください。"]);
        RuleFor(c => c.Reason).MaximumLength(1000).WithMessage(t.Format("{0}文字以内で入力してください。", 1000));
        RuleFor(c => c.Owner).MaximumLength(50).WithMessage(t.Format("{0}文字以内で入力してください。", 50));
        RuleFor(c => c.Regulation).MaximumLength(100).WithMessage(t.Format("{0}文字以内で入力してください。", 100));
    }
}

public static class AssessFunctionDecision
{
    /// <summary>A fit needs no decision: whatever the form sent, it is recorded as 対応不要.</summary>
    public static Decision Decide(FitGapView? view, AssessFunctionCommand c, Actor by, DateTimeOffset at)
    {
        if (view is null || view.Functions.All(f => f.Id != c.FunctionId)) return Decision.Refuse("指定された機能は一覧にありません。");
        EventStreamWriter.RequireUnchangedSince(c.ExpectedVersion, view.AssessmentVersions.GetValueOrDefault(c.FunctionId));
        return Decision.Append(new FitGapAssessed(c.CaseId, c.FunctionId, c.Fit!.Value, c.Fit == Fit.Fit ? GapDecision.None : c.Decision!.Value,
            c.Reason.Trim(), c.Owner.Trim(), c.Regulation.Trim(), by, at));
    }

    /// <summary>A new list replaces the whole list, so it carries the version of the list it replaces.</summary>
    public static Decision Decide(FitGapView? view, ImportFunctionListCommand c, Actor by, DateTimeOffset at)
    {
        EventStreamWriter.RequireUnchangedSince(c.ExpectedVersion, view?.ListVersion ?? 0);
        return Decision.Append(new FunctionListImported(c.CaseId, c.PackageName.Trim(), c.Functions, by, at));
    }
}

public sealed class FitGapHandlers(IDocumentSession session, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ImportFunctionListCommand>, ICommandHandler<AssessFunctionCommand>
{
    public async ValueTask<Unit> Handle(ImportFunctionListCommand command, CancellationToken cancellationToken)
    {
        await session.WriteAsync<FitGapView>(command.CaseId, view => AssessFunctionDecision.Decide(view, command, user.Actor, clock.GetUtcNow()), cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(AssessFunctionCommand command, CancellationToken cancellationToken)
    {
        await session.WriteAsync<FitGapView>(command.CaseId, view => AssessFunctionDecision.Decide(view, command, user.Actor, clock.GetUtcNow()), cancellationToken);
        return Unit.Value;
    }
}

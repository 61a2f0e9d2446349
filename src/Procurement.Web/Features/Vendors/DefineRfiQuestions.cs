namespace Procurement.Features.Vendors;

/// <summary>The questions of the case's RFI (情報提供依頼書), which structure every vendor's answers.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record DefineRfiQuestionsCommand(Guid CaseId, IReadOnlyList<string> Questions) : ICommand, ICaseRequest;

public sealed class DefineRfiQuestionsValidator : AbstractValidator<DefineRfiQuestionsCommand>
{
    public DefineRfiQuestionsValidator(UiText t)
    {
        RuleFor(c => c.Questions).Must(q => q.Any(x => !string.IsNullOrWhiteSpace(x))).WithMessage(t["質問項目を1つ以上入力してください。"])
            .Must(q => q.Count(x => !string.IsNullOrWhiteSpace(x)) <= 100).WithMessage(t["質問項目は100項目以内にしてください。"])
            .Must(q => q.All(x => x.Trim().Length <= 500)).WithMessage(t["質問項目は1項目500文字以内にしてください。"]);
    }
}

public static class DefineRfiQuestionsDecision
{
    /// <summary>Blank questions are dropped; the same questions again record nothing.</summary>
    public static Decision Decide(CaseVendors state, DefineRfiQuestionsCommand c, Actor by, DateTimeOffset at)
    {
        var questions = c.Questions.Select(VendorRules.Clean).Where(q => q.Length > 0).ToList();
        return state.RfiQuestions.SequenceEqual(questions) ? Decision.Nothing : Decision.Append(new RfiQuestionsDefined(c.CaseId, questions, by, at));
    }
}

public sealed class DefineRfiQuestionsHandler(CaseVendorsWriter writer) : ICommandHandler<DefineRfiQuestionsCommand>
{
    public async ValueTask<Unit> Handle(DefineRfiQuestionsCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        await writer.WriteAsync(open, DefineRfiQuestionsDecision.Decide(open.State, command, open.By, open.Now), cancellationToken);
        return Unit.Value;
    }
}

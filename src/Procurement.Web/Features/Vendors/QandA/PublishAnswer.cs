namespace Procurement.Features.Vendors.QandA;

/// <summary>Publishes the answer to a logged question; <see cref="ChangesConditions"/> marks answers that change the tender conditions.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record PublishAnswerCommand(Guid CaseId, Guid QuestionId, string Answer, bool ChangesConditions) : ICommand, ICaseRequest;

public sealed class PublishAnswerValidator : AbstractValidator<PublishAnswerCommand>
{
    public PublishAnswerValidator(UiText t) => RuleFor(c => c.Answer).Required(t, "回答", 4000);
}

public static class PublishAnswerDecision
{
    /// <summary>
    /// As Prozorro does on tender changes: every vendor whose proposal is already in must re-confirm
    /// it against the changed conditions. Proposals arriving later were written knowing the answer.
    /// </summary>
    public static Decision Decide(CaseVendors state, PublishAnswerCommand c, Actor by, DateTimeOffset at)
    {
        if (state.Questions.Find(q => q.QuestionId == c.QuestionId) is not { } question) return Decision.Refuse("質問が見つかりません。");
        // A published answer is what vendors relied on; a correction is a new question-and-answer, not an edit.
        if (question.PublishedAt is not null) return Decision.Refuse("この質問には既に回答を公開しています。");
        IReadOnlyList<Guid> reconfirm = c.ChangesConditions
            ? state.CurrentProposals.Select(p => p.VendorId).Distinct().ToList()
            : [];
        return Decision.Append(new AnswerPublished(c.CaseId, question.QuestionId, question.Number, VendorRules.Clean(c.Answer), c.ChangesConditions, reconfirm, by, at));
    }
}

public sealed class PublishAnswerHandler(CaseVendorsWriter writer) : ICommandHandler<PublishAnswerCommand>
{
    public async ValueTask<Unit> Handle(PublishAnswerCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        await writer.WriteAsync(open, PublishAnswerDecision.Decide(open.State, command, open.By, open.Now), cancellationToken);
        return Unit.Value;
    }
}

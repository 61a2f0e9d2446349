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
    public static AnswerPublished Decide(CaseVendors state, VendorQuestion question, PublishAnswerCommand c, Actor by, DateTimeOffset at)
    {
        IReadOnlyList<Guid> reconfirm = c.ChangesConditions
            ? state.CurrentProposals.Select(p => p.VendorId).Distinct().ToList()
            : [];
        return new AnswerPublished(c.CaseId, question.QuestionId, question.Number, VendorRules.Clean(c.Answer), c.ChangesConditions, reconfirm, by, at);
    }
}

public sealed class PublishAnswerHandler(CaseVendorsWriter writer, UiText t) : ICommandHandler<PublishAnswerCommand>
{
    public async ValueTask<Unit> Handle(PublishAnswerCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var question = open.State.Questions.Find(q => q.QuestionId == command.QuestionId) ?? throw new DomainRuleException(t["質問が見つかりません。"]);
        // A published answer is what vendors relied on; a correction is a new question-and-answer, not an edit.
        if (question.PublishedAt is not null) throw new DomainRuleException(t["この質問には既に回答を公開しています。"]);

        open.Stream.AppendOne(PublishAnswerDecision.Decide(open.State, question, command, open.By, open.Now));
        await writer.SaveAsync(cancellationToken);
        return Unit.Value;
    }
}

using FluentValidation.Results;

namespace Procurement.Features.Vendors.QandA;

/// <summary>A question a vendor sent (by e-mail or on paper), logged by the officer.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record LogQuestionCommand(Guid CaseId, Guid? VendorId, DateOnly? ReceivedOn, string Text) : ICommand<Guid>, ICaseRequest;

public sealed class LogQuestionValidator : AbstractValidator<LogQuestionCommand>
{
    public LogQuestionValidator(UiText t, TimeProvider clock)
    {
        RuleFor(c => c.VendorId).NotNull().WithMessage(t["質問した事業者を選択してください。"]);
        RuleFor(c => c.ReceivedOn).NotNull().WithMessage(t["受付日を入力してください。"])
            .Must(d => d is null || d <= VendorRules.Today(clock)).WithMessage(t["受付日に未来の日付は入力できません。"]);
        RuleFor(c => c.Text).Required(t, "質問内容", 4000);
    }
}

public static class LogQuestionDecision
{
    /// <summary>
    /// A question after the period is still recorded, because it was received and the log must say
    /// so; the flag tells the officer it need not be answered.
    /// </summary>
    public static Decision Decide(CaseVendors state, LogQuestionCommand c, Guid questionId, Actor by, DateTimeOffset at)
    {
        if (state.Period is not { } period) return Decision.Refuse("先に質問回答期間（公告日と提案期限）を設定してください。");
        if (c.ReceivedOn < period.AnnouncedOn) return Decision.Refuse("受付日が公告日より前です。");
        if (state.Vendor(c.VendorId!.Value) is not { } vendor) return Decision.Refuse("この案件に登録されていない事業者です。");
        var lastDay = DateOnly.FromDateTime(period.ProposalDeadline.ToOffset(TimeSpan.FromHours(9)).DateTime);
        var number = state.Questions.Count == 0 ? 1 : state.Questions.Max(q => q.Number) + 1;
        return Decision.Append(new QuestionLogged(c.CaseId, questionId, number, vendor.VendorId, vendor.CompanyName, c.ReceivedOn!.Value,
            VendorRules.Clean(c.Text), c.ReceivedOn.Value > lastDay, by, at));
    }
}

public sealed class LogQuestionHandler(CaseVendorsWriter writer, UiText t) : ICommandHandler<LogQuestionCommand, Guid>
{
    public async ValueTask<Guid> Handle(LogQuestionCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var id = Guid.NewGuid();
        var decision = LogQuestionDecision.Decide(open.State, command, id, open.By, open.Now);
        // A date before the notice is about the 受付日 field, so it is shown there.
        if (decision.Refusal == "受付日が公告日より前です。")
        {
            throw new ValidationException([new ValidationFailure(nameof(command.ReceivedOn), decision.RefusalText(t))]);
        }
        await writer.WriteAsync(open, decision, cancellationToken);
        return id;
    }
}

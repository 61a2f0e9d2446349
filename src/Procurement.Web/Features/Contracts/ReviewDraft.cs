using Procurement.Features.Contracts.Drafting;

namespace Procurement.Features.Contracts;

// Legal staff's three actions on the version under review. They share one rule set (only legal staff, only the
// version that is 審査中), so they live together; each is still its own command, validator and decision.

[Access(Roles.Legal)]
public sealed record CommentOnClauseCommand(Guid CaseId, long ExpectedVersion, int Version, string ClauseKey, string Text) : ICommand<long>, ICaseRequest;

[Access(Roles.Legal)]
public sealed record SendDraftBackCommand(Guid CaseId, long ExpectedVersion, int Version, string Reason) : ICommand<long>, ICaseRequest;

/// <summary><paramref name="ContradictionReason"/>: why legal staff approve although the documents contradict each other (required then).</summary>
[Access(Roles.Legal)]
public sealed record ApproveDraftCommand(Guid CaseId, long ExpectedVersion, int Version, string? ContradictionReason = null) : ICommand<long>, ICaseRequest;

public sealed class ApproveDraftValidator : AbstractValidator<ApproveDraftCommand>
{
    public ApproveDraftValidator(UiText t) =>
        RuleFor(c => c.ContradictionReason).Must(s => s is null || s.Length <= 2000).WithMessage(t["承認の理由は2000文字以内で入力してください。"])
            .Must(s => !XmlText.HasInvalidCharacters(s)).WithMessage(t["承認の理由に使用できない制御文字が含まれています。"]);
}

public sealed class CommentOnClauseValidator : AbstractValidator<CommentOnClauseCommand>
{
    public CommentOnClauseValidator(UiText t)
    {
        RuleFor(c => c.ClauseKey).NotEmpty().WithMessage(t["コメントする条項を選択してください。"]);
        RuleFor(c => c.Text).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage(t["コメントを入力してください。"])
            .Must(s => s is null || s.Length <= 2000).WithMessage(t["コメントは2000文字以内で入力してください。"])
            .Must(s => !XmlText.HasInvalidCharacters(s)).WithMessage(t["コメントに使用できない制御文字が含まれています。"]);
    }
}

public sealed class SendDraftBackValidator : AbstractValidator<SendDraftBackCommand>
{
    public SendDraftBackValidator(UiText t) =>
        RuleFor(c => c.Reason).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage(t["差戻しの理由を入力してください。"])
            .Must(s => s is null || s.Length <= 2000).WithMessage(t["差戻しの理由は2000文字以内で入力してください。"])
            .Must(s => !XmlText.HasInvalidCharacters(s)).WithMessage(t["差戻しの理由に使用できない制御文字が含まれています。"]);
}

public static class ReviewDecision
{
    /// <summary>The refusal when <paramref name="version"/> is not a submitted version under review; null when it is.</summary>
    public static Decision? NotUnderReview(ContractDossier? dossier, int version) => dossier?.Submitted(version) switch
    {
        null => Decision.Refuse("指定された版が見つかりません。"),
        { Status: not DraftStatus.InReview } => Decision.Refuse("この版は審査中ではありません。"),
        _ => null,
    };

    public static Decision Comment(ContractDossier dossier, CommentOnClauseCommand c, Guid commentId, Actor by, DateTimeOffset at)
    {
        if (NotUnderReview(dossier, c.Version) is { } refused) return refused;
        var clause = dossier.Submitted(c.Version)!.Clauses.FirstOrDefault(x => Key(x) == c.ClauseKey);
        if (clause is null) return Decision.Refuse("指定された条項がこの版にありません。");
        return Decision.Append(new ClauseCommented(dossier.Id, c.Version, commentId, clause.Kind, clause.ClauseId, clause.Heading, c.Text.Trim(), by, at));
    }

    public static Decision SendBack(ContractDossier dossier, SendDraftBackCommand c, Actor by, DateTimeOffset at) =>
        NotUnderReview(dossier, c.Version) ?? Decision.Append(new DraftSentBack(dossier.Id, c.Version, c.Reason.Trim(), by, at));

    /// <summary>
    /// <paramref name="contradictions"/>: how many contradictions the consistency check finds across the version's documents;
    /// approving over them needs a reason, which the approval records.
    /// </summary>
    public static Decision Approve(ContractDossier dossier, ApproveDraftCommand c, int contradictions, Actor by, DateTimeOffset at)
    {
        if (NotUnderReview(dossier, c.Version) is { } refused) return refused;
        var reason = string.IsNullOrWhiteSpace(c.ContradictionReason) ? null : c.ContradictionReason.Trim();
        if (contradictions > 0 && reason is null)
        {
            return Decision.Refuse("文書間の矛盾が{0}件あります。矛盾を承知で承認する場合は、その理由を入力してください。", contradictions);
        }
        return Decision.Append(new DraftApproved(dossier.Id, c.Version, by, at, contradictions > 0 ? reason : null, contradictions));
    }

    public static string Key(ClauseRef c) => $"{DraftKinds.Slug(c.Kind)}:{c.ClauseId}";
}

/// <summary>The dossier and the expected version, checked the same way for all three actions (role and membership are the commands' access rule).</summary>
public sealed class ReviewGate(ContractAccess access, UiText t)
{
    public async Task<ContractDossier> OpenAsync(Guid caseId, long expectedVersion, CancellationToken ct)
    {
        var dossier = await access.FindDossierAsync(caseId, ct) ?? throw new DomainRuleException(t["草案がまだありません。"]);
        if (dossier.Version != expectedVersion) throw new StaleVersionException();
        return dossier;
    }
}

public sealed class CommentOnClauseHandler(IDocumentSession session, ReviewGate gate, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CommentOnClauseCommand, long>
{
    public async ValueTask<long> Handle(CommentOnClauseCommand command, CancellationToken cancellationToken)
    {
        var dossier = await gate.OpenAsync(command.CaseId, command.ExpectedVersion, cancellationToken);
        var decision = ReviewDecision.Comment(dossier, command, Guid.NewGuid(), user.Actor, clock.GetUtcNow());
        return await DossierRules.AppendAsync(session, dossier.Id, command.ExpectedVersion, EventStreamWriter.Accept(decision), cancellationToken);
    }
}

public sealed class SendDraftBackHandler(IDocumentSession session, ReviewGate gate, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SendDraftBackCommand, long>
{
    public async ValueTask<long> Handle(SendDraftBackCommand command, CancellationToken cancellationToken)
    {
        var dossier = await gate.OpenAsync(command.CaseId, command.ExpectedVersion, cancellationToken);
        var decision = ReviewDecision.SendBack(dossier, command, user.Actor, clock.GetUtcNow());
        return await DossierRules.AppendAsync(session, dossier.Id, command.ExpectedVersion, EventStreamWriter.Accept(decision), cancellationToken);
    }
}

public sealed class ApproveDraftHandler(IDocumentSession session, ReviewGate gate, Consistency.ConsistencyChecker consistency, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ApproveDraftCommand, long>
{
    public async ValueTask<long> Handle(ApproveDraftCommand command, CancellationToken cancellationToken)
    {
        var dossier = await gate.OpenAsync(command.CaseId, command.ExpectedVersion, cancellationToken);
        var report = await consistency.CheckAsync(command.CaseId, command.Version, cancellationToken);
        var decision = ReviewDecision.Approve(dossier, command, report?.Contradictions.Count ?? 0, user.Actor, clock.GetUtcNow());
        return await DossierRules.AppendAsync(session, dossier.Id, command.ExpectedVersion, EventStreamWriter.Accept(decision), cancellationToken);
    }
}

using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation;

/// <summary>
/// The officer records that the 受注候補者 declined (辞退) or that negotiation with it failed, with the reason; the next
/// vendor of the final ranking becomes the candidate, and the contract drafts and documents follow.
/// </summary>
[Access(Roles.Officer)]
public sealed record RecordCandidateDeclined(Guid CaseId, Guid VendorId, string Reason) : ICommand<long>, ICaseRequest;

public sealed class RecordCandidateDeclinedValidator : AbstractValidator<RecordCandidateDeclined>
{
    public RecordCandidateDeclinedValidator()
    {
        RuleFor(c => c.VendorId).NotEmpty().WithMessage("辞退した受注候補者を指定してください。");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("辞退又は交渉不成立の理由を入力してください。")
            .MaximumLength(2000).WithMessage("理由は2000文字以内で入力してください。");
    }
}

public sealed class RecordCandidateDeclinedHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordCandidateDeclined, long>
{
    /// <summary>Only the current candidate of a final result can decline: anyone else was never offered the contract.</summary>
    public static Decision Decide(EvaluationView state, EvaluationResult result, RecordCandidateDeclined c, Actor by, DateTimeOffset at)
    {
        if (EvaluationRefusals.IfNotClosedYet(state, "受注候補者の辞退の記録") is { } refused) return refused;
        if (!result.IsFinal) return Decision.Refuse("審査の結果が確定していないため、辞退を記録できません。");
        if (state.Candidate(result) is not { } candidate) return Decision.Refuse("受注候補者となる事業者が残っていません。");
        if (candidate.VendorId != c.VendorId.ToString("N")) return Decision.Refuse("辞退を記録できるのは、現在の受注候補者（{0}）だけです。", candidate.VendorName);
        return Decision.Append(new CandidateDeclined(c.CaseId, c.VendorId, candidate.VendorName, c.Reason.Trim(), by, at));
    }

    public async ValueTask<long> Handle(RecordCandidateDeclined c, CancellationToken ct)
    {
        var sheets = await session.Query<ScoreSheetView>().Where(s => s.CaseId == c.CaseId).ToListAsync(ct);
        return await EvaluationGate.AppendAsync(session, c.CaseId,
            state => Decide(state, EvaluationResults.Compute(state, sheets), c, user.Actor, clock.GetUtcNow()), ct);
    }
}

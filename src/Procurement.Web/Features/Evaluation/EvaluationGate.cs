using Procurement.Infrastructure.Database;
using Procurement.Features.Evaluation.ScoreSheets;
using static Procurement.Features.Evaluation.EvaluationText;

namespace Procurement.Features.Evaluation;

/// <summary>
/// Who may do what in an evaluation, in one place so every handler and query refuses with the same words.
/// Case membership first (someone outside the group learns nothing), then role, then seat (member / chair).
/// </summary>
public static class EvaluationGate
{
    public static async Task RequireCaseAsync(CaseAccess access, Guid caseId, CancellationToken ct)
    {
        if (await access.FindCaseAsync(caseId, ct) is null) throw new DomainRuleException("案件が見つからないか、閲覧する権限がありません。");
    }

    public static void RequireOfficer(ICurrentUser user)
    {
        if (!user.IsInRole(Roles.Officer)) throw new DomainRuleException("この操作は調達担当のみが行えます。");
    }

    /// <summary>Only an appointed member changes scores; legal staff never do, even if also seated by mistake.</summary>
    public static void RequireScorer(ICurrentUser user, EvaluationView view)
    {
        if (user.IsInRole(Roles.Legal)) throw new DomainRuleException("契約・法務担当は採点を変更できません。");
        if (!user.IsInRole(Roles.Committee) || !view.IsMember(user.Id)) throw new DomainRuleException("この案件の選定委員ではないため、採点できません。");
    }

    public static void RequireMember(ICurrentUser user, EvaluationView view)
    {
        if (!view.IsMember(user.Id)) throw new DomainRuleException("この案件の選定委員ではありません。");
    }

    public static void RequireChair(ICurrentUser user, EvaluationView view)
    {
        if (view.ChairId != user.Id || user.IsInRole(Roles.Legal)) throw new DomainRuleException("この操作は委員長のみが行えます。");
    }

    public static void RequireDeclared(EvaluationView view, Guid memberId)
    {
        if (view.DeclarationOf(memberId) is null) throw new DomainRuleException("利害関係の申告を行ってから、提案書や採点表を開いてください。");
    }

    public static void RequireOpen(EvaluationView view)
    {
        if (view.TechnicalClosed) throw new DomainRuleException("技術審査は締め切られています。");
    }

    /// <summary>After the chair finalised the result, the decisions it rests on stay as they are.</summary>
    public static void RequireNotFinalised(EvaluationView view)
    {
        if (view.ResultsFinalisedAt is not null) throw new DomainRuleException("審査結果は確定済みのため、変更できません。");
    }

    /// <param name="what">The action, already in the reader's language (T["…"] at the caller, so the text checks see it).</param>
    public static void RequireClosed(EvaluationView view, string what)
    {
        if (!view.TechnicalClosed) throw new DomainRuleException(T.Format("{0}は技術審査の締切後に行えます。", what));
    }

    /// <summary>
    /// The evaluation with the 予定価格 of older records filled in, read once per request: the page, the access checks and
    /// the handler of one request all ask (<see cref="SessionDocuments"/>; a commit to the evaluation stream forgets it).
    /// Callers only read it; decisions are pure.
    /// </summary>
    public static Task<EvaluationView> LoadAsync(IQuerySession session, Guid caseId, CancellationToken ct)
    {
        var id = EvaluationStreams.Evaluation(caseId);
        return session.OnceAsync(id, async () =>
        {
            var view = await session.LoadAsync<EvaluationView>(id, ct) ?? new EvaluationView { CaseId = caseId, Id = id };
            return await Prices.EarlierReservePrices.FillInAsync(session, view, ct);
        });
    }

    /// <summary>Decides on the case's evaluation stream and appends (<see cref="EventStreamWriter"/>); returns the new stream version.</summary>
    public static async Task<long> AppendAsync(IDocumentSession session, Guid caseId, Func<EvaluationView, Decision> decide, CancellationToken ct)
    {
        var id = EvaluationStreams.Evaluation(caseId);
        var earlier = await Prices.EarlierReservePrices.FindAsync(session, caseId, ct);
        return await session.WriteAsync<EvaluationView>(id, state => decide(Prices.EarlierReservePrices.FillIn(state ?? new EvaluationView { CaseId = caseId, Id = id }, earlier)), ct);
    }

    /// <summary>
    /// Like <see cref="AppendAsync"/> on a member's sheet. Cells are independent parts of the sheet: the same cell's later
    /// write wins (the earlier value stays in the sheet's history), so a draft save is never refused as stale.
    /// </summary>
    public static Task<long> AppendToSheetAsync(IDocumentSession session, Guid caseId, Guid memberId, Func<ScoreSheetView, Decision> decide, CancellationToken ct)
    {
        var id = EvaluationStreams.ScoreSheet(caseId, memberId);
        return session.WriteAsync<ScoreSheetView>(id, state => decide(state ?? new ScoreSheetView { Id = id, CaseId = caseId, MemberId = memberId }), ct);
    }
}

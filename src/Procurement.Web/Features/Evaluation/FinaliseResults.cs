using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using static Procurement.Features.Evaluation.EvaluationText;

namespace Procurement.Features.Evaluation;

/// <summary>
/// The result as the case stands: the engine's computation, provisional until the chair has finalised it. Every reader
/// of a result (pages, award, documents, declines, tasks) goes through here, so none can take an engine result with no
/// blockers left for a decision nobody made.
/// </summary>
public static class EvaluationResults
{
    public const string NotFinalised = "委員長が「結果を確定する」で審査結果を確定するまで、結果は暫定です";

    public static EvaluationResult Compute(EvaluationView view, IReadOnlyList<ScoreSheetView> sheets) =>
        Finality(view, ScoringEngine.Compute(EvaluationInputs.Build(view, sheets, includePrices: true)));

    public static EvaluationResult Finality(EvaluationView view, EvaluationResult engine)
    {
        if (!engine.IsFinal || view.ResultsFinalisedAt is not null) return engine;
        var blocker = EngineText.Of(NotFinalised);
        return engine with { IsFinal = false, Blockers = [.. engine.Blockers, blocker.ToString()], BlockerTexts = [.. engine.BlockerTexts, blocker] };
    }

    /// <summary>The engine says nothing is left for a person to decide: the chair may finalise.</summary>
    public static bool ReadyToFinalise(EvaluationView view, IReadOnlyList<ScoreSheetView> sheets) =>
        view.TechnicalClosed && view.ResultsFinalisedAt is null && ScoringEngine.Compute(EvaluationInputs.Build(view, sheets, includePrices: true)).IsFinal;
}

/// <summary>The chair's 「結果を確定する」: only when nothing is left to decide; afterwards consensus, △ decisions and lots are closed.</summary>
[Access(Roles.Committee)]
public sealed record FinaliseResults(Guid CaseId) : ICommand<long>, ICaseRequest;

public sealed class FinaliseResultsHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<FinaliseResults, long>
{
    public static Decision Decide(EvaluationView state, EvaluationResult engine, FinaliseResults c, Actor by, DateTimeOffset at)
    {
        if (EvaluationRefusals.IfNotClosedYet(state, "審査結果の確定") is { } refused) return refused;
        if (state.ResultsFinalisedAt is not null) return Decision.Nothing;
        if (!engine.IsFinal) return Decision.Refuse("結果を確定する前に決めることが残っています: {0}", engine.BlockerTexts.Select(b => new Reason(b.Template, [.. b.Args])).ToList());
        return Decision.Append(new ResultsFinalised(c.CaseId, by, at));
    }

    public async ValueTask<long> Handle(FinaliseResults c, CancellationToken ct)
    {
        var sheets = await session.Query<ScoreSheetView>().Where(s => s.CaseId == c.CaseId).ToListAsync(ct);
        return await EvaluationGate.AppendAsync(session, c.CaseId, state =>
        {
            EvaluationGate.RequireChair(user, state);
            return Decide(state, ScoringEngine.Compute(EvaluationInputs.Build(state, sheets, includePrices: true)), c, user.Actor, clock.GetUtcNow());
        }, ct);
    }
}

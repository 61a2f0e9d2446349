using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Workflows.Tasks;

namespace Procurement.Features.Evaluation;

/// <summary>
/// The evaluation's pending actions: a seated member's declaration, scoring (items remaining) or re-confirmation of
/// changed criteria; the chair's close once every sheet is in, the decisions left after the close, and the finalisation.
/// Scoring is due when the workflow's step completed by the close is due.
/// </summary>
public sealed class EvaluationTaskSource : ITaskSource
{
    public async Task<IReadOnlyList<PendingTask>> PendingAsync(TaskContext context, CancellationToken ct)
    {
        var caseId = context.Case.Id;
        var view = await context.Session.LoadAsync<EvaluationView>(EvaluationStreams.Evaluation(caseId), ct);
        if (view is null || view.Members.Count == 0) return [];
        if (view.ResultsFinalisedAt is not null) return [];
        var sheets = await context.Session.Query<ScoreSheetView>().Where(s => s.CaseId == caseId).ToListAsync(ct);
        var due = context.DueForRecord(nameof(TechnicalScoringClosed));
        var hub = $"/Cases/{caseId}/Evaluation";
        var items = view.ScoredCriteria.SelectMany(c => c.Items).ToList();
        var tasks = new List<PendingTask>();

        foreach (var user in context.Users.Where(u => view.IsMember(u.Id) && u.Has(Roles.Committee) && !u.Has(Roles.Legal)))
        {
            if (!view.TechnicalClosed)
            {
                var sheet = sheets.FirstOrDefault(s => s.MemberId == user.Id);
                if (view.DeclarationOf(user.Id) is null)
                {
                    tasks.Add(new PendingTask(user.Id, caseId, "evaluation.declare", Say(TaskTexts.Declare), Say(TaskTexts.DeclareLeft, view.Vendors.Count),
                        $"{hub}/Declare", due));
                }
                else if (view.PendingReconfirmation.Contains(user.Id))
                {
                    tasks.Add(new PendingTask(user.Id, caseId, "evaluation.reconfirm", Say(TaskTexts.Reconfirm), null, hub, due));
                }
                else if (view.CriteriaFrozen && sheet?.Status != ScoreSheetStatus.Submitted)
                {
                    var vendors = view.Vendors.Where(v => !view.IsConflicted(user.Id, v.VendorId)).ToList();
                    var total = vendors.Count * items.Count;
                    var remaining = vendors.Sum(v => items.Count(i => sheet?.MarkFor(v.VendorId, i.Id) is null));
                    tasks.Add(new PendingTask(user.Id, caseId, "evaluation.score", Say(TaskTexts.Score),
                        remaining == 0 ? Say(TaskTexts.ScoreReady) : Say(TaskTexts.ScoreLeft, remaining, total), $"{hub}/Sheet", due));
                }
            }

            if (view.ChairId != user.Id) continue;
            if (!view.TechnicalClosed)
            {
                var allIn = view.CriteriaFrozen && view.Members.All(m => sheets.Any(s => s.MemberId == m.MemberId && s.Status == ScoreSheetStatus.Submitted));
                if (allIn) tasks.Add(new PendingTask(user.Id, caseId, "evaluation.close", Say(TaskTexts.Close), Say(TaskTexts.CloseLeft, view.Members.Count), hub, due));
            }
            else
            {
                var engine = ScoringEngine.Compute(EvaluationInputs.Build(view, sheets, includePrices: true));
                tasks.Add(engine.IsFinal
                    ? new PendingTask(user.Id, caseId, "evaluation.finalise", Say(TaskTexts.Finalise), Say(TaskTexts.FinaliseLeft), $"{hub}/Chair", null)
                    : new PendingTask(user.Id, caseId, "evaluation.consensus", Say(TaskTexts.Consensus), Say(TaskTexts.ConsensusLeft, engine.BlockerTexts.Count), $"{hub}/Chair", null));
            }
        }
        return tasks;
    }

    private static EngineText Say(string template, params object[] args) =>
        EngineText.Of(template, [.. args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
}

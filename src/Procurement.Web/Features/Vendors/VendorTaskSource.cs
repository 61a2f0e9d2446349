using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Workflows.Tasks;

namespace Procurement.Features.Vendors;

/// <summary>
/// The officers' vendor-facing work once the Q&A period is set: questions not yet answered and published (due the day
/// of the proposal deadline, since answers must reach every vendor before proposals are written), and proposals of the
/// vendors taking part that are not recorded yet (from the announcement until a week after the deadline, the time a
/// late proposal is still recorded with its reason).
/// </summary>
public sealed class VendorTaskSource : ITaskSource
{
    public async Task<IReadOnlyList<PendingTask>> PendingAsync(TaskContext context, CancellationToken ct)
    {
        var caseId = context.Case.Id;
        var vendors = await context.Session.LoadAsync<CaseVendors>(caseId, ct);
        if (vendors?.Period is not { } period) return [];
        var deadline = Workflows.WorkflowClock.Today(period.ProposalDeadline);
        var officers = context.Users.Where(u => u.IsOfficer).ToList();
        var tasks = new List<PendingTask>();

        var open = vendors.Questions.Count(q => q.PublishedAt is null);
        if (open > 0)
        {
            tasks.AddRange(officers.Select(u => new PendingTask(u.Id, caseId, "vendors.answer", Say(TaskTexts.Answer), Say(TaskTexts.AnswerLeft, open),
                $"/Cases/{caseId}/QandA", deadline)));
        }

        var missing = vendors.Vendors.Count(v => v.TookPart && vendors.CurrentProposals.All(p => p.VendorId != v.VendorId));
        if (missing > 0 && context.Today >= period.AnnouncedOn && context.Today <= deadline.AddDays(7))
        {
            tasks.AddRange(officers.Select(u => new PendingTask(u.Id, caseId, "vendors.proposals", Say(TaskTexts.RecordProposals), Say(TaskTexts.RecordProposalsLeft, missing),
                $"/Cases/{caseId}/Proposals", deadline)));
        }
        return tasks;
    }

    private static EngineText Say(string template, params object[] args) =>
        EngineText.Of(template, [.. args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
}

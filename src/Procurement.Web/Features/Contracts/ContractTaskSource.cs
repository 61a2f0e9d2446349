using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Workflows.Tasks;

namespace Procurement.Features.Contracts;

/// <summary>
/// The contract dossier's pending actions: legal staff review a version submitted for review (the link opens that
/// version, not the dossier); officers revise a version legal sent back.
/// </summary>
public sealed class ContractTaskSource : ITaskSource
{
    public async Task<IReadOnlyList<PendingTask>> PendingAsync(TaskContext context, CancellationToken ct)
    {
        var caseId = context.Case.Id;
        var dossier = await context.Session.LoadAsync<ContractDossier>(ContractStreams.DossierId(caseId), ct);
        if (dossier is null) return [];
        var tasks = new List<PendingTask>();
        foreach (var version in dossier.Versions.Where(v => v.Status == DraftStatus.InReview))
        {
            foreach (var user in context.Users.Where(u => u.Has(Roles.Legal)))
            {
                tasks.Add(new PendingTask(user.Id, caseId, $"contract.review:{version.Number}", Say(TaskTexts.Review, version.Number), Say(TaskTexts.ReviewLeft, version.SubmittedBy),
                    $"/Cases/{caseId}/Contract/Versions/{version.Number}", null));
            }
        }
        // Until the revised version is submitted: starting the revision does not finish the task.
        if (dossier.LatestSubmitted is { Status: DraftStatus.SentBack } sentBack)
        {
            foreach (var user in context.Users.Where(u => u.IsOfficer))
            {
                tasks.Add(new PendingTask(user.Id, caseId, $"contract.fix:{sentBack.Number}", Say(TaskTexts.FixSentBack, sentBack.Number),
                    sentBack.SendBackReason is { Length: > 0 } reason ? Say(TaskTexts.FixSentBackLeft, reason) : null, $"/Cases/{caseId}/Contract", null));
            }
        }
        return tasks;
    }

    private static EngineText Say(string template, params object[] args) =>
        EngineText.Of(template, [.. args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
}

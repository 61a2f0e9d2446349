namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// One member's score history: every event of their score-sheet stream (drafts, imports, submission, reopening) and the
/// consensus / △ decisions that changed how their marks count, with who, when and old → new. After the close only, to
/// officers, the chair and the member themself (the query decides); other group members get 403, outsiders 404.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class HistoryModel(EvaluationQueries queries) : CasePageModel
{
    public EvaluationOverview Overview { get; private set; } = null!;
    public MemberScoreHistory? History { get; private set; }
    public IReadOnlyList<ScoreHistoryEntry> Entries { get; private set; } = [];
    public EvaluatedVendor? Vendor { get; private set; }

    /// <param name="vendor">Optional: only the changes for this vendor (the results page links per vendor table).</param>
    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId, Guid? vendor, CancellationToken ct)
    {
        Overview = await queries.GetOverviewAsync(id, ct);
        if (!Overview.TechnicalClosed) return Page();
        try
        {
            History = await queries.GetMemberScoreHistoryAsync(id, memberId, ct);
        }
        catch (DomainRuleException)
        {
            // A read, not a command: another member's history refused is a 403, not a form message.
            return Forbid();
        }
        Vendor = vendor is { } v ? Overview.Vendors.FirstOrDefault(x => x.VendorId == v) : null;
        Entries = Vendor is null ? History.Entries : History.Entries.Where(e => e.VendorId is null || e.VendorId == Vendor.VendorId).ToList();
        return Page();
    }
}

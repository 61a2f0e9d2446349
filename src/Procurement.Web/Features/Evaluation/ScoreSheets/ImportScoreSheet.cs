namespace Procurement.Features.Evaluation.ScoreSheets;

/// <summary>
/// The member uploads their own sheet filled in Excel. All or nothing: any wrong vendor, item or value is refused
/// with every offending cell named, one per line, and nothing is saved. An empty cell clears that score.
/// </summary>
[Access(Roles.Committee)]
public sealed record ImportScoreSheet(Guid CaseId, byte[] Content) : ICommand<long>, ICaseRequest;

public sealed class ImportScoreSheetValidator : AbstractValidator<ImportScoreSheet>
{
    /// <summary>An exported sheet is tens of kilobytes; the page refuses a bigger upload before reading it.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public ImportScoreSheetValidator(UiText t)
    {
        RuleFor(c => c.Content).Must(c => c.Length <= MaxBytes).WithMessage(t.Format("ファイルが大きすぎます（{0}MBまで）。", MaxBytes / 1024 / 1024));
    }
}

public sealed class ImportScoreSheetHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<ImportScoreSheet, long>
{
    public async ValueTask<long> Handle(ImportScoreSheet c, CancellationToken ct)
    {
        var evaluation = await EvaluationGate.LoadAsync(session, c.CaseId, ct);
        EvaluationGate.RequireScorer(user, evaluation);
        return await EvaluationGate.AppendToSheetAsync(session, c.CaseId, user.Id, sheet =>
        {
            // A closed evaluation or a submitted sheet is refused before the file is read: parsing costs time and memory.
            SaveScoreDraftHandler.RequireChangeable(evaluation, sheet, user.Id);
            using var stream = new MemoryStream(c.Content, writable: false);
            var (entries, errors) = ScoreSheetExcel.Read(evaluation, sheet, user.Id, stream);
            if (errors.Count > 0) throw new DomainRuleException(string.Join("\n", errors));
            return SaveScoreDraftHandler.Decide(evaluation, sheet, entries, "Excel", user.Id, user.Actor, clock.GetUtcNow());
        }, ct);
    }
}

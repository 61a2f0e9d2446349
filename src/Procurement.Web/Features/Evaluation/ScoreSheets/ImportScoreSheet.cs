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
        return await EvaluationGate.AppendToSheetAsync(session, c.CaseId, user.Id, sheet => Decide(evaluation, sheet, c.Content, user.Id, user.Actor, clock.GetUtcNow()), ct);
    }

    /// <summary>
    /// A closed evaluation or a submitted sheet is refused before the file is read (parsing costs time and memory); then
    /// every bad cell, one per line (each line a text of its own: the page puts each in the reader's language), or the
    /// draft save of what the file holds.
    /// </summary>
    public static Decision Decide(EvaluationView evaluation, ScoreSheetView sheet, byte[] content, Guid memberId, Actor by, DateTimeOffset at)
    {
        if (SaveScoreDraftHandler.Unchangeable(evaluation, sheet, memberId) is { } refused) return refused;
        using var stream = new MemoryStream(content, writable: false);
        var (entries, errors) = ScoreSheetExcel.Read(evaluation, sheet, memberId, stream);
        if (errors.Count > 0) return Decision.Refuse(string.Join("\n", errors));
        return SaveScoreDraftHandler.Decide(evaluation, sheet, entries, "Excel", memberId, by, at);
    }
}

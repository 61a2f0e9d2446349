using System.Text.Json;

namespace Procurement.Features.Contracts;

/// <summary>
/// Who may do what with a case's contract drafts. Membership first (anyone outside the group gets 404 from
/// <see cref="CaseAccess"/>); then roles: officers edit, legal staff review, and a committee member reads drafts
/// only once the award exists (before it, a draft would reveal the expected vendor and price).
/// </summary>
public sealed class ContractAccess(CaseAccess cases, IQuerySession session, ICurrentUser user, IAwardSource awards)
{
    public bool CanEdit => user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Admin);

    public bool CanReview => user.IsInRole(Roles.Legal);

    private bool CommitteeOnly => user.IsInRole(Roles.Committee) && !CanEdit && !CanReview;

    public async Task<CaseSummary?> FindCaseAsync(Guid caseId, CancellationToken ct = default) => await cases.FindCaseAsync(caseId, ct);

    public async Task<ContractDossier?> FindDossierAsync(Guid caseId, CancellationToken ct = default) =>
        await session.LoadAsync<ContractDossier>(ContractStreams.DossierId(caseId), ct);

    public async Task<bool> CanReadDraftsAsync(Guid caseId, CancellationToken ct = default) =>
        !CommitteeOnly || await awards.GetAward(caseId, ct) is not null;

    public async Task<IReadOnlyList<(CaseSummary Case, ContractDossier? Dossier)>> MyDossiersAsync(CancellationToken ct = default)
    {
        var mine = await cases.MyCasesAsync(ct);
        if (mine.Count == 0) return [];
        var ids = mine.Select(c => ContractStreams.DossierId(c.Id)).ToArray();
        var dossiers = (await session.LoadManyAsync<ContractDossier>(ct, ids)).ToDictionary(d => d.CaseId);
        return mine.Select(c => (c, dossiers.GetValueOrDefault(c.Id))).ToList();
    }
}

/// <summary>The rules every change to the working copy follows, and the one way dossier events are appended.</summary>
public static class DossierRules
{
    /// <summary>
    /// A change of the working copy (<paramref name="change"/>: its event, given the version it belongs to), preceded by
    /// what must come first: opening the dossier on first use, and starting the next version when the working copy was
    /// already submitted (approved or sent back), so a submitted version is never altered. A draft under review is refused.
    /// </summary>
    public static Decision Change(ContractDossier? dossier, CaseSummary @case, Actor by, DateTimeOffset at, Func<int, object> change)
    {
        if (dossier is null) return Decision.Append(new ContractDossierOpened(ContractStreams.DossierId(@case.Id), @case.Id, @case.GroupId, by, at), change(1));
        if (dossier.Status == DraftStatus.InReview) return Decision.Refuse("審査中の草案は変更できません。法務担当の承認または差戻しを待ってください。");
        if (!dossier.WorkingCopyIsSubmitted) return Decision.Append(change(dossier.WorkingVersion));
        var version = dossier.WorkingVersion + 1;
        return Decision.Append(new DraftVersionStarted(dossier.Id, version, by, at), change(version));
    }

    /// <summary>Compares by content: re-saving the same values must not start a version nobody changed.</summary>
    public static bool SameContent<T>(T? a, T? b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    /// <summary>
    /// The officer's save of one part of the working copy (terms, SLA; the commands' access rule admits officers only), checked
    /// against the version the user saw, and a no-op when <paramref name="decide"/> finds nothing changed.
    /// </summary>
    public static async Task<long> SaveChangeAsync(IDocumentSession session, ContractAccess access, Guid caseId, long expectedVersion,
        UiText t, Func<ContractDossier?, CaseSummary, Decision> decide, CancellationToken ct)
    {
        var @case = await access.FindCaseAsync(caseId, ct) ?? throw new DomainRuleException(t["案件が見つかりません。"]);
        var dossier = await access.FindDossierAsync(caseId, ct);
        if ((dossier?.Version ?? 0) != expectedVersion) throw new StaleVersionException();

        var events = EventStreamWriter.Accept(decide(dossier, @case));
        if (events.Count == 0) return expectedVersion;
        return await AppendAsync(session, ContractStreams.DossierId(caseId), expectedVersion, events, ct);
    }

    /// <summary>Appends with the version the user saw; a second writer on the same version is refused, not merged.</summary>
    public static async Task<long> AppendAsync(IDocumentSession session, Guid dossierId, long expectedVersion, IReadOnlyCollection<object> events, CancellationToken ct)
    {
        // The dossier stream is one record (the working copy and its review): its whole version is the expected one.
        if (expectedVersion == 0) session.Events.StartStream<ContractDossier>(dossierId, [.. events]);
        else session.Events.Append(dossierId, expectedVersion + events.Count, events.ToArray());
        await session.SaveAsync(ct);
        return expectedVersion + events.Count;
    }
}

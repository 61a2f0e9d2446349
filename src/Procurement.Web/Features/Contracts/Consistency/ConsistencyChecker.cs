using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Groups;

namespace Procurement.Features.Contracts.Consistency;

/// <summary>
/// Loads what <see cref="ConsistencyCheck"/> compares: the current version of each document that states terms (the
/// 調達仕様書 and 導入計画書 from the documents history, the dossier's 契約書（案）, SLA and 特記事項 of the version
/// under review or the one asked for), read from their stored .docx, and the case's records. Used by the page, by
/// legal's approval and by the CLI; it checks no access itself (the query and the approval command do).
/// </summary>
public sealed class ConsistencyChecker(IQuerySession session, IDocumentFileStore files, IAwardSource awards)
{
    /// <summary>Kinds of the documents history that state contract terms; the others state no term the contract repeats.</summary>
    public static readonly IReadOnlyList<string> DocumentKinds = ["procurement-spec", "implementation-plan"];

    public async Task<ConsistencyReport?> CheckAsync(Guid caseId, int? dossierVersion = null, CancellationToken ct = default)
    {
        var summary = await session.LoadAsync<CaseSummary>(caseId, ct);
        if (summary is null) return null;
        var group = await session.LoadAsync<GroupView>(summary.GroupId, ct);
        var documents = new List<CheckedDocument>();

        var history = await session.LoadAsync<CaseDocumentsView>(caseId, ct);
        foreach (var kind in DocumentKinds)
        {
            if (history?.Find(kind) is not { Latest: { } latest } series) continue;
            var file = await files.LoadAsync(session, latest.FileId, ct);
            if (file is not null) documents.Add(new(series.Title, kind, latest.Version, null, DocxText.Extract(file.Bytes)));
        }

        var dossier = await session.LoadAsync<ContractDossier>(ContractStreams.DossierId(caseId), ct);
        var version = dossierVersion is { } n ? dossier?.Submitted(n) : dossier?.LatestSubmitted;
        if (dossier is not null && version is not null
            && await session.LoadAsync<ContractVersionFiles>(ContractVersionFiles.IdFor(dossier.Id, version.Number), ct) is { } stored)
        {
            foreach (var doc in stored.Documents)
            {
                documents.Add(new(DraftKinds.Title(doc.Kind), DraftKinds.TemplateId(doc.Kind), version.Number, doc.Member, DocxText.Extract(doc.Docx)));
            }
        }

        var award = await awards.GetAward(caseId, ct);
        var terms = version?.Inputs.Terms ?? dossier?.Terms;
        var sla = version?.Inputs.Sla ?? dossier?.Sla;
        var records = new CaseRecords(
            award?.ContractPrice, award?.VendorName, group is null ? null : ContractParties.Kou(group), summary.PlannedGoLive,
            terms?.PeriodStart, terms?.PeriodEnd,
            sla?.Items.Select(i => (i.Indicator, i.Target)).ToList() ?? []);
        return ConsistencyCheck.Check(documents, records);
    }
}

/// <summary>The consistency report of a case (officers and legal staff of its group).</summary>
[Access(Roles.Officer, Roles.Legal, Roles.Admin)]
public sealed record CheckCaseConsistency(Guid CaseId, int? DossierVersion = null) : IQuery<ConsistencyReport>, ICaseRequest;

public sealed class CheckCaseConsistencyHandler(ConsistencyChecker checker) : IQueryHandler<CheckCaseConsistency, ConsistencyReport>
{
    public async ValueTask<ConsistencyReport> Handle(CheckCaseConsistency query, CancellationToken cancellationToken) =>
        await checker.CheckAsync(query.CaseId, query.DossierVersion, cancellationToken) ?? new ConsistencyReport([], []);
}

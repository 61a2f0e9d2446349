using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Groups;

namespace Procurement.Features.Vendors.QandA;

/// <summary>
/// The 質問回答書 as the Q&amp;A page downloads it: the shared <c>qa-list</c> template rendered from the answers
/// published now, without storing a version (committee members download it too; officers issue recorded versions
/// from the documents page). The header's 版数 is the latest issued version when the content is the same, otherwise
/// the next one, so a download never claims to be a version it is not.
/// </summary>
public static class QaListDocument
{
    public const string TemplateId = "qa-list";

    public static async Task<RenderedDocument> RenderAsync(
        IQuerySession session, DocumentRenderer renderer, CaseSummary summary, CaseVendors vendors, DateOnly today, CancellationToken ct)
    {
        var group = await session.LoadAsync<GroupView>(summary.GroupId, ct) ?? throw new InvalidOperationException("the case's group is missing");
        var template = renderer.Catalog.Get(TemplateId);
        var latest = (await session.LoadAsync<CaseDocumentsView>(summary.Id, ct))?.Find(template.Kind)?.Latest;
        var info = new DocumentInfo { Title = template.Title, Kind = template.Kind, Edition = latest?.Version ?? 1, Date = DocumentModel.Iso(today) };
        var model = DocumentModel.FromCase(summary, group, info, new Settings { DateStyle = group.DateStyle }, new DocumentSections { Qa = VendorDocumentSource.PublishedAnswers(vendors) });

        var rendered = renderer.Render(TemplateId, model, ct: ct);
        if (latest is null || rendered.ContentHash == latest.ContentHash) return rendered;
        return renderer.Render(TemplateId, model with { Document = info with { Edition = latest.Version + 1 } }, ct: ct);
    }
}

using Procurement.Features.Contracts;
using Procurement.Features.Documents;

namespace Procurement.Features.Vendors;

/// <summary>
/// What generated documents learn from the vendors feature: the case's vendors, the awarded vendor once the award
/// is final (<see cref="IAwardSource"/>), and the published answers to the vendors' questions — never who asked,
/// because the 質問回答書 goes to every vendor. Sections a page passed in explicitly are kept.
/// </summary>
public sealed class VendorDocumentSource(IQuerySession session, IAwardSource awards) : IDocumentSectionSource
{
    public async ValueTask<DocumentSections> ContributeAsync(Guid caseId, DocumentSections current, CancellationToken ct)
    {
        var vendors = await session.LoadAsync<CaseVendors>(caseId, ct);
        var award = current.Award is null ? await awards.GetAward(caseId, ct) : null;
        return current with
        {
            Vendors = current.Vendors ?? (vendors is { Vendors.Count: > 0 } ? vendors.Vendors.Select(ToVendor).ToList() : null),
            Award = current.Award ?? (award is null ? null : Awarded(award, vendors)),
            Qa = current.Qa ?? (vendors is null ? null : PublishedAnswers(vendors)),
        };
    }

    /// <summary>The published answers in question order; null while none is published.</summary>
    public static IReadOnlyList<QaItem>? PublishedAnswers(CaseVendors vendors)
    {
        var answered = vendors.Questions.Where(q => q.Answer is not null).OrderBy(q => q.Number).ToList();
        if (answered.Count == 0) return null;
        // The log has no 区分: the column stays empty and the template leaves it out.
        return answered.Select(q => new QaItem(q.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            q.PublishedAt is { } at ? DocumentModel.Iso(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, JapaneseDates.Tokyo).DateTime)) : null,
            "", q.Text, q.Answer!, q.ChangesConditions)).ToList();
    }

    private static Vendor ToVendor(CaseVendor v) => new(v.CompanyName, Blank(v.Address), Blank(v.ContactPerson), Blank(v.CorporateNumber));

    /// <summary>The award names the vendor; the 法人番号 comes from the case's vendor of the same name.</summary>
    private static Vendor Awarded(Award award, CaseVendors? vendors)
    {
        var registered = vendors?.Vendors.FirstOrDefault(v => v.CompanyName == award.VendorName);
        return new Vendor(award.VendorName, award.VendorAddress ?? Blank(registered?.Address), award.VendorRepresentative ?? Blank(registered?.ContactPerson),
            Blank(registered?.CorporateNumber));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

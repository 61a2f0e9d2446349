using System.Security.Cryptography;
using System.Text;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.Vendors.Files;

namespace Procurement.Features.Vendors;

/// <summary>
/// Demo mode only: the three vendors the demo evaluation scores are registered on the demo case under the same ids,
/// took part in the RFI, sent the RFQ estimates the 予定価格 was based on, and handed in proposals whose files are on
/// file — so the vendor, proposal, evaluation and contract pages tell one story. Called after
/// <see cref="DemoData.SeedAsync"/> and before <see cref="EvaluationDemo.SeedAsync"/>; does nothing when the case already has vendors.
/// </summary>
public static class VendorDemo
{
    public sealed record DemoVendor(Guid Id, string Name, string Base12, string Address, string Contact, string Email, long Initial, long Monthly);

    public static readonly IReadOnlyList<DemoVendor> Vendors =
    [
        new(EvaluationDemo.VendorA, "甲システム株式会社", "000012050001", "長野県長野市大字南長野1000番地", "営業部 伊那 一郎", "sales@kou-system.example.jp", 72_000_000, 6_100_000),
        new(EvaluationDemo.VendorB, "乙情報サービス株式会社", "000012050002", "長野県松本市中央一丁目2番3号", "公共営業課 安曇 花子", "koukyou@otsu-joho.example.jp", 80_000_000, 6_400_000),
        new(EvaluationDemo.VendorC, "丙テクノロジー株式会社", "000012050003", "長野県飯田市追手町1-1", "自治体ソリューション部 天竜 次郎", "jichitai@hei-tech.example.jp", 64_000_000, 5_800_000),
    ];

    /// <summary>Contract months the RFQ asked for (the 5 operating years the case plans).</summary>
    public const int ContractMonths = 60;

    public static string CorporateNumberOf(DemoVendor v) => CorporateNumber.CheckDigit(v.Base12).ToString(CultureInfo.InvariantCulture) + v.Base12;

    public static async Task SeedAsync(IDocumentStore store, IVendorFileStore files, TimeProvider clock, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<CaseVendors>(DemoData.CaseId, ct) is { Vendors.Count: > 0 }) return;

        var by = Actor.System;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Documents.JapaneseDates.Tokyo).DateTime);
        var caseId = DemoData.CaseId;
        var events = new List<object>();
        foreach (var v in Vendors)
        {
            var registered = new VendorRegistered(v.Id, DemoData.GroupId, v.Name, CorporateNumberOf(v), v.Address, v.Contact, v.Email, by, now);
            session.Events.StartStream<VendorDirectoryEntry>(v.Id, registered);
            events.Add(new VendorAddedToCase(caseId, v.Id, v.Name, registered.CorporateNumber, v.Address, v.Contact, v.Email, by, now));
            events.Add(new VendorParticipationMarked(caseId, v.Id, v.Name, RfiSent: true, TookPart: true, by, now));
            events.Add(new EstimateRecorded(caseId, v.Id, v.Name, today.AddDays(-90), v.Initial, v.Monthly, ContractMonths, v.Monthly * ContractMonths, by, now));
        }
        // 公告 two months ago, proposals due ten days ago; each vendor's proposal arrived before the deadline.
        var deadline = new DateTimeOffset(today.AddDays(-10).ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(9));
        events.Add(new QaPeriodSet(caseId, today.AddDays(-60), deadline, by, now));
        foreach (var v in Vendors)
        {
            var bytes = ProposalPdf((char)('A' + events.OfType<ProposalSubmitted>().Count()));
            var file = new VendorFile(Guid.NewGuid(), $"技術提案書_{v.Name}.pdf", VendorFileKind.Pdf, bytes.LongLength,
                Convert.ToHexStringLower(SHA256.HashData(bytes)), PriceEnvelope: false);
            await files.StageAsync(session, file.FileId, bytes, ct);
            events.Add(new ProposalSubmitted(caseId, Guid.NewGuid(), v.Id, v.Name, deadline.AddDays(-2), Late: false, [file], by, now));
        }
        session.Events.Append(caseId, events.ToArray());
        await session.SaveChangesAsync(ct);
    }

    /// <summary>A one-page PDF (ASCII text with a standard font: the demo needs a file members can open, not typesetting).</summary>
    private static byte[] ProposalPdf(char vendor)
    {
        var label = $"Technical proposal (demo) - vendor {vendor}";
        var content = $"BT /F1 14 Tf 72 770 Td ({label}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(sb.ToString()));
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(sb.ToString());
        sb.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) sb.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}

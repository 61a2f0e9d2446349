using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Demo;
using Procurement.Features.Vendors;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Vendors;

/// <summary>Sample files and HTTP steps the vendor tests share. Everything goes through the real pages.</summary>
public static partial class VendorTestKit
{
    public static readonly Guid CaseId = DemoData.CaseId;
    public static string Url(string path) => $"/Cases/{CaseId}{path}";

    /// <summary>The app with extra settings and the demo data.</summary>
    public static Task<AppFactory> StartWithSettingsAsync(string hint, IReadOnlyDictionary<string, string> settings) =>
        AppFactory.StartAsync(hint, settings);

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static byte[] Docx(string text = "提案書")
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)))));
        }
        return ms.ToArray();
    }

    public static byte[] Xlsx()
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            ws.Worksheet = new Worksheet(new SheetData());
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "価格" }));
        }
        return ms.ToArray();
    }

    /// <summary>A Windows executable header: what a disguised upload typically is.</summary>
    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    /// <summary>A ZIP that is not an Office document (no [Content_Types].xml, no word/).</summary>
    public static byte[] PlainZip()
    {
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            w.Write("not a document");
        }
        return ms.ToArray();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<(string Field, string FileName, byte[] Content)> files, string formPageUrl)
    {
        var page = await client.GetStringAsync(formPageUrl);
        var token = TokenPattern().Match(page);
        if (!token.Success) throw new InvalidOperationException($"no antiforgery token on {formPageUrl}");
        var content = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        foreach (var (field, name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, name);
        }
        return await client.PostAsync(url, content);
    }

    /// <summary>Registers a vendor through the page and returns its id.</summary>
    public static async Task<Guid> RegisterVendorAsync(this HttpClient officer, string name, string corporateNumber)
    {
        var response = await officer.PostFormAsync(Url("/Vendors/Register"), new Dictionary<string, string>
        {
            ["Input.CompanyName"] = name,
            ["Input.CorporateNumber"] = corporateNumber,
            ["Input.Address"] = "長野県飯田市追手町1-1",
            ["Input.ContactPerson"] = "営業 太郎",
            ["Input.Email"] = "sales@example.jp",
        });
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("register failed: " + await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public static async Task<HttpResponseMessage> RecordEstimateAsync(this HttpClient officer, Guid vendorId, long initial, long monthly, int months, long? term = null) =>
        await officer.PostFormAsync(Url($"/Vendors/{vendorId}?handler=Estimate"), new Dictionary<string, string>
        {
            ["Estimate.ResponseDate"] = "2026-11-20",
            ["Estimate.InitialCost"] = initial.ToString("#,0", CultureInfo.InvariantCulture),
            ["Estimate.MonthlyOperatingCost"] = monthly.ToString(CultureInfo.InvariantCulture),
            ["Estimate.ContractMonths"] = months.ToString(CultureInfo.InvariantCulture),
            ["Estimate.OperatingCostForTerm"] = term?.ToString(CultureInfo.InvariantCulture) ?? "",
        }, Url($"/Vendors/{vendorId}"));

    /// <summary>公告 2026-11-01, proposals due 2026-11-25 17:00 JST (the test clock is 2026-11-26 10:00 JST).</summary>
    public static async Task SetPeriodAsync(this HttpClient officer, string deadline = "2026-11-25T17:00")
    {
        var response = await officer.PostFormAsync(Url("/QandA?handler=Period"), new Dictionary<string, string>
        {
            ["Period.AnnouncedOn"] = "2026-11-01",
            ["Period.ProposalDeadline"] = deadline,
        }, Url("/QandA"));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("period failed: " + await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> SubmitProposalAsync(this HttpClient officer, Guid vendorId, string submittedAt,
        params (string Field, string FileName, byte[] Content)[] files) =>
        await officer.PostMultipartAsync(Url("/Proposals?handler=Submit"),
            [new("Submit.VendorId", vendorId.ToString()), new("Submit.SubmittedAt", submittedAt)], files, Url("/Proposals"));

    public static async Task<CaseVendors> ViewAsync(this AppFactory app)
    {
        await using var session = app.Store.QuerySession();
        return await session.LoadAsync<CaseVendors>(CaseId) ?? new CaseVendors();
    }

    public static async Task<int> EventCountAsync(this AppFactory app)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(CaseId)).Count;
    }

    public static async Task<long> StoredFileCountAsync(this AppFactory app)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand("select to_regclass('procurement.vendor_files') is not null", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!) return 0; // the table is created with the first stored file
        await using var count = new Npgsql.NpgsqlCommand("select count(*) from procurement.vendor_files", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

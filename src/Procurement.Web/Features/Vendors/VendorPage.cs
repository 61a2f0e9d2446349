using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Procurement.Features.Documents;
using Procurement.Features.Evaluation;
using Procurement.Features.Vendors.Files;

namespace Procurement.Features.Vendors;

/// <summary>What the vendor pages share: parsing form text, reading uploads within limits, and showing command errors by field.</summary>
public static class VendorPage
{
    public static bool IsOfficer(ClaimsPrincipal user) => user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Admin);

    public static async Task<CaseVendors> LoadAsync(IQuerySession session, Guid caseId, CancellationToken ct) =>
        await session.LoadAsync<CaseVendors>(caseId, ct) ?? new CaseVendors { Id = caseId };

    /// <summary>Sends a command; on refusal the errors land next to their fields (under <paramref name="prefix"/>) and false is returned.</summary>
    public static async Task<bool> TryAsync(PageModel page, string prefix, Func<Task> send) =>
        (await FormCommand.TryAsync(page.ModelState, page.HttpContext.RequestServices.GetRequiredService<UiText>(), send, property => FieldKey(prefix, property))).Ok;

    /// <summary>"Files[2].Content" is shown under the file input "Files": one slot per input, not per file.</summary>
    private static string FieldKey(string prefix, string property)
    {
        var bracket = property.IndexOf('[', StringComparison.Ordinal);
        var name = bracket >= 0 ? property[..bracket] : property;
        return string.IsNullOrEmpty(name) || string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}";
    }

    public static string? ErrorFor(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>
    /// Reads at most limit + 1 bytes of each upload: enough for the validator to say "too large"
    /// without holding an arbitrarily large body in memory.
    /// </summary>
    public static async Task<List<UploadedFile>> ReadUploadsAsync(IEnumerable<IFormFile>? files, long limit, bool priceEnvelope, CancellationToken ct)
    {
        var result = new List<UploadedFile>();
        foreach (var f in files ?? [])
        {
            if (f is null || (string.IsNullOrEmpty(f.FileName) && f.Length == 0)) continue; // an untouched file input
            await using var source = f.OpenReadStream();
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while (buffer.Length <= limit && (read = await source.ReadAsync(chunk, ct)) > 0) buffer.Write(chunk, 0, read);
            result.Add(new UploadedFile(Path.GetFileName(f.FileName), buffer.ToArray(), priceEnvelope));
        }
        return result;
    }

    public static DateOnly? ParseDate(string? s) =>
        DateOnly.TryParseExact((s ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Yen typed with or without commas or a trailing 円; anything else is "not a number".</summary>
    public static long? ParseYen(string? s)
    {
        var text = (s ?? "").Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Replace("円", "", StringComparison.Ordinal).Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static int? ParseInt(string? s) => int.TryParse((s ?? "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>A datetime-local value, read as Japan time (the municipalities' deadlines are JST).</summary>
    public static DateTimeOffset? ParseJstDateTime(string? s)
    {
        if (!DateTime.TryParseExact((s ?? "").Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), JapaneseDates.Tokyo.GetUtcOffset(local));
    }

    public static string ToJstInput(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, JapaneseDates.Tokyo).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static string At(DateTimeOffset at) => JapaneseDates.FormatDateTime(at, JapaneseDates.Tokyo, UiText.IsEnglish);

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : Math.Ceiling(bytes / 1024d).ToString("0", CultureInfo.InvariantCulture) + " KB";

    public static string BasisName(ReservePriceSource basis) => basis switch
    {
        ReservePriceSource.LowestEstimate => "見積最低額",
        ReservePriceSource.MedianEstimate => "見積中央値",
        ReservePriceSource.AverageEstimate => "見積平均額",
        _ => "その他",
    };
}

/// <summary>The tab bar of the vendor pages.</summary>
public sealed record VendorNav(Guid CaseId, string Title, string Current);

using System.Security.Cryptography;

namespace Procurement.Features.Documents;

/// <summary>Bytes of a generated document, kept in PostgreSQL next to the events that refer to them.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Length { get; set; }
    public byte[] Bytes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

public interface IDocumentFileStore
{
    void Add(IDocumentSession session, StoredFile file);
    /// <summary>The bytes, after checking they still hash to what the event recorded.</summary>
    Task<StoredFile?> LoadAsync(IQuerySession session, Guid fileId, CancellationToken ct);
}

public sealed class MartenDocumentFileStore : IDocumentFileStore
{
    public void Add(IDocumentSession session, StoredFile file) => session.Store(file);

    public async Task<StoredFile?> LoadAsync(IQuerySession session, Guid fileId, CancellationToken ct)
    {
        var file = await session.LoadAsync<StoredFile>(fileId, ct);
        if (file is null) return null;
        var actual = Convert.ToHexStringLower(SHA256.HashData(file.Bytes));
        if (actual != file.Sha256) throw new InvalidDataException($"保存された文書ファイル {fileId} のハッシュ値が一致しません（改ざん又は破損の可能性）。");
        return file;
    }
}

public static class DocumentFileNames
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>「調達仕様書_第2版.docx」: characters Windows forbids in file names are replaced.</summary>
    public static string Docx(string title, int version) => Safe(title) + $"_第{version}版.docx";

    private static string Safe(string title)
    {
        var chars = title.Select(ch => "\\/:*?\"<>|".Contains(ch) || char.IsControl(ch) ? '_' : ch).ToArray();
        var s = new string(chars).Trim();
        return s.Length == 0 ? "document" : s[..Math.Min(s.Length, 80)];
    }
}

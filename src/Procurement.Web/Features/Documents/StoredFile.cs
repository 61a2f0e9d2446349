using System.Security.Cryptography;
using Marten;

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

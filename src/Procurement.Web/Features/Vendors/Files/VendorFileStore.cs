using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;
using Procurement.Infrastructure.Database;

namespace Procurement.Features.Vendors.Files;

/// <summary>
/// Where the bytes of vendor files live. The event records name, size and SHA-256; the store holds
/// only bytes. Staging happens inside the session that appends the event, so a failed save leaves
/// no file behind (PostgreSQL: same transaction; folder: written files are removed again).
/// </summary>
public interface IVendorFileStore
{
    Task StageAsync(IDocumentSession session, Guid fileId, byte[] content, CancellationToken ct);
    Task DiscardAsync(IEnumerable<Guid> fileIds);
    Task<byte[]?> ReadAsync(Guid fileId, CancellationToken ct);
}

/// <summary>Files in a bytea table next to the event store (the default).</summary>
public sealed class PostgresVendorFileStore(IDocumentStore store, DatabaseHandle database) : IVendorFileStore
{
    private static readonly ConcurrentDictionary<string, bool> Ensured = new();
    private string Table => $"{store.Options.DatabaseSchemaName}.vendor_files";

    public async Task StageAsync(IDocumentSession session, Guid fileId, byte[] content, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        session.QueueSqlCommand($"insert into {Table} (id, content) values (?, ?)", fileId, content);
    }

    public Task DiscardAsync(IEnumerable<Guid> fileIds) => Task.CompletedTask; // rolled back with the session

    public async Task<byte[]?> ReadAsync(Guid fileId, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select content from {Table} where id = @id", connection);
        command.Parameters.AddWithValue("id", fileId);
        return await command.ExecuteScalarAsync(ct) as byte[];
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        var key = database.ConnectionString + "|" + Table;
        if (Ensured.ContainsKey(key)) return;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"create schema if not exists {store.Options.DatabaseSchemaName}; create table if not exists {Table} (id uuid primary key, content bytea not null)", connection);
        await command.ExecuteNonQueryAsync(ct);
        Ensured[key] = true;
    }
}

/// <summary>Files in the folder named by Procurement:FileStore, one file per id.</summary>
public sealed class FolderVendorFileStore(IOptions<VendorFileOptions> options) : IVendorFileStore
{
    private string Folder => Path.GetFullPath(options.Value.FileStore!);

    private string PathOf(Guid fileId) => Path.Combine(Folder, fileId.ToString("N"));

    public async Task StageAsync(IDocumentSession session, Guid fileId, byte[] content, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(PathOf(fileId), content, ct);
    }

    public Task DiscardAsync(IEnumerable<Guid> fileIds)
    {
        foreach (var id in fileIds) File.Delete(PathOf(id));
        return Task.CompletedTask;
    }

    public async Task<byte[]?> ReadAsync(Guid fileId, CancellationToken ct) =>
        File.Exists(PathOf(fileId)) ? await File.ReadAllBytesAsync(PathOf(fileId), ct) : null;
}

/// <summary>Stages validated uploads and turns them into the <see cref="VendorFile"/> records an event carries.</summary>
public static class VendorFileStaging
{
    public static async Task<List<VendorFile>> StageAllAsync(IVendorFileStore files, IDocumentSession session, IReadOnlyList<UploadedFile> uploads, CancellationToken ct)
    {
        var staged = new List<VendorFile>();
        try
        {
            foreach (var u in uploads)
            {
                var kind = FileContent.Detect(u.Content) ?? throw new InvalidOperationException("upload was not validated");
                var file = new VendorFile(Guid.NewGuid(), Path.GetFileName(u.FileName), kind, u.Content.Length, FileContent.Sha256Hex(u.Content), u.PriceEnvelope);
                await files.StageAsync(session, file.FileId, u.Content, ct);
                staged.Add(file);
            }
            return staged;
        }
        catch
        {
            await files.DiscardAsync(staged.Select(f => f.FileId));
            throw;
        }
    }
}

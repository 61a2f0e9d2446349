using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Npgsql;
using Procurement.Infrastructure.Database;

namespace Procurement.Infrastructure.Auth;

/// <summary>A data-protection key ring entry, kept in the same database as everything else.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>
/// Keys in PostgreSQL: sign-in cookies and antiforgery tokens survive a restart, and several app
/// instances behind one configured database accept each other's cookies.
/// </summary>
/// <remarks>
/// The key ring is read at start-up, before the app serves its first page. Reading it through Marten there would build
/// the document store and generate and compile its code first (seconds on a small machine) for one small table, so
/// the rows are read with one plain query on the app's own pool. Writing a key (the first start, then every 90 days)
/// and a database without the table yet go through Marten, which owns the table and creates it.
/// </remarks>
public sealed class MartenXmlRepository(IServiceProvider services) : IXmlRepository
{
    /// <summary>Marten's table for <see cref="DataProtectionKey"/> documents (its naming: mt_doc_ and the type name).</summary>
    internal static readonly string Table = $"{MartenSetup.Schema}.mt_doc_{nameof(DataProtectionKey).ToLowerInvariant()}";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // IXmlRepository is synchronous; the key ring is read rarely and cached.
        return (ReadDirectAsync().GetAwaiter().GetResult() ?? ReadThroughMarten()).Select(XElement.Parse).ToList();
    }

    /// <summary>The keys' XML from the table, or null when the table does not exist yet.</summary>
    internal async Task<List<string>?> ReadDirectAsync()
    {
        var database = services.GetRequiredService<AppDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand($"select data from {Table}", connection);
        try
        {
            var xml = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                using var json = System.Text.Json.JsonDocument.Parse(reader.GetString(0));
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    if (property.NameEquals(nameof(DataProtectionKey.Xml)) || property.Name.Equals("xml", StringComparison.OrdinalIgnoreCase))
                        xml.Add(property.Value.GetString() ?? "");
                }
            }
            return xml;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    private List<string> ReadThroughMarten()
    {
        using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        return session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(k => k.Xml).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        // Key creation is rare (once per 90 days), so blocking here is harmless.
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

public static class DataProtectionSetup
{
    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("procurement");
        services.AddSingleton<KeyRingCertificate>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o =>
            {
                o.XmlRepository = new MartenXmlRepository(sp);
                if (sp.GetRequiredService<KeyRingCertificate>().Certificate is { } certificate)
                    o.XmlEncryptor = new KeyRingCertificateEncryptor(certificate, sp.GetRequiredService<ILoggerFactory>());
            }));
        services.AddHostedService<FirstKeyUnderLock>();
        return services;
    }
}

/// <summary>
/// Makes sure the key ring has a usable key before the app serves anyone, under the cluster lock
/// <c>data-protection-key-ring</c>. Without it, two instances starting on an empty database would each create a first
/// key, and for a while each would refuse the other's cookies and antiforgery tokens. Later rotations are safe without
/// it: a new key is written days before it becomes the default, so every instance reads it first.
/// </summary>
public sealed class FirstKeyUnderLock(IKeyManager keys, AppDatabase database, ILogger<FirstKeyUnderLock> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (await database.LockAsync("data-protection-key-ring", cancellationToken))
            {
                // The key ring judges keys by the system clock, not the app's TimeProvider (which tests move).
                var now = DateTimeOffset.UtcNow;
                var usable = keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2));
                if (!usable) keys.CreateNewKey(now, now.AddDays(90));
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // The app still starts without its database (/health then says so); the key is made on first use instead.
            logger.LogWarning("Data-protection key ring not checked at start: the database did not answer ({Error})", ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

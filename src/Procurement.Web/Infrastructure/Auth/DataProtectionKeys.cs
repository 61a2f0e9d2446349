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
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // IXmlRepository is synchronous and Marten 9 is async-only; the key ring is read rarely and cached.
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return keys.Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
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
                o.XmlRepository = new MartenXmlRepository(sp.GetRequiredService<IDocumentStore>());
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

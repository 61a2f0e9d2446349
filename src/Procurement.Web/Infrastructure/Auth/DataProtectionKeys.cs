using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

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
        return services;
    }
}

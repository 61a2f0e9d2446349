using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Procurement.Infrastructure;

/// <summary>
/// The address of the client a request comes from. Behind a reverse proxy that is the proxy's address unless
/// <c>Procurement:TrustedProxies</c> names the proxy: then the address the proxy appended to X-Forwarded-For is
/// used. A forwarded header from anyone else is ignored, so a client cannot choose its own address.
/// </summary>
public static class ClientAddress
{
    public const string TrustedProxiesSetting = "Procurement:TrustedProxies";

    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : "unknown";

    /// <summary>Applies X-Forwarded-For/-Proto from the configured proxies (addresses or CIDR networks, comma-separated); nothing when none is configured.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var setting = app.Configuration[TrustedProxiesSetting];
        if (string.IsNullOrWhiteSpace(setting)) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // The defaults trust loopback; only what is configured is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in setting.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network)) options.KnownIPNetworks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) options.KnownProxies.Add(address);
            else throw new InvalidOperationException($"{TrustedProxiesSetting}: \"{entry}\" is not an IP address or a network such as 10.0.0.0/8.");
        }
        app.UseForwardedHeaders(options);
        return app;
    }
}

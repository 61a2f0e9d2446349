using Microsoft.Extensions.Options;

namespace Procurement.Infrastructure.Database;

/// <summary>
/// Resolves the database once, on first use: read after the host is built, so settings that tests
/// or the command line add late still take effect. Owns the embedded cluster when there is one.
/// </summary>
public sealed class DatabaseHandle(IConfiguration configuration, IHostEnvironment? environment = null) : IAsyncDisposable
{
    private readonly Lazy<DatabaseBootstrap.Result> _result = new(() =>
        DatabaseBootstrap.ResolveAsync(configuration, environment?.ContentRootPath ?? Directory.GetCurrentDirectory())
            .GetAwaiter().GetResult());

    public string ConnectionString => _result.Value.ConnectionString;
    public EmbeddedPostgres? Embedded => _result.Value.Embedded;
    public bool IsEmbedded => Embedded is not null;

    public async ValueTask DisposeAsync()
    {
        if (_result.IsValueCreated && _result.Value.Embedded is { } embedded) await embedded.StopAsync();
    }
}

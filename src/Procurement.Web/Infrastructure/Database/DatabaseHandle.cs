using Microsoft.Extensions.Options;

namespace Procurement.Infrastructure.Database;

/// <summary>
/// Resolves the database once, on first use: read after the host is built, so settings that tests
/// or the command line add late still take effect. Owns the embedded cluster when there is one.
/// </summary>
/// <param name="besideRunningApp">The CLI: share a live app's embedded server rather than refuse (see <see cref="DatabaseBootstrap.ResolveAsync"/>).</param>
public sealed class DatabaseHandle(IConfiguration configuration, IHostEnvironment? environment = null, bool besideRunningApp = false) : IAsyncDisposable
{
    private readonly Lazy<DatabaseBootstrap.Result> _result = new(() =>
        DatabaseBootstrap.ResolveAsync(configuration, environment?.ContentRootPath ?? Directory.GetCurrentDirectory(), besideRunningApp)
            .GetAwaiter().GetResult());

    public string ConnectionString => _result.Value.ConnectionString;
    public EmbeddedPostgres? Embedded => _result.Value.Embedded;
    public bool IsEmbedded => Embedded is not null;

    /// <summary>The embedded cluster if the database was resolved already and is embedded; never starts anything.</summary>
    public EmbeddedPostgres? EmbeddedIfResolved => _result.IsValueCreated ? _result.Value.Embedded : null;

    /// <summary>Stops the embedded server only when this process started it; an attached one belongs to a live app.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_result.IsValueCreated && _result.Value.Embedded is { } embedded) await embedded.StopAsync();
    }
}

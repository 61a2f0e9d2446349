using System.Net;
using System.Text.Json;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Health;

public sealed class HealthEndpointTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await AppFactory.StartAsync(nameof(HealthEndpointTests));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Health_is_200_with_database_up_when_the_database_answers()
    {
        var response = await _app.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("up", json.RootElement.GetProperty("database").GetProperty("status").GetString());
    }
}

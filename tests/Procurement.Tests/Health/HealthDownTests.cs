using System.Net;
using System.Text.Json;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Health;

public sealed class HealthDownTests
{
    [Fact]
    public async Task Health_is_503_with_database_down_when_the_database_does_not_answer()
    {
        // A configured connection string always wins, even one that points at nothing.
        await using var app = new AppFactory("Host=127.0.0.1;Port=1;Database=none;Username=nobody;Timeout=2");

        var response = await app.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("down", json.RootElement.GetProperty("database").GetProperty("status").GetString());
        Assert.False(json.RootElement.GetProperty("database").GetProperty("embedded").GetBoolean());
        Assert.DoesNotContain("nobody", body, StringComparison.Ordinal);
    }
}

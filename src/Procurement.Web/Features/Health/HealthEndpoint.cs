using Npgsql;
using Procurement.Infrastructure.Database;

namespace Procurement.Features.Health;

public static class HealthEndpoint
{
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", CheckAsync).AllowAnonymous();

    private static async Task<IResult> CheckAsync(DatabaseHandle database, TimeProvider clock, CancellationToken ct)
    {
        string dbStatus;
        string? error = null;
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timeout = 3, Pooling = false }.ToString();
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("select 1", conn);
            await cmd.ExecuteScalarAsync(ct);
            dbStatus = "up";
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            dbStatus = "down";
            error = ex.GetType().Name; // never the message: it can carry host names or user names
        }

        var body = new
        {
            status = dbStatus == "up" ? "healthy" : "unhealthy",
            time = clock.GetUtcNow(),
            database = new { status = dbStatus, embedded = database.IsEmbedded, error },
        };
        return Results.Json(body, statusCode: dbStatus == "up" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

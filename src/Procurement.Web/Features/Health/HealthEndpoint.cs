using Npgsql;
using Procurement.Infrastructure.Database;

namespace Procurement.Features.Health;

public static class HealthEndpoint
{
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", CheckAsync).AllowAnonymous();

    private static async Task<IResult> CheckAsync(DatabaseHandle database, AppDatabase connections, TimeProvider clock, CancellationToken ct)
    {
        string dbStatus;
        string? error = null;
        try
        {
            // From a small pool (3 s connect timeout): a probe per second from a load balancer must not cost a login each.
            await using var conn = await connections.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("select 1", conn);
            await cmd.ExecuteScalarAsync(ct);
            dbStatus = "up";
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            dbStatus = "down";
            connections.ClearPool(); // after a database restart the idle connections are dead: the next probe opens a new one
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

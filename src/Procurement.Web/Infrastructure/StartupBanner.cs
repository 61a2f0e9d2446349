using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Procurement.Features.Demo;
using Procurement.Infrastructure.Database;

namespace Procurement.Infrastructure;

/// <summary>What a person starting the app needs to see: where it is, where the data is, how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var database = app.Services.GetRequiredService<DatabaseHandle>();
        var lines = new List<string>
        {
            "",
            "==================================================================",
            " Procurement — 自治体クラウド共同調達支援",
            $" URL: {string.Join("  ", addresses)}",
            database.Embedded is { } embedded
                ? $" Database: embedded PostgreSQL (port {embedded.Port}, data in {embedded.DataDirectory})"
                : $" Database: {DatabaseBootstrap.Describe(database.ConnectionString)}",
        };
        if (app.Configuration.GetValue<bool>("Procurement:Demo"))
        {
            lines.Add($" Demo sign-ins (password for all: {DemoData.Password}):");
            lines.AddRange(DemoData.Users.Select(u => $"   {u.UserName,-9} {Auth.Roles.DisplayName(u.Role)} / {u.DisplayName}"));
        }
        lines.Add(" Stop with Ctrl+C (the embedded database stops with the app).");
        lines.Add("==================================================================");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}

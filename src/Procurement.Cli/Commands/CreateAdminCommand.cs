using Marten;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;

namespace Procurement.Cli.Commands;

/// <summary>Outside demo mode no default password exists: this (or the first-run page) creates the first admin.</summary>
public sealed class CreateAdminCommand : ICliCommand
{
    public string Name => "users create-admin";
    public string Summary => "create an administrator account";
    public string Usage => "users create-admin --user <name> [--display-name <name>] (password from PROCUREMENT_ADMIN_PASSWORD or standard input)";
    public bool NeedsDatabase => true;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var userName = CliArgs.Required(args, "--user").Trim();
        var displayName = CliArgs.Option(args, "--display-name") ?? userName;
        // Never a command-line argument: it would sit in shell history and the process list.
        var password = Environment.GetEnvironmentVariable("PROCUREMENT_ADMIN_PASSWORD") ?? await Console.In.ReadLineAsync() ?? "";

        var passwords = context.Services.GetRequiredService<PasswordService>();
        await using var session = context.Store.LightweightSession();
        var outcome = await CreateAdministrator.RunAsync(session, passwords, DateTimeOffset.UtcNow, userName, displayName, password, onlyAsFirst: false);
        if (outcome.Refusal is { } refusal)
        {
            await context.Error.WriteLineAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, refusal, userName));
            return 1;
        }
        await context.Out.WriteLineAsync($"created admin {userName}");
        return 0;
    }
}

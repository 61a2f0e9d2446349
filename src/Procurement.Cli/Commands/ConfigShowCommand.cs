using Microsoft.Extensions.Configuration;
using Procurement.Infrastructure.Database;

namespace Procurement.Cli.Commands;

/// <summary>Prints the configuration that takes effect, with secrets masked.</summary>
public sealed class ConfigShowCommand : ICliCommand
{
    public string Name => "config show";
    public string Summary => "print the effective configuration (passwords masked)";
    public string Usage => "config show";
    public bool NeedsDatabase => false;

    private static readonly string[] SecretWords = ["password", "secret", "key", "token"];

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var configured = DatabaseBootstrap.ConfiguredConnectionString(context.Configuration);
        await context.Out.WriteLineAsync(configured is null
            ? $"database: embedded PostgreSQL under {DatabaseBootstrap.DataDirectory(context.Configuration, Directory.GetCurrentDirectory())}"
            : $"database: {DatabaseBootstrap.Describe(configured)}");
        foreach (var section in new[] { "Procurement", "Smtp" })
        {
            foreach (var kv in context.Configuration.GetSection(section).AsEnumerable().Where(kv => kv.Value is not null).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var secret = SecretWords.Any(w => kv.Key.Contains(w, StringComparison.OrdinalIgnoreCase));
                await context.Out.WriteLineAsync($"{kv.Key} = {(secret ? "********" : kv.Value)}");
            }
        }
        return 0;
    }
}

using System.Reflection;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Procurement.Infrastructure;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Database;

namespace Procurement.Cli;

/// <summary>A CLI command. Each lives in its own file under Commands/ and is found by reflection, so adding one touches nothing else.</summary>
public interface ICliCommand
{
    /// <summary>One or two words, e.g. "users create-admin" or "render".</summary>
    string Name { get; }
    string Summary { get; }
    string Usage { get; }
    /// <summary>Commands that need the database say so; the others (validate, render, lint) run without it.</summary>
    bool NeedsDatabase { get; }
    Task<int> RunAsync(CliContext context, IReadOnlyList<string> args);
}

public sealed class CliContext(IConfiguration configuration, TextWriter output, TextWriter error)
{
    private ServiceProvider? _services;

    public IConfiguration Configuration { get; } = configuration;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>The same services as the web app (same configuration, same connection string rules).</summary>
    public IServiceProvider Services => _services ??= Build();

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration);
        services.AddSingleton<IHostEnvironment>(new CliHostEnvironment());
        services.AddLogging();
        services.AddProcurementCore();
        // Beside a running app the CLI uses the app's embedded server and never stops it; it stops only a server it started.
        services.AddSingleton(sp => new DatabaseHandle(Configuration, sp.GetRequiredService<IHostEnvironment>(), besideRunningApp: true));
        services.AddScoped<ICurrentUser>(_ => new FixedCurrentUser(Guid.Empty, "CLI", Roles.Admin));
        return services.BuildServiceProvider();
    }

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }

    private sealed class CliHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        public string ApplicationName { get; set; } = "procurement";
        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

public static class CliApp
{
    public static IReadOnlyList<ICliCommand> Commands { get; } = typeof(CliApp).Assembly.GetTypes()
        .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    public static IConfiguration BuildConfiguration(string[] args) => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static Task<int> RunAsync(string[] args) => RunAsync(args, BuildConfiguration(args), Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var command = Commands
            .Where(c => Matches(c.Name, args))
            .OrderByDescending(c => c.Name.Split(' ').Length)
            .FirstOrDefault();
        if (command is null || args.Contains("--help") || args.Contains("-h"))
        {
            if (command is not null)
            {
                await output.WriteLineAsync($"usage: procurement {command.Usage}");
                await output.WriteLineAsync(command.Summary);
                return 0;
            }
            await output.WriteLineAsync("usage: procurement <command> [options]");
            foreach (var c in Commands) await output.WriteLineAsync($"  {c.Name,-22} {c.Summary}");
            return args.Length == 0 || args.Contains("--help") || args.Contains("-h") ? 0 : 2;
        }

        var context = new CliContext(configuration, output, error);
        try
        {
            return await command.RunAsync(context, args.Skip(command.Name.Split(' ').Length).ToList());
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync(ex.Message);
            await error.WriteLineAsync($"usage: procurement {command.Usage}");
            return 2;
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    private static bool Matches(string name, string[] args)
    {
        var words = name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => args[i] == w).All(x => x);
    }
}

public sealed class CliUsageException(string message) : Exception(message);

/// <summary>--name value options; a flag without a value is "true".</summary>
public static class CliArgs
{
    public static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name) return i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : "true";
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) return args[i][(name.Length + 1)..];
        }
        return null;
    }

    public static string Required(IReadOnlyList<string> args, string name) =>
        Option(args, name) ?? throw new CliUsageException($"missing option {name}");

    public static IReadOnlyList<string> Positional(IReadOnlyList<string> args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) i++;
                continue;
            }
            result.Add(args[i]);
        }
        return result;
    }
}

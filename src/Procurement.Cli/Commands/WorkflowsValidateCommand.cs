using Procurement.Features.Workflows.Definitions;

namespace Procurement.Cli.Commands;

/// <summary>The same checks the app runs at start-up, without starting it (for authors and CI).</summary>
public sealed class WorkflowsValidateCommand : ICliCommand
{
    public string Name => "workflows validate";
    public string Summary => "check workflow definitions (schema, names, flow) without starting the app";
    public string Usage => "workflows validate [folder]   (default: the workflows/ folder of the checkout)";
    public bool NeedsDatabase => false;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var positional = CliArgs.Positional(args);
        var folder = positional.Count > 0
            ? Path.GetFullPath(positional[0])
            : WorkflowDefinitionLoader.FindFolder(context.Configuration["Procurement:WorkflowsDirectory"], Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        if (folder is null)
        {
            await context.Error.WriteLineAsync("workflows/ フォルダーが見つかりません。フォルダーを引数で指定してください。");
            return 2;
        }

        var result = WorkflowDefinitionLoader.LoadFolder(folder);
        foreach (var definition in result.Definitions)
        {
            await context.Out.WriteLineAsync($"OK  {definition.FileName}: {definition.Id} v{definition.Version}「{definition.Title.Ja}」 {definition.Steps.Count} steps");
        }
        if (result.IsValid) return 0;

        foreach (var problem in result.Problems) await context.Error.WriteLineAsync($"NG  {problem}");
        await context.Error.WriteLineAsync($"{result.Problems.Count} problem(s) in {result.Problems.Select(p => p.File).Distinct().Count()} file(s)");
        return 1;
    }
}

using System.Globalization;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Diagrams;

namespace Procurement.Cli.Commands;

/// <summary>A printable diagram of a definition for authors and meetings, without starting the app.</summary>
public sealed class WorkflowsDiagramCommand : ICliCommand
{
    public string Name => "workflows diagram";
    public string Summary => "write a workflow definition as Graphviz DOT or SVG";
    public string Usage => "workflows diagram <definition-id> [--version <n>] [--lang ja|en] [--out <file.svg|file.dot>] [--folder <workflows>]";
    public bool NeedsDatabase => false;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var positional = CliArgs.Positional(args);
        var id = positional.Count > 0 ? positional[0] : throw new CliUsageException("missing definition id");
        var folder = CliArgs.Option(args, "--folder") is { } f
            ? Path.GetFullPath(f)
            : WorkflowDefinitionLoader.FindFolder(context.Configuration["Procurement:WorkflowsDirectory"], Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        if (folder is null)
        {
            await context.Error.WriteLineAsync("workflows/ フォルダーが見つかりません。--folder で指定してください。");
            return 2;
        }
        var result = WorkflowDefinitionLoader.LoadFolder(folder);
        if (!result.IsValid)
        {
            foreach (var problem in result.Problems) await context.Error.WriteLineAsync($"NG  {problem}");
            return 1;
        }
        var catalog = new WorkflowCatalog(result.Definitions);
        var definition = CliArgs.Option(args, "--version") is { } v
            ? catalog.Find(id, int.Parse(v, CultureInfo.InvariantCulture))
            : catalog.FindLatest(id);
        if (definition is null)
        {
            await context.Error.WriteLineAsync($"手続定義「{id}」が見つかりません（{string.Join(", ", catalog.All.Select(d => d.Key))}）。");
            return 1;
        }

        var dot = WorkflowDiagrams.DefinitionDot(definition, CliArgs.Option(args, "--lang") ?? "ja");
        var output = CliArgs.Option(args, "--out");
        if (output is null || output.EndsWith(".dot", StringComparison.OrdinalIgnoreCase))
        {
            if (output is null) await context.Out.WriteAsync(dot);
            else await File.WriteAllTextAsync(output, dot);
            return 0;
        }
        var svg = await new GraphvizRenderer(context.Configuration).RenderSvgAsync(dot);
        if (!svg.Succeeded)
        {
            await context.Error.WriteLineAsync(svg.Message);
            return 1;
        }
        await File.WriteAllTextAsync(output, svg.Svg);
        await context.Out.WriteLineAsync($"wrote {output}");
        return 0;
    }
}

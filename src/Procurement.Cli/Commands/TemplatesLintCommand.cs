using System.Text.Json.Nodes;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Cli.Commands;

/// <summary>Checks every template: parses, renders its sample with strict variables, valid OpenXML, all mandatory clauses.</summary>
public sealed class TemplatesLintCommand : ICliCommand
{
    public string Name => "templates lint";
    public string Summary => "check all document templates against their sample data";
    public string Usage => "templates lint [--templates <dir>]";
    public bool NeedsDatabase => false;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var catalog = TemplateCatalog.Load(TemplateCatalog.FindRoot(CliArgs.Option(args, "--templates") ?? context.Configuration["Procurement:DocumentTemplates"]));
        var report = TemplateLint.Run(catalog);
        foreach (var line in report.Lines) await context.Out.WriteLineAsync(line);
        await context.Out.WriteLineAsync(report.Failures == 0
            ? $"{report.Checked} templates OK"
            : $"{report.Failures} of {report.Checked} templates have problems");
        return report.Failures == 0 ? 0 : 1;
    }
}

using System.Text.Json.Nodes;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Cli.Commands;

/// <summary>Lets template authors preview a template with a data file, without the app or a database.</summary>
public sealed class RenderCommand : ICliCommand
{
    public string Name => "render";
    public string Summary => "render a document template with a JSON data file to .docx (and --pdf when LibreOffice is installed)";
    public string Usage => "render --template <id> --data <file.json> --out <file.docx> [--pdf] [--templates <dir>]";
    public bool NeedsDatabase => false;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var templateId = CliArgs.Required(args, "--template");
        var dataPath = CliArgs.Required(args, "--data");
        var outPath = CliArgs.Required(args, "--out");
        var catalog = TemplateCatalog.Load(TemplateCatalog.FindRoot(CliArgs.Option(args, "--templates") ?? context.Configuration["Procurement:DocumentTemplates"]));
        if (catalog.Find(templateId) is null)
        {
            await context.Error.WriteLineAsync($"テンプレート「{templateId}」はありません。あるもの: {string.Join(", ", catalog.All.Select(t => t.Id))}");
            return 1;
        }
        var data = JsonNode.Parse(await File.ReadAllTextAsync(dataPath)) ?? new JsonObject();
        try
        {
            var doc = new DocumentRenderer(catalog).RenderJson(templateId, data, dataName: dataPath);
            // A refused document is not written: a file on disk would read as one that passed the clause rules.
            if (!doc.IsComplete)
            {
                await context.Error.WriteLineAsync(ClauseLibrary.RefusalMessage(doc.MissingClauses));
                return 1;
            }
            // Validated before it is written, for the same reason: a file on disk reads as a good document.
            var invalid = DocumentRenderer.Validate(doc.Bytes);
            if (invalid.Count > 0)
            {
                foreach (var error in invalid) await context.Error.WriteLineAsync("OpenXML: " + error);
                return 1;
            }
            await File.WriteAllBytesAsync(outPath, doc.Bytes);
            await context.Out.WriteLineAsync($"{outPath}: {doc.Bytes.Length:N0} bytes, sha256 {doc.ContentHash}");
            if (CliArgs.Option(args, "--pdf") is not null)
            {
                var pdf = new PdfConverter();
                if (!pdf.IsAvailable) { await context.Error.WriteLineAsync(PdfConverter.UnavailableMessage); return 1; }
                var pdfPath = Path.ChangeExtension(outPath, ".pdf");
                await File.WriteAllBytesAsync(pdfPath, await pdf.ConvertAsync(doc.Bytes));
                await context.Out.WriteLineAsync(pdfPath);
            }
            return 0;
        }
        catch (TemplateException ex)
        {
            foreach (var e in ex.Errors) await context.Error.WriteLineAsync(e.ToString());
            return 1;
        }
    }
}

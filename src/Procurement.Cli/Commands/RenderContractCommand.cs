using System.Text.Json;
using System.Text.Json.Nodes;
using Procurement.Features.Contracts;
using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Cli.Commands;

/// <summary>
/// Renders a contract dossier as the app does (契約書, SLA, 特記事項 and the assembled 契約書一式) from a data file, for
/// each way 甲 signs: the group itself (一部事務組合), its representative municipality, or each member its own contract.
/// Lets a reader check the whole set page by page without the app (scripts/render-all.sh).
/// </summary>
public sealed class RenderContractCommand : ICliCommand
{
    public string Name => "render-contract";
    public string Summary => "render the contract dossier (契約書, SLA, 特記事項, 契約書一式) from a JSON data file for one way of signing";
    public string Usage => "render-contract --data <file.json> --out <dir> [--signing group|representative|each_member] [--pdf] [--templates <dir>]";
    public bool NeedsDatabase => false;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var dataPath = CliArgs.Required(args, "--data");
        var outDir = CliArgs.Required(args, "--out");
        var signing = CliArgs.Option(args, "--signing") ?? "representative";
        if (signing is not ("group" or "representative" or "each_member"))
        {
            await context.Error.WriteLineAsync($"--signing「{signing}」は指定できません（group / representative / each_member）。");
            return 1;
        }
        var catalog = TemplateCatalog.Load(TemplateCatalog.FindRoot(CliArgs.Option(args, "--templates") ?? context.Configuration["Procurement:DocumentTemplates"]));
        var node = JsonNode.Parse(await File.ReadAllTextAsync(dataPath))!.AsObject();
        try
        {
            var procedure = DocumentRenderer.ProcedureOf(node);
            node.Remove("procedure");
            node.Remove("clauses");
            var model = JsonSerializer.Deserialize<DocumentModel>(node.ToJsonString(), DocumentModel.Json)!;
            // Each draft is titled by its template, as in the app (the data file names only one of them).
            model = model with { Procedure = ProcedureInfo.For(procedure), Document = model.Document with { Title = "" } };
            model = Signed(model, signing);

            var drafts = new DraftRenderer(new DocumentRenderer(catalog)).RenderAll(model);
            var version = (int)Math.Max(1, model.Document.Edition);
            var date = DateOnly.TryParse(model.Document.Date, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : new DateOnly(2026, 1, 1);
            var files = drafts.Select(x => (Name: DraftKinds.FileName(x.Kind, version, x.Member), x.Document.Bytes))
                .Concat(ContractBundle.Assemble(drafts, version, date).Select(b => (Name: b.FileName, Bytes: b.Docx)))
                .ToList();
            Directory.CreateDirectory(outDir);
            var pdf = CliArgs.Option(args, "--pdf") is null ? null : new PdfConverter();
            if (pdf is { IsAvailable: false }) { await context.Error.WriteLineAsync(PdfConverter.UnavailableMessage); return 1; }
            foreach (var (name, bytes) in files)
            {
                var path = Path.Combine(outDir, name);
                await File.WriteAllBytesAsync(path, bytes);
                await context.Out.WriteLineAsync(path);
                if (pdf is null) continue;
                await File.WriteAllBytesAsync(Path.ChangeExtension(path, ".pdf"), await pdf.ConvertAsync(bytes));
            }
            return 0;
        }
        catch (TemplateException ex)
        {
            foreach (var e in ex.Errors) await context.Error.WriteLineAsync(e.ToString());
            return 1;
        }
    }

    /// <summary>The data's group as each legal form signs: the form decides 甲 (a 協議会 is never 甲).</summary>
    private static DocumentModel Signed(DocumentModel model, string signing)
    {
        var contract = model.Contract ?? new ContractInfo(null, null, null);
        var group = model.Group;
        switch (signing)
        {
            case "group":
                var name = group.Name.Replace("協議会", "事務組合", StringComparison.Ordinal);
                return model with { Group = group with { Name = name, Form = "一部事務組合" }, Contract = contract with { Kou = name, KouSigner = "管理者" } };
            case "each_member":
                if (contract.AmountExcludingTax is not { } bid) return model;
                var members = group.Members.Select(m => new MemberWeight(m.Name, m.Population, m.Name + "長")).ToList();
                DateOnly? Day(string? iso) => DateOnly.TryParse(iso, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
                var plain = contract with { MemberContracts = null, Member = null, GroupAmount = null };
                return model with
                {
                    Group = group with { Form = "各団体契約" },
                    Contract = DraftModel.ForMembers(plain, bid, Day(contract.Start), Day(contract.End), members),
                };
            default:
                return model with { Contract = contract with { Kou = group.Representative, KouSigner = group.Representative + "長" } };
        }
    }
}

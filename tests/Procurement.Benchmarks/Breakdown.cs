using System.Diagnostics;
using System.Text.Json;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Benchmarks;

/// <summary>Where a warm render's time goes, stage by stage (for optimising, not a target).</summary>
public static class Breakdown
{
    public static int Run()
    {
        var catalog = TemplateCatalog.Load(TemplateCatalog.FindRoot());
        var template = catalog.Get("procurement-spec");
        var data = Workload.Data(catalog, 2000);
        data["clauses"] = JsonSerializer.SerializeToNode(catalog.Clauses.Resolve(null), DocumentModel.Json);
        var stages = new Dictionary<string, List<(double Wall, double Cpu)>>();
        var process = Process.GetCurrentProcess();
        void Time(string name, Action a)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            a();
            var wall = sw.Elapsed.TotalMilliseconds;
            process.Refresh();
            (stages.TryGetValue(name, out var l) ? l : stages[name] = []).Add((wall, (process.TotalProcessorTime - cpu).TotalMilliseconds));
        }
        for (var i = 0; i < 45; i++)
        {
            JsonElement json = default;
            Scriban.Runtime.ScriptObject model = null!;
            TemplateOutput markup = null!;
            IReadOnlyList<Block> blocks = [];
            byte[] bytes = [];
            Time("1 json", () => json = JsonSerializer.SerializeToElement(data, DocumentModel.Json));
            Time("2 script objects", () => model = TemplateSandbox.ObjectFromJson(json));
            Time("3 scriban", () => markup = TemplateSandbox.Render(template.Parsed, model, DateStyle.WarekiOnly, catalog.Includes, catalog.Loader, SandboxLimits.Default));
            Time("4 markup parse", () => blocks = DocumentMarkup.Parse(markup).Blocks);
            Time("5 docx write", () => bytes = DocxWriter.Write(blocks, new DocxMetadata("調達仕様書", "第1版"), PageLayout.Default));
            Time("6 clause check", () => catalog.Clauses.Check("procurement-spec", [], blocks, []));
            Time("7 sha256", () => DocumentRenderer.Sha256(bytes));
            var parts = Workload.Parts(bytes);
            Time("8 floor (zip only)", () => Workload.Zip(parts));
        }
        foreach (var (name, times) in stages.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var wall = times.Skip(5).Select(t => t.Wall).Order().ToList();
            var cpu = times.Skip(5).Select(t => t.Cpu).Order().ToList();
            Console.WriteLine($"{name,-20} wall min {wall[0],7:N2} ms  median {wall[wall.Count / 2],7:N2} ms   cpu median {cpu[cpu.Count / 2],7:N2} ms");
        }
        return 0;
    }
}

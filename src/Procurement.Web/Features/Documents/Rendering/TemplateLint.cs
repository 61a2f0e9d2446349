namespace Procurement.Features.Documents.Rendering;

public sealed record LintReport(int Checked, int Failures, IReadOnlyList<string> Lines);

/// <summary>The checks behind <c>templates lint</c> (also run by the golden tests).</summary>
public static class TemplateLint
{
    public static LintReport Run(TemplateCatalog catalog)
    {
        var lines = new List<string>();
        var failures = 0;
        foreach (var error in catalog.IncludeErrors()) lines.Add($"_shared: {error}");
        var renderer = new DocumentRenderer(catalog);
        foreach (var template in catalog.All)
        {
            var problems = Check(renderer, template);
            if (problems.Count == 0) lines.Add($"ok    {template.Id} ({template.Title})");
            else
            {
                failures++;
                lines.Add($"FAIL  {template.Id} ({template.Title})");
                lines.AddRange(problems.Select(p => "      " + p.Replace("\n", "\n      ", StringComparison.Ordinal)));
            }
        }
        if (catalog.IncludeErrors().Count > 0) failures++;
        return new LintReport(catalog.All.Count, failures, lines);
    }

    public static IReadOnlyList<string> Check(DocumentRenderer renderer, DocumentTemplate template)
    {
        if (template.ParseErrors.Count > 0) return template.ParseErrors.Select(e => e.ToString()).ToList();
        if (!File.Exists(template.SamplePath)) return [$"サンプルデータ {template.Metadata.Sample} がありません。"];
        try
        {
            var data = template.SampleData();
            var doc = renderer.RenderJson(template.Id, data, dataName: template.Id + "/" + template.Metadata.Sample);
            var problems = new List<string>();
            problems.AddRange(DocumentRenderer.Validate(doc.Bytes).Select(e => "OpenXML: " + e));
            if (!doc.IsComplete) problems.Add(ClauseLibrary.RefusalMessage(doc.MissingClauses));
            var unknown = template.Metadata.RequiredClauses?.Where(id => renderer.Catalog.Clauses.Find(id) is null).ToList() ?? [];
            if (unknown.Count > 0) problems.Add($"template.json の required_clauses に未定義の条項: {string.Join(", ", unknown)}");
            return problems;
        }
        catch (TemplateException ex)
        {
            return ex.Errors.Select(e => e.ToString()).ToList();
        }
        catch (System.Text.Json.JsonException ex)
        {
            return [$"{template.Metadata.Sample}: {ex.Message}"];
        }
    }
}

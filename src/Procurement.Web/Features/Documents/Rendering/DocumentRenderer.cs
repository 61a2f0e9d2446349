using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Scriban.Runtime;

namespace Procurement.Features.Documents.Rendering;

public sealed record RenderedDocument(
    string TemplateId, string TemplateHash, string Kind, string Title, byte[] Bytes, string ContentHash,
    IReadOnlyList<Block> Blocks, IReadOnlyList<ClauseProblem> MissingClauses)
{
    public bool IsComplete => MissingClauses.Count == 0;
}

/// <summary>
/// Template + data → .docx. Scriban (sandboxed) produces line markup, <see cref="DocumentMarkup"/> parses it,
/// <see cref="DocxWriter"/> writes WordprocessingML. Mandatory clauses are checked on what was actually rendered, so a
/// clause lost in an <c>if</c> or excluded by an officer is caught as surely as one missing from the template.
/// </summary>
public sealed class DocumentRenderer(TemplateCatalog catalog)
{
    public TemplateCatalog Catalog => catalog;

    public RenderedDocument Render(string templateId, DocumentModel model, IReadOnlyDictionary<string, ClauseSetting>? clauseSettings = null,
        PageLayout? layout = null, SandboxLimits? limits = null, CancellationToken ct = default)
    {
        var template = catalog.Get(templateId);
        var resolved = model with
        {
            Clauses = catalog.Clauses.Resolve(clauseSettings),
            Document = model.Document with { Kind = template.Kind, Title = model.Document.Title.Length > 0 ? model.Document.Title : template.Title },
        };
        var json = JsonSerializer.SerializeToElement(resolved, DocumentModel.Json);
        return Render(template, TemplateSandbox.ObjectFromJson(json), layout, limits, ct);
    }

    /// <summary>
    /// Renders raw JSON data (sample files, the CLI). Clause settings are taken from the data's <c>clauses</c> when present;
    /// a wrong one is reported at <paramref name="dataName"/> (the data file) and the clause and parameter it names.
    /// </summary>
    public RenderedDocument RenderJson(string templateId, JsonNode data, PageLayout? layout = null, SandboxLimits? limits = null,
        string? dataName = null, CancellationToken ct = default)
    {
        var template = catalog.Get(templateId);
        var settings = data["clauses"] is JsonObject given
            ? given.ToDictionary(kv => kv.Key, kv => ToSetting(kv.Value))
            : null;
        var problems = catalog.Clauses.ParameterProblems(settings);
        if (problems.Count > 0)
        {
            var file = dataName ?? "data";
            throw new TemplateException(problems.Select(p => new TemplateError(
                file + ": clauses." + p.ClauseId + (p.Parameter is null ? "" : "." + p.Parameter), 0, 0, p.Message)).ToList());
        }

        // Built straight from the JsonNode (no copy of the caller's data): a 2,000-row model is converted once.
        var model = TemplateSandbox.ObjectFromJson(data);
        model.SetValue("clauses", TemplateSandbox.ObjectFromJson(JsonSerializer.SerializeToElement(catalog.Clauses.Resolve(settings), DocumentModel.Json)), readOnly: false);
        if (model.TryGetValue("document", out var d) && d is ScriptObject doc)
        {
            doc.SetValue("kind", template.Kind, readOnly: false);
            if (doc.TryGetValue("title", out var t) && t is string { Length: > 0 }) { }
            else doc.SetValue("title", template.Title, readOnly: false);
        }
        return Render(template, model, layout, limits, ct);
    }

    private static ClauseSetting ToSetting(JsonNode? node)
    {
        if (node is not JsonObject o) return ClauseSetting.Default;
        var included = o["included"] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : true;
        var parameters = o.Where(kv => kv.Key is not ("included" or "title") && kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value));
        return new ClauseSetting(included, parameters);
    }

    private RenderedDocument Render(DocumentTemplate template, ScriptObject model, PageLayout? layout, SandboxLimits? limits, CancellationToken ct)
    {
        if (template.ParseErrors.Count > 0) throw new TemplateException(template.ParseErrors);
        var includeErrors = catalog.IncludeErrors();
        if (includeErrors.Count > 0) throw new TemplateException(includeErrors);

        var dateStyle = Path(model, "settings", "date_style") as string == "wareki_with_western" ? DateStyle.WarekiWithWestern : DateStyle.WarekiOnly;
        var output = TemplateSandbox.Render(template.Parsed, model, dateStyle, catalog.Includes, catalog.Loader, limits ?? SandboxLimits.Default, ct);

        // Every error of the render at once, each at the template file and line that wrote it (not the output line).
        var (blocks, markupErrors) = DocumentMarkup.Parse(output);
        if (output.Errors.Count > 0 || markupErrors.Count > 0)
        {
            var located = markupErrors.Select(e => output.Locate(e.Offset) is { } at
                ? new TemplateError(at.File, at.Line, 1, e.Message)
                : new TemplateError(template.Id + " (出力)", e.Line, 1, e.Message));
            throw new TemplateException(output.Errors.Concat(located)
                .OrderBy(e => e.File == template.Parsed.SourceFilePath ? 0 : 1).ThenBy(e => e.File, StringComparer.Ordinal)
                .ThenBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }

        // The page header names the kind of document (調達仕様書 第2版); the package title is the full first title line.
        var fullTitle = blocks.OfType<TitleBlock>().FirstOrDefault()?.Text ?? template.Title;
        var edition = Path(model, "document", "edition") is long n and > 0 and < 10_000 ? n : 1;
        // The package's dates are the document's own date from the data, never the clock: equal data, equal bytes.
        var date = Path(model, "document", "date") is string iso
            && DateOnly.TryParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var bytes = DocxWriter.Write(blocks, new DocxMetadata(template.Title, $"第{edition}版", fullTitle, date), layout ?? PageLayout.Default);

        var targets = Path(model, "procurement", "target_businesses") is ScriptArray tb
            ? tb.OfType<ScriptObject>().Select(t => new TargetBusinessStandard(t["name"] as string ?? "", t["data_standard_name"] as string ?? "")).ToList()
            : [];
        var missing = catalog.Clauses.Check(template.Kind, template.Metadata.RequiredClauses ?? [], blocks, targets);
        return new RenderedDocument(template.Id, template.Hash, template.Kind, template.Title, bytes, Sha256(bytes), blocks, missing);
    }

    private static object? Path(ScriptObject model, string first, string second) =>
        model.TryGetValue(first, out var o) && o is ScriptObject inner && inner.TryGetValue(second, out var v) ? v : null;

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>OpenXmlValidator (Office 2019) errors, read before the document is disposed.</summary>
    public static IReadOnlyList<string> Validate(byte[] docx)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var doc = WordprocessingDocument.Open(stream, false);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        return validator.Validate(doc).Take(50).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

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
        return Render(template, json, layout, limits, ct);
    }

    /// <summary>Renders raw JSON data (sample files, the CLI). Clause settings are taken from the data's <c>clauses</c> when present.</summary>
    public RenderedDocument RenderJson(string templateId, JsonNode data, PageLayout? layout = null, SandboxLimits? limits = null, CancellationToken ct = default)
    {
        var template = catalog.Get(templateId);
        var copy = data.DeepClone().AsObject();
        var settings = copy["clauses"] is JsonObject given
            ? given.ToDictionary(kv => kv.Key, kv => ToSetting(kv.Value))
            : null;
        var problems = catalog.Clauses.CheckSettings(template.Kind, settings);
        if (problems.Count > 0) throw new TemplateException(problems.Select(p => new TemplateError("clauses", 0, 0, p)).ToList());
        copy["clauses"] = JsonSerializer.SerializeToNode(catalog.Clauses.Resolve(settings), DocumentModel.Json);
        if (copy["document"] is JsonObject doc)
        {
            doc["kind"] = template.Kind;
            if (doc["title"] is null || doc["title"]!.GetValue<string>().Length == 0) doc["title"] = template.Title;
        }
        var json = JsonSerializer.SerializeToElement(copy, DocumentModel.Json);
        return Render(template, json, layout, limits, ct);
    }

    private static ClauseSetting ToSetting(JsonNode? node)
    {
        if (node is not JsonObject o) return ClauseSetting.Default;
        var included = o["included"] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : true;
        var parameters = o.Where(kv => kv.Key is not ("included" or "title") && kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value));
        return new ClauseSetting(included, parameters);
    }

    private RenderedDocument Render(DocumentTemplate template, JsonElement json, PageLayout? layout, SandboxLimits? limits, CancellationToken ct)
    {
        if (template.ParseErrors.Count > 0) throw new TemplateException(template.ParseErrors);
        var includeErrors = catalog.IncludeErrors();
        if (includeErrors.Count > 0) throw new TemplateException(includeErrors);

        var model = TemplateSandbox.ObjectFromJson(json);
        var dateStyle = json.TryGetProperty("settings", out var s) && s.TryGetProperty("date_style", out var ds)
            && ds.GetString() == "wareki_with_western" ? DateStyle.WarekiWithWestern : DateStyle.WarekiOnly;
        var markup = TemplateSandbox.Render(template.Parsed, model, dateStyle, catalog.Includes, catalog.Loader, limits ?? SandboxLimits.Default, ct);

        var (blocks, errors) = DocumentMarkup.Parse(markup);
        if (errors.Count > 0) throw new TemplateException(errors.Select(e => new TemplateError(template.Id + " (出力)", e.Line, 1, e.Message)).ToList());

        // The page header names the kind of document (調達仕様書 第2版); the package title is the full first title line.
        var fullTitle = blocks.OfType<TitleBlock>().FirstOrDefault()?.Text ?? template.Title;
        var title = template.Title;
        var edition = json.TryGetProperty("document", out var d) && d.TryGetProperty("edition", out var e) && e.TryGetInt32(out var n) ? n : 1;
        var bytes = DocxWriter.Write(blocks, new DocxMetadata(title, $"第{edition}版", fullTitle), layout ?? PageLayout.Default);

        var targets = json.TryGetProperty("procurement", out var p) && p.TryGetProperty("target_businesses", out var tb) && tb.ValueKind == JsonValueKind.Array
            ? tb.EnumerateArray().Select(t => new TargetBusinessStandard(t.GetProperty("name").GetString() ?? "", t.GetProperty("data_standard_name").GetString() ?? "")).ToList()
            : [];
        var missing = catalog.Clauses.Check(template.Kind, template.Metadata.RequiredClauses ?? [], blocks, targets);
        return new RenderedDocument(template.Id, template.Hash, template.Kind, title, bytes, Sha256(bytes), blocks, missing);
    }

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

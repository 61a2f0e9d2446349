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

    /// <summary>
    /// Inputs the case does not hold yet. Such a render is a working draft: marked 案（未確定事項あり） in the header
    /// of every page, its gaps listed on a cover page; it may be kept as a draft, never approved or published.
    /// </summary>
    public IReadOnlyList<MissingInput> Gaps { get; init; } = [];

    public bool HasGaps => Gaps.Count > 0;
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
            Document = model.Document with { Kind = template.Kind, Title = model.Document.Title.Length > 0 ? model.Document.Title : template.TitleFor(model.Procedure.Id) },
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
        // The procedure's words come from the procedure's id, never from the data file: a sample cannot mix them.
        var procedure = ProcedureOf(data);
        model.SetValue("procedure", TemplateSandbox.ObjectFromJson(JsonSerializer.SerializeToElement(Documents.ProcedureInfo.For(procedure), DocumentModel.Json)), readOnly: false);
        model.SetValue("clauses", TemplateSandbox.ObjectFromJson(JsonSerializer.SerializeToElement(catalog.Clauses.Resolve(settings), DocumentModel.Json)), readOnly: false);
        if (model.TryGetValue("document", out var d) && d is ScriptObject doc)
        {
            doc.SetValue("kind", template.Kind, readOnly: false);
            if (doc.TryGetValue("title", out var t) && t is string { Length: > 0 }) { }
            else doc.SetValue("title", template.TitleFor(procedure), readOnly: false);
        }
        return Render(template, model, layout, limits, ct);
    }

    /// <summary><c>procedure.id</c> of the data (public_proposal / comprehensive_tender); the default when absent.</summary>
    public static Cases.ProcurementProcedure ProcedureOf(JsonNode data)
    {
        if (data["procedure"] is JsonObject p && p["id"] is JsonValue v && v.TryGetValue<string>(out var id))
        {
            try { return JsonSerializer.Deserialize<Cases.ProcurementProcedure>(JsonSerializer.Serialize(id), DocumentModel.Json); }
            catch (JsonException) { throw new TemplateException([new TemplateError("data", 0, 0, $"procedure.id「{id}」は調達方式ではありません（public_proposal / comprehensive_tender）。")]); }
        }
        return Cases.ProcurementProcedures.Default;
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
        var gaps = output.Gaps.Select(Documents.DocumentInputs.Describe).ToList();
        if (gaps.Count > 0) blocks = [.. GapCover(output.Gaps), .. blocks];
        var edition = Path(model, "document", "edition") is long n and > 0 and < 10_000 ? n : 1;
        // The package's dates are the document's own date from the data, never the clock: equal data, equal bytes.
        var date = Path(model, "document", "date") is string iso
            && DateOnly.TryParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        // The header names the document as its data does (the procedure's word for the criteria, for instance).
        var title = Path(model, "document", "title") is string { Length: > 0 } given ? given : template.Title;
        var editionLabel = $"第{edition}版" + (gaps.Count > 0 ? "　" + WorkingDraftMark : "");
        var bytes = DocxWriter.Write(blocks, new DocxMetadata(title, editionLabel, fullTitle, date), layout ?? PageLayout.Default);

        var targets = Path(model, "procurement", "target_businesses") is ScriptArray tb
            ? tb.OfType<ScriptObject>().Select(t => new TargetBusinessStandard(t["name"] as string ?? "", t["data_standard_name"] as string ?? "", t["code"] as string)
            {
                SpecificMigration = t["specific_migration"] is true, SpecificMigrationReason = t["specific_migration_reason"] as string,
            }).ToList()
            : [];
        var missing = catalog.Clauses.Check(template.Kind, template.Metadata.RequiredClauses ?? [], blocks, targets);
        return new RenderedDocument(template.Id, template.Hash, template.Kind, title, bytes, Sha256(bytes), blocks, missing) { Gaps = gaps };
    }

    /// <summary>The mark every page of a working draft carries in its header.</summary>
    public const string WorkingDraftMark = "案（未確定事項あり）";

    /// <summary>The cover page of a working draft: each gap with the number its marker carries in the text.</summary>
    private static List<Block> GapCover(IReadOnlyList<string> keys)
    {
        var cover = new List<Block>
        {
            new PlainHeadingBlock(WorkingDraftMark),
            new ParagraphBlock("この文書は作業用の案である。次の事項が案件に入力されていないため、本文の該当箇所に〔未確定事項〕の番号を付した。これらが入力されるまで、この文書は承認及び公表をすることができない。", Align.Left, 0),
        };
        for (var i = 0; i < keys.Count; i++)
        {
            var input = Documents.DocumentInputs.Describe(keys[i]);
            cover.Add(new ItemBlock(1, $"{TemplateSandbox.GapMarker(i + 1)}　{input.Label}"));
        }
        cover.Add(new PageBreakBlock());
        return cover;
    }

    private static object? Path(ScriptObject model, string first, string second) =>
        model.TryGetValue(first, out var o) && o is ScriptObject inner && inner.TryGetValue(second, out var v) ? v : null;

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// OpenXmlValidator (Office 2019) errors, read before the document is disposed. Every element shape of the document
    /// is validated; table rows that repeat one already seen are validated once (<see cref="ValidationCopy"/>), which
    /// took a 2,000-row specification from ≈1.5 s of validation to a few tens of milliseconds.
    /// </summary>
    public static IReadOnlyList<string> Validate(byte[] docx)
    {
        using var stream = ValidationCopy(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        return validator.Validate(doc).Take(50).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    private static readonly System.Xml.Linq.XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly System.Xml.Linq.XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>
    /// The package as the validator sees it: the main document with each table's repeated rows taken out, keeping the
    /// first row of every shape. A row's shape is its elements and attributes, values included, without the text of
    /// its <c>w:t</c> runs: the schema allows any text there, so two rows of one shape are valid or invalid alike, and
    /// a row with a new element, a new attribute or a new value is a new shape and is validated. Rows that carry
    /// identifiers or references (<c>w:id</c>, <c>w:name</c>, any <c>r:</c> attribute: bookmarks, comments, links,
    /// images) are always kept, because their validity depends on the rest of the document; so are all other parts
    /// and everything outside tables.
    /// </summary>
    internal static MemoryStream ValidationCopy(byte[] docx)
    {
        var copy = new MemoryStream();
        copy.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml");
            if (entry is not null)
            {
                System.Xml.Linq.XDocument xml;
                using (var read = entry.Open()) xml = System.Xml.Linq.XDocument.Load(read);
                var removed = 0;
                foreach (var table in xml.Descendants(W + "tbl").ToList())
                {
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var row in table.Elements(W + "tr").ToList())
                    {
                        if (ReferencesOthers(row) || seen.Add(Shape(row))) continue;
                        row.Remove();
                        removed++;
                    }
                }
                if (removed > 0)
                {
                    entry.Delete();
                    using var write = zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.NoCompression).Open();
                    xml.Save(write, System.Xml.Linq.SaveOptions.DisableFormatting);
                }
            }
        }
        copy.Position = 0;
        return copy;
    }

    private static bool ReferencesOthers(System.Xml.Linq.XElement row) =>
        row.DescendantsAndSelf().SelectMany(e => e.Attributes()).Any(a => a.Name == W + "id" || a.Name == W + "name" || a.Name.Namespace == R);

    private static string Shape(System.Xml.Linq.XElement row)
    {
        var shape = new System.Text.StringBuilder();
        Append(row);
        return shape.ToString();

        void Append(System.Xml.Linq.XElement e)
        {
            shape.Append('<').Append(e.Name.ToString());
            foreach (var a in e.Attributes()) shape.Append(' ').Append(a.Name.ToString()).Append("=\"").Append(a.Value).Append('"');
            shape.Append('>');
            foreach (var node in e.Nodes())
            {
                if (node is System.Xml.Linq.XElement child) Append(child);
                // Text outside w:t (mixed content where the schema has none) is part of the shape, so it is validated.
                else if (e.Name != W + "t") shape.Append('[').Append(node.ToString()).Append(']');
            }
            shape.Append("</>");
        }
    }
}

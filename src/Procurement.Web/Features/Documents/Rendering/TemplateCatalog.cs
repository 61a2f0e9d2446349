using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Procurement.Features.Documents.Rendering;

/// <summary>template.json of one document template.</summary>
public sealed record TemplateMetadata(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("description")] string Description = "",
    [property: JsonPropertyName("main")] string Main = "document.sbn",
    [property: JsonPropertyName("sample")] string Sample = "sample.json",
    [property: JsonPropertyName("required_clauses")] IReadOnlyList<string>? RequiredClauses = null,
    [property: JsonPropertyName("title_en")] string? TitleEn = null,
    [property: JsonPropertyName("title_term")] string? TitleTerm = null);

public sealed record DocumentTemplate(string Id, TemplateMetadata Metadata, string Directory, Template Parsed, string Hash, IReadOnlyList<TemplateError> ParseErrors)
{
    public string Title => Metadata.Title;

    /// <summary>
    /// The title under a procedure: a template whose name is a role term (<c>"title_term": "criteria_document"</c>)
    /// is called by that procedure's word (落札者決定基準 / 評価基準); the others keep <see cref="Title"/>.
    /// </summary>
    public string TitleFor(Cases.ProcurementProcedure procedure) =>
        Metadata.TitleTerm is { Length: > 0 } term && Cases.ProcurementProcedures.Term(Cases.ProcurementProcedures.Terms(procedure), term) is { Length: > 0 } word
            ? word : Title;

    /// <summary><see cref="DisplayTitle"/> under a procedure (English pages keep the English title).</summary>
    public string DisplayTitleFor(Cases.ProcurementProcedure procedure) =>
        UiText.IsEnglish && Metadata.TitleEn is { Length: > 0 } en ? en : TitleFor(procedure);

    /// <summary>The title on pages: English when the reader chose English and the template gives one. Documents keep <see cref="Title"/>.</summary>
    public string DisplayTitle => UiText.IsEnglish && Metadata.TitleEn is { Length: > 0 } en ? en : Title;
    public string Kind => Metadata.Kind;
    public string MainPath => Path.Combine(Directory, Metadata.Main);
    public string SamplePath => Path.GetFullPath(Path.Combine(Directory, Metadata.Sample));

    /// <summary>
    /// The sample the template names, as data. A template whose sample would only repeat the shared case names
    /// <c>"../_shared/sample-case.json"</c>; the shared case's empty document title is then this template's title.
    /// </summary>
    public JsonObject SampleData()
    {
        var data = JsonNode.Parse(File.ReadAllText(SamplePath))?.AsObject() ?? [];
        if (data["document"] is JsonObject document && string.IsNullOrEmpty(document["title"]?.GetValue<string>())) document["title"] = Title;
        return data;
    }
}

/// <summary>
/// document-templates/: one folder per template (template.json, the Scriban file, sample.json), shared clauses under
/// _shared/, and clause-rules.json. Loaded once and parsed once; renders reuse the parsed templates.
/// </summary>
public sealed class TemplateCatalog
{
    public const string SharedFolder = "_shared";
    private readonly Dictionary<string, DocumentTemplate> _templates;
    private readonly Dictionary<string, Template> _includes = new(StringComparer.Ordinal);

    public string Root { get; }
    public ClauseLibrary Clauses { get; }
    public IReadOnlyList<DocumentTemplate> All => _templates.Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The kinds in the order a procurement produces them (the guide's Phase1 plan, Phase2 RFI/RFQ and specification,
    /// Phase3 selection and contract, Phase4 operation), so the documents page reads like the case. A kind not listed
    /// (a template added later) comes after them, by name.
    /// </summary>
    private static readonly string[] ProcurementOrder =
    [
        "rfi", "rfq", "implementation-plan", "procurement-spec", "evaluation-criteria", "committee-charter", "qa-list",
        "demo-guide", "evaluation-report", "result-notice", "contract", "sla", "privacy-clauses", "sla-report",
    ];

    /// <summary>The phase of the guide (図15) whose step produces the kind, as the shipped workflow assigns it.</summary>
    public static string PhaseOf(string kind) => kind switch
    {
        "rfi" or "rfq" or "implementation-plan" => "Phase1",
        "sla-report" => "Phase4",
        _ => "Phase2",
    };

    public static int OrderOf(string kind) => Array.IndexOf(ProcurementOrder, kind) is var i and >= 0 ? i : int.MaxValue;

    /// <summary>Every template in <see cref="ProcurementOrder"/>.</summary>
    public IReadOnlyList<DocumentTemplate> InProcurementOrder =>
        _templates.Values.OrderBy(t => OrderOf(t.Kind)).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
    internal ITemplateLoader Loader { get; }

    private TemplateCatalog(string root)
    {
        Root = Path.GetFullPath(root);
        Loader = new FolderLoader(this);
        Clauses = ClauseLibrary.Load(Path.Combine(Root, "clause-rules.json"));
        LoadIncludes();
        var sharedHash = HashFolder(Path.Combine(Root, SharedFolder));
        _templates = System.IO.Directory.GetDirectories(Root)
            .Where(d => File.Exists(Path.Combine(d, "template.json")))
            .Select(d => LoadTemplate(d, sharedHash))
            .ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public static TemplateCatalog Load(string root) => new(root);

    /// <summary>
    /// Procurement:DocumentTemplates when configured; else the nearest document-templates/ above the working directory
    /// (authors edit the checkout); else the copy next to the binaries (published app).
    /// </summary>
    public static string FindRoot(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "document-templates");
                if (File.Exists(Path.Combine(candidate, "clause-rules.json"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("document-templates/ が見つかりません。Procurement:DocumentTemplates で場所を指定してください。");
    }

    public DocumentTemplate? Find(string id) => _templates.GetValueOrDefault(id);

    /// <summary>
    /// A generated document's name on a page: the title it was generated with (kept in its event) in Japanese, the
    /// template's English title in English.
    /// </summary>
    public string DisplayTitleOf(string kind, string generatedTitle) =>
        UiText.IsEnglish && All.FirstOrDefault(t => t.Kind == kind) is { } template ? template.DisplayTitle : generatedTitle;

    public DocumentTemplate Get(string id) => Find(id) ?? throw new KeyNotFoundException($"テンプレート「{id}」はありません。");

    /// <summary>Every shared include, parsed once when the catalog loads (renders never touch the file system).</summary>
    internal IReadOnlyDictionary<string, Template> Includes => _includes;

    /// <summary>Parse errors of the shared includes (lint reports them even when no template includes the file).</summary>
    public IReadOnlyList<TemplateError> IncludeErrors() => _includeErrors;

    private IReadOnlyList<TemplateError> _includeErrors = [];

    private void LoadIncludes()
    {
        var shared = Path.Combine(Root, SharedFolder);
        if (!System.IO.Directory.Exists(shared)) return;
        var errors = new List<TemplateError>();
        foreach (var file in System.IO.Directory.EnumerateFiles(shared, "*.sbn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var key = Path.GetFullPath(file);
            var text = File.ReadAllText(key);
            var parsed = Template.Parse(text, Relative(key));
            _includes[key] = parsed;
            errors.AddRange(TemplateSandbox.ParseErrors(parsed, text));
        }
        _includeErrors = errors;
    }

    internal string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private DocumentTemplate LoadTemplate(string dir, string sharedHash)
    {
        var id = Path.GetFileName(dir);
        var meta = JsonSerializer.Deserialize<TemplateMetadata>(File.ReadAllText(Path.Combine(dir, "template.json")), Json)
            ?? throw new InvalidOperationException($"{id}/template.json is empty");
        var main = Path.Combine(dir, meta.Main);
        var text = File.ReadAllText(main);
        var parsed = Template.Parse(text, Relative(main));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HashFolder(dir) + sharedHash + HashFile(Path.Combine(Root, "clause-rules.json")))));
        return new DocumentTemplate(id, meta, dir, parsed, hash, TemplateSandbox.ParseErrors(parsed, text));
    }

    private static string HashFolder(string dir)
    {
        if (!System.IO.Directory.Exists(dir)) return "";
        var sb = new StringBuilder();
        foreach (var file in System.IO.Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".json", StringComparison.Ordinal) && !file.EndsWith("template.json", StringComparison.Ordinal)) continue; // sample data is not part of what a document is made from
            sb.Append(Path.GetFileName(file)).Append(':').Append(HashFile(file)).Append(';');
        }
        return sb.ToString();
    }

    private static string HashFile(string file) => File.Exists(file) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) : "";

    /// <summary>Includes resolve inside document-templates/ only: no absolute paths, no climbing out with "..".</summary>
    private sealed class FolderLoader(TemplateCatalog catalog) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            var name = templateName.EndsWith(".sbn", StringComparison.Ordinal) ? templateName : templateName + ".sbn";
            var full = Path.GetFullPath(Path.Combine(catalog.Root, name));
            if (Path.IsPathRooted(templateName) || !full.StartsWith(catalog.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"include できるのは document-templates/ の中のファイルだけです: {templateName}");
            }
            if (!File.Exists(full)) throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"include するファイルがありません: {name}");
            return full;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
    }
}

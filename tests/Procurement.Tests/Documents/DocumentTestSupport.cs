using System.Text.Json.Nodes;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>The repository's templates, loaded once per test run, and helpers to write throwaway template folders.</summary>
public static class DocumentTestSupport
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static readonly Lazy<TemplateCatalog> LazyCatalog = new(() => TemplateCatalog.Load(Path.Combine(RepoRoot, "document-templates")));

    public static TemplateCatalog Catalog => LazyCatalog.Value;

    public static DocumentRenderer Renderer => new(Catalog);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Procurement.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Procurement.sln not found above the test binaries");
    }

    public static JsonObject Sample(string templateId) => Catalog.Get(templateId).SampleData();

    /// <summary>A copy of document-templates/ plus extra template folders (id → document.sbn text) for one test.</summary>
    public static TemplateCatalog CatalogWith(params (string Id, string Kind, string Template)[] templates) => CatalogWith([], templates);

    /// <summary>As above, plus extra files (path relative to document-templates/ → text), e.g. a shared include.</summary>
    public static TemplateCatalog CatalogWith((string Path, string Text)[] files, params (string Id, string Kind, string Template)[] templates)
    {
        var root = Directory.CreateTempSubdirectory("procurement-templates-").FullName;
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
            File.WriteAllText(Path.Combine(root, path), text);
        }
        CopyDirectory(Path.Combine(RepoRoot, "document-templates"), root);
        foreach (var (id, kind, template) in templates)
        {
            var dir = Path.Combine(root, id);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "template.json"), $$"""{ "title": "試験文書", "kind": "{{kind}}" }""");
            File.WriteAllText(Path.Combine(dir, "document.sbn"), template);
            File.Copy(Path.Combine(root, "_shared", "sample-case.json"), Path.Combine(dir, "sample.json"));
        }
        return TemplateCatalog.Load(root);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal), overwrite: true);
    }
}

using System.Text.Json;
using Json.Schema;

namespace Procurement.Features.Workflows.Definitions;

/// <summary>One problem in a definition file: which file, where in it (JSON path), what is wrong.</summary>
public sealed record WorkflowProblem(string File, string JsonPath, string Message)
{
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}

public sealed record WorkflowLoadResult(IReadOnlyList<WorkflowDefinition> Definitions, IReadOnlyList<WorkflowProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>An invalid definition stops the app: the message lists every problem with file and JSON path.</summary>
public sealed class WorkflowDefinitionException(IReadOnlyList<WorkflowProblem> problems)
    : Exception("手続定義（workflows/）に誤りがあるため起動できません:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<WorkflowProblem> Problems { get; } = problems;
}

/// <summary>
/// Reads workflows/*.json, checks each against workflow.schema.json, then checks what a schema
/// cannot: names that must exist in C# (guards, roles, pages, templates) and the shape of the flow.
/// The web app (at start-up) and the CLI (workflows validate) both call this.
/// </summary>
public static class WorkflowDefinitionLoader
{
    public const string SchemaFileName = "workflow.schema.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static WorkflowLoadResult LoadFolder(string folder)
    {
        var schemaPath = Path.Combine(folder, SchemaFileName);
        if (!Directory.Exists(folder))
        {
            return new([], [new WorkflowProblem(folder, "$", "フォルダーが見つかりません。")]);
        }
        if (!File.Exists(schemaPath))
        {
            return new([], [new WorkflowProblem(schemaPath, "$", "スキーマファイルが見つかりません。")]);
        }
        var files = Directory.GetFiles(folder, "*.json")
            .Where(f => !Path.GetFileName(f).Equals(SchemaFileName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(folder)) ?? folder, f), File.ReadAllText(f)));
        try
        {
            return Load(File.ReadAllText(schemaPath), files);
        }
        catch (Exception ex) when (ex is JsonException or JsonSchemaException)
        {
            return new([], [new WorkflowProblem(schemaPath, "$", $"スキーマファイルを読めません: {ex.Message}")]);
        }
    }

    /// <summary>Validates in-memory texts (file name, JSON) against the given schema text; used by tests too.</summary>
    public static WorkflowLoadResult Load(string schemaJson, IEnumerable<(string FileName, string Json)> files)
    {
        // A registry per load: the global one refuses a second schema with the same $id (tests, reloads).
        var schema = JsonSchema.FromText(schemaJson, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var definitions = new List<WorkflowDefinition>();
        var problems = new List<WorkflowProblem>();
        foreach (var (fileName, text) in files)
        {
            var (definition, fileProblems) = LoadOne(schema, fileName, text);
            problems.AddRange(fileProblems);
            if (definition is not null && fileProblems.Count == 0) definitions.Add(definition);
        }
        foreach (var duplicate in definitions.GroupBy(d => (d.Id, d.Version)).Where(g => g.Count() > 1))
        {
            foreach (var d in duplicate.Skip(1))
            {
                problems.Add(new(d.FileName, "$.version",
                    $"手続「{d.Id}」第{d.Version}版は {duplicate.First().FileName} にも定義されています。版を変えるときは version を上げてください。"));
            }
        }
        return new(problems.Count == 0 ? definitions : definitions.Where(d => problems.All(p => p.File != d.FileName)).ToList(), problems);
    }

    private static (WorkflowDefinition?, List<WorkflowProblem>) LoadOne(JsonSchema schema, string fileName, string text)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"行 {line + 1}, 列 {ex.BytePositionInLine + 1}" : "$";
            return (null, [new WorkflowProblem(fileName, where, $"JSON として読めません: {ex.Message}")]);
        }

        var result = schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (!result.IsValid)
        {
            return (null, SchemaProblems(fileName, result).Distinct().ToList());
        }

        var definition = root.Deserialize<WorkflowDefinition>(Json)!;
        definition.FileName = fileName;
        return (definition, WorkflowDefinitionChecks.Check(definition));
    }

    private static List<WorkflowProblem> SchemaProblems(string fileName, EvaluationResults result)
    {
        var problems = new List<WorkflowProblem>();
        Collect(result);
        if (problems.Count == 0) problems.Add(new WorkflowProblem(fileName, "$", "スキーマに適合しません。"));
        return problems;

        // Only failing branches: a oneOf/anyOf alternative that failed while another matched is not a problem.
        void Collect(EvaluationResults node)
        {
            if (node.IsValid) return;
            foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            {
                problems.Add(new WorkflowProblem(fileName, ToJsonPath(node.InstanceLocation.ToString()), Describe(keyword, message)));
            }
            foreach (var child in node.Details ?? []) Collect(child);
        }
    }

    private static string Describe(string keyword, string message) =>
        string.IsNullOrEmpty(keyword) && message.Contains("false schema", StringComparison.Ordinal)
            ? "スキーマ違反: このプロパティは定義されていません（綴りを確認してください）。"
            : $"スキーマ違反 ({keyword}): {message}";

    /// <summary>"/steps/3/roles/0" → "$.steps[3].roles[0]" (the form editors and jq users read).</summary>
    public static string ToJsonPath(string jsonPointer)
    {
        var path = new System.Text.StringBuilder("$");
        foreach (var raw in jsonPointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (segment.All(char.IsAsciiDigit)) path.Append('[').Append(segment).Append(']');
            else if (segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) path.Append('.').Append(segment);
            else path.Append("['").Append(segment).Append("']");
        }
        return path.ToString();
    }

    /// <summary>The workflows/ folder: configured, or found by walking up from the app's folders (checkout layout).</summary>
    public static string? FindFolder(string? configured, params string?[] startingPoints)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        foreach (var start in startingPoints.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (File.Exists(Path.Combine(candidate, SchemaFileName))) return candidate;
            }
        }
        return null;
    }
}

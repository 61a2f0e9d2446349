using System.Text.Json;
using System.Text.Json.Serialization;
using Procurement.Features.Catalog;

namespace Procurement.Features.Documents.Rendering;

/// <remarks>Option values are document text and stay Japanese; <see cref="LabelEn"/> only names the field on English pages.</remarks>
public sealed record ClauseParameter(
    string Name, string Label, string Type, JsonElement? Default = null, int? Min = null, int? Max = null,
    IReadOnlyList<string>? Options = null, int? MaxLength = null, string? LabelEn = null)
{
    public string DisplayLabel => UiText.IsEnglish && LabelEn is { Length: > 0 } en ? en : Label;
}

/// <summary>A clause that templates mark with <c>.clause id</c>; officers may change only its <see cref="Parameters"/>.</summary>
public sealed record ClauseDefinition(
    string Id, string Title, IReadOnlyList<ClauseParameter> Parameters, bool MentionsTargetBusinessStandards = false, string? TitleEn = null)
{
    /// <summary>The clause's name on pages and in refusals; documents always use <see cref="Title"/>.</summary>
    public string DisplayTitle => UiText.IsEnglish && TitleEn is { Length: > 0 } en ? en : Title;
}

/// <summary>What an officer chose for one clause of one document: still included, and parameter values.</summary>
public sealed record ClauseSetting(bool Included, IReadOnlyDictionary<string, JsonElement> Parameters)
{
    public static ClauseSetting Default { get; } = new(true, new Dictionary<string, JsonElement>());
}

/// <summary>An officer's edit in the wizard: set one allowed parameter, or include / exclude a clause.</summary>
public abstract record ClauseEdit(string ClauseId);
public sealed record SetClauseParameter(string ClauseId, string Parameter, JsonElement Value) : ClauseEdit(ClauseId);
public sealed record ExcludeClause(string ClauseId) : ClauseEdit(ClauseId);
public sealed record IncludeClause(string ClauseId) : ClauseEdit(ClauseId);

public sealed record ClauseEditResult(IReadOnlyDictionary<string, ClauseSetting> Settings, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>A refused clause setting: the clause, the parameter (null for the clause as a whole) and the message naming both.</summary>
public sealed record ClauseSettingProblem(string ClauseId, string? Parameter, string Message);

/// <summary>A mandatory clause the rendered document lacks, or lacks part of.</summary>
public sealed record ClauseProblem(string ClauseId, string Message);

/// <summary>
/// document-templates/clause-rules.json: the clause library and which clauses each document kind must contain.
/// Generation refuses a document missing any of them; edits can change parameters but never drop a mandatory clause.
/// </summary>
public sealed class ClauseLibrary
{
    private static readonly UiText T = new();

    private readonly Dictionary<string, ClauseDefinition> _clauses;
    private readonly Dictionary<string, IReadOnlyList<string>> _required;

    public ClauseLibrary(IEnumerable<ClauseDefinition> clauses, IReadOnlyDictionary<string, IReadOnlyList<string>> requiredByKind)
    {
        _clauses = clauses.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _required = requiredByKind.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (kind, ids) in _required)
        {
            var unknown = ids.Where(id => !_clauses.ContainsKey(id)).ToList();
            if (unknown.Count > 0) throw new InvalidOperationException($"clause-rules.json: kind {kind} requires unknown clauses {string.Join(", ", unknown)}");
        }
    }

    public IReadOnlyCollection<ClauseDefinition> Clauses => _clauses.Values;

    public ClauseDefinition? Find(string id) => _clauses.GetValueOrDefault(id);

    public IReadOnlyList<string> RequiredFor(string kind, IEnumerable<string>? extra = null) =>
        (_required.GetValueOrDefault(kind) ?? []).Concat(extra ?? []).Distinct(StringComparer.Ordinal).ToList();

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private sealed record RulesFile(
        [property: JsonPropertyName("clauses")] List<ClauseDefinition> Clauses,
        [property: JsonPropertyName("required")] Dictionary<string, List<string>> Required);

    public static ClauseLibrary Load(string path)
    {
        var file = JsonSerializer.Deserialize<RulesFile>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException($"{path}: empty clause rules");
        return new ClauseLibrary(file.Clauses, file.Required.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value));
    }

    /// <summary>Every clause with defaults filled in and the officer's settings laid over them: the model's <c>clauses</c> section.</summary>
    public Dictionary<string, Dictionary<string, object?>> Resolve(IReadOnlyDictionary<string, ClauseSetting>? settings)
    {
        var result = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var clause in _clauses.Values)
        {
            var setting = settings?.GetValueOrDefault(clause.Id) ?? ClauseSetting.Default;
            var values = new Dictionary<string, object?>(StringComparer.Ordinal) { ["included"] = setting.Included, ["title"] = clause.Title };
            foreach (var p in clause.Parameters)
            {
                var value = setting.Parameters.TryGetValue(p.Name, out var v) ? v : p.Default;
                values[p.Name] = value;
            }
            result[clause.Id] = values;
        }
        return result;
    }

    /// <summary>Applies one edit; refuses unknown parameters, out-of-range values and removing a mandatory clause.</summary>
    public ClauseEditResult Edit(string documentKind, IReadOnlyDictionary<string, ClauseSetting> current, ClauseEdit edit)
    {
        var errors = new List<string>();
        var clause = Find(edit.ClauseId);
        if (clause is null) return new(current, [T.Format("条項「{0}」は条項ライブラリにありません。", edit.ClauseId)]);
        var setting = current.GetValueOrDefault(clause.Id) ?? ClauseSetting.Default;
        ClauseSetting? updated = null;
        switch (edit)
        {
            case ExcludeClause when RequiredFor(documentKind).Contains(clause.Id):
                errors.Add(T.Format("「{0}」は必須条項のため削除できません。変更できるのは条項が認める項目だけです。", clause.DisplayTitle));
                break;
            case ExcludeClause:
                updated = setting with { Included = false };
                break;
            case IncludeClause:
                updated = setting with { Included = true };
                break;
            case SetClauseParameter set:
                var parameter = clause.Parameters.FirstOrDefault(p => p.Name == set.Parameter);
                if (parameter is null)
                {
                    errors.Add(T.Format("「{0}」の「{1}」は編集できる項目ではありません。", clause.DisplayTitle, set.Parameter));
                    break;
                }
                var problem = CheckValue(parameter, set.Value);
                if (problem is not null) { errors.Add(T.Format("「{0}」の{1}: {2}", clause.DisplayTitle, parameter.DisplayLabel, problem)); break; }
                updated = setting with { Parameters = new Dictionary<string, JsonElement>(setting.Parameters) { [parameter.Name] = set.Value } };
                break;
        }
        if (updated is null) return new(current, errors);
        return new(new Dictionary<string, ClauseSetting>(current) { [clause.Id] = updated }, errors);
    }

    /// <summary>Settings that came from elsewhere (an import, an old draft) are checked the same way as edits.</summary>
    public IReadOnlyList<string> CheckSettings(string documentKind, IReadOnlyDictionary<string, ClauseSetting>? settings) =>
        ParameterProblemsOf(settings).Select(p => p.Message).ToList();

    /// <summary>
    /// What a settings form must refuse, each with the clause and parameter it belongs to (so a page can show the
    /// message next to the field): unknown clauses and parameters, values outside what the clause allows, and a
    /// mandatory clause left out (<paramref name="extraRequired"/>: the template's own required clauses).
    /// </summary>
    public IReadOnlyList<ClauseSettingProblem> SettingProblems(
        string documentKind, IReadOnlyDictionary<string, ClauseSetting>? settings, IEnumerable<string>? extraRequired = null)
    {
        var problems = ParameterProblemsOf(settings).ToList();
        var required = RequiredFor(documentKind, extraRequired);
        foreach (var (id, setting) in settings ?? new Dictionary<string, ClauseSetting>())
        {
            if (setting.Included || !required.Contains(id) || Find(id) is not { } clause) continue;
            problems.Add(new(id, null, T.Format("「{0}」は必須条項のため削除できません。変更できるのは条項が認める項目だけです。", clause.DisplayTitle)));
        }
        return problems;
    }

    /// <summary>Unknown clauses and parameters and values outside what the clause allows, each naming its clause and parameter.</summary>
    public IReadOnlyList<ClauseSettingProblem> ParameterProblems(IReadOnlyDictionary<string, ClauseSetting>? settings) => ParameterProblemsOf(settings).ToList();

    private IEnumerable<ClauseSettingProblem> ParameterProblemsOf(IReadOnlyDictionary<string, ClauseSetting>? settings)
    {
        foreach (var (id, setting) in settings ?? new Dictionary<string, ClauseSetting>())
        {
            var clause = Find(id);
            if (clause is null) { yield return new(id, null, T.Format("条項「{0}」は条項ライブラリにありません。", id)); continue; }
            foreach (var (name, value) in setting.Parameters)
            {
                var parameter = clause.Parameters.FirstOrDefault(p => p.Name == name);
                var problem = parameter is null ? T["編集できる項目ではありません。"] : CheckValue(parameter, value);
                if (problem is not null) yield return new(id, name, T.Format("「{0}」の{1}: {2}", clause.DisplayTitle, parameter?.DisplayLabel ?? name, problem));
            }
        }
    }

    private static string? CheckValue(ClauseParameter p, JsonElement value) => p.Type switch
    {
        "integer" when value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out _) => T["整数で指定してください。"],
        "integer" when value.GetInt32() < (p.Min ?? int.MinValue) || value.GetInt32() > (p.Max ?? int.MaxValue) =>
            T.Format("{0}から{1}の範囲で指定してください。", p.Min?.ToString(CultureInfo.InvariantCulture), p.Max?.ToString(CultureInfo.InvariantCulture)),
        "choice" when value.ValueKind != JsonValueKind.String || !(p.Options ?? []).Contains(value.GetString()) =>
            T.Format("次のいずれかを選んでください: {0}", string.Join(T.Comma, p.Options ?? [])),
        "text" when value.ValueKind != JsonValueKind.String => T["文字列で指定してください。"],
        "text" when value.GetString()!.Length > (p.MaxLength ?? 200) => T.Format("{0}文字以内で指定してください。", (p.MaxLength ?? 200).ToString(CultureInfo.InvariantCulture)),
        "boolean" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) => T["はい/いいえで指定してください。"],
        _ => null,
    };

    /// <summary>Mandatory clauses the rendered blocks lack; for the data-provision clause also each target 業務 and its standard.</summary>
    public IReadOnlyList<ClauseProblem> Check(string kind, IEnumerable<string> extraRequired, IReadOnlyList<Block> blocks, IReadOnlyList<TargetBusinessStandard> targets)
    {
        var texts = ClauseTexts(blocks);
        var problems = new List<ClauseProblem>();
        foreach (var id in RequiredFor(kind, extraRequired))
        {
            var clause = _clauses[id];
            if (!texts.TryGetValue(id, out var text) || text.Trim().Length == 0)
            {
                problems.Add(new(id, $"{clause.DisplayTitle}{T.Open}{id}{T.Close}"));
                continue;
            }
            if (!clause.MentionsTargetBusinessStandards) continue;
            problems.AddRange(TargetProblems(id, clause, text, targets));
        }
        return problems;
    }

    /// <summary>
    /// The clause is checked against the business catalogue, never against the data's own labels: each target 業務 must
    /// be in the catalogue, carry the standard the catalogue gives it, and the clause must name both.
    /// </summary>
    private static IEnumerable<ClauseProblem> TargetProblems(string id, ClauseDefinition clause, string text, IReadOnlyList<TargetBusinessStandard> targets)
    {
        var prefix = $"{clause.DisplayTitle}{T.Open}{id}{T.Close}: ";
        if (targets.Count == 0)
        {
            yield return new(id, prefix + T["対象業務が1つもありません。案件の対象業務を選んでください。"]);
            yield break;
        }
        foreach (var t in targets)
        {
            var business = (t.Code is { Length: > 0 } code ? BusinessCatalog.Find(code) : null)
                ?? BusinessCatalog.All.FirstOrDefault(b => b.Name == t.BusinessName);
            if (business is null)
            {
                yield return new(id, prefix + T.Format("業務「{0}」は業務カタログにありません。", t.BusinessName.Length > 0 ? t.BusinessName : t.Code ?? ""));
                continue;
            }
            // 特定移行支援 (an officer's recorded decision, with its reason) changes which standard the data follows.
            if (t.SpecificMigration && business.Standardised && string.IsNullOrWhiteSpace(t.SpecificMigrationReason))
            {
                yield return new(id, prefix + T.Format("{0}を特定移行支援とする理由がありません。", business.Name));
                continue;
            }
            var expected = business.DataStandardNameFor(t.SpecificMigration && business.Standardised);
            if (t.StandardName.Trim().Length == 0)
            {
                yield return new(id, prefix + T.Format("{0}のデータ標準が空です（業務カタログでは「{1}」）。", business.Name, expected));
                continue;
            }
            if (t.StandardName != expected)
            {
                yield return new(id, prefix + T.Format("{0}に適用するデータ標準は「{1}」です（データでは「{2}」）。", business.Name, expected, t.StandardName));
                continue;
            }
            if (!text.Contains(business.Name, StringComparison.Ordinal) || !text.Contains(expected, StringComparison.Ordinal))
            {
                yield return new(id, prefix + T.Format("{0}について「{1}」による提供の記載", business.Name, expected));
            }
        }
    }

    /// <summary>Text inside each clause's markers (a clause may appear more than once).</summary>
    public static Dictionary<string, string> ClauseTexts(IReadOnlyList<Block> blocks)
    {
        var result = new Dictionary<string, System.Text.StringBuilder>(StringComparer.Ordinal);
        var open = new List<string>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ClauseStartBlock s:
                    open.Add(s.ClauseId);
                    if (!result.ContainsKey(s.ClauseId)) result[s.ClauseId] = new();
                    continue;
                case ClauseEndBlock e:
                    open.Remove(e.ClauseId);
                    continue;
            }
            if (open.Count == 0) continue;
            var text = BlockText(block);
            foreach (var id in open) result[id].Append(text).Append('\n');
        }
        return result.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
    }

    private static string BlockText(Block block) => block switch
    {
        TitleBlock b => b.Text,
        SubtitleBlock b => b.Text,
        HeadingBlock b => b.Text,
        PlainHeadingBlock b => b.Text,
        ItemBlock b => b.Text,
        ParagraphBlock b => b.Text,
        ArticleBlock b => b.Caption + " " + b.Text,
        ArticleParagraphBlock b => b.Text,
        ArticleItemBlock b => b.Text,
        TableBlock t => string.Join("\n", t.Rows.Select(r => string.Join(" ", r.Cells))),
        _ => "",
    };

    public static string RefusalMessage(IReadOnlyList<ClauseProblem> problems) =>
        T["次の必須条項が含まれていないため、文書を生成できません。"] + "\n" + string.Join("\n", problems.Select(p => "・" + p.Message));
}

/// <summary>A target 業務 and the data standard its end-of-contract data provision must name.</summary>
/// <remarks><paramref name="Code"/> identifies the 業務 in the catalogue (the name when the data has no code); <paramref name="StandardName"/> is the data's own label, checked against the catalogue.</remarks>
public sealed record TargetBusinessStandard(string BusinessName, string StandardName, string? Code = null)
{
    /// <summary>On the 特定移行支援 path, with the officer's reason (required for the override to count).</summary>
    public bool SpecificMigration { get; init; }
    public string? SpecificMigrationReason { get; init; }
}

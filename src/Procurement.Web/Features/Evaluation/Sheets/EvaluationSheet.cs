using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Json.Schema;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Sheets;

// JsonSchema.Net's validation tree, not the evaluation feature's results finalisation of the same name.
using EvaluationResults = Json.Schema.EvaluationResults;

/// <summary>A problem in a sheet, with the JSON path a person can find in their file.</summary>
public sealed record SheetError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// The documented JSON evaluation sheet (docs/evaluation-sheet.md): read it, check it against the schema
/// and against itself (ids that exist, marks that fit their scale), and turn it into the engine's input.
/// </summary>
public static partial class EvaluationSheet
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(EvaluationSheet).Assembly.GetManifestResourceStream("evaluation-sheet.schema.json")
            ?? throw new InvalidOperationException("evaluation-sheet.schema.json is not embedded");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    public static readonly JsonSerializerOptions OutputOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static (EvaluationInput? Input, IReadOnlyList<SheetError> Errors) Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return (null, [new SheetError(ex.Path ?? "$", $"JSONとして読み取れません（{ex.LineNumber + 1}行目）: {ex.Message}")]);
        }
        if (root is null) return (null, [new SheetError("$", "JSONが空です")]);

        var schemaErrors = SchemaErrors(root);
        if (schemaErrors.Count > 0) return (null, schemaErrors);

        var errors = new List<SheetError>();
        var input = Build(root, errors);
        return errors.Count > 0 ? (null, errors) : (input, []);
    }

    private static readonly Lazy<JsonNode> SchemaNode = new(() =>
    {
        using var stream = typeof(EvaluationSheet).Assembly.GetManifestResourceStream("evaluation-sheet.schema.json")!;
        return JsonNode.Parse(stream)!;
    });

    /// <summary>
    /// One message per problem, at the path where it is. Only the branches that failed are read: the failing
    /// alternative of a "oneOf" that passed (a number mark is not one of "○", "△", …) is no problem at all. A property
    /// the schema does not define is named as such, with the defined name it most resembles; when that name is a
    /// missing required one, the typo is the one problem reported.
    /// </summary>
    private static List<SheetError> SchemaErrors(JsonNode root)
    {
        using var document = JsonDocument.Parse(root.ToJsonString());
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid) return [];

        var unknown = new List<(string Parent, string Name, string? Suggestion)>();
        var missing = new List<(string Parent, string Name)>();
        var other = new List<SheetError>();
        Walk(results);

        var errors = new List<SheetError>();
        var explained = new HashSet<(string, string)>();
        foreach (var (parent, name, suggestion) in unknown)
        {
            var path = PointerToPath(parent) + Key(name);
            if (suggestion is not null && missing.Contains((parent, suggestion)))
            {
                explained.Add((parent, suggestion));
                errors.Add(new(path, $"定義されていない項目「{name}」があります。必須の項目「{suggestion}」の綴りの誤りではありませんか"));
            }
            else
            {
                errors.Add(new(path, suggestion is null
                    ? $"定義されていない項目「{name}」があります"
                    : $"定義されていない項目「{name}」があります。「{suggestion}」の綴りの誤りではありませんか"));
            }
        }
        foreach (var (parent, name) in missing)
        {
            if (!explained.Contains((parent, name))) errors.Add(new(PointerToPath(parent), $"必須の項目「{name}」がありません"));
        }
        // A failed "oneOf" reports each alternative; the first message per path is the one a person needs.
        errors.AddRange(other.GroupBy(e => e.Path).Select(g => g.First()));
        return errors.Count == 0 ? [new SheetError("$", "スキーマに適合しません")] : errors.DistinctBy(e => e.ToString()).ToList();

        void Walk(EvaluationResults node)
        {
            if (node.IsValid) return;
            var instance = node.InstanceLocation.ToString();
            if (IsUnknownProperty(node))
            {
                var segments = instance.Split('/');
                unknown.Add((string.Join('/', segments[..^1]), Unescape(segments[^1]), Suggest(Unescape(segments[^1]), DefinedProperties(node))));
                return;
            }
            foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            {
                if (keyword == "required")
                {
                    foreach (Match m in QuotedName().Matches(message)) missing.Add((instance, m.Groups[1].Value));
                }
                else if (keyword != "additionalProperties")
                {
                    other.Add(new SheetError(PointerToPath(instance), $"{KeywordMessage(keyword)}（{message}）"));
                }
            }
            foreach (var child in node.Details ?? []) Walk(child);
        }
    }

    /// <summary>
    /// A property caught by "additionalProperties": false is evaluated against the false schema, which reports its
    /// failure under the empty keyword.
    /// </summary>
    private static bool IsUnknownProperty(EvaluationResults node) =>
        node.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal)
        && node.Errors is { } errors && errors.ContainsKey("");

    /// <summary>The names the object schema around an unknown property defines (its "properties").</summary>
    private static IReadOnlyList<string> DefinedProperties(EvaluationResults node)
    {
        // The location reads "#/$defs/rounding/additionalProperties/…": the object schema is what comes before the keyword.
        var fragment = node.SchemaLocation.Fragment;
        var at = fragment.LastIndexOf("/additionalProperties", StringComparison.Ordinal);
        return at >= 0 && SchemaAt(fragment[..at])?["properties"] is JsonObject properties ? [.. properties.Select(p => p.Key)] : [];
    }

    /// <summary>The schema node a fragment ("#/$defs/rounding/additionalProperties") points at.</summary>
    private static JsonNode? SchemaAt(string fragment)
    {
        JsonNode? node = SchemaNode.Value;
        foreach (var raw in fragment.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Unescape(Uri.UnescapeDataString(raw));
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>The defined name a typo most resembles (at most a third of its letters off, case ignored), or none.</summary>
    internal static string? Suggest(string name, IReadOnlyList<string> defined)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in defined)
        {
            var d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        return best is not null && bestDistance <= Math.Max(1, best.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance: letters inserted, removed or changed.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedName();

    private static string KeywordMessage(string keyword) => keyword switch
    {
        "type" => "値の型が正しくありません",
        "enum" => "許可されていない値です",
        "minimum" or "exclusiveMinimum" or "maximum" or "exclusiveMaximum" => "値が範囲外です",
        "minItems" or "minLength" => "空にできません",
        _ => "値が正しくありません",
    };

    private static EvaluationInput Build(JsonNode root, List<SheetError> errors)
    {
        var categories = new List<CriteriaCategory>();
        var items = new Dictionary<string, CriteriaItem>(StringComparer.Ordinal);
        var criteria = root["criteria"]!.AsArray();
        for (var c = 0; c < criteria.Count; c++)
        {
            var node = criteria[c]!;
            var list = new List<CriteriaItem>();
            var itemNodes = node["items"]!.AsArray();
            for (var i = 0; i < itemNodes.Count; i++)
            {
                var n = itemNodes[i]!;
                var item = new CriteriaItem(Str(n, "id"), Str(n, "name"), Num(n, "points"), Enum<ScaleKind>(Str(n, "scale")), n["required"]?.GetValue<bool>() ?? false);
                if (!items.TryAdd(item.Id, item)) errors.Add(new($"$.criteria[{c}].items[{i}].id", $"評価項目ID「{item.Id}」が重複しています"));
                list.Add(item);
            }
            categories.Add(new CriteriaCategory(Str(node, "id"), Str(node, "name"), list));
        }

        var s = root["settings"]!;
        var ratio = s["ratio"];
        var rounding = s["rounding"];
        var floor = s["floor"];
        var settings = new EvaluationSettings(
            Enum<Aggregation>(Str(s, "aggregation")),
            s["priceMethod"] is null ? PriceMethod.None : Enum<PriceMethod>(Str(s, "priceMethod")),
            ratio is null ? 1 : Num(ratio, "technical"),
            ratio is null ? 1 : Num(ratio, "price"),
            s["priceAllocation"] is null ? null : Num(s, "priceAllocation"),
            s["divisionMultiplier"] is null ? 1 : Num(s, "divisionMultiplier"),
            s["passLine"] is null ? null : Num(s, "passLine"),
            floor is null ? null : new FloorRule(Num(floor, "threshold"), floor["unit"] is null ? FloorUnit.Points : Enum<FloorUnit>(Str(floor, "unit"))),
            rounding is null ? null : new RoundingSettings(Rule(rounding["item"]), Rule(rounding["memberTotal"]), Rule(rounding["average"]), Rule(rounding["pricePoints"])));
        if (settings.PriceMethod is PriceMethod.Additive or PriceMethod.LowestPriceRatio && ratio is null && settings.PriceAllocation is null)
        {
            errors.Add(new("$.settings", "価格点の計算には ratio（技術点:価格点）または priceAllocation が必要です"));
        }

        var vendors = new List<VendorRef>();
        var vendorIds = new HashSet<string>(StringComparer.Ordinal);
        var vendorNodes = root["vendors"]!.AsArray();
        for (var v = 0; v < vendorNodes.Count; v++)
        {
            var vendor = new VendorRef(Str(vendorNodes[v]!, "id"), Str(vendorNodes[v]!, "name"));
            if (!vendorIds.Add(vendor.Id)) errors.Add(new($"$.vendors[{v}].id", $"事業者ID「{vendor.Id}」が重複しています"));
            vendors.Add(vendor);
        }

        var members = new List<CommitteeMemberRef>();
        var memberIds = new HashSet<string>(StringComparer.Ordinal);
        var exclusions = new List<ConflictExclusion>();
        var memberNodes = root["members"]!.AsArray();
        for (var m = 0; m < memberNodes.Count; m++)
        {
            var member = new CommitteeMemberRef(Str(memberNodes[m]!, "id"), Str(memberNodes[m]!, "name"));
            if (!memberIds.Add(member.Id)) errors.Add(new($"$.members[{m}].id", $"委員ID「{member.Id}」が重複しています"));
            members.Add(member);
            var excluded = memberNodes[m]!["excludedVendors"]?.AsArray() ?? [];
            for (var x = 0; x < excluded.Count; x++)
            {
                var vendorId = excluded[x]!.GetValue<string>();
                if (VendorKnown(vendorId, $"$.members[{m}].excludedVendors[{x}]")) exclusions.Add(new(member.Id, vendorId));
            }
        }

        var scores = new List<MemberScore>();
        foreach (var (memberId, byVendor) in root["scores"]!.AsObject())
        {
            var memberPath = $"$.scores{Key(memberId)}";
            if (!memberIds.Contains(memberId))
            {
                errors.Add(new(memberPath, $"委員ID「{memberId}」は members にありません"));
                continue;
            }
            foreach (var (vendorId, byItem) in byVendor!.AsObject())
            {
                var vendorPath = memberPath + Key(vendorId);
                if (!VendorKnown(vendorId, vendorPath)) continue;
                foreach (var (itemId, markNode) in byItem!.AsObject())
                {
                    if (ReadMark(itemId, markNode!, vendorPath + Key(itemId)) is { } mark) scores.Add(new(memberId, vendorId, itemId, mark));
                }
            }
        }

        var consensus = new List<ConsensusScore>();
        var consensusNodes = root["consensus"]?.AsArray() ?? [];
        for (var k = 0; k < consensusNodes.Count; k++)
        {
            var n = consensusNodes[k]!;
            var path = $"$.consensus[{k}]";
            if (VendorKnown(Str(n, "vendor"), path + ".vendor") && ReadMark(Str(n, "item"), n["mark"]!, path + ".mark") is { } mark)
            {
                consensus.Add(new(Str(n, "vendor"), Str(n, "item"), mark, Str(n, "reason"), n["by"]?.GetValue<string>() ?? ""));
            }
        }

        var decisions = new List<PartialFitDecision>();
        var decisionNodes = root["partialFitDecisions"]?.AsArray() ?? [];
        for (var k = 0; k < decisionNodes.Count; k++)
        {
            var n = decisionNodes[k]!;
            var path = $"$.partialFitDecisions[{k}]";
            var itemId = Str(n, "item");
            if (!VendorKnown(Str(n, "vendor"), path + ".vendor")) continue;
            if (!items.TryGetValue(itemId, out var item)) errors.Add(new(path + ".item", $"評価項目ID「{itemId}」は criteria にありません"));
            else if (item.Scale != ScaleKind.FitGap) errors.Add(new(path + ".item", $"評価項目「{item.Name}」は○△×の項目ではありません"));
            else decisions.Add(new(Str(n, "vendor"), itemId, Str(n, "treatAs") == "○", Str(n, "reason"), n["by"]?.GetValue<string>() ?? ""));
        }

        PriceEnvelope? prices = null;
        if (root["prices"] is { } p)
        {
            var bids = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (vendorId, amount) in p["bids"]?.AsObject() ?? [])
            {
                if (VendorKnown(vendorId, $"$.prices.bids{Key(vendorId)}")) bids[vendorId] = amount!.GetValue<decimal>();
            }
            prices = new PriceEnvelope(p["reservePrice"] is null ? null : Num(p, "reservePrice"), bids);
        }

        var lots = new List<LotRecord>();
        var lotNodes = root["lots"]?.AsArray() ?? [];
        for (var k = 0; k < lotNodes.Count; k++)
        {
            var n = lotNodes[k]!;
            var order = n["order"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
            var known = order.Select((id, j) => VendorKnown(id, $"$.lots[{k}].order[{j}]")).ToList();
            DateTimeOffset? at = null;
            if (n["at"] is { } atNode)
            {
                if (DateTimeOffset.TryParse(atNode.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) at = parsed;
                else errors.Add(new($"$.lots[{k}].at", "日時は ISO 8601 形式（例: 2026-12-01T10:00:00+09:00）で入力してください"));
            }
            if (known.All(x => x)) lots.Add(new LotRecord(order, Str(n, "drawnBy"), at, n["note"]?.GetValue<string>()));
        }

        return new EvaluationInput(categories, settings, members, vendors, scores, exclusions, consensus, decisions, prices, lots);

        bool VendorKnown(string id, string path)
        {
            if (vendorIds.Contains(id)) return true;
            errors.Add(new(path, $"事業者ID「{id}」は vendors にありません"));
            return false;
        }

        decimal? ReadMark(string itemId, JsonNode node, string path)
        {
            if (!items.TryGetValue(itemId, out var item))
            {
                errors.Add(new(path, $"評価項目ID「{itemId}」は criteria にありません"));
                return null;
            }
            var text = node.GetValueKind() == JsonValueKind.Number ? node.GetValue<decimal>().ToString(CultureInfo.InvariantCulture) : node.GetValue<string>();
            var numeric = item.Scale is ScaleKind.FiveLevel or ScaleKind.Number;
            if (numeric != (node.GetValueKind() == JsonValueKind.Number) || !Marks.TryParse(item, text, out var mark))
            {
                errors.Add(new(path, Marks.RangeMessage(item)));
                return null;
            }
            return mark;
        }
    }

    /// <summary>
    /// The inverse of <see cref="Read"/>: a case's evaluation as a sheet, so anyone can recompute the published
    /// result with `procurement evaluate` and get the same figures.
    /// </summary>
    public static string Write(EvaluationInput input, string? title = null)
    {
        var items = input.Criteria.SelectMany(c => c.Items).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var s = input.Settings;
        var rounding = s.RoundingOrExact;
        var settings = new JsonObject
        {
            ["aggregation"] = Camel(s.Aggregation),
            ["priceMethod"] = Camel(s.PriceMethod),
            ["ratio"] = new JsonObject { ["technical"] = s.TechnicalWeight, ["price"] = s.PriceWeight },
            ["divisionMultiplier"] = s.DivisionMultiplier,
            ["rounding"] = new JsonObject
            {
                ["item"] = Rule(rounding.Item),
                ["memberTotal"] = Rule(rounding.MemberTotal),
                ["average"] = Rule(rounding.Average),
                ["pricePoints"] = Rule(rounding.PricePoints),
            },
        };
        if (s.PriceAllocation is { } allocation) settings["priceAllocation"] = allocation;
        if (s.PassLineRatio is { } passLine) settings["passLine"] = passLine;
        if (s.Floor is { } floor) settings["floor"] = new JsonObject { ["threshold"] = floor.Threshold, ["unit"] = Camel(floor.Unit) };

        var scores = new JsonObject();
        foreach (var byMember in input.Scores.GroupBy(x => x.MemberId))
        {
            var vendors = new JsonObject();
            foreach (var byVendor in byMember.GroupBy(x => x.VendorId))
            {
                vendors[byVendor.Key] = new JsonObject(byVendor.Select(x => KeyValuePair.Create(x.ItemId, Mark(items[x.ItemId], x.Mark))));
            }
            scores[byMember.Key] = vendors;
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://procurement.example/schemas/evaluation-sheet.schema.json",
            ["title"] = title ?? "",
            ["settings"] = settings,
            ["criteria"] = new JsonArray(input.Criteria.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["name"] = c.Name,
                ["items"] = new JsonArray(c.Items.Select(i => (JsonNode)new JsonObject
                {
                    ["id"] = i.Id, ["name"] = i.Name, ["points"] = i.MaxPoints, ["scale"] = Camel(i.Scale), ["required"] = i.Required,
                }).ToArray()),
            }).ToArray()),
            ["members"] = new JsonArray(input.Members.Select(m =>
            {
                var member = new JsonObject { ["id"] = m.Id, ["name"] = m.Name };
                var excluded = (input.Exclusions ?? []).Where(x => x.MemberId == m.Id).Select(x => (JsonNode)x.VendorId).ToArray();
                if (excluded.Length > 0) member["excludedVendors"] = new JsonArray(excluded);
                return (JsonNode)member;
            }).ToArray()),
            ["vendors"] = new JsonArray(input.Vendors.Select(v => (JsonNode)new JsonObject { ["id"] = v.Id, ["name"] = v.Name }).ToArray()),
            ["scores"] = scores,
            ["consensus"] = new JsonArray((input.Consensus ?? []).Select(c => (JsonNode)new JsonObject
            {
                ["vendor"] = c.VendorId, ["item"] = c.ItemId, ["mark"] = Mark(items[c.ItemId], c.Mark), ["reason"] = c.Reason, ["by"] = c.By,
            }).ToArray()),
            ["partialFitDecisions"] = new JsonArray((input.PartialFitDecisions ?? []).Select(d => (JsonNode)new JsonObject
            {
                ["vendor"] = d.VendorId, ["item"] = d.ItemId, ["treatAs"] = d.TreatAsFit ? "○" : "×", ["reason"] = d.Reason, ["by"] = d.By,
            }).ToArray()),
            ["lots"] = new JsonArray((input.Lots ?? []).Select(l =>
            {
                var lot = new JsonObject { ["order"] = new JsonArray(l.VendorOrder.Select(v => (JsonNode)v).ToArray()), ["drawnBy"] = l.DrawnBy };
                if (l.At is { } at) lot["at"] = at.ToString("O", CultureInfo.InvariantCulture);
                if (l.Note is { } note) lot["note"] = note;
                return (JsonNode)lot;
            }).ToArray()),
        };
        if (input.Prices is { } prices)
        {
            var envelope = new JsonObject { ["bids"] = new JsonObject(prices.Bids.Select(b => KeyValuePair.Create(b.Key, (JsonNode?)b.Value))) };
            if (prices.ReservePrice is { } reserve) envelope["reservePrice"] = reserve;
            root["prices"] = envelope;
        }
        return root.ToJsonString(OutputOptions);

        static JsonNode Rule(RoundingRule r) => new JsonObject { ["mode"] = Camel(r.Mode), ["decimals"] = r.Decimals };
        static JsonNode? Mark(CriteriaItem item, decimal mark) =>
            item.Scale is ScaleKind.FiveLevel or ScaleKind.Number ? JsonValue.Create(mark) : JsonValue.Create(Marks.Format(item.Scale, mark));
        static string Camel<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
    }

    public static string ToJson(EvaluationResult result) => JsonSerializer.Serialize(result, OutputOptions);

    private static RoundingRule Rule(JsonNode? node) => node is null
        ? RoundingRule.Exact
        : new RoundingRule(Enum<RoundingMode>(Str(node, "mode")), node["decimals"]?.GetValue<int>() ?? 0);

    private static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static decimal Num(JsonNode node, string name) => node[name]!.GetValue<decimal>();

    private static T Enum<T>(string value) where T : struct, Enum => System.Enum.Parse<T>(value, ignoreCase: true);

    /// <summary>"/scores/m1/A/1-1" → "$.scores.m1.A['1-1']": the form JSON tools and editors show.</summary>
    internal static string PointerToPath(string pointer)
    {
        var path = "$";
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Unescape(raw);
            path += int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"[{segment}]" : Key(segment);
        }
        return path;
    }

    private static string Key(string name) => PlainName().IsMatch(name) ? "." + name : $"['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}

using System.Text.RegularExpressions;
using FluentValidation.Results;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Wizards;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// What the officer types into the criteria wizard, kept as strings so nothing typed is lost on an error,
/// and its translation to the domain's categories and settings.
/// </summary>
public sealed partial class CriteriaInput
{
    public sealed class ItemInput
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string MaxPoints { get; set; } = "";
        public string Scale { get; set; } = nameof(ScaleKind.FiveLevel);
        public bool Required { get; set; }
        /// <summary>5段階 texts indexed by grade (0..5).</summary>
        public List<string> Anchors { get; set; } = DefaultAnchors();

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(MaxPoints);
    }

    public sealed class CategoryInput
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public List<ItemInput> Items { get; set; } = [];
    }

    public sealed class RoundingInput
    {
        public string Mode { get; set; } = nameof(RoundingMode.None);
        public string Decimals { get; set; } = "0";
    }

    public List<CategoryInput> Categories { get; set; } = [];
    public string PriceMethod { get; set; } = nameof(Scoring.PriceMethod.None);
    public string TechnicalWeight { get; set; } = "1";
    public string PriceWeight { get; set; } = "1";
    public string PriceAllocation { get; set; } = "";
    public string DivisionMultiplier { get; set; } = "1";
    public string Aggregation { get; set; } = nameof(Scoring.Aggregation.Average);
    public string PassLine { get; set; } = "";
    public string FloorThreshold { get; set; } = "";
    public string FloorUnit { get; set; } = nameof(Scoring.FloorUnit.Points);
    /// <summary>Item, member total, average, price points — the engine's order of computation.</summary>
    public List<RoundingInput> Rounding { get; set; } = [new(), new(), new(), new()];
    public string Reason { get; set; } = "";
    /// <summary>The criteria revision the draft started from: a later revision means someone else changed them meanwhile.</summary>
    public int BaseRevision { get; set; }

    public static readonly string[] RoundingStages = ["評価項目ごとの点", "委員ごとの合計", "委員の平均・合計", "価格点"];

    public static readonly IReadOnlyList<WizardStep> Steps =
    [
        new("評価区分と評価項目", "Categories"),
        new("価格評価と比率", "PriceMethod", "TechnicalWeight", "PriceWeight", "PriceAllocation", "DivisionMultiplier"),
        new("端数処理と基準", "Aggregation", "PassLine", "FloorThreshold", "FloorUnit", "Rounding"),
        new("確認", "Reason"),
    ];

    public static List<string> DefaultAnchors() => [.. Enumerable.Range(0, 6).Select(g => Marks.FiveLevelAnchors[g])];

    public static CriteriaInput From(IEnumerable<CriteriaCategory> categories, EvaluationSettings settings, int revision)
    {
        var rounding = settings.RoundingOrExact;
        return new CriteriaInput
        {
            Categories = [.. categories.Where(c => c.Id != EvaluationView.DemonstrationCategoryId).Select(c => new CategoryInput
            {
                Id = c.Id,
                Name = c.Name,
                Items = [.. c.Items.Select(i => new ItemInput
                {
                    Id = i.Id, Name = i.Name, MaxPoints = Show(i.MaxPoints), Scale = i.Scale.ToString(), Required = i.Required,
                    Anchors = i.Anchors is { Count: 6 } a ? [.. a] : DefaultAnchors(),
                })],
            })],
            PriceMethod = settings.PriceMethod.ToString(),
            TechnicalWeight = Show(settings.TechnicalWeight),
            PriceWeight = Show(settings.PriceWeight),
            PriceAllocation = settings.PriceAllocation is { } p ? Show(p) : "",
            DivisionMultiplier = Show(settings.DivisionMultiplier),
            Aggregation = settings.Aggregation.ToString(),
            PassLine = settings.PassLineRatio is { } r ? Show(r) : "",
            FloorThreshold = settings.Floor is { } f ? Show(f.Threshold) : "",
            FloorUnit = (settings.Floor?.Unit ?? Scoring.FloorUnit.Points).ToString(),
            Rounding = [.. new[] { rounding.Item, rounding.MemberTotal, rounding.Average, rounding.PricePoints }
                .Select(x => new RoundingInput { Mode = x.Mode.ToString(), Decimals = x.Decimals.ToString(CultureInfo.InvariantCulture) })],
            BaseRevision = revision,
        };
    }

    /// <summary>A fresh definition: one category with one row, so the table is never empty.</summary>
    public static CriteriaInput New(int revision) => new()
    {
        Categories = [new CategoryInput { Id = "1", Name = "", Items = [new ItemInput { Id = "1-1" }] }],
        BaseRevision = revision,
    };

    public static string Show(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>Rows in display order, numbered 1.. across categories: the number every message and label uses.</summary>
    public int ItemNumber(int category, int item) => Categories.Take(category).Sum(c => c.Items.Count) + item + 1;

    public void DropBlankRows()
    {
        foreach (var c in Categories) c.Items.RemoveAll(i => i.IsBlank);
        Categories.RemoveAll(c => string.IsNullOrWhiteSpace(c.Name) && c.Items.Count == 0 && Categories.Count > 1);
    }

    /// <summary>The row buttons (行を追加, 削除, ↑, ↓); returns false for an action it does not know.</summary>
    public bool Apply(string action)
    {
        var parts = action.Split(':');
        int Arg(int n) => parts.Length > n && int.TryParse(parts[n], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
        var c = Arg(1);
        var i = Arg(2);
        var hasCategory = c >= 0 && c < Categories.Count;
        var hasItem = hasCategory && i >= 0 && i < Categories[c].Items.Count;
        switch (parts[0])
        {
            case "addCategory":
                var nextId = Categories.Select(x => int.TryParse(x.Id, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
                var id = nextId.ToString(CultureInfo.InvariantCulture);
                Categories.Add(new CategoryInput { Id = id, Items = [new ItemInput { Id = $"{id}-1" }] });
                return true;
            case "addItem" when hasCategory:
                Categories[c].Items.Add(new ItemInput { Id = NextItemId(Categories[c]) });
                return true;
            case "removeCategory" when hasCategory:
                Categories.RemoveAt(c);
                return true;
            case "upCategory" when hasCategory && c > 0:
                (Categories[c - 1], Categories[c]) = (Categories[c], Categories[c - 1]);
                return true;
            case "downCategory" when hasCategory && c < Categories.Count - 1:
                (Categories[c + 1], Categories[c]) = (Categories[c], Categories[c + 1]);
                return true;
            case "removeItem" when hasItem:
                Categories[c].Items.RemoveAt(i);
                return true;
            case "upItem" when hasItem && i > 0:
                (Categories[c].Items[i - 1], Categories[c].Items[i]) = (Categories[c].Items[i], Categories[c].Items[i - 1]);
                return true;
            case "downItem" when hasItem && i < Categories[c].Items.Count - 1:
                (Categories[c].Items[i + 1], Categories[c].Items[i]) = (Categories[c].Items[i], Categories[c].Items[i + 1]);
                return true;
            case "upCategory" or "downCategory" or "upItem" or "downItem":
                return true; // already first or last: nothing to move
            default:
                return false;
        }
    }

    private string NextItemId(CategoryInput category)
    {
        var taken = Categories.SelectMany(x => x.Items).Select(x => x.Id.Trim()).ToHashSet();
        var n = category.Items.Count + 1;
        while (taken.Contains($"{category.Id.Trim()}-{n}")) n++;
        return $"{category.Id.Trim()}-{n}";
    }

    /// <summary>
    /// The domain's categories and settings. A value that does not parse gets its own message naming the row and field,
    /// and a stand-in value so the domain validator does not add a second message for the same field.
    /// </summary>
    public (IReadOnlyList<CriteriaCategory> Categories, EvaluationSettings Settings, List<ValidationFailure> ParseErrors) ToDomain(UiText t)
    {
        var errors = new List<ValidationFailure>();
        var categories = new List<CriteriaCategory>();
        for (var c = 0; c < Categories.Count; c++)
        {
            var category = Categories[c];
            var items = new List<CriteriaItem>();
            for (var i = 0; i < category.Items.Count; i++)
            {
                var row = category.Items[i];
                var key = $"Categories[{c}].Items[{i}]";
                var number = ItemNumber(c, i);
                decimal points = 0;
                if (string.IsNullOrWhiteSpace(row.MaxPoints)) errors.Add(new($"{key}.MaxPoints", t.Format("評価項目 {0} の配点を入力してください。", number)));
                else if (!TryNumber(row.MaxPoints, out points)) errors.Add(new($"{key}.MaxPoints", t.Format("評価項目 {0} の配点は数値で入力してください。", number)));
                if (!Enum.TryParse<ScaleKind>(row.Scale, out var scale) || !Enum.IsDefined(scale))
                {
                    errors.Add(new($"{key}.Scale", t.Format("評価項目 {0} の評価方法を選んでください。", number)));
                    scale = ScaleKind.FiveLevel;
                }
                items.Add(new CriteriaItem((row.Id ?? "").Trim(), (row.Name ?? "").Trim(), points, scale, row.Required, scale == ScaleKind.FiveLevel ? Anchors(row) : null));
            }
            categories.Add(new CriteriaCategory((category.Id ?? "").Trim(), (category.Name ?? "").Trim(), items));
        }

        var seen = new Dictionary<string, int>();
        for (var c = 0; c < Categories.Count; c++)
        {
            for (var i = 0; i < Categories[c].Items.Count; i++)
            {
                var id = (Categories[c].Items[i].Id ?? "").Trim();
                if (id.Length == 0) continue;
                if (seen.TryGetValue(id, out var first))
                    errors.Add(new($"Categories[{c}].Items[{i}].Id", t.Format("評価項目 {0} の項目番号「{1}」は評価項目 {2} と重複しています。", ItemNumber(c, i), id, first)));
                else seen[id] = ItemNumber(c, i);
            }
        }

        var method = Parse(PriceMethod, Scoring.PriceMethod.None, "PriceMethod", t["価格評価の方式を選んでください。"], errors);
        var technical = Number(TechnicalWeight, "TechnicalWeight", t["技術点の比率は数値で入力してください。"], errors, 1);
        var price = Number(PriceWeight, "PriceWeight", t["価格点の比率は数値で入力してください。"], errors, 1);
        var allocation = Optional(PriceAllocation, "PriceAllocation", t["価格点の配分は数値で入力してください。"], errors);
        if (allocation < 0) errors.Add(new(nameof(PriceAllocation), t["価格点の配分は0以上で入力してください。"]));
        var multiplier = Number(DivisionMultiplier, "DivisionMultiplier", t["除算方式の係数は数値で入力してください。"], errors, 1);
        var aggregation = Parse(Aggregation, Scoring.Aggregation.Average, "Aggregation", t["集計方法を選んでください。"], errors);
        var passLine = Optional(PassLine, "PassLine", t["基準点の割合は数値で入力してください（6割は0.6）。"], errors);
        var floorThreshold = Optional(FloorThreshold, "FloorThreshold", t["最低基準は数値で入力してください。"], errors);
        var floorUnit = Parse(FloorUnit, Scoring.FloorUnit.Points, "FloorUnit", t["最低基準の単位を選んでください。"], errors);
        var rules = new RoundingRule[4];
        for (var s = 0; s < 4; s++)
        {
            var r = s < Rounding.Count ? Rounding[s] : new RoundingInput();
            var stage = t[RoundingStages[s]];
            var mode = Parse(r.Mode, RoundingMode.None, $"Rounding[{s}].Mode", t.Format("端数処理（{0}）の方法を選んでください。", stage), errors);
            var decimals = 0;
            if (mode != RoundingMode.None
                && !(int.TryParse((r.Decimals ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out decimals) && decimals is >= 0 and <= 10))
            {
                errors.Add(new($"Rounding[{s}].Decimals", t.Format("端数処理（{0}）の桁数は0〜10の整数で入力してください。", stage)));
                decimals = 0;
            }
            rules[s] = new RoundingRule(mode, decimals);
        }
        var rounding = rules.All(r => r.Mode == RoundingMode.None) ? null : new RoundingSettings(rules[0], rules[1], rules[2], rules[3]);
        var settings = new EvaluationSettings(aggregation, method, technical, price, method is Scoring.PriceMethod.None or Scoring.PriceMethod.Division ? null : allocation,
            multiplier, passLine, floorThreshold is { } ft ? new FloorRule(ft, floorUnit) : null, rounding);
        return (categories, settings, errors);
    }

    /// <summary>A blank grade takes the standard wording. Null when the officer kept the standard wording, so ordinary criteria stay as they always were.</summary>
    private static List<string>? Anchors(ItemInput row)
    {
        var defaults = DefaultAnchors();
        var anchors = Enumerable.Range(0, 6).Select(g => row.Anchors is { } a && g < a.Count && !string.IsNullOrWhiteSpace(a[g]) ? a[g].Trim() : defaults[g]).ToList();
        return anchors.SequenceEqual(defaults) ? null : anchors;
    }

    private static bool TryNumber(string? text, out decimal value) =>
        decimal.TryParse((text ?? "").Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Trim(),
            NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    private static decimal Number(string? text, string key, string message, List<ValidationFailure> errors, decimal standIn)
    {
        if (TryNumber(text, out var value)) return value;
        errors.Add(new(key, message));
        return standIn;
    }

    private static decimal? Optional(string? text, string key, string message, List<ValidationFailure> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryNumber(text, out var value)) return value;
        errors.Add(new(key, message));
        return null;
    }

    private static TEnum Parse<TEnum>(string? text, TEnum fallback, string key, string message, List<ValidationFailure> errors) where TEnum : struct, Enum
    {
        if (Enum.TryParse<TEnum>(text, out var value) && Enum.IsDefined(value)) return value;
        errors.Add(new(key, message));
        return fallback;
    }

    /// <summary>
    /// Moves a domain validator failure (property path of the command) to the wizard's field and names the row:
    /// 「評価項目 3: 配点は0以上で入力してください。」.
    /// </summary>
    public ValidationFailure ToField(ValidationFailure failure, UiText t)
    {
        var path = failure.PropertyName ?? "";
        var message = t[failure.ErrorMessage];
        var item = ItemPath().Match(path);
        if (item.Success)
        {
            var (c, i) = (int.Parse(item.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(item.Groups[2].Value, CultureInfo.InvariantCulture));
            var field = item.Groups[3].Value;
            return new($"Categories[{c}].Items[{i}].{field}", t.Format("評価項目 {0}: {1}", ItemNumber(c, i), message));
        }
        var category = CategoryPath().Match(path);
        if (category.Success)
        {
            var c = int.Parse(category.Groups[1].Value, CultureInfo.InvariantCulture);
            return new($"Categories[{c}].{category.Groups[2].Value}", t.Format("区分 {0}: {1}", c + 1, message));
        }
        var key = path switch
        {
            "Settings.TechnicalWeight" => "TechnicalWeight",
            "Settings.PriceWeight" => "PriceWeight",
            "Settings.DivisionMultiplier" => "DivisionMultiplier",
            "Settings.PassLineRatio" => "PassLine",
            "Settings.Floor.Threshold" => "FloorThreshold",
            "Settings.RoundingOrExact" => "Rounding",
            "Reason" => "Reason",
            _ => "Categories",
        };
        return new(key, message);
    }

    [GeneratedRegex(@"^Categories\[(\d+)\]\.Items\.?\[(\d+)\]\.(\w+)")]
    private static partial Regex ItemPath();

    [GeneratedRegex(@"^Categories\[(\d+)\]\.(\w+)$")]
    private static partial Regex CategoryPath();
}

namespace Procurement.Features.Evaluation.Scoring;

/// <summary>
/// A mark is one decimal whose meaning depends on the item's scale, so events, sheets and the engine
/// share one representation: 5段階 0..5; number 0..配点; ○ = 2, △ = 1, × = 0; 合 = 1, 否 = 0.
/// </summary>
public static class Marks
{
    public const decimal Fit = 2;
    public const decimal Partial = 1;
    public const decimal NotFit = 0;
    public const decimal Pass = 1;
    public const decimal Fail = 0;

    public static readonly IReadOnlyDictionary<int, string> FiveLevelAnchors = new Dictionary<int, string>
    {
        [5] = "非常に優れている",
        [4] = "優れている",
        [3] = "普通",
        [2] = "劣っている",
        [1] = "非常に劣っている",
        [0] = "記載なし",
    };

    /// <summary>The grade texts members see for a 5段階 item: the officer's own wording when the criteria define it.</summary>
    public static IReadOnlyDictionary<int, string> AnchorsFor(CriteriaItem item) =>
        item.Anchors is { Count: 6 } anchors ? Enumerable.Range(0, 6).ToDictionary(g => g, g => anchors[g]) : FiveLevelAnchors;

    public static string ScaleName(ScaleKind scale) => scale switch
    {
        ScaleKind.FiveLevel => "5段階",
        ScaleKind.FitGap => "○△×",
        ScaleKind.Number => "点数",
        ScaleKind.PassFail => "合否",
        _ => scale.ToString(),
    };

    /// <summary>The message shown when a value does not fit the item (Excel import, JSON sheet, draft saving).</summary>
    public static string RangeMessage(CriteriaItem item) => RangeText(item).ToString();

    /// <summary><see cref="RangeMessage"/> as template and arguments, for pages (English UI).</summary>
    public static EngineText RangeText(CriteriaItem item) => item.Scale switch
    {
        ScaleKind.FiveLevel => EngineText.Of(EngineTexts.RangeFiveLevel),
        ScaleKind.FitGap => EngineText.Of(EngineTexts.RangeFitGap),
        ScaleKind.Number => EngineText.Of(EngineTexts.RangeNumber, item.MaxPoints.ToString(CultureInfo.InvariantCulture)),
        ScaleKind.PassFail => EngineText.Of(EngineTexts.RangePassFail),
        _ => EngineText.Of(EngineTexts.RangeUnknown),
    };

    public static bool IsValid(CriteriaItem item, decimal mark) => item.Scale switch
    {
        ScaleKind.FiveLevel => mark is >= 0 and <= 5 && decimal.Truncate(mark) == mark,
        ScaleKind.FitGap => mark is Fit or Partial or NotFit,
        ScaleKind.Number => mark >= 0 && mark <= item.MaxPoints,
        ScaleKind.PassFail => mark is Pass or Fail,
        _ => false,
    };

    /// <summary>Reads what a person types (Excel cell, form field): "4", "○", "合", "3.5".</summary>
    public static bool TryParse(CriteriaItem item, string? text, out decimal mark)
    {
        mark = 0;
        var t = (text ?? "").Trim();
        if (t.Length == 0) return false;
        switch (item.Scale)
        {
            case ScaleKind.FitGap:
                switch (t)
                {
                    case "○" or "〇" or "◯": mark = Fit; return true;
                    case "△": mark = Partial; return true;
                    case "×" or "✕" or "x" or "X": mark = NotFit; return true;
                    default: return false;
                }
            case ScaleKind.PassFail:
                switch (t)
                {
                    case "合" or "適" or "○" or "〇": mark = Pass; return true;
                    case "否" or "不適" or "×": mark = Fail; return true;
                    default: return false;
                }
            default:
                t = t.Normalize(System.Text.NormalizationForm.FormKC); // full-width digits typed on Japanese IMEs
                return decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out mark) && IsValid(item, mark);
        }
    }

    public static string Format(ScaleKind scale, decimal mark) => scale switch
    {
        ScaleKind.FitGap => mark switch { Fit => "○", Partial => "△", _ => "×" },
        ScaleKind.PassFail => mark == Pass ? "合" : "否",
        _ => mark.ToString(CultureInfo.InvariantCulture),
    };
}

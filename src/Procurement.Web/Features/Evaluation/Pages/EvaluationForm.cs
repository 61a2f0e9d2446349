using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>Texts the evaluation pages share.</summary>
public static class EvaluationForm
{
    public static string Status(UiText t, MemberStatus m) => m.SheetStatus switch
    {
        ScoreSheets.ScoreSheetStatus.Submitted => t["提出済み"],
        ScoreSheets.ScoreSheetStatus.Draft => t["作成中"],
        _ => t["未着手"],
    };

    /// <summary>An engine sentence in the reader's language; the Japanese string when the engine gave no template.</summary>
    public static string Say(UiText t, EngineText? text, string japanese) => text is null ? japanese : t.Format(text.Template, [.. text.Args]);
}

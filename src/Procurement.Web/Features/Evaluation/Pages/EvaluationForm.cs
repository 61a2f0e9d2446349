using Procurement.Infrastructure.Localization;

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
}

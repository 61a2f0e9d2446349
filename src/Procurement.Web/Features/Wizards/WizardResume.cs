namespace Procurement.Features.Wizards;

/// <summary>Where the home page's 「作成途中の入力」 list sends a user back to, and what it calls the wizard (a UiText key).</summary>
public static class WizardResume
{
    private const string CriteriaPrefix = "criteria:";

    public static string CriteriaWizardName(Guid caseId) => CriteriaPrefix + caseId.ToString("N", CultureInfo.InvariantCulture);

    /// <summary>What the draft is about, as the user typed it (the case's or group's name), so two drafts can be told apart.</summary>
    public static string? Subject(WizardDraft draft) =>
        (draft.Wizard switch { "case" => WizardState.TextField(draft, "Title"), "group" => WizardState.TextField(draft, "Name"), _ => "" }).Trim() is { Length: > 0 } s ? s : null;

    public static (string Url, string Title) For(WizardDraft draft) => draft.Wizard switch
    {
        "group" => ("/Groups/Wizard", "グループの設定"),
        var w when w.StartsWith(CriteriaPrefix, StringComparison.Ordinal) && Guid.TryParseExact(w[CriteriaPrefix.Length..], "N", out var caseId)
            => ($"/Cases/{caseId}/Evaluation/Criteria", "評価基準の編集"),
        _ => ("/Cases/Wizard", "案件の作成"),
    };
}

namespace Procurement.Features.Documents;

/// <summary>A missing input of a document: what it is and the page of the case where it is entered.</summary>
public sealed record MissingInput(string Key, string Label, string Page)
{
    /// <summary>The page's address for one case.</summary>
    public string LinkFor(Guid caseId) => $"/Cases/{caseId}{Page}";
}

/// <summary>
/// Names the gaps a render records (a data path such as <c>contract.start</c> or a key named by <c>gap</c>) as an
/// officer knows them, with the page where each is entered. The longest matching prefix wins; an unknown path is shown
/// as it is on the case page, so no gap is ever silently dropped.
/// </summary>
public static class DocumentInputs
{
    private static readonly (string Prefix, string Label, string Page)[] Known =
    [
        ("procurement.contract_start", "契約期間（開始日）：スケジュールの「契約締結」", "/Schedule"),
        ("procurement.contract_end", "契約期間（終了日）：契約条件の契約期間", "/Contract/Terms"),
        ("procurement.planned_go_live", "稼働予定日", "/Edit"),
        ("procurement.budget_ceiling", "予算上限額", "/Edit"),
        ("procurement", "案件情報", "/Edit"),
        ("schedule", "スケジュール", "/Schedule"),
        ("requirements", "機能要件一覧（Fit & Gap）", "/FitGap"),
        ("award", "選定した事業者（評価結果）", "/Evaluation/Results"),
        ("vendor", "選定した事業者（評価結果）", "/Evaluation/Results"),
        ("vendors", "事業者", "/Vendors"),
        ("contract", "契約条件", "/Contract/Terms"),
        ("committee", "選定委員会の委員", "/Evaluation/Committee"),
        ("evaluation.results", "審査の結果（技術審査の締切）", "/Evaluation/Results"),
        ("evaluation.decided_on", "審査の結果（技術審査の締切）", "/Evaluation/Results"),
        ("evaluation", "評価方式・評価項目", "/Evaluation/Criteria"),
        ("demo", "デモンストレーションの日程", "/Evaluation/Demonstrations"),
        ("sla_evaluation", "サービスレベルの測定結果", "/SlaEvaluation"),
        ("sla", "サービスレベル（SLA）", "/Contract/Sla"),
        ("qa", "質問回答", "/QandA"),
        ("current_systems", "現行システム調査", "/Survey"),
        ("fit_gap", "Fit & Gap", "/FitGap"),
        ("cost_share", "費用分担", "/CostShare"),
        ("specification.department", "調達仕様書の担当部署（仕様書の数値）", "/Documents/Specification"),
        ("specification", "調達仕様書の数値", "/Documents/Specification"),
        ("clauses.letter_number", "文書番号（この文書の「条項の設定」）", ""),
        ("clauses.contact", "問合せ先（情報提供依頼書の「条項の設定」）", "/Documents/rfi/Clauses"),
        ("document.number", "文書番号（この文書の「条項の設定」）", ""),
        ("document.date", "文書の日付", ""),
    ];

    public static MissingInput Describe(string key)
    {
        var match = Known.Where(k => key == k.Prefix || key.StartsWith(k.Prefix + ".", StringComparison.Ordinal) || key.StartsWith(k.Prefix + "[", StringComparison.Ordinal))
            .OrderByDescending(k => k.Prefix.Length).FirstOrDefault();
        return match.Prefix is null ? new MissingInput(key, key, "") : new MissingInput(key, match.Label, match.Page);
    }

    /// <summary>Each gap described once (two paths of one input read as one line).</summary>
    public static IReadOnlyList<MissingInput> DescribeAll(IEnumerable<string> keys) =>
        keys.Select(Describe).DistinctBy(m => m.Label).ToList();
}

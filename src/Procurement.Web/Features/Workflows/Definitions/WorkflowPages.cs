namespace Procurement.Features.Workflows.Definitions;

/// <summary>
/// The page keys a step may name, and the page each opens. Definitions refer to keys, not routes, so
/// pages can move without editing every workflow file; a key not listed here is rejected when the
/// definitions load. A key whose own page does not exist yet opens the step page
/// (<see cref="StepPage"/>), where the step is recorded with a note; when a feature page is added,
/// only its route here changes.
/// </summary>
public static class WorkflowPages
{
    /// <summary>The generic step page: details, complete, send back, deadline, facts.</summary>
    public const string StepPage = "/Cases/{caseId}/Steps/{stepId}";

    /// <param name="Route">A route template; <c>{caseId}</c> and <c>{stepId}</c> are filled in by <see cref="UrlFor"/>.</param>
    public sealed record PageInfo(string Key, string Route, LocalizedText Title)
    {
        /// <summary>True when the key has a feature page of its own rather than the generic step page.</summary>
        public bool HasOwnPage => Route != StepPage;

        public string UrlFor(Guid caseId, string stepId) => Route
            .Replace("{caseId}", caseId.ToString(), StringComparison.Ordinal)
            .Replace("{stepId}", Uri.EscapeDataString(stepId), StringComparison.Ordinal);
    }

    public static readonly IReadOnlyList<PageInfo> All =
    [
        new("cases/step", StepPage, new("ステップの記録（メモ・添付）", "Record a step (note, attachments)")),
        new("groups/setup", StepPage, new("推進体制・グループ設定", "Group set-up")),
        new("groups/cost-share", "/Cases/{caseId}/CostShare", new("費用負担の算定", "Cost share")),
        new("cases/current-systems", "/Cases/{caseId}/Survey", new("現行システム概要調査", "Current system survey")),
        new("cases/plan", StepPage, new("導入計画", "Implementation plan")),
        new("cases/rfi", StepPage, new("情報提供依頼（RFI）", "Request for information")),
        new("cases/rfq", StepPage, new("見積依頼（RFQ）", "Request for quotation")),
        new("cases/inventory", StepPage, new("業務・システムの棚卸し", "Business and system inventory")),
        new("cases/fit-gap", "/Cases/{caseId}/FitGap", new("フィット＆ギャップ分析", "Fit and gap")),
        new("cases/ordinance", StepPage, new("条例・規則改正", "Ordinance and rule changes")),
        new("documents/editor", StepPage, new("文書の作成・編集", "Document editor")),
        new("evaluation/committee", StepPage, new("選定委員会", "Selection committee")),
        new("evaluation/criteria", StepPage, new("評価基準", "Evaluation criteria")),
        new("cases/public-notice", StepPage, new("公告", "Public notice")),
        new("cases/questions", StepPage, new("質問受付・回答", "Questions and answers")),
        new("evaluation/proposals", StepPage, new("提案書受付", "Proposal reception")),
        new("evaluation/demonstrations", StepPage, new("デモンストレーション", "Demonstrations")),
        new("evaluation/scoring", StepPage, new("採点", "Scoring")),
        new("evaluation/results", StepPage, new("審査結果", "Results")),
        new("contracts/contract", StepPage, new("契約・SLA", "Contract and SLA")),
        new("cases/design", StepPage, new("システム設計", "System design")),
        new("cases/migration", StepPage, new("データ移行", "Data migration")),
        new("cases/testing", StepPage, new("テスト・研修", "Testing and training")),
        new("sla/evaluation", "/Cases/{caseId}/SlaEvaluation", new("サービスレベル評価", "Service level evaluation")),
        new("cases/decision", "/Cases/{caseId}/Renewal", new("判断の記録", "Record a decision")),
    ];

    private static readonly Dictionary<string, PageInfo> ByKey = All.ToDictionary(p => p.Key, StringComparer.Ordinal);

    public static bool IsKnown(string key) => ByKey.ContainsKey(key);

    public static PageInfo? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The generic step page of a case step.</summary>
    public static string StepUrl(Guid caseId, string stepId) => $"/Cases/{caseId}/Steps/{Uri.EscapeDataString(stepId)}";
}

namespace Procurement.Features.Workflows.Definitions;

/// <summary>
/// The page keys a step may name, and the Razor page each opens (the page receives ?caseId=&amp;step=).
/// Definitions refer to keys, not routes, so pages can move without editing every workflow file;
/// a key not listed here is rejected when the definitions load.
/// </summary>
public static class WorkflowPages
{
    public sealed record PageInfo(string Key, string Route, LocalizedText Title);

    public static readonly IReadOnlyList<PageInfo> All =
    [
        new("cases/step", "/Cases/Step", new("ステップの記録（メモ・添付）", "Record a step (note, attachments)")),
        new("groups/setup", "/Groups/Setup", new("推進体制・グループ設定", "Group set-up")),
        new("groups/cost-share", "/Groups/CostShare", new("費用負担の算定", "Cost share")),
        new("cases/current-systems", "/Cases/CurrentSystems", new("現行システム概要調査", "Current system survey")),
        new("cases/plan", "/Cases/Plan", new("導入計画", "Implementation plan")),
        new("cases/rfi", "/Cases/Rfi", new("情報提供依頼（RFI）", "Request for information")),
        new("cases/rfq", "/Cases/Rfq", new("見積依頼（RFQ）", "Request for quotation")),
        new("cases/inventory", "/Cases/Inventory", new("業務・システムの棚卸し", "Business and system inventory")),
        new("cases/fit-gap", "/Cases/FitGap", new("フィット＆ギャップ分析", "Fit and gap")),
        new("cases/ordinance", "/Cases/Ordinance", new("条例・規則改正", "Ordinance and rule changes")),
        new("documents/editor", "/Documents/Editor", new("文書の作成・編集", "Document editor")),
        new("evaluation/committee", "/Evaluation/Committee", new("選定委員会", "Selection committee")),
        new("evaluation/criteria", "/Evaluation/Criteria", new("評価基準", "Evaluation criteria")),
        new("cases/public-notice", "/Cases/PublicNotice", new("公告", "Public notice")),
        new("cases/questions", "/Cases/Questions", new("質問受付・回答", "Questions and answers")),
        new("evaluation/proposals", "/Evaluation/Proposals", new("提案書受付", "Proposal reception")),
        new("evaluation/demonstrations", "/Evaluation/Demonstrations", new("デモンストレーション", "Demonstrations")),
        new("evaluation/scoring", "/Evaluation/Scoring", new("採点", "Scoring")),
        new("evaluation/results", "/Evaluation/Results", new("審査結果", "Results")),
        new("contracts/contract", "/Contracts/Contract", new("契約・SLA", "Contract and SLA")),
        new("cases/design", "/Cases/Design", new("システム設計", "System design")),
        new("cases/migration", "/Cases/Migration", new("データ移行", "Data migration")),
        new("cases/testing", "/Cases/Testing", new("テスト・研修", "Testing and training")),
        new("sla/evaluation", "/Sla/Evaluation", new("サービスレベル評価", "Service level evaluation")),
        new("cases/decision", "/Cases/Decision", new("判断の記録", "Record a decision")),
    ];

    private static readonly Dictionary<string, PageInfo> ByKey = All.ToDictionary(p => p.Key, StringComparer.Ordinal);

    public static bool IsKnown(string key) => ByKey.ContainsKey(key);

    public static PageInfo? Find(string key) => ByKey.GetValueOrDefault(key);
}

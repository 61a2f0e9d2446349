namespace Procurement.Features.Workflows.Definitions;

/// <summary>
/// Template ids a step may say it produces (document-templates/&lt;id&gt;/). Listed here so a typo in a
/// workflow file is caught at start-up rather than when an officer reaches the step.
/// </summary>
public static class WorkflowTemplates
{
    public static readonly IReadOnlyDictionary<string, LocalizedText> Known = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["rfi"] = new("情報提供依頼書（RFI）", "Request for information"),
        ["rfq"] = new("見積依頼書（RFQ）", "Request for quotation"),
        ["procurement-spec"] = new("調達仕様書", "Procurement specification"),
        ["evaluation-criteria"] = new("落札者決定基準・評価基準書", "Evaluation criteria"),
        ["committee-charter"] = new("選定委員会設置要綱", "Selection committee charter"),
        ["demo-guide"] = new("デモンストレーション実施要領", "Demonstration guide"),
        ["evaluation-report"] = new("審査結果報告書", "Evaluation report"),
        ["result-notice"] = new("選定結果通知書", "Notice of selection results"),
        ["contract"] = new("契約書（案）", "Contract (draft)"),
        ["sla"] = new("SLA合意書（案）", "SLA (draft)"),
        ["privacy-clauses"] = new("個人情報取扱特記事項", "Personal information clauses"),
        ["qa-list"] = new("質問回答書", "Questions and answers list"),
        ["sla-report"] = new("サービスレベル評価報告書", "Service level evaluation report"),
    };

    public static bool IsKnown(string id) => Known.ContainsKey(id);
}

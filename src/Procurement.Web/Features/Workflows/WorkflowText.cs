using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows;

/// <summary>
/// Workflow sentences in the reader's language, made while handling the request: guard reasons, the handlers' own
/// refusals (a definition that does not exist) and the case-timeline lines, with step titles and role names as the
/// reader sees them on the page. The use cases' decisions do not use it: their refusals are keys with arguments
/// (<see cref="Decision"/>), put into the reader's language when shown. Guard descriptions stay Japanese keys. A field named T, so the UI text checks
/// (scripts/ui-text-keys.py, the English completeness test) see the templates.
/// </summary>
internal static class WorkflowText
{
    public static readonly UiText T = new();

    public static string Title(WorkflowStep step) => step.Title.For(UiText.IsEnglish ? "en" : "ja");

    public static string Label(LocalizedText text) => text.For(UiText.IsEnglish ? "en" : "ja");

    /// <summary>
    /// What a user calls each record that can complete or reopen a step (the <c>completedBy</c> / <c>reopenedBy</c>
    /// event names of workflows/*.json), so the step page never shows a code name; a test checks every name used.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RecordTitles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CandidateDeclined"] = "受注候補者の辞退",
        ["CommitteeMemberAppointed"] = "選定委員の委嘱",
        ["ContinuationDecided"] = "継続・切替えの決定",
        ["CostShareCalculated"] = "費用分担の算定",
        ["CurrentSystemsRecorded"] = "現行システム概要調査の記録",
        ["DocumentGenerated"] = "文書の作成",
        ["DraftApproved"] = "契約書・SLA草案の承認",
        ["DraftVersionStarted"] = "契約書・SLA草案の改訂",
        ["EstimateRecorded"] = "見積の記録",
        ["ProposalsOpened"] = "提案書の開封",
        ["QaPeriodSet"] = "公告日・提案期限の設定",
        ["ScoreSheetReopened"] = "採点表の差戻し",
        ["SlaMeasurementsRecorded"] = "サービスレベルの測定結果の記録",
        ["TechnicalScoringClosed"] = "技術評価の締切",
        ["VendorParticipationMarked"] = "RFIの送付・参加状況の記録",
    };

    /// <summary>The record's name as the reader sees it; an event without a title keeps its code name rather than vanish.</summary>
    public static string RecordTitle(string eventName) => RecordTitles.TryGetValue(eventName, out var title) ? T[title] : eventName;

    /// <summary>Role names as an argument of a refusal (each a UI text key, joined with the reader's comma).</summary>
    public static List<Reason> RoleNames(IEnumerable<string> roles) => [.. roles.Select(r => Reason.Of(Infrastructure.Auth.Roles.DisplayName(r)))];
}

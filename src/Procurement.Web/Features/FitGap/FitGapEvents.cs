namespace Procurement.Features.FitGap;

public enum FunctionKind
{
    Function, // 機能
    Form,     // 帳票
}

public enum Fit
{
    Fit,  // フィット
    Gap,  // ギャップ
}

/// <summary>What the group does about a gap (指針5: change the work first, customise last).</summary>
public enum GapDecision
{
    None,        // フィット: nothing to do
    ChangeWork,  // 業務をパッケージに合わせる
    Customise,   // カスタマイズ
    Workaround,  // 運用で回避
}

public sealed record PackageFunction(string Id, string Category, string Name, FunctionKind Kind);

public sealed record FunctionListImported(Guid CaseId, string PackageName, IReadOnlyList<PackageFunction> Functions, Actor By, DateTimeOffset At)
    : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["パッケージ機能一覧を取り込みました"];
    public string? TimelineDetail(UiText t) => t.Format("{0}（{1}件）", PackageName, Functions.Count);
}

public sealed record FitGapAssessed(
    Guid CaseId, string FunctionId, Fit Fit, GapDecision Decision, string Reason, string Owner, string Regulation, Actor By, DateTimeOffset At)
    : IAuditedEvent, ITimelineDescribed
{
    public string TimelineTitle(UiText t) => t["フィット&ギャップを判定しました"];
    public string? TimelineDetail(UiText t) => $"{FunctionId}: {t[FitGapText.Of(Fit)]} / {t[FitGapText.Of(Decision)]}";
}

public static class FitGapText
{
    public static string Of(Fit fit) => fit == Fit.Fit ? "フィット" : "ギャップ";

    public static string Of(GapDecision d) => d switch
    {
        GapDecision.ChangeWork => "業務をパッケージに合わせる",
        GapDecision.Customise => "カスタマイズ",
        GapDecision.Workaround => "運用で回避",
        _ => "対応不要",
    };

    public static string Of(FunctionKind k) => k == FunctionKind.Form ? "帳票" : "機能";
}

using Procurement.Features.Contracts;
using Procurement.Features.Contracts.Drafting;

namespace Procurement.Features.Sla;

public sealed record SlaItemInput(SlaCategory? Category, string Indicator, string Target, string Measurement, string Formula)
{
    public SlaMetric Metric { get; init; } = SlaMetric.Confirmation;
    public decimal? Agreed { get; init; }
    public SlaComparison Comparison { get; init; } = SlaComparison.AtLeast;
    public string Unit { get; init; } = "";
    public int? Weight { get; init; } = 1;
}

public sealed record PenaltyInput(
    PenaltyKind? Kind, int? PointsPerMiss, int? PointsPerRepeatedMiss, int? ThresholdPoints, decimal? FeeReductionPercent, int? PointExpiryMonths)
{
    public decimal? CapPercent { get; init; } = PenaltySettings.Default.CapPercent;
    public bool LiquidatedDamages { get; init; } = true;
    public int? ReportCycleMonths { get; init; } = 3;
}

/// <summary>Saves the whole SLA of a case (every builder step sends all of it, so steps can be revisited in any order).</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record SaveSlaCommand(
    Guid CaseId, long ExpectedVersion, SlaPreset? Preset, IReadOnlyList<SlaItemInput> Items, PenaltyInput Penalty,
    IReadOnlyList<string> Exclusions) : ICommand<long>, ICaseRequest
{
    /// <summary>計画サービス時間 as entered (24時間365日 by default).</summary>
    public ServiceCalendarInput Calendar { get; init; } = ServiceCalendarInput.From(ServiceCalendar.AllDay);
}

/// <summary>The service calendar as the builder posts it: times null when the text was not a time of day (HH:MM, up to 24:00).</summary>
public sealed record ServiceCalendarInput(IReadOnlyList<DayOfWeek> Days, int? StartMinute, int? EndMinute, bool ExcludeYearEnd, bool ExcludeHolidays)
{
    public static ServiceCalendarInput From(ServiceCalendar c) => new(c.Days, c.StartMinute, c.EndMinute, c.ExcludeYearEnd, c.ExcludeHolidays);

    /// <summary>「8:30」「08:30」「24:00」 → minutes of the day; anything else (「25:00」「8時」「17:60」) → null.</summary>
    public static int? ParseTime(string? text)
    {
        var m = System.Text.RegularExpressions.Regex.Match((text ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim(), @"^(\d{1,2}):(\d{2})$");
        if (!m.Success) return null;
        var (h, min) = (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        return h > 24 || min > 59 || h * 60 + min > 1440 ? null : h * 60 + min;
    }
}

public sealed class SaveSlaValidator : AbstractValidator<SaveSlaCommand>
{
    public const int MaxItems = 60;

    public SaveSlaValidator(UiText t)
    {
        RuleFor(c => c.Preset).NotNull().WithMessage(t["基にする水準（基幹業務／その他）を選択してください。"]);
        RuleFor(c => c.Items).NotEmpty().WithMessage(t["SLA項目を1件以上入力してください。"])
            .Must(i => i.Count <= MaxItems).WithMessage(t.Format("SLA項目は{0}件以内にしてください。", MaxItems));
        RuleForEach(c => c.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Category).NotNull().WithMessage(t["区分を選択してください。"]);
            item.RuleFor(i => i.Indicator).Text(t, t["指標"], 100);
            item.RuleFor(i => i.Target).Text(t, t["目標値"], 200);
            item.RuleFor(i => i.Measurement).Text(t, t["測定方法"], 300);
            item.RuleFor(i => i.Formula).Text(t, t["計算式"], 300);
            item.RuleFor(i => i.Weight).Must(w => w is >= 1 and <= 10).WithMessage(t["重みは1から10の整数で入力してください。"]);
            item.RuleFor(i => i.Agreed).Must((i, a) => i.Metric == SlaMetric.Confirmation || a is >= 0 and <= 1_000_000)
                .WithMessage(t["協定値を0以上の数値で入力してください。"]);
        });
        RuleFor(c => c.Penalty.Kind).NotNull().WithMessage(t["違約金のモデルを選択してください。"]);
        RuleFor(c => c.Penalty.CapPercent).Must(v => v is > 0 and <= 100).WithMessage(t["違約金の上限（年間支払額に対する％）は0より大きく100以下の数値で入力してください。"]);
        RuleFor(c => c.Penalty.ReportCycleMonths).Must(v => v is 1 or 3).WithMessage(t["報告の周期は毎月か四半期ごとを選択してください。"]);
        When(c => c.Penalty.Kind == PenaltyKind.PenaltyPoints, () =>
        {
            RuleFor(c => c.Penalty.PointsPerMiss).Must(v => v is >= 1 and <= 100).WithMessage(t["未達成1項目あたりのポイントは1から100の整数で入力してください。"]);
            RuleFor(c => c.Penalty.PointsPerRepeatedMiss).Must(v => v is >= 1 and <= 100).WithMessage(t["連続未達成のポイントは1から100の整数で入力してください。"])
                .Must((c, v) => c.Penalty.PointsPerMiss is null || v is null || v >= c.Penalty.PointsPerMiss)
                .WithMessage(t["連続未達成のポイントは、通常のポイント以上にしてください。"]);
            RuleFor(c => c.Penalty.ThresholdPoints).Must(v => v is >= 1 and <= 1000).WithMessage(t["減額の基準ポイントは1から1000の整数で入力してください。"]);
            RuleFor(c => c.Penalty.FeeReductionPercent).Must(v => v is >= 0.01m and <= 100m).WithMessage(t["減額率は0.01から100の数値で入力してください。"]);
            RuleFor(c => c.Penalty.PointExpiryMonths).Must(v => v is >= 1 and <= 60).WithMessage(t["ポイントの有効期間は1から60か月で入力してください。"]);
        });
        RuleFor(c => c.Calendar.Days).Must(d => d is { Count: > 0 }).WithMessage(t["サービス提供日の曜日を1つ以上選択してください。"]);
        RuleFor(c => c.Calendar.StartMinute).Must(m => m is >= 0 and < 1440).WithMessage(t["サービス提供時間の開始時刻は「8:30」のように時:分で入力してください。"]);
        RuleFor(c => c.Calendar.EndMinute).Must(m => m is > 0 and <= 1440).WithMessage(t["サービス提供時間の終了時刻は「17:15」のように時:分（24:00まで）で入力してください。"])
            .Must((c, end) => c.Calendar.StartMinute is not { } start || end is not { } e || start < e)
            .WithMessage(t["サービス提供時間の開始時刻は終了時刻より前にしてください。"]);
        RuleFor(c => c.Exclusions).Must(e => e.Any(x => !string.IsNullOrWhiteSpace(x))).WithMessage(t["責任分界（団体が自ら調達するもの）を1行以上入力してください。"])
            .Must(e => e.Count <= 20).WithMessage(t["責任分界は20行以内にしてください。"]);
        RuleForEach(c => c.Exclusions).MaximumLength(200).WithMessage(t["責任分界の各行は200文字以内で入力してください。"])
            .Must(x => !XmlText.HasInvalidCharacters(x)).WithMessage(t["使用できない制御文字が含まれています。"]);
    }
}

public static class DraftTextRules
{
    /// <summary>Required, bounded, and free of characters that could not be written into a Word file.</summary>
    public static IRuleBuilderOptions<T, string> Text<T>(this IRuleBuilder<T, string> rule, UiText t, string label, int max) =>
        rule.Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage(t.Format("{0}を入力してください。", label))
            .Must(s => s is null || s.Length <= max).WithMessage(t.Format("{0}は{1}文字以内で入力してください。", label, max))
            .Must(s => !XmlText.HasInvalidCharacters(s)).WithMessage(t.Format("{0}に使用できない制御文字が含まれています。", label));
}

public static class SaveSlaDecision
{
    public static SlaDefinition ToDefinition(SaveSlaCommand c)
    {
        var defaults = PenaltySettings.Default;
        var p = c.Penalty;
        return new SlaDefinition(
            c.Preset!.Value,
            c.Items.Select(i => new SlaItem(i.Category!.Value, i.Indicator.Trim(), i.Target.Trim(), i.Measurement.Trim(), i.Formula.Trim())
            {
                Metric = i.Metric, Agreed = i.Metric == SlaMetric.Confirmation ? null : i.Agreed, Comparison = i.Comparison, Unit = i.Unit.Trim(), Weight = i.Weight ?? 1,
            }).ToList(),
            new PenaltySettings(p.Kind!.Value, p.PointsPerMiss ?? defaults.PointsPerMiss, p.PointsPerRepeatedMiss ?? defaults.PointsPerRepeatedMiss,
                p.ThresholdPoints ?? defaults.ThresholdPoints, p.FeeReductionPercent ?? defaults.FeeReductionPercent, p.PointExpiryMonths ?? defaults.PointExpiryMonths)
            {
                CapPercent = p.CapPercent ?? defaults.CapPercent, LiquidatedDamages = p.LiquidatedDamages,
            },
            c.Exclusions.Select(x => x.Trim()).Where(x => x.Length > 0).ToList())
        {
            Calendar = new ServiceCalendar(c.Calendar.Days.Distinct().Order().ToList(), c.Calendar.StartMinute!.Value, c.Calendar.EndMinute!.Value, c.Calendar.ExcludeYearEnd)
            {
                ExcludeHolidays = c.Calendar.ExcludeHolidays,
            },
            ReportCycleMonths = p.ReportCycleMonths ?? 3,
        };
    }

    /// <summary>No change → no events, so re-saving an approved SLA does not start a new version.</summary>
    public static Decision Decide(ContractDossier? dossier, Cases.CaseSummary @case, SaveSlaCommand c, Actor by, DateTimeOffset at)
    {
        var sla = ToDefinition(c);
        if (dossier is not null && DossierRules.SameContent(dossier.Sla, sla)) return Decision.Nothing;
        return DossierRules.Change(dossier, @case, by, at, version => new SlaSaved(ContractStreams.DossierId(@case.Id), version, sla, by, at));
    }
}

public sealed class SaveSlaHandler(IDocumentSession session, ContractAccess access, ICurrentUser user, TimeProvider clock, UiText t)
    : ICommandHandler<SaveSlaCommand, long>
{
    public async ValueTask<long> Handle(SaveSlaCommand command, CancellationToken cancellationToken) =>
        await DossierRules.SaveChangeAsync(session, access, command.CaseId, command.ExpectedVersion, t,
            (dossier, @case) => SaveSlaDecision.Decide(dossier, @case, command, user.Actor, clock.GetUtcNow()), cancellationToken);
}

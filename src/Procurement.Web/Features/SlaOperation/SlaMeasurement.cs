using Procurement.Features.Sla;

namespace Procurement.Features.SlaOperation;

/// <summary>An announced maintenance window (計画停止): excluded from the planned service time. Times are Japan wall-clock.</summary>
public sealed record MaintenanceWindow(DateTime Start, DateTime End, DateOnly AnnouncedOn, string Description);

/// <summary>
/// An outage (障害): from its start to its recovery, the service it hit, its cause, and whether it is attributable to the
/// vendor (乙の責めに帰すべき事由). Only attributable outages count as 停止時間 and in the recovery time.
/// </summary>
public sealed record OutageRecord(DateTime Start, DateTime End, string Service, string Cause, bool Attributable);

/// <summary>How an officer changed the computed judgement; the reason is required and shown wherever the result is.</summary>
public static class SlaOverride
{
    public const string Met = "met";            // 達成とする
    public const string Missed = "missed";      // 未達成とする
    public const string Excused = "excused";    // 未達成だが乙の責めに帰さない（違約金の対象外）

    public static readonly IReadOnlyList<string> All = [Met, Missed, Excused];

    public static string Name(string? o) => o switch
    {
        Met => "達成とする",
        Missed => "未達成とする",
        Excused => "乙の責めに帰さない未達成とする",
        _ => "",
    };
}

/// <summary>
/// What was entered for one item of the period: counts for a rate, a reported value, a confirmation, or 該当なし; and an
/// optional override with its reason. Items computed from the records (稼働率, 復旧時間, 通知日数) need none of these.
/// </summary>
public sealed record ItemInput(string ItemKey, long? Within, long? Total, decimal? Value, bool? Confirmed, bool NotApplicable,
    string? Override, string OverrideReason, string Note);

/// <summary>The period's figures that come from the records, for the page, the timeline and the report.</summary>
public sealed record PeriodFigures(decimal PlannedMinutes, decimal DowntimeMinutes, decimal ExcludedDowntimeMinutes, decimal MaintenanceMinutes);

/// <summary>
/// Measures an SLA period from raw records. All times are wall-clock in Japan; a period is one month or a quarter
/// starting on the 1st. Rounding as <see cref="PenaltyCalculator"/>: availability truncated at 3 decimals, rates and
/// hours at 2, so a level is never reported better than it was measured.
/// </summary>
public static class SlaMeasurement
{
    private sealed record Span(DateTime Start, DateTime End)
    {
        public decimal Minutes => (decimal)(End - Start).TotalMinutes;
    }

    /// <summary>計画サービス時間: the service hours of the service days in the period, less the announced maintenance.</summary>
    public static decimal PlannedMinutes(ServiceCalendar calendar, DateOnly start, int months, IEnumerable<MaintenanceWindow> maintenance) =>
        ServiceTime(calendar, start, months, maintenance).Sum(s => s.Minutes);

    public static PeriodFigures Figures(SlaDefinition sla, DateOnly start, int months, IReadOnlyList<MaintenanceWindow> maintenance, IReadOnlyList<OutageRecord> outages)
    {
        var service = ServiceTime(sla.Calendar, start, months, maintenance);
        var windows = Union(maintenance.Select(m => new Span(m.Start, m.End)));
        var maintenanceMinutes = Intersect(ServiceTime(sla.Calendar, start, months, []), windows).Sum(s => s.Minutes);
        var down = Intersect(service, Union(outages.Where(o => o.Attributable).Select(o => new Span(o.Start, o.End)))).Sum(s => s.Minutes);
        var all = Intersect(service, Union(outages.Select(o => new Span(o.Start, o.End)))).Sum(s => s.Minutes);
        return new PeriodFigures(service.Sum(s => s.Minutes), down, all - down, maintenanceMinutes);
    }

    /// <summary>Each item's value, 協定値 and 達成 for the period, in the SLA's order.</summary>
    public static IReadOnlyList<ItemMeasurement> Measure(SlaDefinition sla, DateOnly start, int months,
        IReadOnlyList<MaintenanceWindow> maintenance, IReadOnlyList<OutageRecord> outages, IReadOnlyList<ItemInput> inputs)
    {
        var end = start.AddMonths(months);
        var figures = Figures(sla, start, months, maintenance, outages);
        var attributable = outages.Where(o => o.Attributable && InPeriod(o.Start, start, end)).ToList();
        var byKey = inputs.GroupBy(i => i.ItemKey).ToDictionary(g => g.Key, g => g.Last());
        var results = new List<ItemMeasurement>(sla.Items.Count);
        foreach (var item in sla.Items)
        {
            var key = SlaEvaluation.KeyOf(item);
            var input = byKey.GetValueOrDefault(key);
            decimal? value = null;
            string? basis = null;
            var notApplicable = input?.NotApplicable == true;
            bool? confirmed = null;
            switch (item.Metric)
            {
                case SlaMetric.Availability:
                    if (figures.PlannedMinutes <= 0) { notApplicable = true; break; }
                    value = PenaltyCalculator.AvailabilityPercent(figures.PlannedMinutes, Math.Min(figures.DowntimeMinutes, figures.PlannedMinutes));
                    basis = $"計画サービス時間 {Number(figures.PlannedMinutes)}分（計画停止 {Number(figures.MaintenanceMinutes)}分を除く）、停止時間 {Number(figures.DowntimeMinutes)}分"
                        + (figures.ExcludedDowntimeMinutes > 0 ? $"（乙の責めに帰さない停止 {Number(figures.ExcludedDowntimeMinutes)}分を除く）" : "");
                    notApplicable = false;
                    break;
                case SlaMetric.RecoveryTime:
                    if (attributable.Count == 0) { notApplicable = true; basis = "乙の責めに帰すべき障害なし"; break; }
                    var hours = attributable.Sum(o => (decimal)(o.End - o.Start).TotalMinutes) / 60m;
                    value = Truncate(hours / attributable.Count, 2);
                    basis = $"障害 {attributable.Count}件、復旧時間の合計 {Number(Truncate(hours, 2))}時間";
                    notApplicable = false;
                    break;
                case SlaMetric.MaintenanceNotice:
                    var planned = maintenance.Where(m => InPeriod(m.Start, start, end)).ToList();
                    if (planned.Count == 0) { notApplicable = true; basis = "計画停止なし"; break; }
                    value = planned.Min(m => DateOnly.FromDateTime(m.Start).DayNumber - m.AnnouncedOn.DayNumber);
                    basis = $"計画停止 {planned.Count}件";
                    notApplicable = false;
                    break;
                case SlaMetric.Rate when !notApplicable && input is { Total: > 0, Within: { } within, Total: { } total }:
                    value = Truncate((decimal)within / total * 100m, 2);
                    basis = $"{within:#,0} ÷ {total:#,0}";
                    break;
                case SlaMetric.Rate when !notApplicable && input is { Total: 0 }:
                    notApplicable = true;
                    basis = "対象件数 0件";
                    break;
                case SlaMetric.Value when !notApplicable:
                    value = input?.Value;
                    break;
                case SlaMetric.Confirmation when !notApplicable:
                    confirmed = input?.Confirmed;
                    break;
            }

            bool? computed = notApplicable ? null : value is { } v ? item.Meets(v) ?? confirmed : confirmed;
            var measured = notApplicable ? "該当なし"
                : value is { } shown ? Number(shown) + item.Unit
                : confirmed is { } c ? (c ? "達成（確認）" : "未達成（確認）") : "";
            var @override = input?.Override is { Length: > 0 } o && SlaOverride.All.Contains(o) ? o : null;
            var met = @override switch
            {
                SlaOverride.Met => true,
                SlaOverride.Missed or SlaOverride.Excused => false,
                _ => computed ?? false,
            };
            results.Add(new ItemMeasurement(key, item.Indicator, measured, met, input?.Note?.Trim() ?? "")
            {
                Value = value,
                Agreed = item.AgreedText ?? item.Target,
                Basis = basis,
                NotApplicable = notApplicable && @override is null,
                Missing = !notApplicable && computed is null && @override is null,
                Computed = computed,
                Override = @override,
                OverrideReason = @override is null ? null : input!.OverrideReason.Trim(),
                Attributable = @override != SlaOverride.Excused,
            });
        }
        return results;
    }

    private static bool InPeriod(DateTime at, DateOnly start, DateOnly end) =>
        DateOnly.FromDateTime(at) >= start && DateOnly.FromDateTime(at) < end;

    private static List<Span> ServiceTime(ServiceCalendar calendar, DateOnly start, int months, IEnumerable<MaintenanceWindow> maintenance)
    {
        var days = new List<Span>();
        for (var d = start; d < start.AddMonths(months); d = d.AddDays(1))
        {
            if (!calendar.IsServiceDay(d) || calendar.EndMinute <= calendar.StartMinute) continue;
            var midnight = d.ToDateTime(TimeOnly.MinValue);
            var span = new Span(midnight.AddMinutes(calendar.StartMinute), midnight.AddMinutes(calendar.EndMinute));
            // Adjacent days join, so a 24-hour calendar is one span and an outage across midnight is one stretch.
            if (days.Count > 0 && days[^1].End == span.Start) days[^1] = days[^1] with { End = span.End };
            else days.Add(span);
        }
        return Subtract(days, Union(maintenance.Select(m => new Span(m.Start, m.End))));
    }

    private static List<Span> Union(IEnumerable<Span> spans)
    {
        var merged = new List<Span>();
        foreach (var s in spans.Where(s => s.End > s.Start).OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End) merged[^1] = merged[^1] with { End = s.End > merged[^1].End ? s.End : merged[^1].End };
            else merged.Add(s);
        }
        return merged;
    }

    private static List<Span> Intersect(List<Span> a, List<Span> b)
    {
        var result = new List<Span>();
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var s = x.Start > y.Start ? x.Start : y.Start;
                var e = x.End < y.End ? x.End : y.End;
                if (e > s) result.Add(new Span(s, e));
            }
        }
        return result;
    }

    private static List<Span> Subtract(List<Span> a, List<Span> cut)
    {
        var result = new List<Span>();
        foreach (var x in a)
        {
            var pieces = new List<Span> { x };
            foreach (var c in cut)
            {
                pieces = pieces.SelectMany(p => c.End <= p.Start || c.Start >= p.End
                    ? [p]
                    : new[] { new Span(p.Start, c.Start), new Span(c.End, p.End) }.Where(q => q.End > q.Start)).ToList();
            }
            result.AddRange(pieces);
        }
        return result;
    }

    private static decimal Truncate(decimal value, int decimals)
    {
        var factor = (decimal)Math.Pow(10, decimals);
        return decimal.Truncate(value * factor) / factor;
    }

    public static string Number(decimal value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}

using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Procurement.Features.FitGap;

public sealed record Assessment(Fit Fit, GapDecision Decision, string Reason, string Owner, string Regulation, string By, DateTimeOffset At);

public sealed record RatePoint(DateTimeOffset At, int Assessed, int Customised);

/// <summary>The fit &amp; gap sheet of a case with the customisation rate after every decision (its trend).</summary>
public sealed class FitGapView
{
    public Guid Id { get; set; }
    public string PackageName { get; set; } = "";
    public List<PackageFunction> Functions { get; set; } = [];
    public Dictionary<string, Assessment> Assessments { get; set; } = [];
    public List<RatePoint> Trend { get; set; } = [];
    /// <summary>The case stream version of the sheet's last event: what a form loaded now carries.</summary>
    public long Version { get; set; }
    /// <summary>The stream version of the last import (the function list is replaced as a whole).</summary>
    public long ListVersion { get; set; }
    /// <summary>Per function id: the stream version of its last decision. Each function is its own record.</summary>
    public Dictionary<string, long> AssessmentVersions { get; set; } = [];

    public int Assessed => Assessments.Count;
    public int Customised => Assessments.Values.Count(a => a.Decision == GapDecision.Customise);

    /// <summary>カスタマイズ率: customised ÷ assessed functions (0 when nothing is assessed yet).</summary>
    public decimal CustomisationRate => Assessed == 0 ? 0 : Math.Round(Customised * 100m / Assessed, 1, MidpointRounding.AwayFromZero);

    /// <summary>条例・規則 that decisions to change the work require amending, with the functions that need them.</summary>
    public IEnumerable<(string Regulation, IReadOnlyList<string> Functions)> Regulations() => Assessments
        .Where(a => !string.IsNullOrWhiteSpace(a.Value.Regulation))
        .GroupBy(a => a.Value.Regulation.Trim())
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(a => Functions.FirstOrDefault(f => f.Id == a.Key)?.Name ?? a.Key).ToList()));
}

public sealed class FitGapViewProjection : SingleStreamProjection<FitGapView, Guid>
{
    public static FitGapView Create(IEvent<FunctionListImported> e) => Apply(e, new FitGapView { Id = e.Data.CaseId });

    public static FitGapView Apply(IEvent<FunctionListImported> e, FitGapView view)
    {
        view.ListVersion = e.Version;
        return Apply(e.Data, view);
    }

    /// <summary>A re-import replaces the list; decisions on functions that are still there are kept.</summary>
    private static FitGapView Apply(FunctionListImported e, FitGapView view)
    {
        view.PackageName = e.PackageName;
        view.Functions = [.. e.Functions];
        var ids = e.Functions.Select(f => f.Id).ToHashSet();
        foreach (var gone in view.Assessments.Keys.Where(k => !ids.Contains(k)).ToList()) view.Assessments.Remove(gone);
        return view;
    }

    public static void Apply(IEvent<FitGapAssessed> e, FitGapView view)
    {
        view.AssessmentVersions[e.Data.FunctionId] = e.Version;
        Apply(e.Data, view);
    }

    private static void Apply(FitGapAssessed e, FitGapView view)
    {
        view.Assessments[e.FunctionId] = new Assessment(e.Fit, e.Decision, e.Reason, e.Owner, e.Regulation, e.By.Name, e.At);
        view.Trend.Add(new RatePoint(e.At, view.Assessed, view.Customised));
    }
}

using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Procurement.Features.Renewal;

/// <summary>A case's renewal state: its own decision, and what it inherited if it is a successor.</summary>
public sealed class RenewalView
{
    public Guid Id { get; set; }
    public ContinuationDecided? Decision { get; set; }
    public CarriedOverFromPreviousCase? CarriedOver { get; set; }
    /// <summary>The case stream version of the last renewal event: what the decision form carries.</summary>
    public long Version { get; set; }
    /// <summary>The stream version of the decision (0: not decided).</summary>
    public long DecisionVersion { get; set; }
}

public sealed class RenewalViewProjection : SingleStreamProjection<RenewalView, Guid>
{
    public static RenewalView Create(IEvent<ContinuationDecided> e) => new() { Id = e.Data.CaseId, Decision = e.Data, DecisionVersion = e.Version };

    public static RenewalView Create(CarriedOverFromPreviousCase e) => new() { Id = e.CaseId, CarriedOver = e };

    public static void Apply(IEvent<ContinuationDecided> e, RenewalView view)
    {
        view.Decision = e.Data;
        view.DecisionVersion = e.Version;
    }

    public static void Apply(CarriedOverFromPreviousCase e, RenewalView view) => view.CarriedOver = e;
}

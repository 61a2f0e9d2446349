using Marten.Events.Aggregation;

namespace Procurement.Features.Renewal;

/// <summary>A case's renewal state: its own decision, and what it inherited if it is a successor.</summary>
public sealed class RenewalView
{
    public Guid Id { get; set; }
    public ContinuationDecided? Decision { get; set; }
    public CarriedOverFromPreviousCase? CarriedOver { get; set; }
}

public sealed class RenewalViewProjection : SingleStreamProjection<RenewalView, Guid>
{
    public static RenewalView Create(ContinuationDecided e) => new() { Id = e.CaseId, Decision = e };

    public static RenewalView Create(CarriedOverFromPreviousCase e) => new() { Id = e.CaseId, CarriedOver = e };

    public static void Apply(ContinuationDecided e, RenewalView view) => view.Decision = e;

    public static void Apply(CarriedOverFromPreviousCase e, RenewalView view) => view.CarriedOver = e;
}

namespace Procurement.Infrastructure.Events;

/// <summary>Who did something. Stored in every event so the case history needs no join to be read.</summary>
public sealed record Actor(Guid UserId, string Name)
{
    public static readonly Actor System = new(Guid.Empty, "システム");
}

/// <summary>Every event of a case or group says who acted and when (from the injected clock).</summary>
public interface IAuditedEvent
{
    Actor By { get; }
    DateTimeOffset At { get; }
}

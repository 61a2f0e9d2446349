namespace Procurement.Features.Workflows;

/// <summary>Due dates are calendar dates in Japan; "today" must be the Japanese date, not the UTC one.</summary>
public static class WorkflowClock
{
    // Japan has no daylight saving time, so a fixed offset is exact and needs no tz database.
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(JapanOffset).DateTime);

    public static DateOnly Today(TimeProvider clock) => Today(clock.GetUtcNow());
}

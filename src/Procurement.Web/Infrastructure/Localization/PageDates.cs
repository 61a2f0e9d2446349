using Procurement.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc.Filters;
using Procurement.Features.Documents;
using Procurement.Features.Groups;

namespace Procurement.Infrastructure.Localization;

/// <summary>
/// Dates and times as every page shows them: in Japan time (the server's clock is UTC), in the date style the
/// case's group chose for its documents (和暦のみ or 和暦（西暦）), ISO on the English UI. One deadline then reads
/// the same on the task list, the step page, the schedule and in the documents.
/// </summary>
public sealed class PageDates
{
    /// <summary>Set once per request by <see cref="PageDateStyleFilter"/> from the page's case or group.</summary>
    public DateStyle Style { get; set; } = DateStyle.WarekiOnly;

    public string Day(DateOnly date) => JapaneseDates.Format(date, Style, UiText.IsEnglish);

    /// <summary>The Japanese calendar day of an instant (a proposal received at 2026-12-07T16:00Z is 12月8日 in Japan).</summary>
    public string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, JapaneseDates.Tokyo).DateTime));

    public string At(DateTimeOffset at) => JapaneseDates.FormatDateTime(at, JapaneseDates.Tokyo, UiText.IsEnglish, Style);

    public string Month(DateOnly month) => JapaneseDates.FormatMonth(month, Style, UiText.IsEnglish);

    /// <summary>For the machine-readable <c>datetime</c> attribute of a <c>time</c> element.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Finds the date style before a page runs: the group of the case in the route (<c>/Cases/{id}</c>), the group in
/// the route (<c>/Groups/{id}</c>), else the signed-in user's groups when they all write dates the same way.
/// Membership is not decided here (pages do that); a style is no secret, only a way of writing.
/// </summary>
public sealed class PageDateStyleFilter(PageDates dates, IQuerySession session, ICurrentUser user) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        dates.Style = await FindStyleAsync(context, context.HttpContext.RequestAborted) ?? DateStyle.WarekiOnly;
        await next();
    }

    private async Task<DateStyle?> FindStyleAsync(PageHandlerExecutingContext context, CancellationToken ct)
    {
        var path = context.HttpContext.Request.Path;
        var routeId = context.RouteData.Values.TryGetValue("id", out var raw) && Guid.TryParse(raw?.ToString(), out var id) ? id : (Guid?)null;
        if (routeId is { } caseId && path.StartsWithSegments("/Cases"))
        {
            // Read once per request: the case page filter and the access checks ask for the same two (SessionDocuments).
            var summary = await session.LoadOnceAsync<CaseSummary>(caseId, ct);
            return summary is null ? null : (await session.LoadOnceAsync<GroupView>(summary.GroupId, ct))?.DateStyle;
        }
        if (routeId is { } groupId && path.StartsWithSegments("/Groups")) return (await session.LoadOnceAsync<GroupView>(groupId, ct))?.DateStyle;
        if (user.Id == Guid.Empty) return null;
        var me = user.Id;
        var styles = (await session.Query<GroupView>().Where(g => g.UserIds.Contains(me)).ToListAsync(ct)).Select(g => g.DateStyle).Distinct().ToList();
        return styles.Count == 1 ? styles[0] : null;
    }
}

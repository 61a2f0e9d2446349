using Microsoft.AspNetCore.Mvc.Filters;

namespace Procurement.Infrastructure.Auth;

/// <summary>
/// A page about one case, the case id in the route value <c>id</c>. <see cref="CasePageFilter"/> finds the case before any
/// handler runs, so handlers start with <see cref="Case"/> set; an unknown case or one of another group has answered 404
/// by then (other groups cannot learn a case exists).
/// </summary>
public abstract class CasePageModel : PageModel
{
    public CaseSummary Case { get; internal set; } = null!;

    /// <summary>The last command was refused because the page was out of date (the page offers a reload).</summary>
    public bool Stale { get; protected set; }

    /// <summary>
    /// Sends one form's command (<see cref="FormCommand"/>): on success the flash message and a redirect to
    /// <paramref name="then"/>; on refusal null, the messages next to the form, so the handler shows the page again.
    /// </summary>
    protected async Task<IActionResult?> SendFormAsync(UiText t, string form, Func<Task> send, string flash, string then)
    {
        (var ok, Stale) = await FormCommand.TryAsync(ModelState, t, form, send);
        if (!ok) return null;
        TempData["Flash"] = flash;
        return Redirect(then);
    }
}

/// <summary>
/// Loads <see cref="CasePageModel.Case"/> for case pages. Registered after <see cref="AccessPageFilter"/>, so the role
/// rule answers first (403) and only then is the case looked up (404).
/// </summary>
public sealed class CasePageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is CasePageModel page)
        {
            var access = context.HttpContext.RequestServices.GetRequiredService<CaseAccess>();
            var found = Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id)
                ? await access.FindCaseAsync(id, context.HttpContext.RequestAborted)
                : null;
            if (found is null)
            {
                context.Result = new NotFoundResult();
                return;
            }
            page.Case = found;
        }
        await next();
    }
}

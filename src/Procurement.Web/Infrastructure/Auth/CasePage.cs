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

using Microsoft.AspNetCore.Mvc.Filters;

namespace Procurement.Infrastructure.Auth;

/// <summary>
/// The page side of the one authorisation path: before any page handler runs, the handler's <see cref="AccessAttribute"/>
/// (or its page model's) is checked with the same code as requests, membership included when the rule names the route
/// value holding the case or group id. Refusals answer 404 for membership (other groups cannot learn a case exists) and
/// 403 for the role; an <see cref="AccessDeniedException"/> a page handler does not catch is answered the same way.
/// </summary>
public sealed class AccessPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var model = context.HandlerInstance.GetType();
        var rule = (context.HandlerMethod?.MethodInfo is { } method ? Access.RuleOf(method) : null) ?? Access.RuleOf(model);
        // A page without a model of its own (a static .cshtml) has no handler and reads nothing; the folder policies guard it.
        if (rule is null && context.HandlerInstance is not Microsoft.AspNetCore.Mvc.RazorPages.PageModel) rule = new AccessAttribute(Access.Anonymous);

        var services = context.HttpContext.RequestServices;
        try
        {
            await Access.DemandAsync(rule, services.GetRequiredService<ICurrentUser>(), services.GetRequiredService<CaseAccess>(),
                IdFrom(context, rule?.CaseRoute), IdFrom(context, rule?.GroupRoute), context.HttpContext.RequestAborted);
        }
        catch (AccessDeniedException ex)
        {
            context.Result = Refusal(ex);
            return;
        }

        var executed = await next();
        if (executed.Exception is AccessDeniedException denied && !executed.ExceptionHandled)
        {
            executed.Result = Refusal(denied);
            executed.ExceptionHandled = true;
        }
    }

    private static IActionResult Refusal(AccessDeniedException ex) => ex.NotFound ? new NotFoundResult() : new ForbidResult();

    /// <summary>A route value that is not a guid names no case anyone belongs to: the same 404.</summary>
    private static Guid? IdFrom(PageHandlerExecutingContext context, string? routeValue) =>
        routeValue is null ? null
        : Guid.TryParse(context.RouteData.Values[routeValue]?.ToString(), out var id) ? id : Guid.Empty;
}

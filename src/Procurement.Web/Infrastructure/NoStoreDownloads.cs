using Microsoft.AspNetCore.Mvc.Filters;

namespace Procurement.Infrastructure;

/// <summary>
/// Every file the app sends is case material (price files, proposals, documents and their PDFs, contract bundles,
/// CSV and Excel exports, calendars): no browser cache or proxy may keep a copy. A global result filter, so a new
/// download handler gets the rule without knowing it; a page handler returning File(...) is the only way the app
/// sends a file (a test holds the source to that).
/// </summary>
public sealed class NoStoreDownloads : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is FileResult) Apply(context.HttpContext.Response);
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    public static void Apply(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache"; // HTTP/1.0 caches
    }
}

namespace Procurement.Infrastructure;

/// <summary>
/// The headers every response carries, whatever produced it: pages, static files, redirects (also the sign-in
/// challenge), error pages and downloads. Set when the response starts, from the first middleware, so no later
/// short-circuit (static files, authorization, the exception handler clearing the response) can skip them.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'";

    /// <summary>One year. Sent only on HTTPS (a browser ignores it on HTTP), and not in Development, where a browser would pin localhost.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool hsts) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                // Case data is confidential: not framed, not sniffed, no referrer to other sites.
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                if (hsts && context.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
                return Task.CompletedTask;
            });
            return next(context);
        });
}

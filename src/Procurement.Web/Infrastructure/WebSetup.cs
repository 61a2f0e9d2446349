using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Procurement.Infrastructure.Database;

namespace Procurement.Infrastructure;

public static class WebSetup
{
    public static IServiceCollection AddProcurementWeb(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<CaseAccess>();
        services.AddSingleton<Features.Account.SignInAttemptsTable>();
        services.AddScoped<Features.Account.SignInAttempts>();
        services.AddHostedService<DatabaseLifetime>();
        services.AddHostedService<EmbeddedDatabaseWatchdog>();
        services.AddHostedService<MartenWarmUp>();
        services.AddDatabaseKeyRing();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/Account/SignIn";
                o.LogoutPath = "/Account/SignOut";
                o.AccessDeniedPath = "/Account/Denied";
                o.Cookie.Name = "procurement-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.Events.OnValidatePrincipal = UserSessions.ValidateAsync;
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Officer, p => p.RequireRole(Roles.Officer, Roles.Admin))
            .AddPolicy(Policies.Committee, p => p.RequireRole(Roles.Committee))
            .AddPolicy(Policies.Legal, p => p.RequireRole(Roles.Legal, Roles.Officer));

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                o.Conventions.AllowAnonymousToPage("/Account/SignIn");
                o.Conventions.AllowAnonymousToPage("/Account/Denied");
                o.Conventions.AllowAnonymousToPage("/Setup/FirstRun");
                o.Conventions.AllowAnonymousToPage("/Language");
                o.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddMvcOptions(o =>
            {
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.Filters.Add<PageDateStyleFilter>();
                o.Filters.Add(new NoStoreDownloads());
                o.Filters.Add(new AccessPageFilter()); // every page handler's [Access] rule, as the mediator checks requests
                o.Filters.Add(new CasePageFilter()); // after the rule: a case page's case, or 404
            });
        services.AddScoped<PageDates>();
        services.AddAntiforgery(o => o.Cookie.Name = "procurement-xsrf");
        // Japanese stays readable in the HTML (and in tests); Razor still encodes <, >, & and quotes.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("ja-JP"), new CultureInfo("en-US") };
            o.DefaultRequestCulture = new RequestCulture("ja-JP");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = UiText.CookieName }];
        });
        return services;
    }

    public static WebApplication UseProcurementWeb(this WebApplication app)
    {
        app.UseTrustedProxies(); // first: everything after sees the client's address and scheme
        app.UseSecurityHeaders(hsts: !app.Environment.IsDevelopment());   // next: static files, redirects and errors too
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

/// <summary>Starts the database with the app (so the URL is printed only when it works) and stops an embedded cluster on exit.</summary>
public sealed class DatabaseLifetime(DatabaseHandle database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = database.ConnectionString;
        }
        catch (Exception ex) when (ex is PostgresMissingException or EmbeddedPostgresInUseException)
        {
            // One line that says what to do, not a stack trace.
            Console.Error.WriteLine(ex.Message);
            Environment.Exit(3);
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await database.DisposeAsync();
}

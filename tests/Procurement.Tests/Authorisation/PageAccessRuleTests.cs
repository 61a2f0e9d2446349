using System.Reflection;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Infrastructure;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Authorisation;

/// <summary>
/// Every page handler has an access rule (its own or its page model's), open pages are the listed ones with a reason,
/// and every page that shows a case (its route starts /Cases/{id}) or reads the store directly checks membership.
/// </summary>
public sealed class PageAccessRuleTests
{
    private static readonly Assembly Web = typeof(ProcurementServices).Assembly;

    /// <summary>The pages anyone may open without signing in, and why.</summary>
    private static readonly Dictionary<string, string> AnonymousPages = new()
    {
        ["/Features/Account/SignIn.cshtml"] = "signing in is how a user gets rights",
        ["/Features/Account/Denied.cshtml"] = "static text telling a signed-in user a page is not theirs; no model, reads nothing",
        ["/Features/Setup/FirstRun.cshtml"] = "creates the first administrator; 404 once any account exists",
        ["/Features/Language.cshtml"] = "the sign-in page offers the language switch",
        ["/Features/Error.cshtml"] = "errors must render for anyone",
    };

    /// <summary>Pages that read the store directly yet name no case or group: why that is safe.</summary>
    private static readonly Dictionary<string, string> StoreReadersWithoutMembership = new()
    {
        ["/Features/Account/SignIn.cshtml"] = "reads the account being signed in to and records the lockout counter",
        ["/Features/Setup/FirstRun.cshtml"] = "only checks whether any account exists before creating the first one",
        ["/Features/Admin/Users/Index.cshtml"] = "administrators manage accounts of every group (Admin rule)",
        ["/Features/Admin/Users/Edit.cshtml"] = "administrators manage accounts of every group (Admin rule)",
        ["/Features/Account/SignOut.cshtml"] = "renews the signed-in user's own security stamp, which ends their sessions",
        ["/Features/Account/ChangePassword.cshtml"] = "counts wrong current passwords like sign-in failures for the signed-in user's own account",
    };

    public sealed record PageInfo(string Path, string? Route, Type Model);

    /// <summary>Every compiled Razor page of the app, with its route template and page model.</summary>
    public static IReadOnlyList<PageInfo> Pages { get; } = Web.GetCustomAttributes<RazorCompiledItemAttribute>()
        .Where(i => i.Kind == "mvc.1.0.razor-page")
        .Select(i => new PageInfo(i.Identifier,
            i.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value,
            i.Type.GetProperty("Model")!.PropertyType))
        .OrderBy(p => p.Path, StringComparer.Ordinal).ToList();

    private static IEnumerable<(PageInfo Page, MethodInfo Handler)> Handlers() =>
        Pages.Where(p => typeof(PageModel).IsAssignableFrom(p.Model)).SelectMany(p => p.Model
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal) && !m.IsSpecialName)
            .Select(m => (p, m)));

    private static AccessAttribute? RuleOf(PageInfo page, MethodInfo? handler = null) =>
        (handler is null ? null : Access.RuleOf(handler)) ?? Access.RuleOf(page.Model);

    [Fact]
    public void The_app_has_pages_and_handlers_to_check()
    {
        Assert.True(Pages.Count(p => typeof(PageModel).IsAssignableFrom(p.Model)) >= 54, $"{Pages.Count} pages found");
        Assert.True(Handlers().Count() > 80);
    }

    [Fact]
    public void Every_page_handler_has_an_access_rule()
    {
        var missing = Handlers().Where(h => RuleOf(h.Page, h.Handler) is null).Select(h => $"{h.Page.Path} {h.Handler.Name}").ToList();
        Assert.True(missing.Count == 0, "no [Access] rule: " + string.Join(", ", missing));
        var pagesWithoutModel = Pages.Where(p => !typeof(PageModel).IsAssignableFrom(p.Model)).Select(p => p.Path).ToList();
        Assert.All(pagesWithoutModel, p => Assert.True(AnonymousPages.ContainsKey(p), $"{p} has no page model and so no rule; list it or give it a model"));
    }

    [Fact]
    public void Only_the_listed_pages_are_open_and_each_says_why()
    {
        var open = Handlers().Where(h => RuleOf(h.Page, h.Handler)!.Allowed.Contains(Access.Anonymous)).Select(h => h.Page.Path).ToHashSet();
        Assert.Subset(AnonymousPages.Keys.ToHashSet(), open);
        Assert.All(open, p => Assert.False(string.IsNullOrWhiteSpace(RuleOf(Pages.Single(x => x.Path == p))!.Reason), $"{p}: an open rule needs a Reason"));
    }

    [Fact]
    public void Pages_open_to_any_signed_in_user_without_a_case_say_why()
    {
        var unexplained = Pages.Where(p => RuleOf(p) is { } r && r.Allowed.Contains(Access.Internal) && r.CaseRoute is null && r.GroupRoute is null && string.IsNullOrWhiteSpace(r.Reason))
            .Select(p => p.Path).ToList();
        Assert.True(unexplained.Count == 0, "Internal rule without a case, a group or a reason: " + string.Join(", ", unexplained));
    }

    [Fact]
    public void Every_case_page_checks_membership_of_the_case_in_its_route()
    {
        var casePages = Pages.Where(p => p.Route?.StartsWith("/Cases/{id:guid}", StringComparison.Ordinal) == true).ToList();
        Assert.True(casePages.Count > 30);
        var unchecked_ = casePages.Where(p => RuleOf(p)?.CaseRoute != "id").Select(p => p.Path).ToList();
        Assert.True(unchecked_.Count == 0, "case pages without CaseRoute = \"id\": " + string.Join(", ", unchecked_));
    }

    [Fact]
    public void Pages_that_read_the_store_directly_check_membership_or_say_why_not()
    {
        Type[] store = [typeof(IQuerySession), typeof(IDocumentSession), typeof(IDocumentStore)];
        var readers = Pages.Where(p => p.Model.GetConstructors().SelectMany(c => c.GetParameters()).Any(a => store.Contains(a.ParameterType))).ToList();
        Assert.True(readers.Count >= 20, $"{readers.Count} store readers found");
        var unchecked_ = readers.Where(p => RuleOf(p) is not { } r || (r.CaseRoute is null && r.GroupRoute is null && !StoreReadersWithoutMembership.ContainsKey(p.Path)))
            .Select(p => p.Path).ToList();
        Assert.True(unchecked_.Count == 0, "store readers without a membership check: " + string.Join(", ", unchecked_));
    }

    [Fact]
    public async Task The_routing_lets_anonymous_users_reach_exactly_the_listed_pages()
    {
        await using var app = await AppFactory.StartAsync(nameof(PageAccessRuleTests), demo: false);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Path: e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()?.RelativePath, Open: e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .Where(e => e.Path is not null).ToList();
        Assert.True(endpoints.Count >= 54);
        var open = endpoints.Where(e => e.Open).Select(e => e.Path!).ToHashSet();
        Assert.Equal(AnonymousPages.Keys.ToHashSet(), open);
    }
}

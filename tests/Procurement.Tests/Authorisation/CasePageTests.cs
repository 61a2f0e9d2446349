using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Procurement.Features.Demo;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Authorisation;

/// <summary>
/// Pages built on <see cref="CasePageModel"/> find their case once, before any handler: every such page answers 404 for
/// a case that does not exist and for a case of another group, and shows the case to its members.
/// </summary>
public sealed partial class CasePageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly List<PageAccessRuleTests.PageInfo> CasePages =
        PageAccessRuleTests.Pages.Where(p => typeof(CasePageModel).IsAssignableFrom(p.Model)).ToList();

    /// <summary>The case pages an officer may open by GET (pages for other roles answer 403 before the case is looked up).</summary>
    private static IEnumerable<PageAccessRuleTests.PageInfo> OfficerGetPages() => CasePages.Where(p =>
        p.Model.GetMethod("OnGet") is not null || p.Model.GetMethod("OnGetAsync") is not null)
        .Where(p => Access.RuleOf(p.Model) is { } rule && (rule.Allowed.Contains(Roles.Officer) || rule.Allowed.Contains(Access.Internal)));

    /// <summary>The route with the case id in it and made-up values for the other parameters.</summary>
    private static string Url(PageAccessRuleTests.PageInfo page, Guid caseId) =>
        RouteParameter().Replace(page.Route!, m => m.Groups["name"].Value == "id" ? caseId.ToString()
            : m.Groups["constraint"].Value == "int" ? "1" : m.Groups["constraint"].Value == "guid" ? Guid.NewGuid().ToString() : "x");

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>\w+))?\??\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public void Most_case_pages_find_their_case_through_the_base_and_name_it_in_their_route()
    {
        Assert.True(CasePages.Count >= 30, $"{CasePages.Count} pages on CasePageModel");
        Assert.All(CasePages, p =>
        {
            Assert.StartsWith("/Cases/{id:guid}", p.Route, StringComparison.Ordinal);
            Assert.Equal("id", Access.RuleOf(p.Model)?.CaseRoute);
        });
    }

    [Fact]
    public async Task Every_case_page_answers_404_for_an_unknown_case_and_for_another_groups_case()
    {
        var officer = await _app.SignInAsync("officer1");
        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);
        var pages = OfficerGetPages().ToList();
        Assert.True(pages.Count >= 20, $"{pages.Count} pages checked");
        var wrong = new List<string>();
        foreach (var page in pages)
        {
            var unknown = await officer.GetAsync(Url(page, Guid.NewGuid()));
            if (unknown.StatusCode != HttpStatusCode.NotFound) wrong.Add($"{page.Path} unknown case: {(int)unknown.StatusCode}");
            var other = await outsider.GetAsync(Url(page, DemoData.CaseId));
            if (other.StatusCode != HttpStatusCode.NotFound) wrong.Add($"{page.Path} other group: {(int)other.StatusCode}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_member_sees_the_case_the_base_loaded()
    {
        var officer = await _app.SignInAsync("officer1");
        var response = await officer.GetAsync($"/Cases/{DemoData.CaseId}/Edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("住民情報系システム共同利用", html, StringComparison.Ordinal);
    }
}

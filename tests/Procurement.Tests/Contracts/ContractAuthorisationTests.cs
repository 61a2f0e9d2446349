using System.Net;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Cases;
using Procurement.Features.Contracts;
using Procurement.Features.Demo;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Contracts.ContractSteps;

namespace Procurement.Tests.Contracts;

/// <summary>
/// Legal staff read, comment and approve but have no write path to prices or SLA; committee members see drafts only
/// after the award; other groups see nothing. Every refusal is checked against what was stored.
/// </summary>
public sealed class ContractAuthorisationTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static bool IsDenied(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal));

    [Fact]
    public async Task Legal_staff_posts_to_the_officer_endpoints_for_prices_SLA_and_case_budget_are_refused_and_store_nothing()
    {
        var legal = await _app.SignInAsync("legal");

        Assert.True(IsDenied(await _app.SaveTermsAsync(legal, f => f["Input.Price"] = "1")));
        Assert.True(IsDenied(await _app.SaveBoundaryAsync(legal)));
        Assert.True(IsDenied(await _app.SubmitAsync(legal)) || (await _app.LoadDossierAsync()) is null);
        Assert.True(IsDenied(await legal.PostFormAsync($"/Cases/{CaseId}/Edit", new Dictionary<string, string>
        {
            ["Input.Version"] = "1", ["Input.Title"] = "法務による変更", ["Input.TargetBusinesses"] = "jukiki",
            ["Input.CloudForm"] = "SaaS", ["Input.PlannedGoLive"] = "2028-04-01", ["Input.BudgetCeiling"] = "1",
        }, formPageUrl: "/")));

        Assert.Null(await _app.LoadDossierAsync());
        await using var session = _app.Store.QuerySession();
        Assert.Equal(480_000_000, (await session.LoadAsync<CaseSummary>(CaseId))!.BudgetCeiling);
    }

    [Fact]
    public async Task An_officer_cannot_approve_and_legal_staff_cannot_submit()
    {
        var officer = await _app.SignInAsync("officer1");
        await _app.SubmitFirstVersionAsync(officer);

        var approve = await _app.ReviewAsync(officer, 1, "Approve");
        Assert.Contains("この操作を行う権限がありません。", await approve.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DraftStatus.InReview, (await _app.LoadDossierAsync())!.Status);

        var legal = await _app.SignInAsync("legal");
        var submit = await _app.SubmitAsync(legal);
        Assert.Contains("この操作を行う権限がありません。", await submit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await _app.LoadDossierAsync())!.Versions);
    }

    [Fact]
    public async Task Committee_members_cannot_open_or_download_drafts_before_the_award_and_can_after_it()
    {
        var officer = await _app.SignInAsync("officer1");
        await _app.SubmitFirstVersionAsync(officer);
        var member = await _app.SignInAsync("member1");

        Assert.True(IsDenied(await member.GetAsync(Dossier)));
        Assert.True(IsDenied(await member.GetAsync($"{Dossier}/Download?version=1&kind=bundle")));
        Assert.True(IsDenied(await member.GetAsync($"{Dossier}/Download?version=1&kind=contract")));
        Assert.True(IsDenied(await member.GetAsync($"{Dossier}/Versions/1")));
        Assert.True(IsDenied(await member.GetAsync($"{Dossier}/Diff?from=1&to=1")));

        // The evaluation feature plugs in through IAwardSource; here a fixed award stands in for it.
        await using var awarded = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<IAwardSource>(_ => new FixedAward(new Award(DemoData.CaseId, "株式会社信州クラウドサービス", null, null, 396_000_000, new DateOnly(2026, 11, 20))))));
        var client = awarded.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Account/SignIn", new() { ["UserName"] = "member1", ["Password"] = DemoData.Password })).StatusCode);

        var bundle = await client.GetAsync($"{Dossier}/Download?version=1&kind=bundle");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("application/zip", bundle.Content.Headers.ContentType!.MediaType);
        var page = await client.GetStringAsync(Dossier);
        Assert.Contains("評価結果（落札者決定）から", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"submit-review\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_of_another_group_get_404_for_every_contract_page_and_see_no_draft_in_the_workspace()
    {
        var officer = await _app.SignInAsync("officer1");
        await _app.SubmitFirstVersionAsync(officer);
        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);

        foreach (var url in new[] { Dossier, $"{Dossier}/Sla", $"{Dossier}/Terms", $"{Dossier}/Versions/1", $"{Dossier}/Diff?from=1&to=1",
                     $"{Dossier}/Download?version=1&kind=contract", $"{Dossier}/Download?version=1&kind=bundle" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        }
        var terms = await _app.SaveTermsAsync(outsider, f => f["Input.Price"] = "1");
        Assert.Equal(HttpStatusCode.NotFound, terms.StatusCode);
        Assert.Equal(396_000_000, (await _app.LoadDossierAsync())!.Terms!.Price);

        var workspace = await outsider.GetStringAsync("/Contracts");
        Assert.DoesNotContain(DemoData.CaseId.ToString(), workspace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        var officer = await _app.SignInAsync("officer1");
        var response = await officer.PostAsync($"{Dossier}/Terms", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Price"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await _app.LoadDossierAsync());
    }

    private sealed class FixedAward(Award award) : IAwardSource
    {
        public Task<Award?> GetAward(Guid caseId, CancellationToken cancellationToken = default) =>
            Task.FromResult<Award?>(caseId == award.CaseId ? award : null);
    }
}

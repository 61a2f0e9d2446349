using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Features.Vendors;
using Procurement.Features.Vendors.Estimates;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Vendors.VendorTestKit;

namespace Procurement.Tests.Vendors;

/// <summary>Vendors, the group directory, estimates and the 予定価格, through the real pages on a real database.</summary>
public sealed class VendorRegistrationTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await _app.CreateOtherGroupWithOfficerAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_wrong_check_digit_is_shown_next_to_the_field_with_the_input_kept_and_nothing_saved()
    {
        var officer = await _app.SignInAsync("officer1");
        var before = await _app.EventCountAsync();

        var response = await officer.PostFormAsync(Url("/Vendors/Register"), new Dictionary<string, string>
        {
            ["Input.CompanyName"] = "株式会社テスト", ["Input.CorporateNumber"] = "6000012050002",
            ["Input.Address"] = "長野県", ["Input.ContactPerson"] = "担当", ["Input.Email"] = "a@example.jp",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.CorporateNumber\"[^>]*>法人番号は13桁の数字で、先頭のチェックデジットが正しいものを入力してください。", html);
        Assert.Contains("value=\"6000012050002\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"株式会社テスト\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await _app.EventCountAsync());
    }

    [Fact]
    public async Task A_vendor_registered_for_one_case_is_offered_for_the_next_case_of_the_group_and_not_registered_twice()
    {
        var officer = await _app.SignInAsync("officer1");
        var vendorId = await officer.RegisterVendorAsync("信州クラウド株式会社", "7000012050002");

        // A second case of the same group.
        var second = Guid.NewGuid();
        await using (var session = _app.Store.LightweightSession())
        {
            session.Events.StartStream<CaseSummary>(second, new CaseOpened(second, DemoData.GroupId, "子ども・子育て支援システム調達", ["kodomo"],
                CloudForm.SaaS, new DateOnly(2029, 4, 1), 90_000_000, Actor.System, _app.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }
        var page = await officer.GetStringAsync($"/Cases/{second}/Vendors");
        Assert.Contains($"<option value=\"{vendorId}\">信州クラウド株式会社（7000012050002）</option>", page, StringComparison.Ordinal);

        var added = await officer.PostFormAsync($"/Cases/{second}/Vendors?handler=AddFromDirectory",
            new Dictionary<string, string> { ["DirectoryVendorId"] = vendorId.ToString() }, $"/Cases/{second}/Vendors");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using (var session = _app.Store.QuerySession())
        {
            Assert.Equal("信州クラウド株式会社", (await session.LoadAsync<CaseVendors>(second))!.Vendor(vendorId)!.CompanyName);
        }

        // Same 法人番号 again: refused, pointing at the directory.
        var again = await officer.PostFormAsync(Url("/Vendors/Register"), new Dictionary<string, string>
        {
            ["Input.CompanyName"] = "信州クラウド（重複）", ["Input.CorporateNumber"] = "7-0000-1205-0002",
            ["Input.Address"] = "長野県", ["Input.ContactPerson"] = "担当", ["Input.Email"] = "a@example.jp",
        });
        Assert.Contains("既に事業者台帳にあります", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another group's officer cannot pull the vendor into its own cases: the directory is per group.
        var outsider = await _app.SignInAsync("outsider", TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Cases/{second}/Vendors")).StatusCode);
    }

    [Fact]
    public async Task The_comparison_page_shows_hand_computed_figures_and_the_planned_price_is_recorded_as_an_event()
    {
        var officer = await _app.SignInAsync("officer2");
        var a = await officer.RegisterVendorAsync("見積A株式会社", "1180301018771");
        var b = await officer.RegisterVendorAsync("見積B株式会社", "4000012090001");
        // A: 30,000,000 + 1,500,000 × 60 = 120,000,000; B: 45,000,000 + 70,000,000 (quoted term) = 115,000,000
        Assert.Equal(HttpStatusCode.Redirect, (await officer.RecordEstimateAsync(a, 30_000_000, 1_500_000, 60)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.RecordEstimateAsync(b, 45_000_000, 1_200_000, 60, 70_000_000)).StatusCode);

        var html = await officer.GetStringAsync(Url("/Estimates"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("120,000,000円", html, StringComparison.Ordinal);
        Assert.Contains("115,000,000円", html, StringComparison.Ordinal);
        // Median of two totals: (115,000,000 + 120,000,000) / 2 = 117,500,000
        Assert.Matches("data-row=\"総額（導入＋運用期間）\"[\\s\\S]*?data-stat=\"min\">115,000,000円[\\s\\S]*?data-stat=\"median\">117,500,000円[\\s\\S]*?data-stat=\"max\">120,000,000円", html);

        // Median basis, amount left empty: truncated median of totals = 117,500,000.
        var recorded = await officer.PostFormAsync(Url("/Estimates"), new Dictionary<string, string>
        {
            ["Input.Basis"] = "MedianEstimate", ["Input.Amount"] = "", ["Input.Reason"] = "2社見積の中央値を基に設定",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        using var scope = _app.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<Mediator.IMediator>();
        // The query answers as the signed-in user does; here an officer of the group.
        var http = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        http.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext { User = await PrincipalOfAsync("officer2") };
        var reserve = await mediator.Send(new GetReservePrice(CaseId));
        Assert.Equal(117_500_000, reserve!.Amount);
        Assert.Equal(Procurement.Features.Evaluation.ReservePriceSource.MedianEstimate, reserve.Source);
        Assert.Equal("2社見積の中央値を基に設定", reserve.Basis);
    }

    [Fact]
    public async Task Estimates_are_for_officers_and_amounts_stay_out_of_the_timeline()
    {
        var member = await _app.SignInAsync("member1");
        var legal = await _app.SignInAsync("legal");
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync(Url("/Estimates"))).StatusCode); // to /Account/Denied
        Assert.Equal(HttpStatusCode.Redirect, (await legal.GetAsync(Url("/Estimates"))).StatusCode);

        var officer = await _app.SignInAsync("officer1");
        var v = await officer.RegisterVendorAsync("時系列株式会社", "9000000000009");
        await officer.RecordEstimateAsync(v, 12_345_678, 100_000, 12);
        var casePage = await member.GetStringAsync($"/Cases/{CaseId}");
        Assert.Contains("見積を記録しました", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("12,345,678", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_RFI_response_keeps_answers_per_question_and_its_files_which_legal_may_read_and_committee_members_may_not()
    {
        var officer = await _app.SignInAsync("officer1");
        var questions = await officer.PostFormAsync(Url("/Vendors?handler=RfiQuestions"),
            new Dictionary<string, string> { ["RfiQuestions"] = "想定する導入形態（SaaS/PaaS）\n\n標準準拠システムへの対応時期\n" }, Url("/Vendors"));
        Assert.Equal(HttpStatusCode.Redirect, questions.StatusCode);
        Assert.Equal(["想定する導入形態（SaaS/PaaS）", "標準準拠システムへの対応時期"], (await _app.ViewAsync()).RfiQuestions); // blank lines dropped
        var vendor = await officer.RegisterVendorAsync("RFI回答株式会社", "4000012090001");

        // No date: refused next to the field, answers kept, the file not stored.
        var missing = await officer.PostMultipartAsync(Url($"/Vendors/{vendor}?handler=Rfi"),
            [new("Rfi.ResponseDate", ""), new("Rfi.Answers[0]", "SaaSを想定"), new("Rfi.Answers[1]", "令和7年度末")],
            [("Rfi.Files", "回答書.pdf", Pdf())], Url($"/Vendors/{vendor}"));
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Rfi.ResponseDate\"[^>]*>回答日を入力してください。", html);
        Assert.Contains(">SaaSを想定</textarea>", html, StringComparison.Ordinal);
        Assert.Null((await _app.ViewAsync()).Vendor(vendor)!.Rfi);

        var ok = await officer.PostMultipartAsync(Url($"/Vendors/{vendor}?handler=Rfi"),
            [new("Rfi.ResponseDate", "2026-11-15"), new("Rfi.Answers[0]", "SaaSを想定"), new("Rfi.Answers[1]", "令和7年度末")],
            [("Rfi.Files", "回答書.pdf", Pdf()), ("Rfi.Files", "機能一覧.xlsx", Xlsx())], Url($"/Vendors/{vendor}"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var rfi = (await _app.ViewAsync()).Vendor(vendor)!.Rfi!;
        Assert.Equal(new DateOnly(2026, 11, 15), rfi.ResponseDate);
        Assert.Equal(["想定する導入形態（SaaS/PaaS）: SaaSを想定", "標準準拠システムへの対応時期: 令和7年度末"], rfi.Answers.Select(a => $"{a.Question}: {a.Answer}"));
        Assert.Equal(["回答書.pdf", "機能一覧.xlsx"], rfi.Files.Select(f => f.FileName));
        Assert.True((await _app.ViewAsync()).Vendor(vendor)!.TookPart);

        // Correcting an answer later keeps the files already received.
        var corrected = await officer.PostMultipartAsync(Url($"/Vendors/{vendor}?handler=Rfi"),
            [new("Rfi.ResponseDate", "2026-11-16"), new("Rfi.Answers[0]", "SaaS（ガバメントクラウド上）を想定"), new("Rfi.Answers[1]", "令和7年度末")],
            [], Url($"/Vendors/{vendor}"));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        rfi = (await _app.ViewAsync()).Vendor(vendor)!.Rfi!;
        Assert.Equal("SaaS（ガバメントクラウド上）を想定", rfi.Answers[0].Answer);
        Assert.Equal(["回答書.pdf", "機能一覧.xlsx"], rfi.Files.Select(f => f.FileName));

        var legal = await _app.SignInAsync("legal");
        Assert.Equal(HttpStatusCode.OK, (await legal.GetAsync(Url($"/Files/{rfi.Files[0].FileId}"))).StatusCode);
        var legalPage = await legal.GetStringAsync(Url($"/Vendors/{vendor}"));
        Assert.DoesNotContain("handler=Rfi", legalPage, StringComparison.Ordinal); // read-only
        Assert.DoesNotContain("見積（RFQ）", legalPage, StringComparison.Ordinal); // prices stay with officers
        var member = await _app.SignInAsync("member1");
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync(Url($"/Files/{rfi.Files[0].FileId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync(Url($"/Vendors/{vendor}"))).StatusCode);
    }

    [Fact]
    public async Task Two_officers_registering_the_same_company_at_once_create_one_directory_entry()
    {
        var first = await _app.SignInAsync("officer1");
        var second = await _app.SignInAsync("officer2");
        var fields = new Dictionary<string, string>
        {
            ["Input.CompanyName"] = "同時登録株式会社", ["Input.CorporateNumber"] = "2000012010019",
            ["Input.Address"] = "長野県", ["Input.ContactPerson"] = "担当", ["Input.Email"] = "a@example.jp",
        };

        var responses = await Task.WhenAll(first.PostFormAsync(Url("/Vendors/Register"), fields), second.PostFormAsync(Url("/Vendors/Register"), fields));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK); // told, with the form kept
        await using var session = _app.Store.QuerySession();
        Assert.Equal(1, await session.Query<VendorDirectoryEntry>().CountAsync(v => v.CorporateNumber == "2000012010019"));
        Assert.Single((await _app.ViewAsync()).Vendors, v => v.CorporateNumber == "2000012010019");
    }

    [Theory]
    [InlineData("/Vendors")]
    [InlineData("/Vendors/Register")]
    [InlineData("/Estimates")]
    [InlineData("/QandA")]
    [InlineData("/QandA?handler=Document")]
    [InlineData("/Proposals")]
    public async Task Another_groups_officer_gets_404_everywhere(string path)
    {
        var outsider = await _app.SignInAsync("outsider", TestUsers.Password);

        var response = await outsider.GetAsync(Url(path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Committee_members_cannot_write()
    {
        var member = await _app.SignInAsync("member1");
        var response = await member.PostFormAsync(Url("/Vendors?handler=RfiQuestions"), new Dictionary<string, string> { ["RfiQuestions"] = "質問" }, Url("/Vendors"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Empty((await _app.ViewAsync()).RfiQuestions);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalOfAsync(string userName)
    {
        await using var session = _app.Store.QuerySession();
        var normalized = Procurement.Features.Users.UserAccount.Normalize(userName);
        var user = await session.Query<Procurement.Features.Users.UserAccount>().SingleAsync(u => u.NormalizedUserName == normalized);
        return new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(System.Security.Claims.ClaimTypes.Name, user.DisplayName),
            new(System.Security.Claims.ClaimTypes.Role, Roles.Officer),
        ], "test"));
    }
}

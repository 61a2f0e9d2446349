using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Criteria;
using Procurement.Features.Vendors;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>
/// Setting an evaluation up without the evaluation demo seed: the demo case starts with no committee, no evaluated
/// vendor and no criteria, as a real case does; the officer seats the committee, adds a vendor and opens the proposals.
/// </summary>
public sealed class CommitteePageTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private Guid _vendorId;
    private static readonly string Committee = $"{Hub}/Committee";
    private const string VendorName = "株式会社信州評価テスト";

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync(nameof(CommitteePageTests));
        await using var officer = await ActingUser.StartAsync(_app, "officer1");
        await officer.Send(m => m.Send(new DefineCriteria(Case, EvaluationDemo.Criteria, EvaluationDemo.Settings)));
        _vendorId = await officer.Send(m => m.Send(new RegisterVendorCommand(Case, VendorName, "7000012050002", "長野県飯田市1-1", "評価 太郎", "hyoka@example.jp")));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<HttpResponseMessage> Seat(HttpClient officer, Guid userId, bool chair = false)
    {
        var fields = new Dictionary<string, string> { ["Member.UserId"] = userId.ToString() };
        if (chair) fields["Member.IsChair"] = "true";
        return await officer.PostFormAsync($"{Committee}?handler=Member", fields, Committee);
    }

    [Fact]
    public async Task The_officer_seats_the_committee_adds_a_vendor_and_opens_the_proposals_which_freezes_the_criteria()
    {
        var officer = await _app.SignInAsync("officer1");
        Assert.Contains($"href=\"{Committee}\"", await officer.GetStringAsync(Hub), StringComparison.Ordinal);
        var member1 = await UserIdAsync(_app, "member1");
        var member2 = await UserIdAsync(_app, "member2");
        var chair = await UserIdAsync(_app, "chair");
        var legal = await UserIdAsync(_app, "legal");

        var empty = await officer.GetStringAsync(Committee);
        Assert.Contains($"<option value=\"{member1}\">", empty, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{chair}\">", empty, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{legal}\"", empty, StringComparison.Ordinal); // no committee role
        Assert.Contains($"<option value=\"{_vendorId}\">{VendorName}</option>", empty, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Seat(officer, member1)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Seat(officer, member2)).StatusCode);

        var noChair = await officer.PostFormAsync($"{Committee}?handler=Open", new(), Committee);
        Assert.Equal(HttpStatusCode.OK, noChair.StatusCode);
        Assert.Contains("選定委員と委員長を選任してから提案書を開封してください。", await noChair.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Seat(officer, chair, chair: true)).StatusCode);
        var vendor = await officer.PostFormAsync($"{Committee}?handler=Vendor", new() { ["Vendor.VendorId"] = _vendorId.ToString() }, Committee);
        Assert.Equal(HttpStatusCode.Redirect, vendor.StatusCode);

        var seated = await officer.GetStringAsync(Committee);
        Assert.DoesNotContain($"<option value=\"{member1}\"", seated, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{_vendorId}\"", seated, StringComparison.Ordinal);
        Assert.Contains("南 信夫（委員長）</td>", seated, StringComparison.Ordinal);
        Assert.Contains($"<li>{VendorName}</li>", seated, StringComparison.Ordinal);

        var open = await officer.PostFormAsync($"{Committee}?handler=Open", new(), Committee);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);

        var opened = await officer.GetStringAsync(Committee);
        Assert.Contains("高森 花子が開封しました。", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Open\"", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Vendor\"", opened, StringComparison.Ordinal);
        Assert.Contains("確定済み（第1版）", await officer.GetStringAsync(Hub), StringComparison.Ordinal);

        await using var asOfficer = await ActingUser.StartAsync(_app, "officer1");
        using var scope = asOfficer.Services.CreateScope();
        var overview = await scope.ServiceProvider.GetRequiredService<EvaluationQueries>().GetOverviewAsync(Case);
        Assert.True(overview.CriteriaFrozen);
        Assert.Equal([member1, member2, chair], overview.Members.Select(m => m.MemberId));
        Assert.Equal(chair, Assert.Single(overview.Members, m => m.IsChair).MemberId);
        Assert.Equal(_vendorId, Assert.Single(overview.Vendors).VendorId);
    }

    [Fact]
    public async Task Refusals_are_shown_next_to_the_form_and_keep_the_choice()
    {
        var officer = await _app.SignInAsync("officer1");
        var none = await officer.PostFormAsync($"{Committee}?handler=Member", new() { ["Member.UserId"] = "" }, Committee);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        var html = await none.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Member_UserId\"", html, StringComparison.Ordinal);
        Assert.Contains("委員を選択してください。", html, StringComparison.Ordinal);

        var legal = await Seat(officer, await UserIdAsync(_app, "legal"), chair: true);
        html = await legal.Content.ReadAsStringAsync();
        Assert.Contains("選定委員の役割を持つ利用者のみ委員に選任できます。", html, StringComparison.Ordinal);
        Assert.Contains("checked=\"checked\"", html, StringComparison.Ordinal);

        var unknownVendor = await officer.PostFormAsync($"{Committee}?handler=Vendor", new() { ["Vendor.VendorId"] = Guid.NewGuid().ToString() }, Committee);
        Assert.Contains("評価対象に加える事業者を選択してください。", await unknownVendor.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var english = await _app.SignInAsync("officer1");
        await english.PostFormAsync("/Language", new() { ["lang"] = "en", ["returnUrl"] = Committee }, "/");
        var refusedInEnglish = await english.PostFormAsync($"{Committee}?handler=Open", new(), Committee);
        html = await refusedInEnglish.Content.ReadAsStringAsync();
        Assert.Contains("Appoint the committee members and the chair before opening the proposals.", html, StringComparison.Ordinal);
        Assert.Contains("Opening the proposals freezes the evaluation criteria", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("member1")]
    [InlineData("chair")]
    [InlineData("legal")]
    public async Task Only_officers_may_set_up_the_evaluation(string userName)
    {
        var client = await _app.SignInAsync(userName);
        Assert.True(IsDenied(await client.GetAsync(Committee)));
        var post = await client.PostFormAsync($"{Committee}?handler=Member",
            new() { ["Member.UserId"] = (await UserIdAsync(_app, userName)).ToString(), ["Member.IsChair"] = "true" }, "/");
        Assert.True(IsDenied(post));
        Assert.True(IsDenied(await client.PostFormAsync($"{Committee}?handler=Open", new(), "/")));
        Assert.DoesNotContain($"href=\"{Committee}\"", await client.GetStringAsync(Hub), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_of_another_group_gets_404()
    {
        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Committee)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync($"{Committee}?handler=Open", new(), "/")).StatusCode);
    }
}

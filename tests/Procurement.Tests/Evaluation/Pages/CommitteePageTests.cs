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
public sealed class CommitteePageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private Guid _vendorId;
    private static readonly string Committee = $"{Hub}/Committee";
    private const string VendorName = "株式会社信州評価テスト";

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await using var officer = await ActingUser.StartAsync(_app, "officer1");
        await officer.Send(m => m.Send(new DefineCriteria(Case, EvaluationDemo.Criteria, EvaluationDemo.Settings)));
        _vendorId = await officer.Send(m => m.Send(new RegisterVendorCommand(Case, VendorName, "7000012050002", "長野県飯田市1-1", "評価 太郎", "hyoka@example.jp")));
    }

    public Task DisposeAsync() => Task.CompletedTask;

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
        Assert.Contains($"<span>{VendorName}</span>", seated, StringComparison.Ordinal);

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

    [Fact]
    public async Task Before_the_opening_the_officer_records_positions_dismisses_a_member_and_removes_a_vendor()
    {
        var officer = await _app.SignInAsync("officer1");
        var member1 = await UserIdAsync(_app, "member1");
        var chair = await UserIdAsync(_app, "chair");

        var seat = await officer.PostFormAsync($"{Committee}?handler=Member",
            new() { ["Member.UserId"] = member1.ToString(), ["Member.Position"] = "豊丘村 総務課長" }, Committee);
        Assert.Equal(HttpStatusCode.Redirect, seat.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Seat(officer, chair, chair: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await officer.PostFormAsync($"{Committee}?handler=Vendor", new() { ["Vendor.VendorId"] = _vendorId.ToString() }, Committee)).StatusCode);
        Assert.Contains("value=\"豊丘村 総務課長\"", await officer.GetStringAsync(Committee), StringComparison.Ordinal);

        // A 職 that is too long is refused next to the table and the typed text stays in that row's box.
        var tooLong = new string('長', 101);
        var refused = await officer.PostFormAsync($"{Committee}?handler=Position", new() { ["Seat.UserId"] = chair.ToString(), ["Seat.Position"] = tooLong }, Committee);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("職は100文字以内で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Seat_Position\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"Seat_Position\" name=\"Seat.Position\" value=\"{tooLong}\"", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect,
            (await officer.PostFormAsync($"{Committee}?handler=Position", new() { ["Seat.UserId"] = chair.ToString(), ["Seat.Position"] = "高森町 副町長" }, Committee)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await officer.PostFormAsync($"{Committee}?handler=Dismiss", new() { ["Seat.UserId"] = member1.ToString() }, Committee)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await officer.PostFormAsync($"{Committee}?handler=RemoveVendor", new() { ["Vendor.VendorId"] = _vendorId.ToString() }, Committee)).StatusCode);

        var page = await officer.GetStringAsync(Committee);
        Assert.Contains($"<option value=\"{member1}\">", page, StringComparison.Ordinal); // a candidate again
        Assert.Contains($"<option value=\"{_vendorId}\">{VendorName}</option>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"高森町 副町長\"", page, StringComparison.Ordinal);

        await using var asOfficer = await ActingUser.StartAsync(_app, "officer1");
        using var scope = asOfficer.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<EvaluationQueries>();
        var overview = await queries.GetOverviewAsync(Case);
        var only = Assert.Single(overview.Members);
        Assert.Equal((chair, true, "高森町 副町長"), (only.MemberId, only.IsChair, only.Position));
        Assert.Empty(overview.Vendors);
        var history = (await queries.GetEvaluationHistoryAsync(Case)).Select(h => h.What.ToString()).ToList();
        Assert.Contains("豊丘 一郎（豊丘村 総務課長）を委員に選任", history);
        Assert.Contains("豊丘 一郎を委員から解任", history);
        Assert.Contains($"{VendorName}を評価対象から除外", history);
    }

    [Fact]
    public async Task After_the_opening_the_page_offers_no_dismissal_or_removal_and_refuses_a_forged_one()
    {
        var officer = await _app.SignInAsync("officer1");
        var member1 = await UserIdAsync(_app, "member1");
        await Seat(officer, member1);
        await Seat(officer, await UserIdAsync(_app, "chair"), chair: true);
        await officer.PostFormAsync($"{Committee}?handler=Vendor", new() { ["Vendor.VendorId"] = _vendorId.ToString() }, Committee);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{Committee}?handler=Open", new(), Committee)).StatusCode);

        var opened = await officer.GetStringAsync(Committee);
        Assert.DoesNotContain("handler=Dismiss", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=RemoveVendor", opened, StringComparison.Ordinal);
        Assert.Contains("提案書の開封後は委員を解任できません。", opened, StringComparison.Ordinal);

        var dismiss = await officer.PostFormAsync($"{Committee}?handler=Dismiss", new() { ["Seat.UserId"] = member1.ToString() }, Committee);
        Assert.Equal(HttpStatusCode.OK, dismiss.StatusCode);
        Assert.Contains("href=\"#Seat\"", await dismiss.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var remove = await officer.PostFormAsync($"{Committee}?handler=RemoveVendor", new() { ["Vendor.VendorId"] = _vendorId.ToString() }, Committee);
        Assert.Contains("提案書の開封後は評価対象の事業者を除外できません。", await remove.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
        Assert.True(IsDenied(await client.PostFormAsync($"{Committee}?handler=Dismiss", new() { ["Seat.UserId"] = Guid.NewGuid().ToString() }, "/")));
        Assert.True(IsDenied(await client.PostFormAsync($"{Committee}?handler=RemoveVendor", new() { ["Vendor.VendorId"] = _vendorId.ToString() }, "/")));
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

using System.Net;
using Procurement.Features.Evaluation;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>The price envelope page: the officer records 予定価格 and bids; nobody else sees them before the close.</summary>
public sealed class PricesPageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly string Prices = $"{Hub}/Prices";
    private static readonly string B = EvaluationDemo.VendorB.ToString();

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock); // 予定価格 480,000,000; bids A 432, B 456, C 410 million
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_officer_records_prices_and_a_bid_above_the_reserve_price_is_marked_invalid()
    {
        var officer = await _app.SignInAsync("officer1");

        var bid = await officer.PostFormAsync($"{Prices}?handler=Bid", new() { ["Bid.VendorId"] = B, ["Bid.Amount"] = "５００,０００,０００円" });
        Assert.Equal(HttpStatusCode.Redirect, bid.StatusCode);
        var html = await officer.GetStringAsync(Prices);
        Assert.Contains("500,000,000円", html, StringComparison.Ordinal);
        Assert.Contains("予定価格超過（無効）", html, StringComparison.Ordinal);

        var reserve = await officer.PostFormAsync($"{Prices}?handler=Reserve", new() { ["Reserve.Amount"] = "520000000", ["Reserve.Basis"] = "再見積による" });
        Assert.Equal(HttpStatusCode.Redirect, reserve.StatusCode);
        html = await officer.GetStringAsync(Prices);
        Assert.Contains("520,000,000円", html, StringComparison.Ordinal);
        Assert.DoesNotContain("予定価格超過（無効）", html, StringComparison.Ordinal);
        Assert.Contains("再見積による", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_amount_or_a_missing_basis_is_named_next_to_its_field_and_the_input_is_kept()
    {
        var officer = await _app.SignInAsync("officer1");

        var text = await officer.PostFormAsync($"{Prices}?handler=Bid", new() { ["Bid.VendorId"] = B, ["Bid.Amount"] = "四億円" });
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        var html = await text.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Bid_Amount\"", html, StringComparison.Ordinal);
        Assert.Contains("金額を円単位の数字で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"四億円\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{B}\" selected=\"selected\">", html, StringComparison.Ordinal);

        var zero = await officer.PostFormAsync($"{Prices}?handler=Bid", new() { ["Bid.VendorId"] = B, ["Bid.Amount"] = "0" });
        Assert.Contains("入札価格は0より大きい金額で入力してください。", await zero.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noBasis = await officer.PostFormAsync($"{Prices}?handler=Reserve", new() { ["Reserve.Amount"] = "470000000", ["Reserve.Basis"] = "" });
        html = await noBasis.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Reserve_Basis\"", html, StringComparison.Ordinal);
        Assert.Contains("予定価格の根拠を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"470000000\"", html, StringComparison.Ordinal);
        Assert.Contains("480,000,000円", await officer.GetStringAsync(Prices), StringComparison.Ordinal); // nothing recorded
    }

    [Fact]
    public async Task Members_see_no_price_and_record_none_before_the_close_and_see_them_after()
    {
        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        var sealedPage = await member.GetStringAsync(Prices);
        Assert.Contains("価格は技術審査の締切後に開封されます。", sealedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("480,000,000", sealedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Bid\"", sealedPage, StringComparison.Ordinal);

        var refused = await member.PostFormAsync($"{Prices}?handler=Bid", new() { ["Bid.VendorId"] = B, ["Bid.Amount"] = "1" });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("この操作を行う権限がありません。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("456,000,000", html, StringComparison.Ordinal);
        Assert.Contains("456,000,000円", await (await _app.SignInAsync("officer1")).GetStringAsync(Prices), StringComparison.Ordinal);

        var legal = await _app.SignInAsync("legal");
        Assert.DoesNotContain("480,000,000", await legal.GetStringAsync(Prices), StringComparison.Ordinal);

        await SubmitAllAndCloseAsync(_app);
        var opened = await member.GetStringAsync(Prices);
        Assert.Contains("480,000,000円", opened, StringComparison.Ordinal);
        Assert.Contains("456,000,000円", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Bid\"", opened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_close_a_bid_above_the_reserve_price_disqualifies_the_vendor_in_the_results()
    {
        var officer = await _app.SignInAsync("officer1");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{Prices}?handler=Bid", new() { ["Bid.VendorId"] = B, ["Bid.Amount"] = "500000000" })).StatusCode);
        await SubmitAllAndCloseAsync(_app);

        var results = await officer.GetStringAsync($"{Hub}/Results");

        Assert.Contains("入札価格（500,000,000円）が予定価格（480,000,000円）を超えているため無効です", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outsider_gets_404()
    {
        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Prices)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync($"{Prices}?handler=Reserve",
            new() { ["Reserve.Amount"] = "1", ["Reserve.Basis"] = "x" }, "/")).StatusCode);
    }
}

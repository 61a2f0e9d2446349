using System.Net;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>The 予定価格 is one record: recorded in the estimate comparison, it is the evaluation's price page's 予定価格.</summary>
public sealed class ReservePriceFromEstimatesTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_price_recorded_in_the_estimate_comparison_is_the_price_pages_reserve_price()
    {
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock); // 予定価格 480,000,000 recorded on the price page
        _app.Clock.Advance(TimeSpan.FromHours(1));
        var officer = await _app.SignInAsync("officer1");
        var recorded = await officer.PostFormAsync($"/Cases/{DemoData.CaseId}/Estimates", new Dictionary<string, string>
        {
            ["Input.Basis"] = "Other", ["Input.Amount"] = "452000000", ["Input.Reason"] = "RFQ見積3者の中央値",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var html = await officer.GetStringAsync($"/Cases/{DemoData.CaseId}/Evaluation/Prices");

        Assert.Matches("id=\"reserve\">[^<]*452,000,000", html);
        Assert.Contains("value=\"452000000\"", html, StringComparison.Ordinal);
        Assert.Contains("RFQ見積3者の中央値", html, StringComparison.Ordinal);
    }
}

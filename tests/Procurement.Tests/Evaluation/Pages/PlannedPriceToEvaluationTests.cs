using Procurement.Features.Demo;
using Procurement.Features.Vendors;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>The 予定価格 recorded in the estimate comparison is what the evaluation's price page starts from.</summary>
public sealed class PlannedPriceToEvaluationTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_price_page_offers_the_planned_price_from_the_estimate_comparison()
    {
        await using (var session = _app.Store.LightweightSession())
        {
            session.Events.Append(DemoData.CaseId, new PlannedPriceRecorded(DemoData.CaseId, 452_000_000, PlannedPriceBasis.MedianEstimate,
                "RFQ見積3者の中央値", Actor.System, _app.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }
        var officer = await _app.SignInAsync("officer1");

        var html = await officer.GetStringAsync($"/Cases/{DemoData.CaseId}/Evaluation/Prices");

        Assert.Contains("value=\"452000000\"", html, StringComparison.Ordinal);
        Assert.Contains("見積比較で記録した予定価格（RFQ見積3者の中央値）", html, StringComparison.Ordinal);
    }
}

using System.Net;
using Marten;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Features.Renewal;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Renewal;

public sealed class DecideContinuationTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string Url = $"/Cases/{DemoData.CaseId}/Renewal";

    [Fact]
    public async Task Switching_opens_a_successor_case_that_carries_the_group_the_data_provision_duty_and_the_lessons()
    {
        var officer = await _app.SignInAsync("officer1");
        var invalid = await officer.PostFormAsync(Url, new Dictionary<string, string> { ["Input.Choice"] = "Switch", ["Input.Reasons"] = "" });
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("判断の理由を入力してください。", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("次期システムの稼働予定日を入力してください。", invalidHtml, StringComparison.Ordinal);

        var response = await officer.PostFormAsync(Url, new Dictionary<string, string>
        {
            ["Input.Choice"] = "Switch", ["Input.Reasons"] = "SLA未達が続いたため", ["Input.Lessons"] = "データ移行の検証期間を長く取る",
            ["Input.CurrentVendor"] = "株式会社サンプル情報", ["Input.ContractEnd"] = "2033-03-31",
            ["Input.SuccessorTitle"] = "住民情報系システム次期調達", ["Input.SuccessorGoLive"] = "2033-04-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var session = _app.Store.QuerySession();
        var decision = (await session.LoadAsync<RenewalView>(DemoData.CaseId))!.Decision!;
        Assert.Equal(RenewalChoice.Switch, decision.Choice);
        var successorId = decision.SuccessorCaseId!.Value;
        var successor = await session.LoadAsync<CaseSummary>(successorId);
        Assert.Equal(DemoData.GroupId, successor!.GroupId);
        var carried = (await session.LoadAsync<RenewalView>(successorId))!.CarriedOver!;
        Assert.Equal("株式会社サンプル情報", carried.PreviousVendor);
        Assert.Equal("データ移行の検証期間を長く取る", carried.Lessons);
        // The demo case has six 業務, all standardised: each obligation names the 標準化 data requirements.
        Assert.Equal(6, carried.DataProvision.Count);
        Assert.All(carried.DataProvision, o => Assert.Equal("地方公共団体情報システムデータ要件・連携要件標準仕様書", o.Standard));

        var twice = await officer.PostFormAsync(Url, new Dictionary<string, string> { ["Input.Choice"] = "Continue", ["Input.Reasons"] = "x", ["Input.CurrentVendor"] = "y", ["Input.ContractEnd"] = "2033-03-31" }, "/");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(1, (await session.Events.FetchStreamAsync(DemoData.CaseId)).Count(e => e.Data is ContinuationDecided));
    }
}

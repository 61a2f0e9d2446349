using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Marten;
using Procurement.Features.Cases;
using Procurement.Features.Contracts;
using Procurement.Features.CostSharing;
using Procurement.Features.Demo;
using Procurement.Features.FitGap;
using Procurement.Features.Renewal;
using Procurement.Features.Sla;
using Procurement.Features.SlaOperation;
using Procurement.Features.Survey;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Concurrency;

/// <summary>
/// Forms that replace a whole record (a survey row, a function's fit &amp; gap decision, the cost share, an SLA month,
/// the renewal decision) carry the version their page was loaded at: a record someone else saved since is refused
/// with the stale message and what the user typed stays on the page; other records of the same case are independent.
/// </summary>
public sealed partial class WholeRecordFormsTests : IAsyncLifetime
{
    private const string Stale = "他の利用者がこの内容を変更しました。";
    private static readonly string Case = $"/Cases/{DemoData.CaseId}";
    private AppFactory _app = null!;
    private HttpClient _officer1 = null!;
    private HttpClient _officer2 = null!;

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync(nameof(WholeRecordFormsTests));
        _officer1 = await _app.SignInAsync("officer1");
        _officer2 = await _app.SignInAsync("officer2");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    private static async Task<string> LoadedVersionAsync(HttpClient client, string url)
    {
        var match = VersionPattern().Match(await client.GetStringAsync(url));
        Assert.True(match.Success, $"{url} carries no version");
        return match.Groups[1].Value;
    }

    private async Task<int> CaseEventCountAsync()
    {
        await using var session = _app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(DemoData.CaseId)).Count;
    }

    private static Dictionary<string, string> SurveyRow(string town, string package, string version) => new()
    {
        ["Input.Municipality"] = town, ["Input.Business"] = "jukiki", ["Input.PackageName"] = package, ["Input.Vendor"] = "株式会社サンプル",
        ["Input.ContractForm"] = "Lease", ["Input.ContractStart"] = "2021-04-01", ["Input.ContractExpiry"] = "2028-03-31",
        ["Input.InitialCost"] = "1000000", ["Input.OperationCost"] = "2000000", ["Version"] = version,
    };

    [Fact]
    public async Task Survey_a_row_saved_by_someone_else_since_the_page_loaded_is_not_overwritten_other_rows_are_independent()
    {
        var url = $"{Case}/Survey";
        var loaded = await LoadedVersionAsync(_officer1, url);
        Assert.Equal(HttpStatusCode.Redirect, (await _officer2.PostFormAsync($"{url}?handler=Add", SurveyRow("高森町", "二人目のパッケージ", loaded), url)).StatusCode);
        var events = await CaseEventCountAsync();

        var stale = await _officer1.PostFormAsync($"{url}?handler=Add", SurveyRow("高森町", "一人目のパッケージ", loaded), url);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(Stale, html, StringComparison.Ordinal);
        Assert.Contains("value=\"一人目のパッケージ\"", html, StringComparison.Ordinal); // what was typed stays
        Assert.Equal(events, await CaseEventCountAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await _officer1.PostFormAsync($"{url}?handler=Add", SurveyRow("松川町", "一人目のパッケージ", loaded), url)).StatusCode);
        await using var session = _app.Store.QuerySession();
        var survey = (await session.LoadAsync<CurrentSystemSurvey>(DemoData.CaseId))!;
        Assert.Equal([("高森町", "二人目のパッケージ"), ("松川町", "一人目のパッケージ")],
            survey.Systems.OrderBy(s => s.Municipality == "高森町" ? 0 : 1).Select(s => (s.Municipality, s.PackageName)));
    }

    private async Task ImportFunctionsAsync()
    {
        var url = $"{Case}/FitGap";
        var page = await _officer1.GetStringAsync(url);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("住民情報パッケージ"), "PackageName" },
        };
        var csv = "\uFEFF機能ID,区分,機能名,種別\r\n" + string.Concat(Enumerable.Range(1, 8).Select(i => $"F-{i:000},住民記録,機能{i},機能\r\n"));
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "functions.csv");
        Assert.Equal(HttpStatusCode.Redirect, (await _officer1.PostAsync(url + "?handler=Import", content)).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static List<KeyValuePair<string, string>> Assess(string id, string reason, string version) =>
    [
        new("Input.FunctionId", id), new("Input.Fit", "Gap"), new("Input.Decision", "Customise"), new("Input.Reason", reason),
        new("Input.Owner", "住民課"), new("Input.Regulation", ""), new("Version", version),
    ];

    [Fact]
    public async Task Fit_and_gap_each_functions_decision_is_its_own_record_and_parallel_decisions_on_different_functions_all_go_in()
    {
        await ImportFunctionsAsync();
        var url = $"{Case}/FitGap";
        var loaded = await LoadedVersionAsync(_officer1, $"{url}?functionId=F-001");

        // Eight decisions at once, from two officers, all from pages loaded at the same version.
        var all = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            (i % 2 == 0 ? _officer1 : _officer2).PostFormAsync($"{url}?handler=Assess", Assess($"F-{i:000}", $"理由{i}", loaded), url)));
        Assert.All(all, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        // F-001 was decided after the page was loaded: the same record, so stale; the reason typed stays.
        var stale = await _officer1.PostFormAsync($"{url}?handler=Assess", Assess("F-001", "古い画面からの理由", loaded), url);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains(Stale, html, StringComparison.Ordinal);
        Assert.Contains("古い画面からの理由", html, StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        var view = (await session.LoadAsync<FitGapView>(DemoData.CaseId))!;
        Assert.Equal(8, view.Assessed);
        Assert.Equal("理由1", view.Assessments["F-001"].Reason);
    }

    private static Dictionary<string, string> CostShare(string title, string version) => new()
    {
        ["Input.Title"] = title, ["Input.EqualRatio"] = "20", ["Input.PopulationRatio"] = "80", ["Input.DiminishingRatio"] = "0", ["Input.UsageRatio"] = "0",
        ["Input.Remainder"] = "LargestRemainder", ["Input.Leaving"] = "FullYear", ["Input.Representative"] = "高森町",
        ["Input.Members[0].Name"] = "高森町", ["Input.Members[0].Population"] = "12716",
        ["Input.Members[1].Name"] = "松川町", ["Input.Members[1].Population"] = "12476",
        ["Input.Years[0].FiscalYear"] = "2028", ["Input.Years[0].Total"] = "10000000", ["action"] = "record", ["Version"] = version,
    };

    [Fact]
    public async Task Cost_share_a_calculation_recorded_since_the_page_loaded_is_not_replaced_and_the_conditions_typed_stay()
    {
        var url = $"{Case}/CostShare";
        var loaded = await LoadedVersionAsync(_officer1, url);
        Assert.Equal(HttpStatusCode.Redirect, (await _officer2.PostFormAsync(url, CostShare("二人目の算定", await LoadedVersionAsync(_officer2, url)), url)).StatusCode);

        var stale = await _officer1.PostFormAsync(url, CostShare("一人目の算定", loaded), url);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains(Stale, html, StringComparison.Ordinal);
        Assert.Contains("value=\"一人目の算定\"", html, StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        var plan = (await session.LoadAsync<CostSharePlan>(DemoData.CaseId))!;
        Assert.Equal((1, "二人目の算定"), (plan.Calculations, plan.Latest!.Title));
        // A preview from the old page is still allowed: it replaces nothing.
        var preview = await _officer1.PostFormAsync(url, CostShare("一人目の算定", loaded).Where(kv => kv.Key != "action").ToDictionary(), url);
        Assert.DoesNotContain(Stale, await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string>> MeasurementAsync(string month, string measured, string version)
    {
        await using var session = _app.Store.QuerySession();
        var sla = SlaOperationRules.AgreedSla(await session.LoadAsync<ContractDossier>(ContractStreams.DossierId(DemoData.CaseId)))!;
        var form = new Dictionary<string, string> { ["Input.PeriodStart"] = month, ["Input.Months"] = "1", ["Version"] = version };
        for (var i = 0; i < sla.Items.Count; i++)
        {
            form[$"Input.Rows[{i}].ItemKey"] = SlaEvaluation.KeyOf(sla.Items[i]);
            // Each item reads the input its metric needs: a value (hours), counts, or a confirmation.
            form[$"Input.Rows[{i}].Value"] = measured;
            form[$"Input.Rows[{i}].Within"] = "10";
            form[$"Input.Rows[{i}].Total"] = "10";
            form[$"Input.Rows[{i}].Confirmed"] = "yes";
        }
        return form;
    }

    [Fact]
    public async Task Sla_a_month_recorded_since_the_page_loaded_is_stale_another_month_is_not()
    {
        await using (var session = _app.Store.LightweightSession())
        {
            var dossier = ContractStreams.DossierId(DemoData.CaseId);
            session.Events.StartStream<ContractDossier>(dossier,
                new ContractDossierOpened(dossier, DemoData.CaseId, DemoData.GroupId, Actor.System, _app.Clock.GetUtcNow()),
                new SlaSaved(dossier, 1, SlaPresets.Create(SlaPreset.CoreBusiness), Actor.System, _app.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }
        var url = $"{Case}/SlaEvaluation";
        var loaded = await LoadedVersionAsync(_officer1, url);
        Assert.Equal(HttpStatusCode.Redirect, (await _officer2.PostFormAsync($"{url}?handler=Measure", await MeasurementAsync("2028-04", "0.5", loaded), url)).StatusCode);

        var stale = await _officer1.PostFormAsync($"{url}?handler=Measure", await MeasurementAsync("2028-04", "0.7", loaded), url);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains(Stale, html, StringComparison.Ordinal);
        Assert.Contains("value=\"0.7\"", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await _officer1.PostFormAsync($"{url}?handler=Measure", await MeasurementAsync("2028-05", "0.7", loaded), url)).StatusCode);
        await using var check = _app.Store.QuerySession();
        var view = (await check.LoadAsync<SlaOperationView>(DemoData.CaseId))!;
        // The fourth item (障害発生時の通知時間) is a reported value in hours.
        Assert.Equal([(new DateOnly(2028, 4, 1), "0.5時間"), (new DateOnly(2028, 5, 1), "0.7時間")], view.Periods.Select(p => (p.PeriodStart, p.Results[3].Measured)));
    }

    private static Dictionary<string, string> Renewal(string choice, string reasons, string version) => new()
    {
        ["Input.Choice"] = choice, ["Input.Reasons"] = reasons, ["Input.Lessons"] = "", ["Input.CurrentVendor"] = "株式会社サンプル",
        ["Input.ContractEnd"] = "2031-03-31", ["Input.SuccessorTitle"] = "次期調達", ["Input.SuccessorGoLive"] = "2031-04-01", ["Version"] = version,
    };

    [Fact]
    public async Task Renewal_two_officers_deciding_from_the_same_page_make_one_decision_and_no_second_successor_case()
    {
        var url = $"{Case}/Renewal";
        var loaded = await LoadedVersionAsync(_officer1, url);

        var both = await Task.WhenAll(
            _officer1.PostFormAsync(url, Renewal("Switch", "一人目の判断理由", loaded), url),
            _officer2.PostFormAsync(url, Renewal("Switch", "二人目の判断理由", loaded), url));

        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Redirect);
        var html = await both.Single(r => r.StatusCode != HttpStatusCode.Redirect).Content.ReadAsStringAsync();
        Assert.Contains(Stale, html, StringComparison.Ordinal);
        Assert.Matches("[一二]人目の判断理由</textarea>", html); // the loser's reasons are still in the form
        await using var session = _app.Store.QuerySession();
        Assert.Equal(2, await session.Query<CaseSummary>().CountAsync(c => c.GroupId == DemoData.GroupId && (c.Id == DemoData.CaseId || c.Title == "次期調達")));
        Assert.NotNull((await session.LoadAsync<RenewalView>(DemoData.CaseId))!.Decision);
    }
}

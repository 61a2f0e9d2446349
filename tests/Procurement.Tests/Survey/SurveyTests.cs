using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Marten;
using MiniExcelLibs;
using Procurement.Features.Demo;
using Procurement.Features.Survey;
using Procurement.Infrastructure.Localization;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Survey;

public sealed partial class SurveyTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string Url = $"/Cases/{DemoData.CaseId}/Survey";

    private static Dictionary<string, object> Row(string town, string business, string expiry, object initial) => new()
    {
        ["団体名"] = town, ["業務"] = business, ["パッケージ名"] = "住民情報パッケージA", ["事業者"] = "株式会社サンプル情報", ["契約形態"] = "リース",
        ["契約開始日"] = "2021-04-01", ["契約満了日"] = expiry, ["導入費用（年額・円）"] = initial, ["運用保守費用（年額・円）"] = 3_600_000,
        ["運用体制（人）"] = 1.5, ["ネットワーク"] = "LGWAN", ["課題"] = "法改正対応の負担", ["予定している変更"] = "",
    };

    private static byte[] Workbook(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, string name = "survey.xlsx")
    {
        var page = await client.GetStringAsync(Url);
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
        };
        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(fileContent, "file", name);
        return await client.PostAsync(Url + "?handler=Import", content);
    }

    [Fact]
    public async Task A_valid_sheet_is_imported_and_the_group_view_totals_it_and_warns_about_an_early_lease_end()
    {
        var officer = await _app.SignInAsync("officer1");
        // Go-live of the demo case is 2028-04-01: 2027-03-31 ends a year early; 2028-03-31 fits.
        var sheet = Workbook(Row("高森町", "住民基本台帳", "2027-03-31", 1_200_000), Row("松川町", "kokuho", "2028-03-31", 800_000));

        var response = await ImportAsync(officer, sheet);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var session = _app.Store.QuerySession();
        var survey = await session.LoadAsync<CurrentSystemSurvey>(DemoData.CaseId);
        Assert.Equal(2, survey!.Systems.Count);
        // (1,200,000 + 3,600,000) + (800,000 + 3,600,000) = 9,200,000
        Assert.Equal(9_200_000, survey.TotalAnnualCost);
        var html = await officer.GetStringAsync(Url);
        Assert.Contains("9,200,000円", html, StringComparison.Ordinal);
        Assert.Contains("稼働予定日より前に満了します", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_cells_are_named_by_row_and_column_and_nothing_is_saved()
    {
        var officer = await _app.SignInAsync("officer2");
        var sheet = Workbook(Row("高森町", "住民基本台帳", "2029-03-31", 100), Row("東京都", "存在しない業務", "いつか", -5));

        var response = await ImportAsync(officer, sheet);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("3行目 A列（団体名）: 構成団体の名前と一致しません。", html, StringComparison.Ordinal);
        Assert.Contains("3行目 B列（業務）", html, StringComparison.Ordinal);
        Assert.Contains("3行目 G列（契約満了日）", html, StringComparison.Ordinal);
        Assert.Contains("3行目 H列（導入費用（年額・円））", html, StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        var survey = await session.LoadAsync<CurrentSystemSurvey>(DemoData.CaseId);
        Assert.DoesNotContain(survey?.Systems ?? [], s => s.ContractExpiry == new DateOnly(2029, 3, 31));
    }

    [Fact]
    public async Task A_file_that_is_not_Excel_is_refused_with_a_message()
    {
        var officer = await _app.SignInAsync("officer2");

        var response = await ImportAsync(officer, "%PDF-1.7 not a workbook"u8.ToArray(), "fake.xlsx");

        Assert.Contains("Excelファイル（.xlsx）として読み込めませんでした。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_then_import_gives_back_the_same_rows()
    {
        var system = new CurrentSystem(Guid.NewGuid(), "豊丘村", "kaigo", "介護パッケージ", "株式会社テスト", ContractForm.Outsourcing,
            new DateOnly(2020, 4, 1), new DateOnly(2028, 3, 31), 500_000, 2_400_000, 0.5m, "LGWAN", "改修費", "標準化対応");

        using var stream = new MemoryStream(SurveyWorkbook.Export([system]));
        var result = SurveyWorkbook.Import(stream, ["豊丘村"], new UiText());

        Assert.Empty(result.Errors);
        Assert.Equal(system with { EntryId = result.Systems[0].EntryId }, result.Systems[0]);
    }

    [Fact]
    public void Lease_timing_is_judged_against_go_live()
    {
        var goLive = new DateOnly(2028, 4, 1);
        CurrentSystem Ending(DateOnly d) => new(Guid.NewGuid(), "甲", "jukiki", "", "", ContractForm.Lease, new DateOnly(2020, 4, 1), d, 0, 0, 0, "", "", "");

        Assert.Equal(LeaseTiming.EndsBeforeGoLive, LeaseCheck.Classify(Ending(new DateOnly(2027, 9, 30)), goLive));
        Assert.Equal(LeaseTiming.Fits, LeaseCheck.Classify(Ending(new DateOnly(2028, 3, 31)), goLive));
        Assert.Equal(LeaseTiming.EndsLongAfterGoLive, LeaseCheck.Classify(Ending(new DateOnly(2029, 9, 30)), goLive));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

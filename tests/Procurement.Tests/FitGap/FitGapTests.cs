using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Marten;
using Procurement.Features.Demo;
using Procurement.Features.FitGap;
using Procurement.Infrastructure.Localization;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.FitGap;

public sealed partial class FitGapTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string Url = $"/Cases/{DemoData.CaseId}/FitGap";

    private const string Csv = "\uFEFF機能ID,区分,機能名,種別\r\nF-001,住民記録,転入届の受付,機能\r\nF-002,住民記録,\"住民票の写し（世帯全員, 続柄付）\",帳票\r\nF-003,証明,印鑑登録証明書,帳票\r\nF-004,住民記録,独自の異動通知,機能\r\n";

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv, string name = "functions.csv", string package = "住民情報パッケージ Ver.5")
    {
        var page = await client.GetStringAsync(Url);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(package), "PackageName" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        content.Add(file, "file", name);
        return await client.PostAsync(Url + "?handler=Import", content);
    }

    private static List<KeyValuePair<string, string>> Assess(string id, string fit, string decision, string reason = "", string regulation = "") =>
    [
        new("Input.FunctionId", id), new("Input.Fit", fit), new("Input.Decision", decision), new("Input.Reason", reason),
        new("Input.Owner", "住民課"), new("Input.Regulation", regulation),
    ];

    [Fact]
    public async Task Decisions_give_the_customisation_rate_its_trend_and_the_regulations_to_amend()
    {
        var officer = await _app.SignInAsync("officer1");
        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(officer, Csv)).StatusCode);

        await officer.PostFormAsync(Url + "?handler=Assess", Assess("F-001", "Fit", ""), Url);
        await officer.PostFormAsync(Url + "?handler=Assess", Assess("F-002", "Gap", "ChangeWork", "様式を標準に合わせる", "住民票の写し等の交付に関する規則"), Url);
        await officer.PostFormAsync(Url + "?handler=Assess", Assess("F-004", "Gap", "Customise", "他システム連携に必須"), Url);

        await using var session = _app.Store.QuerySession();
        var view = await session.LoadAsync<FitGapView>(DemoData.CaseId);
        Assert.Equal(4, view!.Functions.Count);
        Assert.Equal("住民票の写し（世帯全員, 続柄付）", view.Functions[1].Name);
        // 1 customised of 3 assessed = 33.3 %; the trend after each decision: 0/1, 0/2, 1/3.
        Assert.Equal(33.3m, view.CustomisationRate);
        Assert.Equal([(1, 0), (2, 0), (3, 1)], view.Trend.Select(p => (p.Assessed, p.Customised)));
        Assert.Equal(GapDecision.None, view.Assessments["F-001"].Decision);
        var html = await officer.GetStringAsync(Url);
        Assert.Contains("33.3%", html, StringComparison.Ordinal);
        Assert.Contains("住民票の写し等の交付に関する規則", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_the_command_refuses_lists_the_message_in_the_import_box_and_imports_nothing()
    {
        var officer = await _app.SignInAsync("officer1");

        var response = await ImportAsync(officer, Csv, package: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var box = html[html.IndexOf("取り込めませんでした。", StringComparison.Ordinal)..];
        Assert.Contains("<li>パッケージ名を入力してください。</li>", box[..box.IndexOf("</ul>", StringComparison.Ordinal)], StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        Assert.Null(await session.LoadAsync<FitGapView>(DemoData.CaseId));
    }

    [Fact]
    public async Task A_gap_without_a_decision_or_reason_is_refused_next_to_the_fields()
    {
        var officer = await _app.SignInAsync("officer2");
        await ImportAsync(officer, Csv);

        var response = await officer.PostFormAsync(Url + "?handler=Assess", Assess("F-003", "Gap", ""), Url + "?functionId=F-003");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("ギャップへの対応を選択してください。", html, StringComparison.Ordinal);
        Assert.Contains("ギャップの場合は理由を入力してください。", html, StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        Assert.False((await session.LoadAsync<FitGapView>(DemoData.CaseId))!.Assessments.ContainsKey("F-003"));
    }

    [Fact]
    public void A_bad_function_list_names_row_and_column_and_yields_nothing()
    {
        var csv = "機能ID,区分,機能名,種別\nF-1,住基,転入,機能\nF-1,住基,転出,画面\n,住基,,機能\n";

        var result = FunctionListFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "list.csv", new UiText());

        Assert.Empty(result.Functions);
        Assert.Contains("3行目 A列（機能ID）: 機能IDが重複しています。", result.Errors);
        Assert.Contains("3行目 D列（種別）: 種別は「機能」か「帳票」です。", result.Errors);
        Assert.Contains("4行目 C列（機能名）: 機能名を200文字以内で入力してください。", result.Errors);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

using System.Net;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Documents.Pages;

/// <summary>
/// /Cases/{id}/Documents/Specification over HTTP: an officer enters the 調達仕様書's figures and a 特定移行支援 override;
/// the next 調達仕様書 states them. Legal staff and committee members are refused, other groups get 404.
/// The demo case targets 住民基本台帳, 戸籍, 個人住民税, 国民健康保険, 介護保険 and 児童手当 (all 標準化 業務).
/// </summary>
public sealed class SpecificationFiguresPageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly string Documents = $"/Cases/{DemoData.CaseId}/Documents";
    private static readonly string Page = $"{Documents}/Specification";
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CaseDocumentsView?> ViewAsync()
    {
        await using var session = _app.Store.QuerySession();
        return await session.LoadAsync<CaseDocumentsView>(DemoData.CaseId);
    }

    /// <summary>The form as the page sends it; the rows of the 特定移行支援 part follow the case's 標準化 target 業務.</summary>
    private static List<KeyValuePair<string, string>> Form(long revision, params (string Key, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Department"] = "高森町総務課情報係",
            ["Input.Terminals"] = "245",
            ["Input.ResponseSeconds"] = "2",
            ["Input.RtoHours"] = "12",
            ["Input.Rpo"] = "障害発生の直前の日次バックアップ取得時点",
            ["Input.BackupRetentionYears"] = "7",
            ["Input.MigrationRehearsals"] = "3",
            ["Input.TrainingSessions"] = "4",
        };
        string[] codes = ["jukiki", "koseki", "kojin-jumin", "kokuho", "kaigo", "jidoteate"];
        for (var i = 0; i < codes.Length; i++) values[$"Input.Migrations[{i}].Code"] = codes[i];
        foreach (var (key, value) in changes) values[key] = value;
        return [.. values];
    }

    [Fact]
    public async Task The_page_shows_the_defaults_labelled_as_defaults_and_is_linked_from_the_documents_and_case_pages()
    {
        var officer = await _app.SignInAsync("officer1");

        Assert.Contains($"href=\"{Page}\"", await officer.GetStringAsync(Documents), StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page}\"", await officer.GetStringAsync($"/Cases/{DemoData.CaseId}"), StringComparison.Ordinal);
        var html = await officer.GetStringAsync(Page);
        Assert.Contains("入力欄には標準値", html, StringComparison.Ordinal);
        Assert.Contains("標準値: 180台", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Terminals\" name=\"Input.Terminals\" value=\"180\"", html, StringComparison.Ordinal);
        Assert.Contains("住民基本台帳を特定移行支援とする", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_saves_the_figures_and_an_override_and_the_specification_states_them()
    {
        var officer = await _app.SignInAsync("officer1");

        var saved = await officer.PostFormAsync(Page, Form(0,
            ("Input.Migrations[1].OnPath", "true"), ("Input.Migrations[1].Reason", "現行の戸籍システムの事業者が標準準拠システムを令和9年度まで提供しないため"),
            ("Input.Migrations[1].TargetDate", "2028-03-31")), Page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var view = (await ViewAsync())!;
        Assert.Equal(1, view.SpecificationRevision);
        Assert.Equal(245, view.Specification!.Terminals);
        Assert.Equal("koseki", Assert.Single(view.Specification.SpecificMigrations).BusinessCode);
        var html = await officer.GetStringAsync(Page);
        Assert.Contains("value=\"245\"", html, StringComparison.Ordinal);
        Assert.Contains("現行の戸籍システムの事業者が標準準拠システムを令和9年度まで提供しないため", html, StringComparison.Ordinal);
        Assert.DoesNotContain("入力欄には標準値", html, StringComparison.Ordinal);

        var generated = await officer.PostFormAsync($"{Documents}?handler=Generate", new Dictionary<string, string> { ["templateId"] = "procurement-spec", ["workingDraft"] = "true" }, Documents);
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var spec = DocxText.Extract(await officer.GetByteArrayAsync($"{Documents}/procurement-spec/1/Download"));
        foreach (var phrase in new[] { "合計245台", "2秒以内", "RTO）は12時間以内", "障害発生の直前の日次バックアップ取得時点", "7年間保存", "3回以上", "4回以上", "担当部署は、高森町総務課情報係とする。" })
        {
            Assert.Contains(phrase, spec, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("合計180台", spec, StringComparison.Ordinal);
        // 戸籍 is on the 特定移行支援 path: stated with its reason and date, not among the 業務 required to be 標準準拠 now,
        // and its data follows 中間標準レイアウト until the move; the mandatory-clause check accepts that.
        Assert.Contains("戸籍の業務は、現行のシステムが標準準拠システムへの移行の困難なシステムに該当するため、特定移行支援システムとして取り扱う（理由：現行の戸籍システムの事業者が標準準拠システムを令和9年度まで提供しないため）。", spec, StringComparison.Ordinal);
        Assert.Matches("令和10年(（2028年）)?3月31日までに標準準拠システムに移行し", spec);
        Assert.Contains("住民基本台帳、個人住民税、国民健康保険、介護保険、児童手当の業務（地方公共団体情報システムの標準化に関する法律", spec, StringComparison.Ordinal);
        Assert.Contains("戸籍　中間標準レイアウト仕様（総務省、V2.7）", spec, StringComparison.Ordinal);
        Assert.Contains("住民基本台帳　地方公共団体情報システムデータ要件・連携要件標準仕様書（デジタル庁）", spec, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_without_a_reason_and_bad_figures_are_refused_naming_the_field_and_kept()
    {
        var officer = await _app.SignInAsync("officer1");

        var response = await officer.PostFormAsync(Page, Form(0,
            ("Input.Migrations[2].OnPath", "true"), ("Input.Migrations[2].Reason", " "), ("Input.Terminals", "多数"), ("Input.Department", "")), Page);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Input.Migrations[2].Reason\" data-valmsg-replace=\"true\">個人住民税を特定移行支援とする理由を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Input.Terminals\" data-valmsg-replace=\"true\">端末台数は1から100000までの整数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("担当部署を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"多数\"", html, StringComparison.Ordinal);
        Assert.Null((await ViewAsync())?.Specification);
    }

    [Fact]
    public async Task Without_a_department_the_specification_is_a_working_draft_whose_preflight_links_to_the_page()
    {
        var officer = await _app.SignInAsync("officer1");

        var refused = await officer.PostFormAsync($"{Documents}?handler=Generate", new Dictionary<string, string> { ["templateId"] = "procurement-spec" }, Documents);

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"{Page}\">調達仕様書の担当部署（仕様書の数値）</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legal_staff_and_members_are_refused_and_other_groups_get_404()
    {
        foreach (var user in new[] { "legal", "member1" })
        {
            var client = await _app.SignInAsync(user);
            var page = await client.GetAsync(Page);
            Assert.True(page.StatusCode == HttpStatusCode.Forbidden
                || (page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal)), user);
            var post = await client.PostFormAsync(Page, Form(0), Documents);
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden
                || (post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal)), user);
        }

        var (_, name) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(name, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync(Page, Form(0), "/")).StatusCode);
        Assert.Null((await ViewAsync())?.Specification);
    }
}

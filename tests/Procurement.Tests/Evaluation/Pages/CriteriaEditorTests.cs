using System.Net;
using Marten;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Wizards;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>
/// The criteria wizard over HTTP: an officer defines criteria on a fresh case step by step; errors name the row and
/// field and keep the input; on the demo case (proposals opened) a change needs a reason and members confirm it.
/// </summary>
public sealed class CriteriaEditorTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly string DemoCriteria = $"/Cases/{DemoData.CaseId}/Evaluation/Criteria";

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock); // the demo case: criteria frozen, committee seated
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static bool IsDenied(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal));

    /// <summary>A second case of the demo group, with no evaluation yet.</summary>
    private async Task<Guid> NewCaseAsync()
    {
        var id = Guid.NewGuid();
        await using var session = _app.Store.LightweightSession();
        session.Events.StartStream<CaseSummary>(id, new CaseOpened(id, DemoData.GroupId, "文書管理システム調達", ["bunsho"],
            CloudForm.SaaS, new DateOnly(2029, 4, 1), 50_000_000, Actor.System, _app.Clock.GetUtcNow()));
        await session.SaveChangesAsync();
        return id;
    }

    private async Task<EvaluationView?> EvaluationAsync(Guid caseId)
    {
        await using var session = _app.Store.QuerySession();
        return await session.LoadAsync<EvaluationView>(EvaluationStreams.Evaluation(caseId));
    }

    /// <summary>The step-1 form fields for these categories, as the page names them.</summary>
    private static Dictionary<string, string> ItemFields(IReadOnlyList<CriteriaCategory> categories, string action)
    {
        var fields = new Dictionary<string, string> { ["Step"] = "0", ["action"] = action };
        for (var c = 0; c < categories.Count; c++)
        {
            fields[$"Input.Categories[{c}].Id"] = categories[c].Id;
            fields[$"Input.Categories[{c}].Name"] = categories[c].Name;
            for (var i = 0; i < categories[c].Items.Count; i++)
            {
                var item = categories[c].Items[i];
                var key = $"Input.Categories[{c}].Items[{i}]";
                fields[$"{key}.Id"] = item.Id;
                fields[$"{key}.Name"] = item.Name;
                fields[$"{key}.MaxPoints"] = item.MaxPoints.ToString(System.Globalization.CultureInfo.InvariantCulture);
                fields[$"{key}.Scale"] = item.Scale.ToString();
                if (item.Required) fields[$"{key}.Required"] = "true";
            }
        }
        return fields;
    }

    [Fact]
    public async Task An_officer_defines_criteria_through_the_four_steps_adding_a_row_without_javascript()
    {
        var caseId = await NewCaseAsync();
        var url = $"/Cases/{caseId}/Evaluation/Criteria";
        var officer = await _app.SignInAsync("officer1");
        Assert.Contains("評価基準の編集", await officer.GetStringAsync($"/Cases/{caseId}/Evaluation"), StringComparison.Ordinal);
        var first = await officer.GetStringAsync(url);
        Assert.Contains("評価区分と評価項目", first, StringComparison.Ordinal);
        Assert.Matches("class=\"criteria-editor\">(?:(?!</form>)[\\s\\S])*name=\"__RequestVerificationToken\"", first); // the wizard's own form carries the token

        // 行を追加: the page comes back with one more row and everything typed so far.
        var fields = new Dictionary<string, string>
        {
            ["Step"] = "0", ["action"] = "addItem:0",
            ["Input.Categories[0].Id"] = "1", ["Input.Categories[0].Name"] = "必須要件",
            ["Input.Categories[0].Items[0].Id"] = "1-1", ["Input.Categories[0].Items[0].Name"] = "LGWAN-ASPで提供できること",
            ["Input.Categories[0].Items[0].MaxPoints"] = "0", ["Input.Categories[0].Items[0].Scale"] = "PassFail", ["Input.Categories[0].Items[0].Required"] = "true",
        };
        var added = await officer.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var addedHtml = await added.Content.ReadAsStringAsync();
        Assert.Contains("value=\"LGWAN-ASPで提供できること\"", addedHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Categories_0__Items_1__Name\"", addedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"1-2\"", addedHtml, StringComparison.Ordinal);

        IReadOnlyList<CriteriaCategory> categories =
        [
            new("1", "必須要件", [new CriteriaItem("1-1", "LGWAN-ASPで提供できること", 0, ScaleKind.PassFail, Required: true)]),
            new("2", "提案内容", [new CriteriaItem("2-1", "業務機能の網羅性", 40, ScaleKind.FiveLevel), new CriteriaItem("2-2", "帳票の出力", 20, ScaleKind.FitGap)]),
        ];
        var step1 = ItemFields(categories, "next");
        for (var g = 0; g <= 4; g++) step1[$"Input.Categories[1].Items[0].Anchors[{g}]"] = Marks.FiveLevelAnchors[g]; // the page always sends all six
        step1["Input.Categories[1].Items[0].Anchors[5]"] = "特に優れている";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url, step1)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Step"] = "1", ["action"] = "next", ["Input.PriceMethod"] = "Additive", ["Input.TechnicalWeight"] = "2", ["Input.PriceWeight"] = "1",
            ["Input.DivisionMultiplier"] = "1",
        })).StatusCode);
        var step3 = new Dictionary<string, string>
        {
            ["Step"] = "2", ["action"] = "next", ["Input.Aggregation"] = "Average", ["Input.PassLine"] = "0.6", ["Input.FloorThreshold"] = "2", ["Input.FloorUnit"] = "Points",
            ["Input.Rounding[0].Mode"] = "None", ["Input.Rounding[0].Decimals"] = "0", ["Input.Rounding[1].Mode"] = "None", ["Input.Rounding[1].Decimals"] = "0",
            ["Input.Rounding[2].Mode"] = "Truncate", ["Input.Rounding[2].Decimals"] = "3", ["Input.Rounding[3].Mode"] = "Truncate", ["Input.Rounding[3].Decimals"] = "2",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url, step3)).StatusCode);

        // The review shows the totals; nothing is decided yet.
        var review = await officer.GetStringAsync(url);
        Assert.Contains("入力内容の確認", review, StringComparison.Ordinal);
        Assert.Matches("id=\"summary-full-marks\">60点", review);
        Assert.Matches("id=\"summary-price-points\">30点", review);
        Assert.Contains("5 特に優れている", review, StringComparison.Ordinal);
        Assert.Null(await EvaluationAsync(caseId));

        var submitted = await officer.PostFormAsync(url, new Dictionary<string, string> { ["Step"] = "3", ["action"] = "submit" });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/Cases/{caseId}/Evaluation", submitted.Headers.Location!.OriginalString);

        var view = (await EvaluationAsync(caseId))!;
        Assert.Equal(["必須要件", "提案内容"], view.Criteria.Select(c => c.Name));
        Assert.True(view.Criteria[0].Items[0].Required);
        Assert.Equal(ScaleKind.FitGap, view.Criteria[1].Items[1].Scale);
        Assert.Equal("特に優れている", view.Criteria[1].Items[0].Anchors![5]);
        Assert.Equal("普通", view.Criteria[1].Items[0].Anchors![3]);
        Assert.Null(view.Criteria[1].Items[1].Anchors);
        Assert.Equal(PriceMethod.Additive, view.Settings.PriceMethod);
        Assert.Equal(2, view.Settings.TechnicalWeight);
        Assert.Equal(0.6m, view.Settings.PassLineRatio);
        Assert.Equal(new FloorRule(2, FloorUnit.Points), view.Settings.Floor);
        Assert.Equal(new RoundingRule(RoundingMode.Truncate, 3), view.Settings.RoundingOrExact.Average);

        // The draft is gone; the next visit starts from the saved definition.
        var again = await officer.GetStringAsync(url);
        Assert.Contains("value=\"業務機能の網羅性\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("途中保存:", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_move_and_go_and_the_draft_resumes_from_the_home_page()
    {
        var caseId = await NewCaseAsync();
        var url = $"/Cases/{caseId}/Evaluation/Criteria";
        var officer = await _app.SignInAsync("officer1");
        IReadOnlyList<CriteriaCategory> categories =
        [
            new("1", "提案内容", [new CriteriaItem("1-1", "業務機能", 20, ScaleKind.FiveLevel), new CriteriaItem("1-2", "操作性", 10, ScaleKind.FiveLevel), new CriteriaItem("1-3", "移行", 10, ScaleKind.Number)]),
        ];
        var moved = await officer.PostFormAsync(url, ItemFields(categories, "upItem:0:2"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Matches("id=\"Input_Categories_0__Items_1__Name\" name=\"Input.Categories\\[0\\].Items\\[1\\].Name\" value=\"移行\"", await moved.Content.ReadAsStringAsync());

        var fields = ItemFields([categories[0] with { Items = [categories[0].Items[0], categories[0].Items[2], categories[0].Items[1]] }], "removeItem:0:0");
        var removed = await (await officer.PostFormAsync(url, fields)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("value=\"業務機能\"", removed, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_Categories_0__Items_0__Name\" name=\"Input.Categories\\[0\\].Items\\[0\\].Name\" value=\"移行\"", removed);

        var saved = await officer.PostFormAsync(url, ItemFields([categories[0] with { Items = [categories[0].Items[2], categories[0].Items[1]] }], "save"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var home = await officer.GetStringAsync("/");
        Assert.Contains($"<a href=\"{url}\">評価基準の編集</a>", home, StringComparison.Ordinal);
        var resumed = await officer.GetStringAsync(url);
        Assert.Contains("value=\"移行\"", resumed, StringComparison.Ordinal);
        Assert.Contains("途中保存:", resumed, StringComparison.Ordinal);
        Assert.Null(await EvaluationAsync(caseId));

        // 入力を破棄 drops the draft; the wizard starts again from one empty row.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url, new Dictionary<string, string> { ["Step"] = "0", ["action"] = "discard" })).StatusCode);
        Assert.DoesNotContain("value=\"移行\"", await officer.GetStringAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain("評価基準の編集", await officer.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_name_the_row_and_field_keep_the_input_and_save_nothing()
    {
        var caseId = await NewCaseAsync();
        var url = $"/Cases/{caseId}/Evaluation/Criteria";
        var officer = await _app.SignInAsync("officer1");
        var fields = new Dictionary<string, string>
        {
            ["Step"] = "0", ["action"] = "next",
            ["Input.Categories[0].Id"] = "1", ["Input.Categories[0].Name"] = "提案内容",
            ["Input.Categories[0].Items[0].Id"] = "1-1", ["Input.Categories[0].Items[0].Name"] = "業務機能の網羅性", ["Input.Categories[0].Items[0].MaxPoints"] = "-5", ["Input.Categories[0].Items[0].Scale"] = "FiveLevel",
            ["Input.Categories[0].Items[1].Id"] = "1-2", ["Input.Categories[0].Items[1].Name"] = "操作性", ["Input.Categories[0].Items[1].MaxPoints"] = "", ["Input.Categories[0].Items[1].Scale"] = "FiveLevel",
            ["Input.Categories[0].Items[2].Id"] = "1-2", ["Input.Categories[0].Items[2].Name"] = "法改正への対応", ["Input.Categories[0].Items[2].MaxPoints"] = "十", ["Input.Categories[0].Items[2].Scale"] = "Number",
            ["Input.Categories[1].Id"] = "2", ["Input.Categories[1].Name"] = "",
            ["Input.Categories[1].Items[0].Id"] = "2-1", ["Input.Categories[1].Items[0].Name"] = "帳票", ["Input.Categories[1].Items[0].MaxPoints"] = "5", ["Input.Categories[1].Items[0].Scale"] = "FitGap",
        };
        var response = await officer.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"#Input_Categories_0__Items_0__MaxPoints\">評価項目 1: 配点は0以上で入力してください。</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Categories_0__Items_1__MaxPoints\">評価項目 2 の配点を入力してください。</a>", html, StringComparison.Ordinal);
        Assert.Contains("評価項目 3 の配点は数値で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("評価項目 3 の項目番号「1-2」は評価項目 2 と重複しています。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("項目番号が重複しています。", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Categories_1__Name\">区分 2: 区分名を入力してください。</a>", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Input.Categories[0].Items[1].MaxPoints\">評価項目 2 の配点を入力してください。", html, StringComparison.Ordinal);
        // Everything typed is still there, bad values included.
        Assert.Contains("value=\"-5\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"十\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"法改正への対応\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"帳票\"", html, StringComparison.Ordinal);
        Assert.Contains("評価区分と評価項目", html, StringComparison.Ordinal);
        Assert.Null(await EvaluationAsync(caseId));

        // A settings error on a later step names its field too, and a submit with errors saves nothing.
        fields["Input.Categories[0].Items[0].MaxPoints"] = "20";
        fields["Input.Categories[0].Items[1].MaxPoints"] = "10";
        fields["Input.Categories[0].Items[2].MaxPoints"] = "10";
        fields["Input.Categories[0].Items[2].Id"] = "1-3";
        fields["Input.Categories[1].Name"] = "機能適合";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url, fields)).StatusCode);
        var price = await officer.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Step"] = "1", ["action"] = "next", ["Input.PriceMethod"] = "Additive", ["Input.TechnicalWeight"] = "0", ["Input.PriceWeight"] = "1", ["Input.DivisionMultiplier"] = "1",
        });
        var priceHtml = WebUtility.HtmlDecode(await price.Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"#Input_TechnicalWeight\">技術点の比率は0より大きい値にしてください。</a>", priceHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_TechnicalWeight\" name=\"Input.TechnicalWeight\" value=\"0\"", priceHtml, StringComparison.Ordinal);
        var submit = await officer.PostFormAsync(url, new Dictionary<string, string> { ["Step"] = "3", ["action"] = "submit" });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Contains("技術点の比率は0より大きい値にしてください。", WebUtility.HtmlDecode(await submit.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await EvaluationAsync(caseId));
    }

    [Fact]
    public async Task Frozen_criteria_change_only_with_a_reason_and_members_confirm_it()
    {
        var officer = await _app.SignInAsync("officer1");
        var page = await officer.GetStringAsync(DemoCriteria);
        Assert.Contains("確定済み（第1版）", page, StringComparison.Ordinal);
        Assert.Contains("変更する", page, StringComparison.Ordinal);
        Assert.DoesNotContain("行を追加", page, StringComparison.Ordinal);
        Assert.Contains("value=\"業務機能の網羅性\"", await officer.GetStringAsync($"{DemoCriteria}?change=true"), StringComparison.Ordinal);

        // Raise 1-1 from 20 to 30 points.
        var changed = EvaluationDemo.Criteria.Select(c => c with { Items = [.. c.Items.Select(i => i.Id == "1-1" ? i with { MaxPoints = 30 } : i)] }).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(DemoCriteria, ItemFields(changed, "next"), $"{DemoCriteria}?change=true")).StatusCode);
        var noReason = await officer.PostFormAsync(DemoCriteria, new Dictionary<string, string> { ["Step"] = "3", ["action"] = "submit", ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("<a href=\"#Input_Reason\">変更理由を入力してください。</a>", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, (await EvaluationAsync(DemoData.CaseId))!.CriteriaRevision);

        var sent = await officer.PostFormAsync(DemoCriteria, new Dictionary<string, string> { ["Step"] = "3", ["action"] = "submit", ["Input.Reason"] = "質問回答で業務機能の比重を高めたため" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var view = (await EvaluationAsync(DemoData.CaseId))!;
        Assert.Equal(2, view.CriteriaRevision);
        Assert.Equal(30, view.Criteria.SelectMany(c => c.Items).Single(i => i.Id == "1-1").MaxPoints);
        Assert.Equal(3, view.PendingReconfirmation.Count);

        var status = await officer.GetStringAsync(DemoCriteria);
        Assert.Contains("まだ確認していない委員", status, StringComparison.Ordinal);
        Assert.Contains("豊丘 一郎", status, StringComparison.Ordinal);

        // The member sees the reason on the hub and confirms there.
        var member = await _app.SignInAsync("member1");
        var hub = await member.GetStringAsync($"/Cases/{DemoData.CaseId}/Evaluation");
        Assert.Contains("評価基準が変更されました（第2版）。", hub, StringComparison.Ordinal);
        Assert.Contains("質問回答で業務機能の比重を高めたため", hub, StringComparison.Ordinal);
        var stale = await member.PostFormAsync($"{DemoCriteria}?handler=Confirm", new Dictionary<string, string> { ["revision"] = "1" }, $"/Cases/{DemoData.CaseId}/Evaluation");
        Assert.Contains("評価基準がさらに変更されています。", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var confirmed = await member.PostFormAsync($"{DemoCriteria}?handler=Confirm", new Dictionary<string, string> { ["revision"] = "2" }, $"/Cases/{DemoData.CaseId}/Evaluation");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.DoesNotContain("評価基準が変更されました（第2版）。", await member.GetStringAsync($"/Cases/{DemoData.CaseId}/Evaluation"), StringComparison.Ordinal);

        var after = await officer.GetStringAsync(DemoCriteria);
        Assert.DoesNotContain("豊丘 一郎", after, StringComparison.Ordinal);
        Assert.Contains("喬木 由美", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_officers_edit_members_read_and_other_groups_get_404()
    {
        var caseId = await NewCaseAsync();
        var url = $"/Cases/{caseId}/Evaluation/Criteria";
        var next = new Dictionary<string, string> { ["Step"] = "0", ["action"] = "next", ["Input.Categories[0].Id"] = "1", ["Input.Categories[0].Name"] = "x" };

        foreach (var name in new[] { "member1", "chair", "legal" })
        {
            var client = await _app.SignInAsync(name);
            var read = await client.GetAsync(DemoCriteria);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var html = await read.Content.ReadAsStringAsync();
            Assert.Contains("業務機能の網羅性", html, StringComparison.Ordinal);
            Assert.DoesNotContain("行を追加", html, StringComparison.Ordinal);
            Assert.DoesNotContain("変更する", html, StringComparison.Ordinal);
            Assert.True(IsDenied(await client.GetAsync($"{DemoCriteria}?change=true")), name);
            Assert.True(IsDenied(await client.PostFormAsync(url, next, DemoCriteria)), name);
            Assert.True(IsDenied(await client.PostFormAsync(DemoCriteria, new Dictionary<string, string> { ["Step"] = "3", ["action"] = "submit", ["Input.Reason"] = "x" }, DemoCriteria)), name);
        }
        Assert.Null(await EvaluationAsync(caseId));
        Assert.Equal(1, (await EvaluationAsync(DemoData.CaseId))!.CriteriaRevision);

        var legal = await _app.SignInAsync("legal");
        Assert.True(IsDenied(await legal.PostFormAsync($"{DemoCriteria}?handler=Confirm", new Dictionary<string, string> { ["revision"] = "1" }, DemoCriteria)));

        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(DemoCriteria)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync(url, next, "/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync($"{DemoCriteria}?handler=Confirm", new Dictionary<string, string> { ["revision"] = "1" }, "/")).StatusCode);
        await using var session = _app.Store.QuerySession();
        Assert.False(await session.Query<WizardDraft>().AnyAsync());
    }
}

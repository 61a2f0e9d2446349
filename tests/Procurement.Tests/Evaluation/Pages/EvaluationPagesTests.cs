using System.Net;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>The evaluation pages over HTTP on the demo case (seeded ready for scoring): visibility and refusals.</summary>
public sealed class EvaluationPagesTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly Guid Case = DemoData.CaseId;
    private static readonly string Hub = $"/Cases/{Case}/Evaluation";
    private static readonly Guid[] Vendors = [EvaluationDemo.VendorA, EvaluationDemo.VendorB, EvaluationDemo.VendorC];

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock); // criteria, committee, vendors and sealed prices
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static bool IsDenied(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal));

    private static async Task DeclareNoConflictAsync(HttpClient member)
    {
        var response = await member.PostFormAsync($"{Hub}/Declare", new() { ["Declaration.HasConflict"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Every cell of every vendor: 合, 5段階 <paramref name="grade"/>, ○, and <paramref name="points"/> for number items.</summary>
    private static Dictionary<string, string> Cells(string grade, string points, Func<Guid, string, string?>? overrideCell = null)
    {
        var cells = new Dictionary<string, string>();
        foreach (var v in Vendors)
        {
            foreach (var item in EvaluationDemo.Criteria.SelectMany(c => c.Items))
            {
                cells[$"Cells[{v:N}-{item.Id}]"] = overrideCell?.Invoke(v, item.Id) ?? item.Scale switch
                {
                    ScaleKind.PassFail => "合",
                    ScaleKind.FiveLevel => grade,
                    ScaleKind.FitGap => "○",
                    _ => points,
                };
            }
        }
        cells["SubmitConfirmed"] = "true"; // the submit's confirmation checkbox (ignored by the other handlers)
        return cells;
    }

    [Fact]
    public async Task The_hub_lists_the_committee_with_each_member_s_position()
    {
        var hub = await (await _app.SignInAsync("member1")).GetStringAsync(Hub);
        Assert.Contains("<span class=\"muted member-position\">豊丘村 総務課長</span>", hub, StringComparison.Ordinal);
        Assert.Contains("<span class=\"muted member-position\">高森町 副町長</span>", hub, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_declaration_is_required_before_the_sheet_page_opens()
    {
        var member = await _app.SignInAsync("member1");

        var before = await member.GetAsync($"{Hub}/Sheet");
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal($"/Cases/{Case}/Evaluation/Declare", before.Headers.Location!.OriginalString);

        // A conflict without a statement is refused next to the field, nothing recorded.
        var refused = await member.PostFormAsync($"{Hub}/Declare", new() { ["Declaration.HasConflict"] = "true", ["Declaration.ConflictedVendorIds"] = EvaluationDemo.VendorB.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("利害関係の内容", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync($"{Hub}/Sheet")).StatusCode);

        await DeclareNoConflictAsync(member);
        var sheet = await member.GetStringAsync($"{Hub}/Sheet");
        Assert.Contains("甲システム株式会社", sheet, StringComparison.Ordinal);
        Assert.Contains("4 優れている", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conflicted_vendor_is_left_off_the_members_sheet()
    {
        var member = await _app.SignInAsync("member2");
        var response = await member.PostFormAsync($"{Hub}/Declare", new()
        {
            ["Declaration.HasConflict"] = "true", ["Declaration.ConflictedVendorIds"] = EvaluationDemo.VendorB.ToString(), ["Declaration.Statement"] = "親族が勤務",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sheet = await member.GetStringAsync($"{Hub}/Sheet");
        Assert.Contains("甲システム株式会社", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("乙情報サービス株式会社", sheet, StringComparison.Ordinal);
        Assert.Contains("利害関係あり", await member.GetStringAsync(Hub), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_sees_neither_another_members_scores_nor_the_prices_before_the_close()
    {
        var member1 = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member1);
        var saved = await member1.PostFormAsync($"{Hub}/Sheet?handler=Save",
            new() { [$"Cells[{EvaluationDemo.VendorA:N}-3-1]"] = "13.5", [$"Cells[{EvaluationDemo.VendorA:N}-1-1]"] = "4" }, $"{Hub}/Sheet");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("value=\"13.5\"", await member1.GetStringAsync($"{Hub}/Sheet"), StringComparison.Ordinal);

        var member2 = await _app.SignInAsync("member2");
        await DeclareNoConflictAsync(member2);
        foreach (var url in new[] { Hub, $"{Hub}/Sheet", $"{Hub}/Results", $"{Hub}/Prices" })
        {
            var html = await member2.GetStringAsync(url);
            Assert.DoesNotContain("13.5", html, StringComparison.Ordinal);
            Assert.DoesNotContain("432,000,000", html, StringComparison.Ordinal);
            Assert.DoesNotContain("480,000,000", html, StringComparison.Ordinal);
        }
        Assert.Contains("価格は技術審査の締切後に開封されます。", await member2.GetStringAsync($"{Hub}/Prices"), StringComparison.Ordinal);
        Assert.Contains("評価結果は技術審査の締切後に表示されます。", await member2.GetStringAsync($"{Hub}/Results"), StringComparison.Ordinal);

        var officer = await _app.SignInAsync("officer1");
        var prices = await officer.GetStringAsync($"{Hub}/Prices");
        Assert.Contains("432,000,000円", prices, StringComparison.Ordinal);
        Assert.Contains("480,000,000円", prices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_is_shown_next_to_its_cell_and_nothing_is_saved()
    {
        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        var response = await member.PostFormAsync($"{Hub}/Sheet?handler=Save",
            new() { [$"Cells[{EvaluationDemo.VendorA:N}-3-1]"] = "99", [$"Cells[{EvaluationDemo.VendorA:N}-3-2]"] = "7" }, $"{Hub}/Sheet");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"href=\"#cell-{EvaluationDemo.VendorA:N}-3-1\"", html, StringComparison.Ordinal);
        Assert.Contains("評価は0〜15の数値で入力してください", html, StringComparison.Ordinal);
        Assert.Contains("value=\"99\"", html, StringComparison.Ordinal); // input kept
        Assert.DoesNotContain("value=\"7\"", await member.GetStringAsync($"{Hub}/Sheet"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legal_staff_can_neither_open_nor_post_a_score_sheet()
    {
        var legal = await _app.SignInAsync("legal");
        Assert.Equal(HttpStatusCode.OK, (await legal.GetAsync(Hub)).StatusCode);
        Assert.True(IsDenied(await legal.GetAsync($"{Hub}/Sheet")));
        Assert.True(IsDenied(await legal.GetAsync($"{Hub}/Declare")));
        Assert.True(IsDenied(await legal.PostFormAsync($"{Hub}/Sheet?handler=Save", Cells("3", "10"), Hub)));
        Assert.True(IsDenied(await legal.PostFormAsync($"{Hub}/Declare", new() { ["Declaration.HasConflict"] = "false" }, Hub)));
        Assert.DoesNotContain("432,000,000", await legal.GetStringAsync($"{Hub}/Prices"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outsider_gets_404_from_every_evaluation_page()
    {
        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);
        foreach (var url in new[] { Hub, $"{Hub}/Results", $"{Hub}/Prices", $"{Hub}/Chair", $"{Hub}/Demonstrations", $"{Hub}/Demonstrations?handler=Ics" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync($"{Hub}/Prices?handler=Bid",
            new() { ["Bid.VendorId"] = EvaluationDemo.VendorA.ToString(), ["Bid.Amount"] = "1" }, "/")).StatusCode);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient member, byte[] xlsx)
    {
        var page = await member.GetStringAsync($"{Hub}/Sheet");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(xlsx), "Upload", "sheet.xlsx" },
        };
        return await member.PostAsync($"{Hub}/Sheet?handler=Import", form);
    }

    [Fact]
    public async Task An_excel_import_with_a_bad_cell_names_the_cell_and_saves_nothing_a_good_one_fills_the_sheet()
    {
        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        var export = await member.GetAsync($"{Hub}/Sheet?handler=Export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        var xlsx = await export.Content.ReadAsByteArrayAsync();
        List<Dictionary<string, object?>> rows;
        using (var read = new MemoryStream(xlsx))
        {
            rows = read.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
        }
        var row = rows.FindIndex(r => (r["A"] as string) == "1-1");
        byte[] Write()
        {
            using var stream = new MemoryStream();
            stream.SaveAs(rows, printHeader: false, excelType: ExcelType.XLSX);
            return stream.ToArray();
        }

        rows[row]["F"] = 9;
        var refused = await ImportAsync(member, Write());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"F{row + 1}: 評価は0〜5の整数で入力してください", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("selected=\"selected\"", await member.GetStringAsync($"{Hub}/Sheet"), StringComparison.Ordinal);

        rows[row]["F"] = 4;
        var imported = await ImportAsync(member, Write());
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains("<option value=\"4\" selected=\"selected\">", await member.GetStringAsync($"{Hub}/Sheet"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_submit_the_chair_closes_and_everyone_sees_the_ranking_with_charts()
    {
        var grades = new Dictionary<string, string> { ["member1"] = "4", ["member2"] = "3", ["chair"] = "5" };
        foreach (var (name, grade) in grades)
        {
            var member = await _app.SignInAsync(name);
            await DeclareNoConflictAsync(member);
            // Vendor C gets a lower grade from everyone, so the ranking is not a tie.
            var submit = await member.PostFormAsync($"{Hub}/Sheet?handler=Submit",
                Cells(grade, "12", (v, item) => v == EvaluationDemo.VendorC && item.StartsWith("1-", StringComparison.Ordinal) ? "1" : null), $"{Hub}/Sheet");
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
            Assert.Contains("提出済み", await member.GetStringAsync($"{Hub}/Sheet"), StringComparison.Ordinal);
        }

        var member1 = await _app.SignInAsync("member1");
        var notChair = await member1.PostFormAsync($"{Hub}?handler=Close", new() { ["CloseConfirmed"] = "true" }, Hub);
        Assert.Equal(HttpStatusCode.OK, notChair.StatusCode);
        Assert.Contains("この操作は委員長のみが行えます。", await notChair.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("評価結果は技術審査の締切後に表示されます。", await member1.GetStringAsync($"{Hub}/Results"), StringComparison.Ordinal);

        var chair = await _app.SignInAsync("chair");
        var closed = await chair.PostFormAsync($"{Hub}?handler=Close", new() { ["CloseConfirmed"] = "true" }, Hub);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var officer = await _app.SignInAsync("officer1");
        var results = await officer.GetStringAsync($"{Hub}/Results");
        Assert.Contains("id=\"ranking-table\"", results, StringComparison.Ordinal);
        Assert.Contains("<svg", results, StringComparison.Ordinal);
        Assert.Contains("事業者別の総合点", results, StringComparison.Ordinal);
        Assert.Contains("丙テクノロジー株式会社", results, StringComparison.Ordinal);

        // After the close, members see the prices and the other members' marks.
        var prices = await member1.GetStringAsync($"{Hub}/Prices");
        Assert.Contains("432,000,000円", prices, StringComparison.Ordinal);
        var memberResults = await member1.GetStringAsync($"{Hub}/Results?vendor={EvaluationDemo.VendorA}");
        Assert.Contains("喬木 由美", memberResults, StringComparison.Ordinal);
        Assert.Contains("評価の経過", memberResults, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await member1.GetAsync($"{Hub}/Results?history=true")).StatusCode);
    }
}

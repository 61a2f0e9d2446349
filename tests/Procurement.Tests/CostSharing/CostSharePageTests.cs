using System.Net;
using Marten;
using Procurement.Features.CostSharing;
using Procurement.Features.Demo;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.CostSharing;

/// <summary>
/// The cost-share page explains each share (均等割, 人口割, 端数調整 per member and year), adds and removes member and year
/// rows on the server keeping what was typed, and names the row and year of each error.
/// </summary>
public sealed class CostSharePageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly string Url = $"/Cases/{DemoData.CaseId}/CostShare";

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<KeyValuePair<string, string>> Form(string action, params (string Year, string Total)[] years)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("action", action), new("Input.Title", "導入計画の費用分担"),
            new("Input.EqualRatio", "20"), new("Input.PopulationRatio", "80"), new("Input.DiminishingRatio", "0"), new("Input.UsageRatio", "0"),
            new("Input.Remainder", "Representative"), new("Input.Leaving", "FullYear"), new("Input.Representative", "丙村"),
            new("Input.Members[0].Name", "甲市"), new("Input.Members[0].Population", "30,000"),
            new("Input.Members[1].Name", "乙町"), new("Input.Members[1].Population", "10000"),
            new("Input.Members[2].Name", "丙村"), new("Input.Members[2].Population", "10000"),
        };
        for (var i = 0; i < years.Length; i++)
        {
            form.Add(new($"Input.Years[{i}].FiscalYear", years[i].Year));
            form.Add(new($"Input.Years[{i}].Total", years[i].Total));
        }
        return form;
    }

    [Fact]
    public async Task The_preview_shows_each_member_s_equal_and_population_parts_and_the_adjustment_per_year()
    {
        var officer = await _app.SignInAsync("officer1");

        var html = await (await officer.PostFormAsync(Url, Form("preview", ("2028", "1,000,000")), Url)).Content.ReadAsStringAsync();

        // 均等割 200,000 ÷ 3 = 66,666.66… → 66,666 each; 人口割 800,000 × 3/5 = 480,000, × 1/5 = 160,000 twice.
        // Parts add to 999,998; the representative 丙村 takes the 2 yen left: 546,666 / 226,666 / 226,668.
        var table = Between(html, "id=\"preview-2028\"", "</table>");
        Assert.Contains("2028年度の内訳", table, StringComparison.Ordinal);
        Assert.Matches("<th class=\"num\">均等割</th>\\s*<th class=\"num\">人口割</th>\\s*<th class=\"num\">端数調整</th>\\s*<th class=\"num\">負担額</th>", table);
        Assert.Matches(Row("甲市", "66,666円", "480,000円", "0円", "546,666円"), table);
        Assert.Matches(Row("乙町", "66,666円", "160,000円", "0円", "226,666円"), table);
        Assert.Matches(Row("丙村", "66,666円", "160,000円", "2円", "226,668円"), table);
    }

    [Fact]
    public async Task Recorded_shares_keep_their_parts_and_the_page_shows_them()
    {
        var officer = await _app.SignInAsync("officer1");

        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(Url, Form("record", ("2028", "1,000,000"), ("2029", "999,999")), Url)).StatusCode);

        await using (var session = _app.Store.QuerySession())
        {
            var plan = await session.LoadAsync<CostSharePlan>(DemoData.CaseId);
            var first = plan!.Latest!.Years[0].Shares[0];
            Assert.Equal([66_666L, 480_000L], first.Components.Select(c => c.Amount)); // read back from the stored event
        }
        var html = await officer.GetStringAsync(Url);
        Assert.Matches(Row("丙村", "66,666円", "160,000円", "2円", "226,668円"), Between(html, "id=\"recorded-2028\"", "</table>"));
        Assert.Contains("id=\"recorded-2029\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blank_totals_are_named_by_row_and_year_not_four_identical_lines()
    {
        var officer = await _app.SignInAsync("officer1");

        var response = await officer.PostFormAsync(Url, Form("preview", ("2028", "1,000,000"), ("2029", ""), ("2030", "abc"), ("", "5")), Url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("年度ごとの総額の2行目（2029年度）: 総額は円単位の整数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("年度ごとの総額の3行目（2030年度）: 総額は円単位の整数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("年度ごとの総額の4行目: 年度は西暦4桁で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"abc\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"preview\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_are_added_and_removed_on_the_server_keeping_what_was_typed()
    {
        var officer = await _app.SignInAsync("officer1");

        var added = await (await officer.PostFormAsync(Url, Form("add-year", ("2028", "1,000,000"), ("2029", "")), Url)).Content.ReadAsStringAsync();
        Assert.Contains("name=\"Input.Years[2].FiscalYear\" id=\"Input_Years_2__FiscalYear\" value=\"2030\"", added, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Years[0].Total\" id=\"Input_Years_0__Total\" value=\"1,000,000\"", added, StringComparison.Ordinal);
        Assert.DoesNotContain("総額は円単位の整数で入力してください。", added, StringComparison.Ordinal); // a row edit is not a calculation

        var removed = await (await officer.PostFormAsync(Url, Form("remove-member:1", ("2028", "1,000,000")), Url)).Content.ReadAsStringAsync();
        Assert.Contains("name=\"Input.Members[1].Name\" id=\"Input_Members_1__Name\" value=\"丙村\"", removed, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"乙町\"", removed, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Members[2].Name\"", removed, StringComparison.Ordinal);

        var memberAdded = await (await officer.PostFormAsync(Url, Form("add-member", ("2028", "1,000,000")), Url)).Content.ReadAsStringAsync();
        Assert.Contains("name=\"Input.Members[3].Name\" id=\"Input_Members_3__Name\" value=\"\"", memberAdded, StringComparison.Ordinal);

        var yearRemoved = await (await officer.PostFormAsync(Url, Form("remove-year:0", ("2028", "1,000,000"), ("2029", "2,000,000")), Url)).Content.ReadAsStringAsync();
        Assert.Contains("name=\"Input.Years[0].FiscalYear\" id=\"Input_Years_0__FiscalYear\" value=\"2029\"", yearRemoved, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Years[1].FiscalYear\"", yearRemoved, StringComparison.Ordinal);

        // The rows are buttons of the form itself: no script needed, and the default (Enter) button calculates.
        var page = await officer.GetStringAsync(Url);
        Assert.True(page.IndexOf("value=\"enter\"", StringComparison.Ordinal) < page.IndexOf("value=\"remove-member:0\"", StringComparison.Ordinal));
        var entered = await (await officer.PostFormAsync(Url, Form("enter", ("2028", "1,000,000")), Url)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"preview-2028\"", entered, StringComparison.Ordinal);
        Assert.Contains("value=\"add-year\"", page, StringComparison.Ordinal);
    }

    private static string Row(string name, params string[] cells) =>
        $"<tr><td>{name}</td>\\s*" + string.Join("\\s*", cells.SkipLast(1).Select(c => $"<td class=\"num\"[^>]*>{c}</td>")) + $"\\s*<td class=\"num\"><strong>{cells[^1]}</strong></td></tr>";

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} not found");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..to];
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Marten;
using Procurement.Features.Contracts;
using Procurement.Features.Demo;
using Procurement.Features.Sla;
using Procurement.Features.SlaOperation;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.SlaOperation;

public sealed partial class SlaMeasurementPageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly string Url = $"/Cases/{DemoData.CaseId}/SlaEvaluation";

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await using var session = _app.Store.LightweightSession();
        var dossier = ContractStreams.DossierId(DemoData.CaseId);
        session.Events.StartStream<ContractDossier>(dossier,
            new ContractDossierOpened(dossier, DemoData.CaseId, DemoData.GroupId, Actor.System, _app.Clock.GetUtcNow()),
            new SlaSaved(dossier, 1, SlaPresets.Create(SlaPreset.CoreBusiness), Actor.System, _app.Clock.GetUtcNow()));
        await session.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<HttpResponseMessage> MeasureAsync(HttpClient client, byte[]? report, bool firstMet, int? blankRow = null)
    {
        var page = await client.GetStringAsync(Url);
        var keys = RowKeyPattern().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).ToList();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("2028-04"), "Input.PeriodStart" },
            { new StringContent("3"), "Input.Months" },
        };
        for (var i = 0; i < keys.Count; i++)
        {
            content.Add(new StringContent(keys[i]), $"Input.Rows[{i}].ItemKey");
            if (i == blankRow) continue;
            // Every kind of input for every row: each item reads the one its metric needs (rate, value or confirmation).
            content.Add(new StringContent(firstMet ? "100" : "90"), $"Input.Rows[{i}].Within");
            content.Add(new StringContent("100"), $"Input.Rows[{i}].Total");
            content.Add(new StringContent("0.5"), $"Input.Rows[{i}].Value");
            content.Add(new StringContent("yes"), $"Input.Rows[{i}].Confirmed");
        }
        if (report is not null)
        {
            var file = new ByteArrayContent(report);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
            content.Add(file, "report", "report.pdf");
        }
        return await client.PostAsync(Url + "?handler=Measure", content);
    }

    [Fact]
    public async Task A_quarter_with_its_report_is_recorded_and_a_disguised_report_is_refused_with_nothing_stored()
    {
        var officer = await _app.SignInAsync("officer1");

        var refused = await MeasureAsync(officer, "MZ this is an executable"u8.ToArray(), firstMet: false);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("報告書はPDF・Word（.docx）・Excel（.xlsx）・CSVのいずれかにしてください", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var s = _app.Store.QuerySession()) Assert.Null(await s.LoadAsync<SlaOperationView>(DemoData.CaseId));

        var ok = await MeasureAsync(officer, "%PDF-1.7 quarterly report"u8.ToArray(), firstMet: false);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        await using var session = _app.Store.QuerySession();
        var view = await session.LoadAsync<SlaOperationView>(DemoData.CaseId);
        var period = Assert.Single(view!.Periods);
        Assert.Equal(3, period.Months);
        Assert.NotNull(period.ReportSha256);
        var html = await officer.GetStringAsync(Url + "?year=2028");
        Assert.Contains("report.pdf", html, StringComparison.Ordinal);
        var download = await officer.GetAsync($"{Url}?handler=Report&fileId={period.ReportFileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("%PDF-1.7 quarterly report"u8.ToArray(), await download.Content.ReadAsByteArrayAsync());

        // The year's report is a stored document version: valid Word with the achievement in it.
        var report = await officer.PostFormAsync(Url + "?handler=Report&year=2028", new Dictionary<string, string>(), Url + "?year=2028");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var bytes = await report.Content.ReadAsByteArrayAsync();
        Assert.Empty(Procurement.Features.Documents.Rendering.DocumentRenderer.Validate(bytes));
        var text = Procurement.Features.Documents.Rendering.DocxText.Extract(bytes);
        Assert.Contains("サービスレベル評価報告書", text, StringComparison.Ordinal);
        Assert.Contains("令和10年度", text, StringComparison.Ordinal);
        // Per item and month: the measured value, the 協定値 and 達成, months in 和暦.
        Assert.Contains("令和10年4月", text, StringComparison.Ordinal);
        Assert.Contains("オンライン応答時間遵守率", text, StringComparison.Ordinal);
        Assert.Contains("90%", text, StringComparison.Ordinal);
        Assert.Contains("99%以上", text, StringComparison.Ordinal);
        Assert.Contains("未達成", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2028-04", text, StringComparison.Ordinal);

        // The page shows the computed values and the timeline says them.
        Assert.Contains("90%", html, StringComparison.Ordinal);
        var timeline = await officer.GetStringAsync($"/Cases/{DemoData.CaseId}");
        Assert.Contains("オンライン応答時間遵守率 90%（協定値 99%以上）未達成", WebUtility.HtmlDecode(timeline), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blank_item_is_named_by_its_row_and_indicator_and_nothing_is_stored()
    {
        var officer = await _app.SignInAsync("officer1");

        var response = await MeasureAsync(officer, null, firstMet: true, blankRow: 4);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("5行目（オンライン応答時間遵守率）の「期限内の件数」: 件数を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("5行目（オンライン応答時間遵守率）の「全件数」: 件数を入力してください。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("測定値を入力してください。", html, StringComparison.Ordinal);
        await using var s = _app.Store.QuerySession();
        Assert.Null(await s.LoadAsync<SlaOperationView>(DemoData.CaseId));
    }

    [Fact]
    public async Task Committee_members_see_the_evaluation_but_cannot_record()
    {
        var member = await _app.SignInAsync("member1");

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(Url)).StatusCode);
        var post = await member.PostFormAsync(Url + "?handler=Payment", new Dictionary<string, string> { ["Input.AnnualPayment"] = "100" }, "/");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Account/Denied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Input.Rows\\[(\\d+)\\].ItemKey\" value=\"([^\"]+)\"")]
    private static partial Regex RowKeyPattern();
}

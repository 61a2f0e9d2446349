using System.Net;
using Procurement.Features.Evaluation;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>
/// The chair's decisions over HTTP: closing technical scoring and reopening a sheet (on the hub), consensus marks with a
/// reason and the officer's lot record (on the chair page); who may do which, and messages next to their fields.
/// </summary>
public sealed class ChairPageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly string Chair = $"{Hub}/Chair";
    private static readonly string A = EvaluationDemo.VendorA.ToString();
    private static readonly string B = EvaluationDemo.VendorB.ToString();

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Consensus(string vendor, string item, string mark, string reason) => new()
    {
        ["Consensus.VendorId"] = vendor, ["Consensus.ItemId"] = item, ["Consensus.Mark"] = mark, ["Consensus.Reason"] = reason,
    };

    [Fact]
    public async Task The_chair_reopens_a_submitted_sheet_only_with_a_reason_and_closes_only_when_every_sheet_is_in()
    {
        var member1 = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member1);
        Assert.Equal(HttpStatusCode.Redirect, (await member1.PostFormAsync($"{Hub}/Sheet?handler=Submit", Cells("4", "12"), $"{Hub}/Sheet")).StatusCode);
        var memberId = await UserIdAsync(_app, "member1");
        var chair = await _app.SignInAsync("chair");

        var tooEarly = await chair.PostFormAsync($"{Hub}?handler=Close", new() { ["CloseConfirmed"] = "true" }, Hub);
        Assert.Equal(HttpStatusCode.OK, tooEarly.StatusCode);
        Assert.Contains("利害関係の申告が済んでいない委員がいます: 喬木 由美、南 信夫（委員長）", await tooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noReason = await chair.PostFormAsync($"{Hub}?handler=Reopen", new() { ["Reopen.MemberId"] = memberId.ToString(), ["Reopen.Reason"] = " " }, Hub);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("差し戻しの理由を入力してください。", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var member2 = await _app.SignInAsync("member2");
        var notChair = await member2.PostFormAsync($"{Hub}?handler=Reopen", new() { ["Reopen.MemberId"] = memberId.ToString(), ["Reopen.Reason"] = "誤記" }, Hub);
        Assert.Contains("この操作は委員長のみが行えます。", await notChair.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var reopened = await chair.PostFormAsync($"{Hub}?handler=Reopen", new() { ["Reopen.MemberId"] = memberId.ToString(), ["Reopen.Reason"] = "1-1の評価理由を確認してください" }, Hub);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var sheet = await member1.GetStringAsync($"{Hub}/Sheet");
        Assert.Contains("委員長による差戻しの理由: 1-1の評価理由を確認してください", sheet, StringComparison.Ordinal);
        Assert.Contains("作成中", sheet, StringComparison.Ordinal);

        await SubmitAllAndCloseAsync(_app);
        Assert.Contains("締切済み", await chair.GetStringAsync(Hub), StringComparison.Ordinal);
        var afterClose = await chair.PostFormAsync($"{Hub}?handler=Reopen", new() { ["Reopen.MemberId"] = memberId.ToString(), ["Reopen.Reason"] = "再確認" }, $"{Hub}/Results");
        Assert.Contains("技術審査は締め切られています。", await afterClose.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consensus_waits_for_the_close_names_the_bad_field_keeps_the_input_and_shows_in_the_results()
    {
        var chair = await _app.SignInAsync("chair");
        Assert.Contains("技術審査の締切後に行えます", await chair.GetStringAsync(Chair), StringComparison.Ordinal);
        var early = await chair.PostFormAsync($"{Chair}?handler=Consensus", Consensus(A, "1-1", "5", "協議の結果"), Chair);
        Assert.Contains("合議による評価の決定は技術審査の締切後に行えます。", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await SubmitAllAndCloseAsync(_app);

        var noReason = await chair.PostFormAsync($"{Chair}?handler=Consensus", Consensus(A, "1-1", "5", ""), Chair);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var html = await noReason.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Consensus_Reason\"", html, StringComparison.Ordinal);
        Assert.Contains("合議の理由を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Consensus_Mark\" name=\"Consensus.Mark\" value=\"5\"", html, StringComparison.Ordinal);

        var badMark = await chair.PostFormAsync($"{Chair}?handler=Consensus", Consensus(A, "1-1", "9", "委員間で評価が分かれたため協議"), Chair);
        html = await badMark.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Consensus_Mark\"", html, StringComparison.Ordinal);
        Assert.Contains("評価は0〜5の整数で入力してください", html, StringComparison.Ordinal);
        Assert.Contains("委員間で評価が分かれたため協議</textarea>", html, StringComparison.Ordinal);

        var officer = await _app.SignInAsync("officer1");
        var notChair = await officer.PostFormAsync($"{Chair}?handler=Consensus", Consensus(A, "1-1", "5", "協議"), Chair);
        Assert.Contains("この操作を行う権限がありません。", await notChair.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await chair.PostFormAsync($"{Chair}?handler=Consensus", Consensus(A, "1-1", "2", "委員間で評価が分かれたため協議"), Chair);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var results = await officer.GetStringAsync($"{Hub}/Results?vendor={A}");
        Assert.Contains("委員間で評価が分かれたため協議", results, StringComparison.Ordinal);
        Assert.Contains("合議の評価", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officer_records_a_lot_the_chair_cannot_and_a_bad_lot_keeps_the_order_chosen()
    {
        await SubmitAllAndCloseAsync(_app);
        var officer = await _app.SignInAsync("officer1");

        var noDrawer = await officer.PostFormAsync($"{Chair}?handler=Lot",
            new List<KeyValuePair<string, string>> { new("Lot.VendorOrder", B), new("Lot.VendorOrder", A), new("Lot.DrawnBy", "") }, Chair);
        Assert.Equal(HttpStatusCode.OK, noDrawer.StatusCode);
        var html = await noDrawer.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Lot_DrawnBy\"", html, StringComparison.Ordinal);
        Assert.Contains("くじを引いた者を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{B}\" selected=\"selected\">", html, StringComparison.Ordinal);

        var single = await officer.PostFormAsync($"{Chair}?handler=Lot",
            new List<KeyValuePair<string, string>> { new("Lot.VendorOrder", A), new("Lot.DrawnBy", "高森 花子") }, Chair);
        html = await single.Content.ReadAsStringAsync();
        Assert.Contains("くじの対象となる事業者を2者以上、重複なく指定してください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"高森 花子\"", html, StringComparison.Ordinal);

        var chair = await _app.SignInAsync("chair");
        var byChair = await chair.PostFormAsync($"{Chair}?handler=Lot",
            new List<KeyValuePair<string, string>> { new("Lot.VendorOrder", B), new("Lot.VendorOrder", A), new("Lot.DrawnBy", "南 信夫") }, Chair);
        Assert.Contains("この操作を行う権限がありません。", await byChair.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var recorded = await officer.PostFormAsync($"{Chair}?handler=Lot",
            new List<KeyValuePair<string, string>> { new("Lot.VendorOrder", B), new("Lot.VendorOrder", A), new("Lot.DrawnBy", "松川 次郎"), new("Lot.Note", "立会人 2名") }, Chair);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var history = await officer.GetStringAsync($"{Hub}/Results?history=true");
        Assert.Contains("くじ（松川 次郎が実施）: 乙情報サービス株式会社 → 甲システム株式会社（立会人 2名）", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_legal_staff_and_outsiders_cannot_use_the_chair_page()
    {
        await SubmitAllAndCloseAsync(_app);
        var member = await _app.SignInAsync("member1");
        Assert.True(IsDenied(await member.GetAsync(Chair)));
        Assert.True(IsDenied(await member.PostFormAsync($"{Chair}?handler=Consensus", Consensus(A, "1-1", "5", "協議"), Hub)));

        // Legal staff can change no score, not even through a consensus.
        var legal = await _app.SignInAsync("legal");
        Assert.True(IsDenied(await legal.GetAsync(Chair)));
        Assert.True(IsDenied(await legal.PostFormAsync($"{Chair}?handler=Consensus", Consensus(A, "1-1", "5", "協議"), Hub)));
        Assert.True(IsDenied(await legal.PostFormAsync($"{Hub}/Sheet?handler=Autosave", Cells("1", "1"), Hub)));

        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Chair)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync($"{Chair}?handler=Lot",
            new() { ["Lot.VendorOrder"] = A, ["Lot.DrawnBy"] = "x" }, "/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync($"{Hub}?handler=Close", new() { ["CloseConfirmed"] = "true" }, "/")).StatusCode);
    }
}

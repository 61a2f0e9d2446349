using System.Net;
using Procurement.Features.Evaluation;
using Procurement.Tests.Contracts;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>
/// Irreversible evaluation actions ask first, on the server (a required checkbox naming the consequence), so they hold
/// without JavaScript; the declaration is an explicit choice; results become final only by the chair's 「結果を確定する」.
/// </summary>
public sealed class ConfirmFirstTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly string Chair = $"{Hub}/Chair";

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_declaration_form_presets_no_answer_and_refuses_a_post_without_a_choice()
    {
        var member = await _app.SignInAsync("member1");
        var form = await member.GetStringAsync($"{Hub}/Declare");
        Assert.DoesNotContain("checked=\"checked\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Declaration.HasConflict\" value=\"false\"", form, StringComparison.Ordinal);

        var refused = await member.PostFormAsync($"{Hub}/Declare", new() { ["Declaration.Statement"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"field-error\" data-valmsg-for=\"Declaration.HasConflict\">利害関係の有無を選んでください。</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Declaration_HasConflict\"", html, StringComparison.Ordinal);
        // Nothing was recorded: the sheet still sends the member to the declaration.
        Assert.Equal($"/Cases/{Case}/Evaluation/Declare", (await member.GetAsync($"{Hub}/Sheet")).Headers.Location!.OriginalString);

        await DeclareNoConflictAsync(member);
        Assert.Contains("value=\"false\" checked=\"checked\"", await member.GetStringAsync($"{Hub}/Declare"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_a_complete_sheet_without_the_confirmation_keeps_it_a_draft_with_what_was_typed()
    {
        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        var cells = Cells("4", "12");
        cells.Remove("SubmitConfirmed");

        var refused = await member.PostFormAsync($"{Hub}/Sheet?handler=Submit", cells, $"{Hub}/Sheet");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("提出する前に、提出の結果を確認してチェックを入れてください。", html, StringComparison.Ordinal);
        Assert.Contains("提出すると採点表は固定され、委員長が差し戻さない限り変更できません。このことを確認しました。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12\"", html, StringComparison.Ordinal);

        var sheet = await member.GetStringAsync($"{Hub}/Sheet");
        Assert.Contains("作成中", sheet, StringComparison.Ordinal);
        Assert.Contains("全36項目を入力済みです。", sheet, StringComparison.Ordinal); // the typed cells were kept as the draft

        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"{Hub}/Sheet?handler=Submit", Cells("4", "12"), $"{Hub}/Sheet")).StatusCode);
        Assert.Contains("提出済み", await member.GetStringAsync($"{Hub}/Sheet"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_technical_scoring_needs_the_confirmation_and_the_chair_page_says_what_comes_next_before_it()
    {
        var chair = await _app.SignInAsync("chair");
        var before = await chair.GetStringAsync(Chair);
        Assert.Contains("<h2 id=\"next-heading\">次に行うこと</h2>", before, StringComparison.Ordinal);
        Assert.Contains("全委員の採点表の提出を待ちます（提出済み 0／3名）。", before, StringComparison.Ordinal);
        Assert.Contains("委員長が「結果を確定する」で審査結果を確定します。", before, StringComparison.Ordinal);

        foreach (var (name, grade) in new[] { ("member1", "4"), ("member2", "3"), ("chair", "5") })
        {
            var member = await _app.SignInAsync(name);
            await DeclareNoConflictAsync(member);
            Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"{Hub}/Sheet?handler=Submit",
                Cells(grade, "12", (v, item) => v == EvaluationDemo.VendorC && item.StartsWith("1-", StringComparison.Ordinal) ? "1" : null), $"{Hub}/Sheet")).StatusCode);
        }
        Assert.Contains("提出済み 3／3名", await chair.GetStringAsync(Chair), StringComparison.Ordinal);

        var unconfirmed = await chair.PostFormAsync($"{Hub}?handler=Close", new(), Hub);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("締め切る前に、締切の結果を確認してチェックを入れてください。", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("締切済み", await chair.GetStringAsync(Hub), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await chair.PostFormAsync($"{Hub}?handler=Close", new() { ["CloseConfirmed"] = "true" }, Hub)).StatusCode);
        Assert.Contains("締切済み", await chair.GetStringAsync(Hub), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_consensus_decision_leaves_the_result_provisional_until_the_chair_finalises_it()
    {
        // member1 answers △ for vendor A's 2-1: after the close one decision is left for the committee.
        foreach (var (name, grade) in new[] { ("member1", "4"), ("member2", "3"), ("chair", "5") })
        {
            var member = await _app.SignInAsync(name);
            await DeclareNoConflictAsync(member);
            var cells = Cells(grade, "12", (v, item) => name == "member1" && v == EvaluationDemo.VendorA && item == "2-1" ? "△"
                : v == EvaluationDemo.VendorC && item.StartsWith("1-", StringComparison.Ordinal) ? "1" : null);
            Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"{Hub}/Sheet?handler=Submit", cells, $"{Hub}/Sheet")).StatusCode);
        }
        var chair = await _app.SignInAsync("chair");
        Assert.Equal(HttpStatusCode.Redirect, (await chair.PostFormAsync($"{Hub}?handler=Close", new() { ["CloseConfirmed"] = "true" }, Hub)).StatusCode);

        var decided = await chair.PostFormAsync($"{Chair}?handler=PartialFit", new()
        {
            ["PartialFit.VendorId"] = EvaluationDemo.VendorA.ToString(), ["PartialFit.ItemId"] = "2-1", ["PartialFit.TreatAsFit"] = "true", ["PartialFit.Reason"] = "代替案で要件を満たす",
        }, Chair);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        // Nothing is left to decide, yet the result is not final: no candidate, and the award is empty.
        var officer = await _app.SignInAsync("officer1");
        var results = await officer.GetStringAsync($"{Hub}/Results");
        Assert.Contains("優先交渉権者は、結果の確定後に決まります。", results, StringComparison.Ordinal);
        await using (var session = _app.Store.QuerySession())
        {
            Assert.Null(await new EvaluationAward(session).GetAward(Case));
        }
        var chairPage = await chair.GetStringAsync(Chair);
        Assert.Contains("id=\"Finalise\"", chairPage, StringComparison.Ordinal);
        Assert.Contains("確定すると、合議の評価、△の判断、くじの記録は変更できなくなります。このことを確認しました。", chairPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Finalise\"", await officer.GetStringAsync(Chair), StringComparison.Ordinal); // the chair's decision alone

        var unconfirmed = await chair.PostFormAsync($"{Chair}?handler=Finalise", new(), Chair);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("確定する前に、確定の結果を確認してチェックを入れてください。", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("優先交渉権者は、結果の確定後に決まります。", await officer.GetStringAsync($"{Hub}/Results"), StringComparison.Ordinal);

        await FinaliseAsync(_app);
        var final = await officer.GetStringAsync($"{Hub}/Results");
        Assert.Contains("<p id=\"candidate-name\"><strong>", final, StringComparison.Ordinal);
        await using (var session = _app.Store.QuerySession())
        {
            Assert.NotNull(await new EvaluationAward(session).GetAward(Case));
        }
        Assert.Contains("id=\"finalised\"", await chair.GetStringAsync(Chair), StringComparison.Ordinal);

        // The decisions a final result rests on no longer change.
        var after = await chair.PostFormAsync($"{Chair}?handler=Consensus", new()
        {
            ["Consensus.VendorId"] = EvaluationDemo.VendorA.ToString(), ["Consensus.ItemId"] = "1-1", ["Consensus.Mark"] = "5", ["Consensus.Reason"] = "再協議",
        }, Chair);
        Assert.Contains("審査結果は確定済みのため、変更できません。", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_contract_version_needs_the_confirmation_naming_what_approval_fixes()
    {
        var officer = await _app.SignInAsync("officer1");
        var legal = await _app.SignInAsync("legal");
        await _app.SubmitFirstVersionAsync(officer);
        var version = $"/Cases/{Case}/Contract/Versions/1";
        Assert.Contains("承認すると第1版は固定され、変更できなくなります。このことを確認しました。", await legal.GetStringAsync(version), StringComparison.Ordinal);

        var unconfirmed = await legal.PostFormAsync($"{version}?handler=Approve", new() { ["Input.Version"] = await _app.VersionAsync() }, version);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("承認する前に、承認の結果を確認してチェックを入れてください。", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await _app.LoadDossierAsync())!.LatestApproved);

        Assert.Equal(HttpStatusCode.Redirect, (await _app.ReviewAsync(legal, 1, "Approve")).StatusCode);
        Assert.Equal(1, (await _app.LoadDossierAsync())!.LatestApproved!.Number);
    }

    [Fact]
    public async Task Recording_a_decline_needs_the_confirmation()
    {
        await SubmitAllAndCloseAsync(_app);
        await FinaliseAsync(_app);
        var officer = await _app.SignInAsync("officer1");
        var before = await officer.GetStringAsync($"{Hub}/Results");
        var vendor = System.Text.RegularExpressions.Regex.Match(before, "name=\"Decline.VendorId\" value=\"([^\"]+)\"").Groups[1].Value;

        var refused = await officer.PostFormAsync($"{Hub}/Results?handler=Decline", new() { ["Decline.VendorId"] = vendor, ["Decline.Reason"] = "辞退届" }, $"{Hub}/Results");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("記録する前に、辞退の記録の結果を確認してチェックを入れてください。", html, StringComparison.Ordinal);
        Assert.Contains(">辞退届</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"declines\"", await officer.GetStringAsync($"{Hub}/Results"), StringComparison.Ordinal);
    }
}

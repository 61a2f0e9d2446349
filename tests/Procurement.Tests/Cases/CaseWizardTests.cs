using System.Net;
using Marten;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Features.Wizards;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Cases;

public sealed class CaseWizardTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<HttpResponseMessage> Post(HttpClient client, params (string Key, string Value)[] fields) =>
        await client.PostFormAsync("/Cases/Wizard", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), "/Cases/Wizard");

    [Fact]
    public async Task An_officer_walks_the_wizard_with_a_back_step_and_a_resume_and_the_case_is_opened_once()
    {
        var client = await _app.SignInAsync("officer1");
        await Post(client, ("Step", "0"), ("action", "next"), ("Input.GroupId", DemoData.GroupId.ToString()), ("Input.Title", "介護保険システム共同調達"));
        await Post(client, ("Step", "1"), ("action", "next"), ("Input.TargetBusinesses", "kaigo"), ("Input.TargetBusinesses", "kouki"));
        await Post(client, ("Step", "2"), ("action", "back"), ("Input.CloudForm", "SaaS"), ("Input.PlannedGoLive", "2028-10-01"), ("Input.BudgetCeiling", "120,000,000"));

        // Back kept step 2's input and shows step 1 with its choices.
        var step1 = await client.GetStringAsync("/Cases/Wizard");
        Assert.Contains("value=\"kaigo\" checked", step1, StringComparison.Ordinal);

        // Save and sign out; the draft survives a new sign-in.
        await Post(client, ("Step", "1"), ("action", "save"), ("Input.TargetBusinesses", "kaigo"), ("Input.TargetBusinesses", "kouki"));
        var again = await _app.SignInAsync("officer1");
        Assert.Contains("案件の作成", await again.GetStringAsync("/"), StringComparison.Ordinal);
        await Post(again, ("Step", "1"), ("action", "next"), ("Input.TargetBusinesses", "kaigo"), ("Input.TargetBusinesses", "kouki"));
        var step2 = await again.GetStringAsync("/Cases/Wizard");
        Assert.Contains("value=\"120,000,000\"", step2, StringComparison.Ordinal);
        await Post(again, ("Step", "2"), ("action", "next"), ("Input.CloudForm", "SaaS"), ("Input.PlannedGoLive", "2028-10-01"), ("Input.BudgetCeiling", "120,000,000"));

        var review = await again.GetStringAsync("/Cases/Wizard");
        Assert.Contains("入力内容の確認", review, StringComparison.Ordinal);
        Assert.Contains("120,000,000円", review, StringComparison.Ordinal);
        Assert.Contains("令和10年10月1日", review, StringComparison.Ordinal);

        var submit = await Post(again, ("Step", "3"), ("action", "submit"));
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var casePage = await again.GetStringAsync(submit.Headers.Location!.ToString());
        Assert.Contains("介護保険システム共同調達", casePage, StringComparison.Ordinal);
        Assert.Contains("案件を作成しました", casePage, StringComparison.Ordinal);
        Assert.Contains("高森 花子", casePage, StringComparison.Ordinal);

        await using var session = _app.Store.QuerySession();
        var opened = await session.Query<CaseSummary>().Where(c => c.Title == "介護保険システム共同調達").ToListAsync();
        var created = Assert.Single(opened);
        Assert.Equal(["kaigo", "kouki"], created.TargetBusinesses);
        Assert.Equal(120_000_000, created.BudgetCeiling);
        Assert.Null(await session.LoadAsync<WizardDraft>(WizardDraft.KeyFor(created.Id == Guid.Empty ? Guid.Empty : (await session.Query<Procurement.Features.Users.UserAccount>().SingleAsync(u => u.UserName == "officer1")).Id, "case")));
    }

    [Fact]
    public async Task A_saved_draft_is_listed_by_its_title_resumes_with_a_notice_and_can_be_discarded()
    {
        var client = await _app.SignInAsync("officer2");
        await Post(client, ("Step", "0"), ("action", "next"), ("Input.GroupId", DemoData.GroupId.ToString()), ("Input.Title", "住民記録システム共同調達"));

        // The next step of the same sitting is not a resumed draft; leaving and coming back is.
        Assert.DoesNotContain("途中保存した入力から再開しています", await client.GetStringAsync("/Cases/Wizard"), StringComparison.Ordinal);
        await client.GetStringAsync("/");
        Assert.Contains("途中保存した入力から再開しています", await client.GetStringAsync("/Cases/Wizard"), StringComparison.Ordinal);

        await Post(client, ("Step", "1"), ("action", "save"), ("Input.TargetBusinesses", "juki"));
        Assert.Contains("案件の作成「住民記録システム共同調達」", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var resumed = await client.GetStringAsync("/Cases/Wizard");
        Assert.Contains("に途中保存した入力から再開しています。", resumed, StringComparison.Ordinal);
        Assert.Contains("value=\"discard\"", resumed, StringComparison.Ordinal);

        var discarded = await Post(client, ("Step", "1"), ("action", "discard"));
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var fresh = await client.GetStringAsync("/Cases/Wizard");
        Assert.Contains("手順 1 / 4", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("住民記録システム共同調達", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("再開しています", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("作成途中の入力", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_stays_on_the_step_with_the_message_next_to_the_field_and_keeps_what_was_typed()
    {
        var client = await _app.SignInAsync("officer2");
        await Post(client, ("Step", "0"), ("action", "next"), ("Input.GroupId", DemoData.GroupId.ToString()), ("Input.Title", "財務会計"));
        await Post(client, ("Step", "1"), ("action", "next"), ("Input.TargetBusinesses", "zaimu"));

        var response = await Post(client, ("Step", "2"), ("action", "next"), ("Input.CloudForm", "SaaS"), ("Input.PlannedGoLive", "2020-01-01"), ("Input.BudgetCeiling", "たくさん"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("稼働予定日は今日より後の日付にしてください。", html, StringComparison.Ordinal);
        Assert.Contains("予算上限額は円単位の整数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Input.BudgetCeiling\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"たくさん\"", html, StringComparison.Ordinal);
        Assert.Contains("手順 3 / 4", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_first_step_names_both_missing_fields()
    {
        var client = await _app.SignInAsync("officer2");

        var html = await (await Post(client, ("Step", "0"), ("action", "next"), ("Input.GroupId", ""), ("Input.Title", ""))).Content.ReadAsStringAsync();

        Assert.Contains("グループを選択してください。", html, StringComparison.Ordinal);
        Assert.Contains("案件名を入力してください。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_for_a_group_the_officer_does_not_belong_to_opens_nothing()
    {
        var (otherGroup, _) = await _app.CreateOtherGroupWithOfficerAsync("wizard-outsider");
        var client = await _app.SignInAsync("officer2");
        await Post(client, ("Step", "0"), ("action", "next"), ("Input.GroupId", otherGroup.ToString()), ("Input.Title", "越境案件"));
        await Post(client, ("Step", "1"), ("action", "next"), ("Input.TargetBusinesses", "zaimu"));
        await Post(client, ("Step", "2"), ("action", "next"), ("Input.CloudForm", "IaaS"), ("Input.PlannedGoLive", "2029-04-01"), ("Input.BudgetCeiling", "1000"));

        var html = await (await Post(client, ("Step", "3"), ("action", "submit"))).Content.ReadAsStringAsync();

        Assert.Contains("この操作を行う権限がありません。", html, StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        Assert.False(await session.Query<CaseSummary>().AnyAsync(c => c.Title == "越境案件"));
    }
}

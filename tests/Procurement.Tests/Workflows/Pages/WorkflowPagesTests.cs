using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Features.Demo;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Tasks;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Workflows.Pages;

/// <summary>The workflow pages over HTTP: inbox, step page forms, membership and role refusals, migration.</summary>
public sealed class WorkflowPagesTests(WorkflowPagesTests.App shared) : IClassFixture<WorkflowPagesTests.App>, IAsyncLifetime
{
    private AppFactory _app = null!;
    private static readonly Guid Case = DemoData.CaseId;
    private static readonly string CasePage = $"/Cases/{Case}";

    private static string Step(string stepId) => $"/Cases/{Case}/Steps/{stepId}";

    // A second version of the joint procurement flow: the first step renamed, so migrating needs a mapping for it.
    private static string Version2()
    {
        var d = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowFolders.Shipped, "joint-cloud-procurement.v1.json")))!.AsObject();
        d["version"] = 2;
        var first = d["steps"]!.AsArray().Single(s => (string?)s!["id"] == "study-sessions")!.AsObject();
        first["id"] = "study-and-research";
        d["start"] = "study-and-research";
        return d.ToJsonString();
    }

    /// <summary>The class's app, on a copy of the shipped workflows plus <see cref="Version2"/>.</summary>
    public sealed class App : SharedApp
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Procurement:WorkflowsDirectory"] = WorkflowFolders.CopyWith(("joint-cloud-procurement.v2.json", Version2())),
        };
    }

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> Html(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    private static async Task StartAsync(HttpClient officer, string definition = "joint-cloud-procurement:1")
    {
        var response = await officer.PostFormAsync($"/Cases/{Case}/Workflow/Start", new() { ["Definition"] = definition }, CasePage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<long> VersionAsync()
    {
        await using var session = _app.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(Case))!.Version;
    }

    private async Task<CaseWorkflowView> ViewAsync()
    {
        await using var session = _app.Store.QuerySession();
        return (await session.LoadAsync<CaseWorkflowView>(Case))!;
    }

    private async Task<HttpResponseMessage> PostStepAsync(HttpClient client, string stepId, string handler, Dictionary<string, string> fields)
    {
        fields["Version"] = (await VersionAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await client.PostFormAsync($"{Step(stepId)}?handler={handler}", fields, Step(stepId));
    }

    [Fact]
    public async Task The_case_page_starts_the_workflow_and_then_shows_the_active_step_with_its_roles_and_a_link()
    {
        var officer = await _app.SignInAsync("officer1");
        var before = await officer.GetStringAsync(CasePage);
        Assert.Contains("この案件の手続はまだ開始されていません。", before, StringComparison.Ordinal);
        Assert.Contains("value=\"joint-cloud-procurement:2\"", before, StringComparison.Ordinal);

        await StartAsync(officer);

        var after = await officer.GetStringAsync(CasePage);
        Assert.Contains($"href=\"{Step("study-sessions")}\"", after, StringComparison.Ordinal);
        Assert.Contains("勉強会・情報収集", after, StringComparison.Ordinal);
        Assert.Contains("調達担当", after, StringComparison.Ordinal);
        Assert.Contains("手続「", after, StringComparison.Ordinal); // the timeline describes the start in words
        Assert.DoesNotContain(">WorkflowStarted<", after, StringComparison.Ordinal);
        Assert.Equal(1, (await ViewAsync()).DefinitionVersion);
    }

    [Fact]
    public async Task The_inbox_highlights_an_overdue_step_sorts_by_links_and_shows_the_last_reminder()
    {
        var officer = await _app.SignInAsync("officer1");
        await StartAsync(officer);
        // Today is 2026-11-26 in Tokyo: a due date six days ago is overdue.
        var set = await PostStepAsync(officer, "study-sessions", "Deadline", new() { ["Deadline.Due"] = "2026-11-20", ["Deadline.Reason"] = "視察日程" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        using (var scope = _app.Services.CreateScope())
        {
            Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<WorkflowReminders>().RunAsync(3));
        }

        var inbox = await officer.GetStringAsync("/Tasks");
        Assert.Contains("overdue-row", inbox, StringComparison.Ordinal);
        Assert.Contains("期限超過（6日）", inbox, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Step("study-sessions")}\"", inbox, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Tasks?sort=Phase\">", inbox, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"true\"", inbox, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-11-26T", inbox, StringComparison.Ordinal); // reminded today

        var byCase = await officer.GetStringAsync("/Tasks?sort=case");
        Assert.Contains("<a href=\"/Tasks?sort=Case\" aria-current=\"true\"", byCase, StringComparison.Ordinal);

        var member = await _app.SignInAsync("member1");
        Assert.Contains("今対応が必要なタスクはありません。", await member.GetStringAsync("/Tasks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_is_completed_through_its_page_with_a_note_and_a_stale_page_is_told_so()
    {
        var officer = await _app.SignInAsync("officer1");
        await StartAsync(officer);
        var staleVersion = await VersionAsync();

        var done = await PostStepAsync(officer, "study-sessions", "Complete", new() { ["Complete.Note"] = "先行団体を視察した" });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var view = await ViewAsync();
        Assert.Equal("先行団体を視察した", Assert.Single(view.Completed).Note);
        Assert.Equal(["joint-framework"], view.Active.Select(a => a.StepId));
        var casePage = await officer.GetStringAsync(CasePage);
        Assert.Contains("「勉強会・情報収集」を完了しました。", casePage, StringComparison.Ordinal);

        // A form built before that change carries the old version: refused, the input stays.
        var stale = await officer.PostFormAsync($"{Step("joint-framework")}?handler=Complete",
            new() { ["Version"] = staleVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Complete.Note"] = "古い画面から" }, Step("joint-framework"));
        var html = await Html(stale);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("他の利用者がこの内容を変更しました。", html, StringComparison.Ordinal);
        Assert.Contains("古い画面から", html, StringComparison.Ordinal);
        Assert.Single((await ViewAsync()).Completed);
    }

    [Fact]
    public async Task Send_back_needs_a_reason_shown_next_to_the_field()
    {
        var officer = await _app.SignInAsync("officer1");
        await StartAsync(officer);
        await PostStepAsync(officer, "study-sessions", "Complete", []);
        Assert.Contains("<option value=\"study-sessions\"", await officer.GetStringAsync(Step("joint-framework")), StringComparison.Ordinal);

        var refused = await PostStepAsync(officer, "joint-framework", "SendBack", new() { ["SendBack.ToStep"] = "study-sessions", ["SendBack.Reason"] = " " });
        var html = await Html(refused);
        Assert.Contains("<span class=\"field-error field-validation-error\" data-valmsg-for=\"SendBack.Reason\" data-valmsg-replace=\"true\">差戻しの理由を入力してください。</span>", html, StringComparison.Ordinal);
        Assert.Equal(["joint-framework"], (await ViewAsync()).Active.Select(a => a.StepId));

        var sent = await PostStepAsync(officer, "joint-framework", "SendBack", new() { ["SendBack.ToStep"] = "study-sessions", ["SendBack.Reason"] = "視察先を追加する" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(["study-sessions"], (await ViewAsync()).Active.Select(a => a.StepId));
    }

    [Fact]
    public async Task A_committee_member_cannot_send_back_and_sees_no_send_back_form()
    {
        var officer = await _app.SignInAsync("officer1");
        await StartAsync(officer);
        await PostStepAsync(officer, "study-sessions", "Complete", []);

        var member = await _app.SignInAsync("member1");
        var page = await member.GetStringAsync(Step("joint-framework"));
        Assert.DoesNotContain("handler=SendBack", page, StringComparison.Ordinal);
        Assert.Contains("あなたは担当外です", page, StringComparison.Ordinal);

        var refused = await PostStepAsync(member, "joint-framework", "SendBack", new() { ["SendBack.ToStep"] = "study-sessions", ["SendBack.Reason"] = "やり直し" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("この操作を行う権限がありません。", await Html(refused), StringComparison.Ordinal);
        Assert.Equal(["joint-framework"], (await ViewAsync()).Active.Select(a => a.StepId));
    }

    [Fact]
    public async Task An_outsider_gets_404_from_every_workflow_page_of_the_case()
    {
        var officer = await _app.SignInAsync("officer1");
        await StartAsync(officer);
        var (_, outsiderName) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(outsiderName, TestUsers.Password);

        foreach (var url in new[] { Step("study-sessions"), $"/Cases/{Case}/Diagram", $"/Cases/{Case}/Schedule", $"/Cases/{Case}/Migrate", $"/Cases/{Case}/Workflow/Start" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        }
        var post = await outsider.PostFormAsync($"{Step("study-sessions")}?handler=Complete", new() { ["Version"] = "1" }, "/Tasks");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty((await ViewAsync()).Completed);
        Assert.DoesNotContain("勉強会・情報収集", await outsider.GetStringAsync("/Tasks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migration_with_an_unmapped_step_is_refused_with_the_message_and_then_goes_through()
    {
        var officer = await _app.SignInAsync("officer1");
        await StartAsync(officer);
        await PostStepAsync(officer, "study-sessions", "Complete", []);

        var form = await officer.GetStringAsync($"/Cases/{Case}/Migrate");
        // joint-framework exists in v2 under the same id: prefilled; study-sessions was renamed: left to choose.
        Assert.Contains("<option value=\"joint-framework\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Mapping[study-sessions]\" class=\"unmapped\"", form, StringComparison.Ordinal);

        var version = (await VersionAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var refused = await officer.PostFormAsync($"/Cases/{Case}/Migrate", new Dictionary<string, string>
        {
            ["Input.Version"] = version, ["Input.ToVersion"] = "2", ["Input.Reason"] = "第2版の様式に合わせる",
            ["Input.Mapping[study-sessions]"] = "", ["Input.Mapping[joint-framework]"] = "joint-framework",
        }, $"/Cases/{Case}/Migrate");
        var html = await Html(refused);
        Assert.Contains("ステップの対応付けが不足しています。", html, StringComparison.Ordinal);
        Assert.Contains("第2版の様式に合わせる", html, StringComparison.Ordinal);
        Assert.Equal(1, (await ViewAsync()).DefinitionVersion);

        var noReason = await officer.PostFormAsync($"/Cases/{Case}/Migrate", new Dictionary<string, string>
        {
            ["Input.Version"] = version, ["Input.ToVersion"] = "2", ["Input.Reason"] = "",
            ["Input.Mapping[study-sessions]"] = "study-and-research", ["Input.Mapping[joint-framework]"] = "joint-framework",
        }, $"/Cases/{Case}/Migrate");
        Assert.Contains("data-valmsg-for=\"Input.Reason\" data-valmsg-replace=\"true\">移行の理由を入力してください。", await Html(noReason), StringComparison.Ordinal);

        var done = await officer.PostFormAsync($"/Cases/{Case}/Migrate", new Dictionary<string, string>
        {
            ["Input.Version"] = version, ["Input.ToVersion"] = "2", ["Input.Reason"] = "第2版の様式に合わせる",
            ["Input.Mapping[study-sessions]"] = "study-and-research", ["Input.Mapping[joint-framework]"] = "joint-framework",
        }, $"/Cases/{Case}/Migrate");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var view = await ViewAsync();
        Assert.Equal(2, view.DefinitionVersion);
        Assert.Equal(["study-and-research"], view.Completed.Select(c => c.StepId));

        var member = await _app.SignInAsync("member1");
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync($"/Cases/{Case}/Migrate")).StatusCode);
    }

    [Fact]
    public async Task The_diagram_pages_inline_the_svg_and_the_schedule_marks_today()
    {
        var officer = await _app.SignInAsync("officer1");
        await StartAsync(officer);
        await PostStepAsync(officer, "study-sessions", "Complete", []);

        var schedule = await officer.GetStringAsync($"/Cases/{Case}/Schedule");
        Assert.Contains("<svg", schedule, StringComparison.Ordinal);
        Assert.Contains("今日 2026-11-26", schedule, StringComparison.Ordinal);
        Assert.Contains("勉強会・情報収集", schedule, StringComparison.Ordinal);

        if (!File.Exists("/usr/bin/dot")) return; // without Graphviz the pages show the install message instead
        var diagram = await officer.GetStringAsync($"/Cases/{Case}/Diagram");
        Assert.Contains("<svg", diagram, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", diagram, StringComparison.Ordinal);
        Assert.Contains("#c6f6d5", diagram, StringComparison.Ordinal); // completed fill
        var definition = await officer.GetStringAsync("/Workflows/joint-cloud-procurement/1");
        Assert.Contains("<svg", definition, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/Workflows/joint-cloud-procurement/9")).StatusCode);
    }
}

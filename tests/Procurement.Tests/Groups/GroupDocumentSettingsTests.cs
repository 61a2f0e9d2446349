using System.Net;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Groups;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Validation;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Groups;

/// <summary>The group's date style: the event, the settings page, and every generated document following it.</summary>
public sealed class GroupDocumentSettingsTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly string Page = $"/Groups/{DemoData.GroupId}/Settings";
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GroupView> GroupAsync()
    {
        await using var session = _app.Store.QuerySession();
        return (await session.LoadAsync<GroupView>(DemoData.GroupId))!;
    }

    private async Task<T> SendAs<T>(string userName, Func<IMediator, ValueTask<T>> send)
    {
        await using var user = await ActingUser.StartAsync(_app, userName);
        return await user.Send(send);
    }

    private static Dictionary<string, string> Form(long version, string style) => new()
    {
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.DateStyle"] = style,
    };

    [Fact]
    public void Choosing_the_current_style_adds_no_event_and_a_new_one_is_recorded_with_who_and_when()
    {
        var by = new Actor(Guid.NewGuid(), "高森 花子");
        var created = new GroupCreated(DemoData.GroupId, "南信州町村自治体クラウド協議会", OrganisationForm.Council, [], "高森町", by, DateTimeOffset.UnixEpoch);
        DecisionSpec<GroupViewProjection, GroupView> Spec() => new DecisionSpec<GroupViewProjection, GroupView>().Given(created);

        Spec().When(g => ChangeGroupDocumentSettingsDecision.Decide(g, new(DemoData.GroupId, 0, DateStyle.WarekiOnly), by, DateTimeOffset.UnixEpoch))
            .Then();
        Spec().When(g => ChangeGroupDocumentSettingsDecision.Decide(g, new(DemoData.GroupId, 0, DateStyle.WarekiWithWestern), by, DateTimeOffset.UnixEpoch))
            .Then(new GroupDocumentSettingsChanged(DemoData.GroupId, DateStyle.WarekiWithWestern, by, DateTimeOffset.UnixEpoch));
        Spec().Given(new GroupDocumentSettingsChanged(DemoData.GroupId, DateStyle.WarekiWithWestern, by, DateTimeOffset.UnixEpoch))
            .When(g => ChangeGroupDocumentSettingsDecision.Decide(g, new(DemoData.GroupId, 0, DateStyle.WarekiWithWestern), by, DateTimeOffset.UnixEpoch))
            .Then();
        new DecisionSpec<GroupViewProjection, GroupView>()
            .When(g => ChangeGroupDocumentSettingsDecision.Decide(g, new(DemoData.GroupId, 0, DateStyle.WarekiWithWestern), by, DateTimeOffset.UnixEpoch))
            .ThenRefused("グループが見つかりません。");
        Assert.Equal(DateStyle.WarekiOnly, new GroupView().DateStyle);
    }

    [Fact]
    public async Task The_group_style_is_used_by_every_generated_document_unless_the_caller_names_one()
    {
        var before = await GroupAsync();
        await SendAs("officer1", m => m.Send(new ChangeGroupDocumentSettingsCommand(DemoData.GroupId, before.Version, DateStyle.WarekiWithWestern)));
        var after = await GroupAsync();
        Assert.Equal((DateStyle.WarekiWithWestern, before.Version + 1), (after.DateStyle, after.Version));
        await using (var session = _app.Store.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(DemoData.GroupId);
            var last = events[^1].Data;
            var e = Assert.IsType<GroupDocumentSettingsChanged>(last);
            Assert.Equal("高森 花子", e.By.Name);
        }

        var rfq = await SendAs("officer1", m => m.Send(new GenerateDocument(DemoData.CaseId, "rfq", WorkingDraft: true)));
        var text = DocxText.Extract((await SendAs("officer1", m => m.Send(new GetDocumentFile(DemoData.CaseId, "rfq", rfq.Version))))!.Bytes);
        Assert.Contains("令和8年（2026年）11月26日", text, StringComparison.Ordinal);

        var explicitStyle = await SendAs("officer1", m => m.Send(new GenerateDocument(DemoData.CaseId, "rfi", DateStyle: DateStyle.WarekiOnly, WorkingDraft: true)));
        var slaText = DocxText.Extract((await SendAs("officer1", m => m.Send(new GetDocumentFile(DemoData.CaseId, "rfi", explicitStyle.Version))))!.Bytes);
        Assert.Contains("令和8年11月26日", slaText, StringComparison.Ordinal);
        Assert.DoesNotContain("（2026年）", slaText, StringComparison.Ordinal);

        // A stale form (the version before the change) is refused, nothing overwritten.
        await Assert.ThrowsAsync<StaleVersionException>(() => SendAs("officer1",
            m => m.Send(new ChangeGroupDocumentSettingsCommand(DemoData.GroupId, before.Version, DateStyle.WarekiOnly))));
        Assert.Equal(DateStyle.WarekiWithWestern, (await GroupAsync()).DateStyle);
    }

    [Fact]
    public async Task The_handler_refuses_users_who_are_not_officers_of_the_group_and_a_missing_choice()
    {
        var version = (await GroupAsync()).Version;
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            SendAs("member1", m => m.Send(new ChangeGroupDocumentSettingsCommand(DemoData.GroupId, version, DateStyle.WarekiWithWestern))));
        var (otherGroup, outsider) = await _app.CreateOtherGroupWithOfficerAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            SendAs(outsider, m => m.Send(new ChangeGroupDocumentSettingsCommand(DemoData.GroupId, version, DateStyle.WarekiWithWestern))));
        var missing = await Assert.ThrowsAsync<ValidationException>(() =>
            SendAs("officer1", m => m.Send(new ChangeGroupDocumentSettingsCommand(DemoData.GroupId, version, null))));
        Assert.Contains("日付の書き方を選択してください。", missing.Message, StringComparison.Ordinal);
        Assert.Equal(DateStyle.WarekiOnly, (await GroupAsync()).DateStyle);
        Assert.NotEqual(DemoData.GroupId, otherGroup);
    }

    [Fact]
    public async Task An_officer_of_the_group_changes_the_style_on_the_settings_page_which_shows_an_example_of_each()
    {
        var officer = await _app.SignInAsync("officer1");
        var html = await officer.GetStringAsync(Page);
        Assert.Contains("令和8年11月26日", html, StringComparison.Ordinal);
        Assert.Contains("令和8年（2026年）11月26日", html, StringComparison.Ordinal);
        Assert.Contains("value=\"WarekiOnly\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains(Page, await officer.GetStringAsync("/"), StringComparison.Ordinal);

        var saved = await officer.PostFormAsync(Page, Form((await GroupAsync()).Version, "WarekiWithWestern"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(DateStyle.WarekiWithWestern, (await GroupAsync()).DateStyle);
        Assert.Contains("value=\"WarekiWithWestern\" checked=\"checked\"", await officer.GetStringAsync(Page), StringComparison.Ordinal);

        var invalid = await officer.PostFormAsync(Page, Form((await GroupAsync()).Version, "Gregorian"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("日付の書き方を選択してください。", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stale = await officer.PostFormAsync(Page, Form(0, "WarekiOnly"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("他の利用者がこの内容を変更しました", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DateStyle.WarekiWithWestern, (await GroupAsync()).DateStyle);
    }

    [Fact]
    public async Task Members_who_are_not_officers_are_refused_and_other_groups_get_404()
    {
        var version = (await GroupAsync()).Version;
        var legal = await _app.SignInAsync("legal");
        var page = await legal.GetAsync(Page);
        Assert.True(page.StatusCode == HttpStatusCode.Forbidden
            || (page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal)));
        var post = await legal.PostFormAsync(Page, Form(version, "WarekiWithWestern"), formPageUrl: "/");
        Assert.True(post.StatusCode == HttpStatusCode.Forbidden
            || (post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal)));

        var (_, name) = await _app.CreateOtherGroupWithOfficerAsync();
        var outsider = await _app.SignInAsync(name, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync(Page, Form(version, "WarekiWithWestern"), formPageUrl: "/")).StatusCode);

        // Without the antiforgery token the form is not accepted even from an officer of the group.
        var officer = await _app.SignInAsync("officer1");
        var forged = await officer.PostAsync(Page, new FormUrlEncodedContent(Form(version, "WarekiWithWestern")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(DateStyle.WarekiOnly, (await GroupAsync()).DateStyle);
    }

    [Fact]
    public async Task The_settings_page_shows_the_groups_history_in_sentences()
    {
        var officer = await _app.SignInAsync("officer1");
        var saved = await officer.PostFormAsync(Page, Form((await GroupAsync()).Version, "WarekiWithWestern"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var html = await officer.GetStringAsync(Page);

        Assert.Contains("グループ「南信州町村自治体クラウド協議会」を作成しました", html, StringComparison.Ordinal);
        Assert.Contains("文書の日付の書き方を変更しました", html, StringComparison.Ordinal);
        Assert.DoesNotContain("GroupCreated", html, StringComparison.Ordinal);
        Assert.DoesNotContain("UserAddedToGroup", html, StringComparison.Ordinal);
    }
}

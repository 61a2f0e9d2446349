using System.Net;
using Marten;
using Procurement.Features.Demo;
using Procurement.Features.Groups;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Admin.Users;

/// <summary>Every save of the admin's user edit page, over HTTP as the browser sends it.</summary>
public sealed class UserManagementTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync(nameof(UserManagementTests));
        _admin = await _app.SignInAsync("admin");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<GroupView> DemoGroupAsync()
    {
        await using var session = _app.Store.QuerySession();
        return (await session.LoadAsync<GroupView>(DemoData.GroupId))!;
    }

    private static Dictionary<string, string> SignInForm(string user, string password) => new() { ["UserName"] = user, ["Password"] = password };

    [Fact]
    public async Task Creating_a_user_saves_the_account_and_its_group_and_the_user_can_sign_in()
    {
        var response = await _admin.SaveUserAsync(new(null, "clerk3", "新規 三郎", [Roles.Officer], [DemoData.GroupId], Password: "clerk3-pass-2026"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Users", response.Headers.Location!.OriginalString);
        var account = await _app.AccountAsync("clerk3");
        Assert.Equal("新規 三郎", account.DisplayName);
        Assert.Equal(new[] { Roles.Officer }, account.Roles);
        Assert.Contains(account.Id, (await DemoGroupAsync()).UserIds);
        var home = await (await _app.SignInAsync("clerk3", "clerk3-pass-2026")).GetStringAsync("/");
        Assert.Contains("住民情報系システム共同利用", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_name_already_taken_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var response = await _admin.SaveUserAsync(new(null, "Officer1", "別人", [Roles.Officer], [], Password: "another-pass-2026"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("このユーザー名は既に使われています。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("高森 花子", (await _app.AccountAsync("officer1")).DisplayName);
    }

    [Fact]
    public async Task Changing_roles_and_removing_a_group_are_saved()
    {
        var officer2 = await _app.AccountAsync("officer2");

        var response = await _admin.SaveUserAsync(new(officer2.Id, "officer2", officer2.DisplayName, [Roles.Committee, Roles.Legal], []));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new[] { Roles.Committee, Roles.Legal }, (await _app.AccountAsync("officer2")).Roles);
        Assert.DoesNotContain(officer2.Id, (await DemoGroupAsync()).UserIds);
        var client = await _app.SignInAsync("officer2");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Cases/Wizard")).StatusCode);
    }

    [Fact]
    public async Task Deactivating_a_user_refuses_their_next_sign_in()
    {
        var member1 = await _app.AccountAsync("member1");

        var response = await _admin.SaveUserAsync(new(member1.Id, "member1", member1.DisplayName, [.. member1.Roles], [DemoData.GroupId], IsActive: false));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await _app.AccountAsync("member1")).IsActive);
        var refused = await _app.Anonymous().PostFormAsync("/Account/SignIn", SignInForm("member1", DemoData.Password));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ユーザー名またはパスワードが正しくありません", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_unlocks_an_account_locked_by_failures_and_its_owner_signs_in_again()
    {
        var client = _app.Anonymous();
        for (var i = 0; i < 6; i++) await client.PostFormAsync("/Account/SignIn", SignInForm("member2", "wrong-password"));
        var member2 = await _app.AccountAsync("member2");
        Assert.Contains("ロックを解除する", await _admin.GetStringAsync($"/Admin/Users/Edit?id={member2.Id}"), StringComparison.Ordinal);

        var response = await _admin.SaveUserAsync(new(member2.Id, "member2", member2.DisplayName, [.. member2.Roles], [DemoData.GroupId], Unlock: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var signIn = await client.PostFormAsync("/Account/SignIn", SignInForm("member2", DemoData.Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task A_password_set_by_the_admin_replaces_the_old_one()
    {
        var chair = await _app.AccountAsync("chair");

        var response = await _admin.SaveUserAsync(new(chair.Id, "chair", chair.DisplayName, [.. chair.Roles], [DemoData.GroupId], Password: "chair-new-pass-2026"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Anonymous().PostFormAsync("/Account/SignIn", SignInForm("chair", DemoData.Password))).StatusCode);
        await _app.SignInAsync("chair", "chair-new-pass-2026");
    }

    [Fact]
    public async Task A_user_without_the_admin_role_cannot_post_the_form()
    {
        var officer = await _app.SignInAsync("officer1");

        var response = await officer.SaveUserAsync(new(null, "intruder", "侵入者", [Roles.Admin], [], Password: "intruder-pass-2026"), formPageUrl: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var session = _app.Store.QuerySession();
        Assert.False(await session.Query<UserAccount>().AnyAsync(u => u.NormalizedUserName == "INTRUDER"));
    }
}

using Microsoft.Playwright;
using Procurement.BrowserTests.Infrastructure;

namespace Procurement.BrowserTests.Account;

/// <summary>The admin adds a user on the edit page; the user signs in and changes their own password; the admin adds a role and deactivates the user, whose open session then ends.</summary>
public sealed class UserAccountJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_adds_a_user_who_then_changes_their_own_password()
    {
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync("admin");
        await admin.ClickAsync("nav >> text=利用者管理");
        await admin.ClickAsync("text=利用者を追加");
        await admin.FillAsync("#Input_UserName", "clerk9");
        await admin.FillAsync("#Input_DisplayName", "試験 九郎");
        await admin.FillAsync("#Input_Password", "clerk9-first-2026");
        await admin.CheckAsync("input[name='Input.Roles'][value=ProcurementOfficer]");
        await admin.CheckAsync("text=南信州町村自治体クラウド協議会");
        await admin.ClickAsync("button[type=submit].primary");
        await Assertions.Expect(admin.Locator(".flash")).ToContainTextAsync("利用者「clerk9」を保存しました。");
        await Assertions.Expect(admin.Locator("table.data")).ToContainTextAsync("試験 九郎");

        var user = await browser.NewPageAsync();
        await user.SignInAsync("clerk9", "clerk9-first-2026");
        await user.ClickAsync("text=パスワードの変更");
        await user.FillAsync("#Input_CurrentPassword", "clerk9-first-2026");
        await user.FillAsync("#Input_NewPassword", "clerk9-second-2026");
        await user.FillAsync("#Input_ConfirmPassword", "clerk9-other-2026");
        await user.ClickAsync("button[type=submit].primary");
        await Assertions.Expect(user.Locator("[data-valmsg-for='Input.ConfirmPassword']")).ToContainTextAsync("確認用のパスワードが新しいパスワードと一致しません。");
        await BrowserFixture.ScreenshotAsync(user, "account-change-password-error");

        await user.FillAsync("#Input_CurrentPassword", "clerk9-first-2026");
        await user.FillAsync("#Input_NewPassword", "clerk9-second-2026");
        await user.FillAsync("#Input_ConfirmPassword", "clerk9-second-2026");
        await user.ClickAsync("button[type=submit].primary");
        await Assertions.Expect(user.Locator(".flash")).ToContainTextAsync("パスワードを変更しました。");

        await user.SignOutAsync();
        await user.SignInAsync("clerk9", "clerk9-second-2026");
        await Assertions.Expect(user.Locator(".user-name")).ToHaveTextAsync("試験 九郎");

        // The admin gives the user the legal role as well, then deactivates them: the open session ends at its next request.
        await admin.ClickAsync("table.data >> text=clerk9");
        await admin.CheckAsync("input[name='Input.Roles'][value=LegalStaff]");
        await admin.ClickAsync("button[type=submit].primary");
        await Assertions.Expect(admin.Locator(".flash")).ToContainTextAsync("利用者「clerk9」を保存しました。");
        await admin.ClickAsync("table.data >> text=clerk9");
        await Assertions.Expect(admin.Locator("input[name='Input.Roles'][value=LegalStaff]")).ToBeCheckedAsync();
        await admin.UncheckAsync("input[name='Input.IsActive'][type=checkbox]");
        await admin.ClickAsync("button[type=submit].primary");
        await Assertions.Expect(admin.Locator(".flash")).ToContainTextAsync("利用者「clerk9」を保存しました。");

        await user.ReloadAsync();
        await Assertions.Expect(user.Locator("#UserName")).ToBeVisibleAsync();
    }
}

using Microsoft.AspNetCore.Localization;

namespace Procurement.Features;

/// <summary>The 日本語 / English switch: remembered in a cookie, then back to the same page.</summary>
[Access(Access.Anonymous, Reason = "the sign-in page offers the language switch")]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnPost(string? lang, string? returnUrl)
    {
        var culture = lang == "en" ? "en-US" : "ja-JP";
        Response.Cookies.Append(UiText.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    public IActionResult OnGet() => LocalRedirect("/");
}

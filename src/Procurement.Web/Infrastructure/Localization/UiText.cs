using System.Collections.Frozen;
using System.Text.Json;

namespace Procurement.Infrastructure.Localization;

/// <summary>
/// UI text. Japanese is the source language and the key; Resources/en.json maps it to English.
/// A missing English entry falls back to the Japanese text rather than showing a key.
/// </summary>
public sealed class UiText
{
    public const string CookieName = "procurement-lang";
    private static readonly Lazy<FrozenDictionary<string, string>> English = new(LoadEnglish);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string japanese] => Get(japanese);

    /// <summary>Brackets around a page's own aside: full-width in Japanese, " (" and ")" in English.</summary>
    public string Open => IsEnglish ? " (" : "（";

    public string Close => IsEnglish ? ")" : "）";

    /// <summary>An amount on a page: 1,234円 in Japanese, "1,234 yen" in English (documents keep 円 whatever the UI language).</summary>
    public string Yen(decimal amount) => IsEnglish
        ? amount.ToString("#,0.##", CultureInfo.InvariantCulture) + " yen"
        : amount.ToString("#,0.##", CultureInfo.InvariantCulture) + "円";

    /// <summary>Between items of a list of names: 、 in Japanese, a comma in English.</summary>
    public string Comma => IsEnglish ? ", " : "、";

    /// <summary>Between parts of one summary line (A ／ B).</summary>
    public string Slash => IsEnglish ? "/" : "／";

    public string Format(string japanese, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(japanese), args);

    public static string Get(string japanese) =>
        IsEnglish && English.Value.TryGetValue(japanese, out var en) ? en : japanese;

    private static FrozenDictionary<string, string> LoadEnglish()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Resources", "en.json");
        if (!File.Exists(path)) return FrozenDictionary<string, string>.Empty;
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
        return map.ToFrozenDictionary();
    }
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Procurement.Infrastructure.Database;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Localization;

public sealed partial class EnglishTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_English_switch_turns_the_pages_and_the_error_messages_into_English_and_back()
    {
        var client = await _app.SignInAsync("officer1");
        await client.UseEnglishAsync();

        var home = await client.GetStringAsync("/");
        Assert.Contains("Sign out", home, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", home, StringComparison.Ordinal);

        var wizard = await client.PostFormAsync("/Cases/Wizard", new Dictionary<string, string> { ["Step"] = "0", ["action"] = "next", ["Input.Title"] = "" });
        Assert.Contains("Enter the case title.", await wizard.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await client.PostFormAsync("/Language", new Dictionary<string, string> { ["lang"] = "ja", ["returnUrl"] = "/" }, formPageUrl: "/");
        Assert.Contains("ログアウト", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Japanese_UI_text_in_the_source_has_an_English_entry()
    {
        var root = Path.Combine(RepositoryPaths.FindRoot(AppContext.BaseDirectory)!, "src", "Procurement.Web");
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(root, "Resources", "en.json")))!;
        var keys = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value))
            .Where(k => JapanesePattern().IsMatch(k))
            .Distinct()
            .ToList();

        var missing = keys.Where(k => !english.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(keys);
        Assert.True(missing.Count == 0, "missing English entries in Resources/en.json:\n" + string.Join("\n", missing));
    }

    // Refusals (DomainRuleException, Decision.Refuse) and validator messages reach the page as their text and are shown through T, so they are keys too.
    [GeneratedRegex(@"\b[Tt]\[""((?:[^""\\]|\\.)*)""\]|\b[Tt]\.Format\(""((?:[^""\\]|\\.)*)""|(?:DomainRuleException|WithMessage)\(\s*""((?:[^""\\]|\\.)*)""\s*\)|\b(?:Decision\.Refuse|Reason\.Of)\(\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"[\u3040-\u30ff\u4e00-\u9fff]")]
    private static partial Regex JapanesePattern();
}

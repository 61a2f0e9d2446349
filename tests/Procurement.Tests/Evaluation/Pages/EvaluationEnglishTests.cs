using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Infrastructure.Database;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>
/// The engine's sentences (blockers, disqualification reasons, tie explanations, range messages) follow the English
/// switch like every other UI text: templates are keys of Resources/en.json, names and numbers are filled in.
/// </summary>
public sealed partial class EvaluationEnglishTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_engine_and_history_template_has_an_English_entry_with_the_same_placeholders()
    {
        var root = Path.Combine(RepositoryPaths.FindRoot(AppContext.BaseDirectory)!, "src", "Procurement.Web");
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(root, "Resources", "en.json")))!;
        // The task list's sentences and the finalisation blocker are rendered the same way.
        var templates = EngineTexts.All().Concat(EvaluationHistoryTexts.All()).Concat(Procurement.Features.Workflows.Tasks.TaskTexts.All())
            .Append(EvaluationResults.NotFinalised).ToList();

        Assert.True(templates.Count > 45);
        Assert.All(templates, t =>
        {
            Assert.True(english.TryGetValue(t, out var en), $"no English entry for 「{t}」");
            Assert.Equal(Placeholders(t), Placeholders(en!));
        });
    }

    private static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [Fact]
    public async Task A_refusal_with_names_in_it_reads_in_English()
    {
        var chair = await _app.SignInAsync("chair");
        await chair.UseEnglishAsync();
        var refused = await chair.PostFormAsync($"{Hub}?handler=Close", new() { ["CloseConfirmed"] = "true" }, Hub);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Members who have not declared conflicts of interest: 豊丘 一郎, 喬木 由美, 南 信夫（委員長）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("利害関係の申告が済んでいない委員がいます", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amounts_and_brackets_on_pages_follow_the_English_switch()
    {
        var officer = await _app.SignInAsync("officer1");
        Assert.Contains("480,000,000円", await officer.GetStringAsync($"{Hub}/Prices"), StringComparison.Ordinal);
        await officer.UseEnglishAsync();

        var prices = await officer.GetStringAsync($"{Hub}/Prices");
        Assert.Contains("480,000,000 yen", prices, StringComparison.Ordinal);
        Assert.DoesNotContain("480,000,000円", prices, StringComparison.Ordinal);
        var casePage = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Cases/{Case}"));
        Assert.Contains("南信州町村自治体クラウド協議会 (Representative municipality: 高森町)", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_results_and_chair_pages_give_the_engine_reasons_in_English()
    {
        var officer = await _app.SignInAsync("officer1");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{Hub}/Prices?handler=Bid",
            new() { ["Bid.VendorId"] = EvaluationDemo.VendorB.ToString(), ["Bid.Amount"] = "500000000" })).StatusCode);
        // member1 answers △ for vendor A's 2-1: the result stays provisional until the committee decides.
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
        await chair.UseEnglishAsync();

        var results = await chair.GetStringAsync($"{Hub}/Results");
        Assert.Contains("The committee has not yet decided on the △ for 甲システム株式会社, \"住民票の写し等の交付\"", WebUtility.HtmlDecode(results), StringComparison.Ordinal);
        Assert.Contains("The bid (500,000,000 yen) is above the reserve price (480,000,000 yen) and therefore invalid", results, StringComparison.Ordinal);
        Assert.DoesNotContain("判断が未決定です", results, StringComparison.Ordinal);
        Assert.DoesNotContain("を超えているため無効です", results, StringComparison.Ordinal);

        var chairPage = await chair.GetStringAsync($"{Hub}/Chair");
        Assert.Contains("The committee has not yet decided on the △", chairPage, StringComparison.Ordinal);

        var badMark = await chair.PostFormAsync($"{Hub}/Chair?handler=Consensus", new()
        {
            ["Consensus.VendorId"] = EvaluationDemo.VendorA.ToString(), ["Consensus.ItemId"] = "3-1", ["Consensus.Mark"] = "99", ["Consensus.Reason"] = "agreed",
        }, $"{Hub}/Chair");
        Assert.Contains("Enter a number from 0 to 15", await badMark.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The validator's and the handler's own refusals follow the switch too.
        var noReason = await chair.PostFormAsync($"{Hub}/Chair?handler=Consensus", new()
        {
            ["Consensus.VendorId"] = EvaluationDemo.VendorA.ToString(), ["Consensus.ItemId"] = "3-1", ["Consensus.Mark"] = "10", ["Consensus.Reason"] = "",
        }, $"{Hub}/Chair");
        Assert.Contains("Enter the reason for the consensus.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknownVendor = await chair.PostFormAsync($"{Hub}/Chair?handler=Consensus", new()
        {
            ["Consensus.VendorId"] = Guid.NewGuid().ToString(), ["Consensus.ItemId"] = "3-1", ["Consensus.Mark"] = "10", ["Consensus.Reason"] = "agreed",
        }, $"{Hub}/Chair");
        Assert.Contains("This vendor is not being evaluated.", await unknownVendor.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A decision on the △ is shown in English too, and the blocker is gone.
        await chair.PostFormAsync($"{Hub}/Chair?handler=PartialFit", new()
        {
            ["PartialFit.VendorId"] = EvaluationDemo.VendorA.ToString(), ["PartialFit.ItemId"] = "2-1", ["PartialFit.TreatAsFit"] = "true", ["PartialFit.Reason"] = "代替運用で可",
        }, $"{Hub}/Chair");
        results = await chair.GetStringAsync($"{Hub}/Results?vendor={EvaluationDemo.VendorA}");
        Assert.Contains("Treated as ○: 代替運用で可", results, StringComparison.Ordinal);
        Assert.DoesNotContain("has not yet decided", results, StringComparison.Ordinal);

        // The 経過 reads in English; names, positions, amounts and reasons stay as recorded.
        var history = WebUtility.HtmlDecode(await chair.GetStringAsync($"{Hub}/Results?history=true"));
        Assert.Contains("Opened the proposals (criteria frozen)</strong> — System", history, StringComparison.Ordinal);
        Assert.Contains("Appointed 南 信夫（委員長） (高森町 副町長) as the chair", history, StringComparison.Ordinal);
        Assert.Contains("Recorded the bid of 乙情報サービス株式会社: ¥500,000,000", history, StringComparison.Ordinal);
        Assert.Contains("Decided the △ for 甲システム株式会社, \"住民票の写し等の交付\" counts as ○: 代替運用で可", history, StringComparison.Ordinal);
        Assert.DoesNotContain("を委員長に選任", history, StringComparison.Ordinal);
    }
}

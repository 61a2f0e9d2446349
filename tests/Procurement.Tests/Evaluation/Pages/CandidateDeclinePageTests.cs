using System.Net;
using Procurement.Features.Evaluation;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>The results page's 受注候補者 section over HTTP: officers record a decline, everyone sees who is selected.</summary>
public sealed class CandidateDeclinePageTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly string Results = $"{Hub}/Results";
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
        await SubmitAllAndCloseAsync(_app);
        await FinaliseAsync(_app);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Decline(Guid vendor, string reason) =>
        new() { ["Decline.VendorId"] = vendor.ToString(), ["Decline.Reason"] = reason, ["DeclineConfirmed"] = "true" };

    [Fact]
    public async Task An_officer_records_the_decline_and_the_next_vendor_becomes_the_candidate_for_everyone()
    {
        var officer = await _app.SignInAsync("officer1");
        var before = WebUtility.HtmlDecode(await officer.GetStringAsync(Results));
        Assert.Contains("id=\"Decline\"", before, StringComparison.Ordinal);
        var candidate = System.Text.RegularExpressions.Regex.Match(before, "<p id=\"candidate-name\"><strong>([^<]+)</strong>").Groups[1].Value;
        Assert.NotEmpty(candidate);

        // A tampered vendor field is named, not a server error.
        var tampered = await officer.PostFormAsync($"{Results}?handler=Decline",
            new Dictionary<string, string> { ["Decline.VendorId"] = "<script>", ["Decline.Reason"] = "辞退", ["DeclineConfirmed"] = "true" }, Results);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tampered.StatusCode);
        Assert.Contains("辞退した受注候補者を指定してください。", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Blank reason: named next to the field, nothing recorded.
        var vendor = Guid.Parse(System.Text.RegularExpressions.Regex.Match(before, "name=\"Decline.VendorId\" value=\"([^\"]+)\"").Groups[1].Value);
        var refused = await officer.PostFormAsync($"{Results}?handler=Decline", Decline(vendor, " "), Results);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("辞退又は交渉不成立の理由を入力してください。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var recorded = await officer.PostFormAsync($"{Results}?handler=Decline", Decline(vendor, "契約締結前に辞退届が提出された。"), Results);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var member = await _app.SignInAsync("member1");
        var after = WebUtility.HtmlDecode(await member.GetStringAsync(Results));
        Assert.Contains($"{candidate}が辞退", after, StringComparison.Ordinal);
        Assert.Contains("契約締結前に辞退届が提出された。", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"<p id=\"candidate-name\"><strong>{candidate}</strong>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Decline\"", after, StringComparison.Ordinal); // members see, officers record

        // Declining someone who is not the candidate (the one who already declined) is refused by name.
        var again = await officer.PostFormAsync($"{Results}?handler=Decline", Decline(vendor, "重複"), Results);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("辞退を記録できるのは、現在の受注候補者（", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains(">重複</textarea>", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_and_legal_staff_cannot_record_a_decline_and_outsiders_get_404()
    {
        foreach (var name in new[] { "member1", "chair", "legal" })
        {
            var client = await _app.SignInAsync(name);
            var response = await client.PostFormAsync($"{Results}?handler=Decline", Decline(EvaluationDemo.VendorC, "辞退"), Results);
            Assert.True(IsDenied(response), name);
        }
        var (_, outsider) = await _app.CreateOtherGroupWithOfficerAsync();
        var other = await _app.SignInAsync(outsider, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Results)).StatusCode);
    }
}

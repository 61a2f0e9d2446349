using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Contracts.ContractSteps;

namespace Procurement.Tests.Contracts;

/// <summary>
/// The case page's timeline tells the contract dossier's part of the story (its versions and reviews live in a stream of
/// their own) to whoever may read the drafts: officers and legal staff at once, committee members only after the award.
/// </summary>
public sealed class CaseTimelineContractTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await shared.FreshAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_case_timeline_shows_a_submitted_version_to_officers_and_legal_but_not_to_the_committee_before_the_award()
    {
        var officer = await _app.SignInAsync("officer1");
        await _app.SubmitFirstVersionAsync(officer);

        Assert.Contains("第1版を審査に提出しました", await officer.GetStringAsync($"/Cases/{CaseId}"), StringComparison.Ordinal);
        var legal = await _app.SignInAsync("legal");
        Assert.Contains("第1版を審査に提出しました", await legal.GetStringAsync($"/Cases/{CaseId}"), StringComparison.Ordinal);

        var member = await (await _app.SignInAsync("member1")).GetStringAsync($"/Cases/{CaseId}");
        Assert.Contains("案件を作成しました", member, StringComparison.Ordinal);
        Assert.DoesNotContain("第1版を審査に提出しました", member, StringComparison.Ordinal);
        Assert.DoesNotContain("契約条件を保存しました", member, StringComparison.Ordinal);
    }
}

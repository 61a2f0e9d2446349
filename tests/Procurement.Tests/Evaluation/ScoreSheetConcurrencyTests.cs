using Marten;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Committee;
using Procurement.Features.Evaluation.ScoreSheets;
using static Procurement.Tests.Evaluation.EvaluationHarness;

namespace Procurement.Tests.Evaluation;

[Trait("Lane", "Fast")]
public sealed class ScoreSheetConcurrencyTests : IAsyncLifetime
{
    private EvaluationHarness _h = null!;

    public async Task InitializeAsync() => _h = await StartAsync(nameof(ScoreSheetConcurrencyTests));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Many_members_saving_and_submitting_at_the_same_moment_lose_nothing()
    {
        await _h.SetUpCommitteeAsync();
        var extra = new List<string>();
        for (var i = 1; i <= 12; i++)
        {
            var account = await _h.AddCommitteeUserAsync($"extra{i}");
            await _h.Send("officer1", new AppointCommitteeMember(_h.CaseId, account.Id, false));
            extra.Add(account.UserName);
        }
        string[] members = ["member1", "member2", "chair", .. extra];
        foreach (var m in members) await _h.Send(m, new DeclareConflictOfInterest(_h.CaseId, [], ""));

        // Each member autosaves cell by cell and submits, all 15 at once: 15 × (4 saves + submit) concurrent commands.
        await Task.WhenAll(members.Select((m, i) => Task.Run(async () =>
        {
            await _h.Send(m, new SaveScoreDraft(_h.CaseId, [new ScoreEntry(VendorA, "1-1", i % 6)]));
            await _h.Send(m, new SaveScoreDraft(_h.CaseId, [new ScoreEntry(VendorA, "1-2", i)]));
            await _h.Send(m, new SaveScoreDraft(_h.CaseId, [new ScoreEntry(VendorB, "1-1", (i + 1) % 6)]));
            await _h.Send(m, new SaveScoreDraft(_h.CaseId, [new ScoreEntry(VendorB, "1-2", 50 - i)]));
            await _h.Send(m, new SubmitScoreSheet(_h.CaseId));
        })));

        await using var session = _h.Store.QuerySession();
        var sheets = await session.Query<ScoreSheetView>().Where(s => s.CaseId == _h.CaseId).ToListAsync();
        Assert.Equal(15, sheets.Count);
        Assert.All(sheets, s => Assert.Equal((ScoreSheetStatus.Submitted, 4, 5L), (s.Status, s.Cells.Count, s.Version)));
        for (var i = 0; i < members.Length; i++)
        {
            var sheet = sheets.Single(s => s.MemberId == _h.UserAsync(members[i]).Result.Id);
            Assert.Equal([i % 6, i, (i + 1) % 6, 50 - i],
                [sheet.MarkFor(VendorA, "1-1")!.Value, sheet.MarkFor(VendorA, "1-2")!.Value, sheet.MarkFor(VendorB, "1-1")!.Value, sheet.MarkFor(VendorB, "1-2")!.Value]);
        }

        await _h.Send("chair", new CloseTechnicalScoring(_h.CaseId));
        var result = await _h.Query("chair", q => q.GetResultAsync(_h.CaseId));
        Assert.All(result.Vendors, v => Assert.Equal(15, v.CountingMembers));
    }
}

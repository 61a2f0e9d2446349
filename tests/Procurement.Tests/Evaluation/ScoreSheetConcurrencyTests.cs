using Marten;
using Procurement.Features.Evaluation.Scoring;
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

    /// <summary>The whole sheet as the page posts it: every cell as it was loaded (empty here) and one cell changed.</summary>
    private static readonly string[] Items = ["1-1", "1-2"];

    private static List<ScoreEntry> PageWith(Guid vendor, string item, decimal mark) =>
        [.. new[] { VendorA, VendorB }.SelectMany(v => Items.Select(i =>
            new ScoreEntry(v, i, v == vendor && i == item ? mark : null)))];

    private async Task<List<ScoreDraftSaved>> HistoryAsync(string member)
    {
        await using var session = _h.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(EvaluationStreams.ScoreSheet(_h.CaseId, (await _h.UserAsync(member)).Id));
        return [.. events.Select(e => e.Data).OfType<ScoreDraftSaved>()];
    }

    [Fact]
    public async Task One_members_concurrent_autosaves_of_different_cells_from_the_same_loaded_sheet_are_all_kept()
    {
        await _h.SetUpCommitteeAsync();
        await _h.Send("member1", new DeclareConflictOfInterest(_h.CaseId, [], ""));
        (Guid Vendor, string Item, decimal Mark)[] cells = [(VendorA, "1-1", 4), (VendorA, "1-2", 30), (VendorB, "1-1", 2), (VendorB, "1-2", 45)];

        // Every save carries version 0 (the sheet as the page loaded it) and the untouched cells as they were then.
        var refused = 0;
        await Task.WhenAll(cells.Concat(cells).Select(c => Task.Run(async () =>
        {
            try { await _h.Send("member1", new SaveScoreDraft(_h.CaseId, PageWith(c.Vendor, c.Item, c.Mark), ExpectedVersion: 0)); }
            catch (Procurement.Infrastructure.Validation.StaleVersionException) { Interlocked.Increment(ref refused); }
        })));

        Assert.Equal(0, refused);
        var sheet = await _h.Query("member1", q => q.GetMySheetAsync(_h.CaseId));
        Assert.All(cells, c => Assert.Equal(c.Mark, sheet.Cells.Single(x => x.VendorId == c.Vendor && x.ItemId == c.Item).Mark));
    }

    [Fact]
    public async Task The_same_cell_saved_at_once_keeps_the_later_write_and_every_earlier_value_stays_in_the_history()
    {
        await _h.SetUpCommitteeAsync();
        await _h.Send("member1", new DeclareConflictOfInterest(_h.CaseId, [], ""));
        await _h.Send("member1", new SaveScoreDraft(_h.CaseId, PageWith(VendorB, "1-1", 3)));
        decimal[] marks = [10, 11, 12, 13, 14, 15];

        var refused = 0;
        await Task.WhenAll(marks.Select(m => Task.Run(async () =>
        {
            try { await _h.Send("member1", new SaveScoreDraft(_h.CaseId, [new ScoreEntry(VendorA, "1-2", m), new ScoreEntry(VendorB, "1-1", 3)], ExpectedVersion: 1)); }
            catch (Procurement.Infrastructure.Validation.StaleVersionException) { Interlocked.Increment(ref refused); }
        })));

        Assert.Equal(0, refused);
        var history = await HistoryAsync("member1");
        var written = history.SelectMany(e => e.Changes).Where(c => c.VendorId == VendorA && c.ItemId == "1-2").Select(c => c.Mark!.Value).ToList();
        Assert.Equal(marks, written.Order());
        var sheet = await _h.Query("member1", q => q.GetMySheetAsync(_h.CaseId));
        Assert.Equal(written[^1], sheet.Cells.Single(x => x.VendorId == VendorA && x.ItemId == "1-2").Mark);
        Assert.Equal(3, sheet.Cells.Single(x => x.VendorId == VendorB && x.ItemId == "1-1").Mark);
    }
}

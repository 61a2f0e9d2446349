using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Consensus;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>
/// The results page reuses the result computed for the stored stream versions: a warm page reads no member's sheet (so
/// its statements and the data it loads do not grow with the sheets' cells), and after a change on the evaluation or on
/// a sheet the result it shows equals a fresh computation.
/// </summary>
public sealed class ResultsReuseTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private EvaluationHarness _h = null!;
    private string Results => $"/Cases/{_h.CaseId}/Evaluation/Results";

    public async Task InitializeAsync()
    {
        _h = await shared.EvaluationAsync();
        await EvaluationDemo.SeedAsync(_h.Store, _h.Clock);
        await _h.ScoreDemoAsync();
        await _h.Send("chair", new CloseTechnicalScoring(_h.CaseId));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_warm_results_page_reads_no_sheet_and_a_change_reads_them_once()
    {
        var officer = await _h.App.SignInAsync("officer1");
        var database = new Npgsql.NpgsqlConnectionStringBuilder(_h.App.ConnectionString).Database!;
        (await officer.GetAsync(Results)).EnsureSuccessStatusCode(); // computes and keeps the result

        var warm = await StatementsAsync(officer, Results, database);
        Assert.True(warm.Count > 0);
        Assert.DoesNotContain(warm, ReadsSheets);

        await _h.Send("chair", new SetConsensusScore(_h.CaseId, EvaluationDemo.VendorA, "1-1", 5, "合議の結果"));
        var changed = await StatementsAsync(officer, Results, database);
        Assert.Single(changed, ReadsSheets); // the one read of every sheet, for the new versions
        // Only that read is added: the page's other statements are the warm page's (none per member or per cell).
        Assert.Equal(warm.Count + 1, changed.Count);

        var again = await StatementsAsync(officer, Results, database);
        Assert.DoesNotContain(again, ReadsSheets);
        Assert.Equal(warm.Count, again.Count);
    }

    [Fact]
    public async Task The_reused_result_equals_a_fresh_computation_after_a_consensus_and_after_a_sheet_change()
    {
        var first = await ResultAsync();
        Assert.Equal(Json(await FreshAsync()), Json(first));
        Assert.Same(first, await ResultAsync()); // nothing changed: the same result, not computed again

        await _h.Send("chair", new SetConsensusScore(_h.CaseId, EvaluationDemo.VendorA, "1-1", 5, "合議の結果"));
        var afterConsensus = await ResultAsync();
        Assert.NotEqual(Json(first), Json(afterConsensus));
        Assert.Equal(Json(await FreshAsync()), Json(afterConsensus));

        // A change on a member's sheet stream alone (the evaluation stream as it was) is seen too.
        var member = await _h.UserAsync("member2");
        await using (var session = _h.Store.LightweightSession())
        {
            session.Events.Append(EvaluationStreams.ScoreSheet(_h.CaseId, member.Id), new ScoreDraftSaved(_h.CaseId, member.Id,
                [new ScoreChange(EvaluationDemo.VendorB, "1-2", 1, null)], "画面", new Actor(member.Id, member.DisplayName), _h.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }
        var afterSheet = await ResultAsync();
        Assert.NotEqual(Json(afterConsensus), Json(afterSheet));
        Assert.Equal(Json(await FreshAsync()), Json(afterSheet));
    }

    private Task<EvaluationResult> ResultAsync() => _h.Query("officer1", q => q.GetResultAsync(_h.CaseId));

    private async Task<EvaluationResult> FreshAsync()
    {
        await using var session = _h.Store.QuerySession();
        var view = await EvaluationGate.LoadAsync(session, _h.CaseId, default);
        var sheets = await Marten.QueryableExtensions.ToListAsync(session.Query<ScoreSheetView>().Where(s => s.CaseId == _h.CaseId));
        return EvaluationResults.Compute(view, sheets);
    }

    private static string Json(EvaluationResult result) => JsonSerializer.Serialize(result);

    // The sheets' table (not the small status documents beside it).
    private static bool ReadsSheets(string statement) =>
        statement.Contains("scoresheetview", StringComparison.OrdinalIgnoreCase) && !statement.Contains("scoresheetstatusview", StringComparison.OrdinalIgnoreCase);

    /// <summary>The SQL a GET sends to this class's database, from Npgsql's activities (one per command or batch).</summary>
    private static async Task<List<string>> StatementsAsync(HttpClient client, string url, string database)
    {
        var seen = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (!a.TagObjects.Any(t => Equals(t.Value, database))) return;
                seen.Enqueue(string.Join(' ', a.TagObjects.Where(t => t.Key is "db.statement" or "db.query.text").Select(t => t.Value as string)));
            },
        };
        ActivitySource.AddActivityListener(listener);
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        return [.. seen];
    }
}

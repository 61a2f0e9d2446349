using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Procurement.Features.Evaluation;
using Procurement.Infrastructure.Database;
using Procurement.Infrastructure.Events;
using Procurement.Tests.Infrastructure;
using Xunit.Abstractions;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>
/// What one score-sheet autosave costs the database, over HTTP as the page sends it: every SQL statement of the request
/// (the session stamp, the case and group membership, the evaluation's seat and declaration checks, the sheet, the lock,
/// the append with its read model). The ceiling keeps it from growing back; each statement the request
/// runs is listed when it does.
/// </summary>
public sealed class ScoreSaveRoundTripTests(SharedApp shared, ITestOutputHelper output) : IClassFixture<SharedApp>, IAsyncLifetime
{
    /// <summary>
    /// The session stamp (user account), case, group, evaluation and sheet (the checks of the filters, the page, the access
    /// rule and the handler share them), the stream's advisory lock, the locked fetch (stream version and sheet in one
    /// batch), the sheet's status document (the hub's small read model, which Marten reads before it projects onto it)
    /// and the append (events and both read models in one batch). Before the write path was cut the issue measured 17
    /// statements on 14 pooled opens, each with a DISCARD ALL.
    /// </summary>
    private const int StatementCeiling = 9;

    private AppFactory _app = null!;
    private static readonly string Sheet = $"{Hub}/Sheet";
    private static readonly string A = EvaluationDemo.VendorA.ToString("N");

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task One_autosave_runs_a_bounded_number_of_statements()
    {
        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        var token = HttpClientForms.AntiforgeryToken(await member.GetStringAsync(Sheet));
        // The first save starts the sheet's stream; the one measured changes a cell of an existing sheet, as most do.
        var first = await AutosaveAsync(member, token, 0, "3");
        Assert.Equal(1, first.GetProperty("version").GetInt64());

        // Everything this app's database is asked while the one request runs (nothing else runs in this app meanwhile;
        // other test classes run beside it on databases of their own).
        var recorder = new SqlRecorder(new Npgsql.NpgsqlConnectionStringBuilder(_app.ConnectionString).Database!);
        JsonElement body;
        using (recorder)
        {
            body = await AutosaveAsync(member, token, 1, "4");
        }

        Assert.Equal(2, body.GetProperty("version").GetInt64());
        // The reply is built from the sheet as saved (read again after the commit), so it reports no cell as changed elsewhere.
        Assert.Empty(body.GetProperty("cells").EnumerateObject());
        var statements = recorder.All();
        foreach (var s in statements) output.WriteLine($"[{s.Connection}] {s.Text}");
        Assert.True(statements.Count <= StatementCeiling,
            $"{statements.Count} statements (ceiling {StatementCeiling}):\n{string.Join("\n", statements.Select(s => s.Text))}");
        Assert.DoesNotContain(statements, s => s.Text.Contains("discard", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_refused_autosave_leaves_the_request_able_to_answer_and_the_sheet_unlocked()
    {
        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        var token = HttpClientForms.AntiforgeryToken(await member.GetStringAsync(Sheet));

        // A mark out of range is refused by the decision inside the stream's lock; the reply still comes, and the next save goes through.
        using var refused = await member.PostAsync($"{Sheet}?handler=Autosave", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [$"Cells[{A}-3-1]"] = "99",
            ["Version"] = "0",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var saved = await AutosaveAsync(member, token, 0, "2");
        Assert.Equal(1, saved.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_commit_forgets_the_loads_it_changed_and_keeps_the_others()
    {
        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        var token = HttpClientForms.AntiforgeryToken(await member.GetStringAsync(Sheet));
        await AutosaveAsync(member, token, 0, "3");
        var memberId = await UserIdAsync(_app, "member1");
        var sheetId = EvaluationStreams.ScoreSheet(Case, memberId);

        await using var session = _app.Store.LightweightSession();
        var before = await session.LoadOnceAsync<Procurement.Features.Evaluation.ScoreSheets.ScoreSheetView>(sheetId, default);
        var evaluation = await EvaluationGate.LoadAsync(session, Case, default);
        session.Events.Append(sheetId, new Procurement.Features.Evaluation.ScoreSheets.ScoreDraftSaved(Case, memberId,
            [new(EvaluationDemo.VendorA, "1-2", 2, null)], "画面", new Actor(memberId, "member1"), _app.Clock.GetUtcNow()));
        await session.SaveChangesAsync();

        var after = await session.LoadOnceAsync<Procurement.Features.Evaluation.ScoreSheets.ScoreSheetView>(sheetId, default);
        Assert.Equal(((decimal?)null, (decimal?)2), (before!.MarkFor(EvaluationDemo.VendorA, "1-2"), after!.MarkFor(EvaluationDemo.VendorA, "1-2")));
        Assert.Same(evaluation, await EvaluationGate.LoadAsync(session, Case, default)); // another stream: still the request's copy
    }

    private static async Task<JsonElement> AutosaveAsync(HttpClient member, string token, long version, string mark)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Sheet}?handler=Autosave")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [$"Cells[{A}-1-1]"] = mark,
                ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["__RequestVerificationToken"] = token,
            }),
        };
        using var response = await member.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Npgsql's command activities on one database (one per statement or batch sent), with the connection each ran on.</summary>
    private sealed class SqlRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<(string Connection, string Text)> _seen = new();

        public SqlRecorder(string database)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if (a.Source.Name != "Npgsql" || !Equals(a.GetTagItem("db.namespace") ?? a.GetTagItem("db.name"), database)) return;
                    var text = a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement") ?? a.DisplayName;
                    var connection = a.GetTagItem("db.npgsql.connection_id") ?? a.GetTagItem("db.connection_id") ?? "?";
                    _seen.Enqueue((Convert.ToString(connection, System.Globalization.CultureInfo.InvariantCulture) ?? "?", Convert.ToString(text, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public List<(string Connection, string Text)> All() => [.. _seen];

        public void Dispose() => _listener.Dispose();
    }
}

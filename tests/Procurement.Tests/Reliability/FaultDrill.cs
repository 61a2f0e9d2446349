using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procurement.Features.Demo;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Database;
using Procurement.Tests.Database;
using Procurement.Tests.Infrastructure;
using Procurement.Tests.Vendors;

namespace Procurement.Tests.Reliability;

/// <summary>How big a drill is. Every figure is bounded: the drill ends by itself, whatever the server does.</summary>
public sealed record FaultDrillOptions(int CommitteeWriters, int QuestionWriters, TimeSpan BeforeKill, TimeSpan AfterHealthy,
    int MaxWritesPerWriter, TimeSpan HealthyWithin)
{
    public static FaultDrillOptions Brief { get; } = new(2, 2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), 400, TimeSpan.FromSeconds(45));

    /// <summary>Sizes from PROCUREMENT_FAULT_* variables (scripts/fault.sh), capped so a typo cannot run for hours.</summary>
    public static FaultDrillOptions FromEnvironment()
    {
        static int Read(string name, int fallback, int max) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? Math.Min(v, max) : fallback;
        var writers = Read("PROCUREMENT_FAULT_WRITERS", 0, 16);
        if (writers == 0) return Brief;
        var seconds = Read("PROCUREMENT_FAULT_SECONDS", 10, 120);
        return new(writers, writers, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(seconds), Read("PROCUREMENT_FAULT_MAX_WRITES", 2000, 10000), TimeSpan.FromSeconds(90));
    }
}

public sealed record FaultDrillReport(int Writers, int Attempted, int Acknowledged, int Refused, int RefusedOther, int Unanswered, int Found, int Lost, int Duplicated, int FoundNotAcknowledged,
    int AcknowledgedAfterRecovery, double SecondsToHealthy, bool Healthy)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"""
        writers                        {Writers} (committee + Q&A, loopback HTTP)
        writes attempted               {Attempted}
        writes acknowledged            {Acknowledged}
        refused (concurrent change)    {Refused}
        refused (other reason)         {RefusedOther}
        failed or no answer            {Unanswered}
        found in the event store       {Found}
        lost (acknowledged, missing)   {Lost}
        duplicated                     {Duplicated}
        found, not acknowledged        {FoundNotAcknowledged}
        acknowledged after recovery    {AcknowledgedAfterRecovery}
        seconds to healthy             {(Healthy ? SecondsToHealthy.ToString("F1", CultureInfo.InvariantCulture) : "never (gave up)")}
        """);
}

/// <summary>
/// The fault drill: the app on its embedded cluster behind a real loopback port; committee writers (a member's 職 on the
/// evaluation stream) and Q&amp;A writers (a logged question on the case stream) post through the real forms; the
/// postmaster gets SIGKILL mid-run; the app must heal itself. Each write carries a marker of its own and is never
/// retried with the same marker (an unanswered write is an unknown outcome, not a failure to repeat), so the event
/// store must hold every acknowledged marker exactly once.
/// </summary>
public static partial class FaultDrill
{
    public static async Task<FaultDrillReport> RunAsync(string dataDirectory, FaultDrillOptions options, TextWriter log)
    {
        await using var app = AppFactory.Embedded(dataDirectory);
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using (var scope = app.Services.CreateScope())
        {
            await DemoData.SeedAsync(app.Store, app.Clock, scope.ServiceProvider.GetRequiredService<PasswordService>());
        }

        using var setup = await SignInAsync(address, "officer1");
        await setup.SetPeriodAsync();
        var vendor = await setup.RegisterVendorAsync("耐障害試験株式会社", "7000012050002");
        var members = new List<Guid>();
        foreach (var name in new[] { "member1", "member2" }) members.Add(await Evaluation.Pages.EvaluationPageFlow.UserIdAsync(app, name));

        var run = Guid.NewGuid().ToString("N")[..8];
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var attempted = 0;
        var refused = 0;
        var refusedOther = 0;
        var unanswered = 0;
        var recovered = new TaskCompletionSource();
        var afterRecovery = 0;
        using var stop = new CancellationTokenSource();

        // Signed in before the clock starts, so the kill meets writers that are writing, not signing in.
        var clients = await Task.WhenAll(Enumerable.Range(0, options.CommitteeWriters + options.QuestionWriters).Select(_ => SignInAsync(address, "officer1")));

        async Task WriterAsync(string kind, int index, HttpClient client, Func<HttpClient, string, Task<HttpResponseMessage>> post)
        {
            for (var n = 0; n < options.MaxWritesPerWriter && !stop.IsCancellationRequested; n++)
            {
                var marker = $"FAULT-{run}-{kind}{index}-{n}";
                Interlocked.Increment(ref attempted);
                try
                {
                    using var response = await post(client, marker);
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        acknowledged[marker] = true;
                        if (recovered.Task.IsCompleted) Interlocked.Increment(ref afterRecovery);
                        continue;
                    }
                    // The form shown again: another writer changed the stream first (expected-version check).
                    if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref unanswered);
                    else if ((await response.Content.ReadAsStringAsync()).Contains("他の利用者がこの内容を変更しました", StringComparison.Ordinal)) Interlocked.Increment(ref refused);
                    else Interlocked.Increment(ref refusedOther);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref unanswered);
                }
                await Task.Delay(200); // refused, stale or no answer: a new write with a new marker, not a blind retry
            }
        }

        var committee = $"/Cases/{DemoData.CaseId}/Evaluation/Committee";
        var qanda = VendorTestKit.Url("/QandA");
        var writers = new List<Task>();
        for (var i = 0; i < options.CommitteeWriters; i++)
        {
            var member = members[i % members.Count];
            writers.Add(WriterAsync("c", i, clients[i], (c, marker) => c.PostFormAsync($"{committee}?handler=Member",
                new Dictionary<string, string> { ["Member.UserId"] = member.ToString(), ["Member.Position"] = marker }, committee)));
        }
        for (var i = 0; i < options.QuestionWriters; i++)
        {
            writers.Add(WriterAsync("q", i, clients[options.CommitteeWriters + i], (c, marker) => c.PostFormAsync($"{qanda}?handler=Question",
                new Dictionary<string, string> { ["Question.VendorId"] = vendor.ToString(), ["Question.ReceivedOn"] = "2026-11-20", ["Question.Text"] = marker }, qanda)));
        }

        await Task.Delay(options.BeforeKill);
        for (var wait = 0; acknowledged.IsEmpty && wait < 300; wait++) await Task.Delay(100); // mid-run: after the first write at least
        await log.WriteLineAsync($"{acknowledged.Count} writes acknowledged; killing the postmaster (SIGKILL)");
        SelfHealingTests.KillPostmaster(dataDirectory);
        var clock = Stopwatch.StartNew();
        using var health = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(5) };
        var healthy = false;
        var sawDown = false;
        while (clock.Elapsed < options.HealthyWithin)
        {
            try
            {
                using var response = await health.GetAsync("/health");
                sawDown |= response.StatusCode != HttpStatusCode.OK;
                if (response.StatusCode == HttpStatusCode.OK && sawDown) { healthy = true; break; }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { sawDown = true; }
            await Task.Delay(100);
        }
        var secondsToHealthy = clock.Elapsed.TotalSeconds;
        recovered.SetResult();
        await log.WriteLineAsync(healthy ? $"healthy again after {secondsToHealthy:F1} s" : "not healthy in time");
        await log.WriteLineAsync(RecoveryLines(dataDirectory));

        await Task.Delay(options.AfterHealthy);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        foreach (var client in clients) client.Dispose();

        var found = await FindMarkersAsync(app.Services.GetRequiredService<DatabaseHandle>().ConnectionString, run);
        var acked = acknowledged.Keys.ToHashSet();
        return new FaultDrillReport(
            options.CommitteeWriters + options.QuestionWriters, attempted, acked.Count, refused, refusedOther, unanswered, found.Count,
            Lost: acked.Count(m => !found.ContainsKey(m)),
            Duplicated: found.Count(f => f.Value > 1),
            FoundNotAcknowledged: found.Keys.Count(m => !acked.Contains(m)),
            afterRecovery, secondsToHealthy, healthy);
    }

    /// <summary>What the server said while it came back (crash recovery, checkpoint, ready): where the seconds went.</summary>
    private static string RecoveryLines(string dataDirectory)
    {
        try
        {
            using var fs = new FileStream(Path.Combine(dataDirectory, "postgres", "postgres.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(fs);
            var lines = reader.ReadToEnd().Split('\n');
            var start = Array.FindLastIndex(lines, l => l.Contains("was interrupted", StringComparison.Ordinal) || l.Contains("not properly shut down", StringComparison.Ordinal));
            return string.Join('\n', lines.Skip(Math.Max(0, start - 2)).Where(l => l.Contains("LOG:", StringComparison.Ordinal)).Take(15));
        }
        catch (IOException ex)
        {
            return ex.GetType().Name;
        }
    }

    private static async Task<HttpClient> SignInAsync(string address, string userName)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        var response = await client.PostFormAsync("/Account/SignIn", new() { ["UserName"] = userName, ["Password"] = DemoData.Password });
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in as {userName} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>How many events carry each marker, read straight from the event store (not from a read model).</summary>
    private static async Task<Dictionary<string, int>> FindMarkersAsync(string connectionString, string run)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"select data::text from {MartenSetup.Schema}.mt_events where data::text like @m", conn);
        cmd.Parameters.AddWithValue("m", $"%FAULT-{run}-%");
        await using var reader = await cmd.ExecuteReaderAsync();
        var pattern = new Regex($"FAULT-{run}-[cq][0-9]+-[0-9]+");
        while (await reader.ReadAsync())
        {
            foreach (var marker in pattern.Matches(reader.GetString(0)).Select(m => m.Value).Distinct())
            {
                counts[marker] = counts.GetValueOrDefault(marker) + 1;
            }
        }
        return counts;
    }
}

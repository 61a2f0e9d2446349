using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Marten;
using Procurement.Features.Cases;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Features.Users;
using Procurement.Infrastructure.Database;
using Procurement.Infrastructure.Events;

namespace Procurement.Benchmarks;

/// <summary>
/// Page times by size: a throwaway PostgreSQL on loopback, the app as its own process in the Production environment
/// (demo users and group), large evaluations and long case histories appended straight through Marten (the app's own
/// events and inline projections, in batches), then warm GETs as the officer and a member. Prints the median of
/// several GETs and the response size beside the targets.
/// </summary>
public static partial class ScaleBenchmark
{
    private const double HubTargetMs = 50, ResultsTargetMs = 150, HistoryTargetMs = 20;
    private const long ResultsTargetBytes = 2_000_000;

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        return RunAsync(quick).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(bool quick)
    {
        var dir = Path.Combine(Path.GetTempPath(), "procurement-bench-scale-" + Guid.NewGuid().ToString("N")[..8]);
        await using var cluster = await EmbeddedPostgres.StartAsync(dir, throwaway: true);
        await DatabaseBootstrap.EnsureDatabaseAsync(cluster.ConnectionString(), "bench");
        var connectionString = cluster.ConnectionString("bench");
        var port = FreePort();
        using var app = StartApp(connectionString, port);
        try
        {
            var baseUrl = $"http://127.0.0.1:{port}";
            await WaitHealthyAsync(baseUrl, app);

            using var store = DocumentStore.For(o => MartenSetup.Configure(o, connectionString));
            var evaluations = quick
                ? new[] { (Vendors: 6, Members: 5, Items: 50) }
                : [(6, 5, 50), (12, 15, 100), (24, 30, 200)];
            var histories = quick ? new[] { 1_000 } : [1_000, 10_000];

            var officer = await SignInAsync(baseUrl, "officer1");
            var member = await SignInAsync(baseUrl, "member1");
            var met = true;
            Console.WriteLine("scale: warm GETs, median of up to 7 (after 2 warm-ups), app in Production on loopback");
            foreach (var (vendors, members, items) in evaluations)
            {
                var seedStart = Stopwatch.GetTimestamp();
                var caseId = await SeedEvaluationAsync(store, vendors, members, items);
                var label = $"{vendors} vendors × {members} members × {items} items";
                Console.WriteLine($"-- evaluation {label} (seeded in {Stopwatch.GetElapsedTime(seedStart).TotalSeconds:0.0} s)");
                met &= await MeasureAsync(officer, $"{baseUrl}/Cases/{caseId}/Evaluation", "hub (officer)", HubTargetMs, null);
                met &= await MeasureAsync(member, $"{baseUrl}/Cases/{caseId}/Evaluation", "hub (member)", HubTargetMs, null);
                met &= await MeasureAsync(officer, $"{baseUrl}/Cases/{caseId}/Evaluation/Results", "results (officer)", ResultsTargetMs, ResultsTargetBytes);
                met &= await MeasureAsync(member, $"{baseUrl}/Cases/{caseId}/Evaluation/Results", "results (member)", ResultsTargetMs, ResultsTargetBytes);
            }
            foreach (var events in histories)
            {
                var seedStart = Stopwatch.GetTimestamp();
                var caseId = await SeedHistoryAsync(store, events);
                Console.WriteLine($"-- case history of {events:N0} events (seeded in {Stopwatch.GetElapsedTime(seedStart).TotalSeconds:0.0} s)");
                met &= await MeasureAsync(officer, $"{baseUrl}/Cases/{caseId}", "case page", HistoryTargetMs, null);
                met &= await MeasureAsync(officer, $"{baseUrl}/Cases/{caseId}/AuditTrail", "audit log", HistoryTargetMs, null);
                await MeasureAsync(officer, $"{baseUrl}/Cases/{caseId}/AuditTrail?handler=Csv", "audit log CSV", null, null);
            }
            Console.WriteLine(met ? "scale: every target MET" : "scale: some targets MISSED");
            return met ? 0 : 1;
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }
        }
    }

    private static async Task<bool> MeasureAsync(HttpClient client, string url, string name, double? targetMs, long? targetBytes)
    {
        long size = 0;
        for (var i = 0; i < 2; i++) size = await GetAsync(client, url);
        var times = new List<double>();
        var budget = Stopwatch.StartNew();
        while (times.Count < 7 && (times.Count < 3 || budget.Elapsed < TimeSpan.FromSeconds(20)))
        {
            var start = Stopwatch.GetTimestamp();
            size = await GetAsync(client, url);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        var ok = (targetMs is not { } t || median <= t) && (targetBytes is not { } b || size <= b);
        var target = targetMs is { } tm ? $"target ≤ {tm:0} ms" + (targetBytes is { } tb ? $", ≤ {tb / 1_000_000.0:0.#} MB" : "") : "no target (streamed)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   {name,-18} {median,8:0.0} ms  {size / 1024.0,9:0.0} KB   ({target}){(targetMs is null ? "" : ok ? " MET" : " MISSED")}"));
        return ok;
    }

    private static async Task<long> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0) total += read;
        return total;
    }

    /// <summary>
    /// A case of the demo group with an evaluation: vendors, criteria (the evaluation benchmark's mix of scales), the
    /// committee (member1 and the chair among it), declarations, opened proposals, prices, every member's sheet filled
    /// and submitted, technical scoring closed.
    /// </summary>
    private static async Task<Guid> SeedEvaluationAsync(DocumentStore store, int vendorCount, int memberCount, int itemCount)
    {
        var caseId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var by = Actor.System;
        var workload = EvaluationBenchmark.Workload(memberCount, vendorCount, itemCount);
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<CaseSummary>(caseId, new CaseOpened(caseId, DemoData.GroupId, $"規模の計測 {vendorCount}×{memberCount}×{itemCount}",
                ["juki"], CloudForm.SaaS, new DateOnly(2028, 4, 1), 500_000_000, by, now));
            await session.SaveChangesAsync();
        }

        Guid[] memberIds;
        await using (var session = store.LightweightSession())
        {
            var member1 = await session.Query<UserAccount>().FirstAsync(u => u.UserName == "member1");
            var chair = await session.Query<UserAccount>().FirstAsync(u => u.UserName == "chair");
            memberIds = [member1.Id, chair.Id, .. Enumerable.Range(2, Math.Max(0, memberCount - 2)).Select(_ => Guid.NewGuid())];
        }
        var vendorIds = Enumerable.Range(0, vendorCount).Select(_ => Guid.NewGuid()).ToArray();
        var memberIndex = workload.Members.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => memberIds[x.i]);
        var vendorIndex = workload.Vendors.Select((v, i) => (v.Id, i)).ToDictionary(x => x.Id, x => vendorIds[x.i]);

        var streamId = EvaluationStreams.Evaluation(caseId);
        await using (var session = store.LightweightSession())
        {
            var events = new List<object>();
            events.AddRange(vendorIds.Select((v, i) => new EvaluationVendorAdded(caseId, v, $"事業者{i:00}株式会社", by, now)));
            events.Add(new CriteriaDefined(caseId, workload.Criteria, workload.Settings, by, now));
            events.AddRange(memberIds.Select((m, i) => new CommitteeMemberAppointed(caseId, m, $"委員{i:00}", i == 1, by, now, "課長")));
            events.AddRange(memberIds.Select(m => new ConflictOfInterestDeclared(caseId, m, [], "利害関係はありません。", by, now)));
            events.Add(new ProposalsOpened(caseId, by, now));
            events.Add(new ReservePriceRecorded(caseId, 1_000_000_000, "見積比較", by, now));
            events.AddRange(workload.Prices!.Bids.Select(b => new BidPriceRecorded(caseId, vendorIndex[b.Key], b.Value, by, now)));
            session.Events.StartStream<EvaluationView>(streamId, events.ToArray());
            await session.SaveChangesAsync();
        }

        // One sheet per member: a draft save per vendor (as the page's autosave would leave it, coarser), then the submission.
        foreach (var group in workload.Scores.GroupBy(s => s.MemberId))
        {
            var memberId = memberIndex[group.Key];
            await using var session = store.LightweightSession();
            var events = group.GroupBy(s => s.VendorId)
                .Select(v => (object)new ScoreDraftSaved(caseId, memberId,
                    v.Select(s => new ScoreChange(vendorIndex[s.VendorId], s.ItemId, s.Mark, null)).ToList(), "画面", by, now))
                .Append(new ScoreSheetSubmitted(caseId, memberId, 1, by, now)).ToArray();
            session.Events.StartStream<ScoreSheetView>(EvaluationStreams.ScoreSheet(caseId, memberId), events);
            await session.SaveChangesAsync();
        }

        await using (var session = store.LightweightSession())
        {
            session.Events.Append(streamId, new TechnicalScoringClosed(caseId, by, now));
            await session.SaveChangesAsync();
        }
        return caseId;
    }

    /// <summary>A case of the demo group whose stream holds <paramref name="count"/> events (opened, then changed again and again).</summary>
    private static async Task<Guid> SeedHistoryAsync(DocumentStore store, int count)
    {
        var caseId = Guid.NewGuid();
        var by = new Actor(Guid.NewGuid(), "高森 花子");
        var start = DateTimeOffset.UtcNow.AddDays(-count / 100.0);
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<CaseSummary>(caseId, new CaseOpened(caseId, DemoData.GroupId, $"長い経過 {count}",
                ["juki"], CloudForm.SaaS, new DateOnly(2028, 4, 1), 500_000_000, by, start));
            await session.SaveChangesAsync();
        }
        for (var done = 1; done < count;)
        {
            var batch = Math.Min(1_000, count - done);
            await using var session = store.LightweightSession();
            session.Events.Append(caseId, Enumerable.Range(done, batch).Select(i => (object)new CaseDetailsChanged(caseId, $"長い経過 {count}（第{i}版）",
                ["juki"], CloudForm.SaaS, new DateOnly(2028, 4, 1), 500_000_000 + i, by, start.AddMinutes(i))).ToArray());
            await session.SaveChangesAsync();
            done += batch;
        }
        return caseId;
    }

    private static Process StartApp(string connectionString, int port)
    {
        var root = FindRepositoryRoot();
        var dll = Path.Combine(root, "src", "Procurement.Web", "bin", "Release", "net10.0", "Procurement.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"build the app first: {dll} not found");
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.Combine(root, "src", "Procurement.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ConnectionStrings__Procurement"] = connectionString;
        info.Environment["Procurement__Demo"] = "true";
        info.Environment["Procurement__Pdf__ConvertInBackground"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("the app did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(string baseUrl, Process app)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (app.HasExited) throw new InvalidOperationException($"the app exited with {app.ExitCode}");
            try
            {
                using var response = await client.GetAsync(baseUrl + "/Account/SignIn");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the app did not answer within 120 s");
    }

    private static async Task<HttpClient> SignInAsync(string baseUrl, string userName)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        var page = await client.GetStringAsync(baseUrl + "/Account/SignIn");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        using var response = await client.PostAsync(baseUrl + "/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = DemoData.Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in as {userName}: {(int)response.StatusCode}");
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Procurement.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

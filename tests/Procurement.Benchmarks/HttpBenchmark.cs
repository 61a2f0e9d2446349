using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using Procurement.Features.Demo;
using Procurement.Features.Evaluation;
using Procurement.Features.Groups;
using Procurement.Features.Users;
using Procurement.Infrastructure;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Database;
using Procurement.Infrastructure.Events;

namespace Procurement.Benchmarks;

/// <summary>
/// <c>scripts/bench.sh http</c>: the app's score-sheet autosave against a bare ASP.NET Core + Npgsql insert on the same
/// database in the same run, plus the main pages and /health, all on loopback and bounded in time.
/// <para>
/// A throwaway PostgreSQL cluster holds one database for both. The app runs as its own process (Production environment,
/// its published settings) on the demo data plus an evaluation of 8 members who declared no conflicts, criteria frozen.
/// The baseline is a minimal API in this process: a pooled <see cref="NpgsqlDataSource"/>, one INSERT of a row the size of a
/// score event into a table of its own. Each member signs in through the real form; a "tab" reads the sheet page's
/// antiforgery token and version, then posts what score-sheet-autosave.js posts (every cell, the version it holds) with one
/// cell changed per request, and takes the version and the other tab's cells from the reply as the page does.
/// </para>
/// </summary>
public static partial class HttpBenchmark
{
    private const int Members = 8;
    private static readonly Guid CaseId = DemoData.CaseId;
    private static readonly Guid[] Vendors = [EvaluationDemo.VendorA, EvaluationDemo.VendorB, EvaluationDemo.VendorC];
    private static readonly string[] FiveLevelItems = [.. EvaluationDemo.Criteria.SelectMany(c => c.Items)
        .Where(i => i.Scale == Procurement.Features.Evaluation.Scoring.ScaleKind.FiveLevel).Select(i => i.Id)];
    private static readonly string[] AllItems = [.. EvaluationDemo.Criteria.SelectMany(c => c.Items).Select(i => i.Id)];

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var duration = TimeSpan.FromSeconds(seconds);
        var dir = Path.Combine(Path.GetTempPath(), "procurement-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Process? app = null;
        WebApplication? bare = null;
        try
        {
            await using var cluster = await EmbeddedPostgres.StartAsync(dir, throwaway: true);
            await DatabaseBootstrap.EnsureDatabaseAsync(cluster.ConnectionString(), "bench");
            var connectionString = cluster.ConnectionString("bench");
            var members = await SeedAsync(connectionString);

            var appPort = FreePort();
            app = StartApp(connectionString, appPort);
            var appUrl = new Uri($"http://127.0.0.1:{appPort}");
            bare = await StartBareAsync(connectionString);
            var bareUrl = new Uri(bare.Urls.First());
            await WaitUntilUpAsync(appUrl, app);

            var clients = new List<HttpClient>();
            foreach (var member in members) clients.Add(await SignInAsync(appUrl, member));
            using var anonymous = new HttpClient { BaseAddress = appUrl };
            using var bareClient = new HttpClient { BaseAddress = bareUrl };

            Console.WriteLine($"score-sheet autosave (app, Production, separate process) vs bare insert (minimal API + pooled Npgsql, this process); {seconds.ToString(CultureInfo.InvariantCulture)} s per line, loopback, {Environment.ProcessorCount} cores");
            // The app's own CPU time per request (its process, read around each line) does not depend on what else the machine runs.
            Console.WriteLine("line                                         conn     req/s    p50 ms    p99 ms   errors  app CPU ms/req   target");
            _app = app;
            // Warm-up before any line: the JIT tiers the hot paths up (on a busy machine its background compiles lag).
            var warmTabs = clients.Select((c, i) => new Tab(c, 20 + i)).ToList();
            foreach (var tab in warmTabs) await tab.OpenAsync();
            await DriveAsync(8, TimeSpan.FromSeconds(6), (i, ct) => warmTabs[i].SaveAsync(ct));
            await DriveAsync(8, TimeSpan.FromSeconds(3), (i, ct) => GetAsync(clients[i], i % 2 == 0 ? "/" : $"/Cases/{CaseId}/Evaluation", ct));
            var idleBefore = await IdleCpuAsync();
            var results = new Dictionary<string, Figures>();
            foreach (var connections in new[] { 1, 8, 32 })
            {
                // Save and insert alternate, so both see the same machine.
                var tabs = Enumerable.Range(0, connections).Select(i => new Tab(clients[i % Members], i / Members)).ToList();
                foreach (var tab in tabs) await tab.OpenAsync();
                results[$"save{connections}"] = Print($"score autosave (POST Sheet?handler=Autosave)", connections,
                    await DriveAsync(connections, duration, (i, ct) => tabs[i].SaveAsync(ct)),
                    connections == 8 ? "p99 ≤ 25 ms at 8" : "");
                results[$"insert{connections}"] = Print("bare insert (POST, one INSERT)", connections,
                    await DriveAsync(connections, duration, (i, ct) => BareInsertAsync(bareClient, tabs[i], ct), app: false), "");
            }
            var home = Print("GET / (home)", 8, await DriveAsync(8, duration, (i, ct) => GetAsync(clients[i], "/", ct)), "");
            Print("GET case page", 8, await DriveAsync(8, duration, (i, ct) => GetAsync(clients[i], $"/Cases/{CaseId}", ct)), "");
            Print("GET evaluation hub", 8, await DriveAsync(8, duration, (i, ct) => GetAsync(clients[i], $"/Cases/{CaseId}/Evaluation", ct)), "");
            var health = Print("GET /health", 8, await DriveAsync(8, duration, (_, ct) => GetAsync(anonymous, "/health", ct)),
                "≥ ½ of home's req/s");

            // Two tabs of one member: 4 members × 2 tabs, each tab with its own page version, editing its own vendor's cells.
            var twoTabs = Enumerable.Range(0, 8).Select(i => new Tab(clients[i / 2], 10 + i % 2)).ToList();
            foreach (var tab in twoTabs) await tab.OpenAsync();
            var tabFigures = await DriveAsync(8, duration, (i, ct) => twoTabs[i].SaveAsync(ct));
            Print("two tabs per member (4 × 2)", 8, tabFigures, "0 refused");
            var refused = twoTabs.Sum(t => t.Refused);
            // CPU the app spends with no request at all (background services, the JIT still tiering up, GC): it competes
            // with the requests on a 2-core machine, so it is printed beside them.
            Console.WriteLine(Line($"app CPU with no requests: {idleBefore:0} ms/s before the lines, {await IdleCpuAsync():0} ms/s after"));
            Console.WriteLine();
            var save8 = results["save8"];
            var insert8 = results["insert8"];
            var ratio = save8.PerSecond / insert8.PerSecond;
            Console.WriteLine(Line($"8 members saving: {save8.PerSecond:0} saves/s, p99 {save8.P99:0.0} ms (target p99 ≤ 25 ms) {(save8.P99 <= 25 ? "MET" : "MISSED")}"));
            Console.WriteLine(Line($"/health {health.PerSecond:0} req/s vs home {home.PerSecond:0} req/s: {health.PerSecond / home.PerSecond:0.00}× (target ≥ 0.5×, i.e. within 2× of the home page) {(health.PerSecond * 2 >= home.PerSecond ? "MET" : "MISSED")}"));
            Console.WriteLine(Line($"two tabs: {refused} of {tabFigures.Count} autosaves refused (target 0) {(refused == 0 ? "MET" : "MISSED")}"));
            Console.WriteLine(Line($"save/insert throughput at 8 connections: target ≥ 0.5 {(ratio >= 0.5 ? "MET" : "MISSED")}"));
            Console.WriteLine(Line($"save/insert throughput ratio: {ratio:0.00}"));
            foreach (var c in clients) c.Dispose();
            return 0;
        }
        finally
        {
            if (bare is not null) await bare.DisposeAsync();
            if (app is { HasExited: false })
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }
            app?.Dispose();
            try
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the stopping server: the tests' next run removes orphaned clusters of its own kind only.
            }
        }
    }

    private static string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>The demo data, 8 committee members in the demo group, and the demo evaluation seated with them, declared and opened.</summary>
    private static async Task<List<string>> SeedAsync(string connectionString)
    {
        using var store = DocumentStore.For(opts => MartenSetup.Configure(opts, connectionString));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var passwords = new PasswordService();
        await DemoData.SeedAsync(store, TimeProvider.System, passwords);
        var now = DateTimeOffset.UtcNow;
        var by = Actor.System;
        await using var session = store.LightweightSession();
        var names = Enumerable.Range(1, Members).Select(i => $"bench{i}").ToList();
        var events = new List<object>();
        events.AddRange(Vendors.Select((v, i) => (object)new EvaluationVendorAdded(CaseId, v, $"事業者{i + 1}", by, now)));
        events.Add(new CriteriaDefined(CaseId, EvaluationDemo.Criteria, EvaluationDemo.Settings, by, now));
        var accounts = names.Select(n => UserAccount.Create(n, "委員 " + n, [Roles.Committee], DemoData.Password, passwords, now)).ToList();
        foreach (var account in accounts)
        {
            session.Store(account);
            session.Events.Append(DemoData.GroupId, new UserAddedToGroup(DemoData.GroupId, account.Id, account.DisplayName, by, now));
            events.Add(new CommitteeMemberAppointed(CaseId, account.Id, account.DisplayName, account == accounts[0], by, now));
        }
        events.Add(new ProposalsOpened(CaseId, by, now));
        events.AddRange(accounts.Select(a => (object)new ConflictOfInterestDeclared(CaseId, a.Id, [], "利害関係はありません。", by, now)));
        session.Events.StartStream<EvaluationView>(EvaluationStreams.Evaluation(CaseId), [.. events]);
        await session.SaveChangesAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var table = new NpgsqlCommand("create table bench_insert (id bigserial primary key, member uuid not null, data jsonb not null, at timestamptz not null)", connection);
        await table.ExecuteNonQueryAsync();
        return names;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process StartApp(string connectionString, int port)
    {
        var root = FindRepositoryRoot();
        var web = Path.Combine(root, "src", "Procurement.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "Procurement.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("build the web app first (scripts/bench.sh does)", dll);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Procurement"] = connectionString;
        start.Environment["Procurement__Demo"] = "false";
        start.Environment["Procurement__Pdf__ConvertInBackground"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Steady state, as a server that has run for a while: the methods are compiled optimised at once. With tiered
        // compilation the JIT's background thread was still tiering the app up a minute into the run (≈ 350 ms of CPU per
        // second with no request at all, printed below), taking a core's share from the requests on this 2-core machine.
        start.Environment["DOTNET_TieredCompilation"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the app did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line) Console.Error.WriteLine("app: " + line);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string FindRepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Procurement.slnx")) || Directory.Exists(Path.Combine(d.FullName, "src", "Procurement.Web"))) return d.FullName;
        }
        throw new DirectoryNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }

    private static async Task WaitUntilUpAsync(Uri url, Process app)
    {
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (app.HasExited) throw new InvalidOperationException($"the app exited with {app.ExitCode}");
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the app did not answer /health within 60 s");
    }

    /// <summary>The baseline: what any ASP.NET Core app pays for one write, with the same request body as the autosave.</summary>
    private static async Task<WebApplication> StartBareAsync(string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 40 }.ToString());
        app.MapPost("/insert", async (HttpRequest request, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var changed = form["Changed"].ToString();
            var data = JsonSerializer.Serialize(new
            {
                caseId = CaseId,
                changes = new[] { new { cell = changed, mark = form[$"Cells[{changed}]"].ToString() } },
                source = "画面",
                by = new { id = Guid.NewGuid(), name = "委員" },
                at = DateTimeOffset.UtcNow,
            });
            await using var command = source.CreateCommand("insert into bench_insert (member, data, at) values ($1, $2::jsonb, now()) returning id");
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            command.Parameters.Add(new NpgsqlParameter { Value = data });
            var id = (long)(await command.ExecuteScalarAsync(ct))!;
            return Results.Json(new { saved = true, version = id });
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<HttpClient> SignInAsync(Uri url, string userName)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var page = await client.GetStringAsync(new Uri("/Account/SignIn", UriKind.Relative));
        using var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = DemoData.Password,
            ["__RequestVerificationToken"] = Token(page),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in as {userName}: {response.StatusCode}");
        return client;
    }

    private static string Token(string page) =>
        TokenPattern().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Version\" value=\"(\\d*)\"")]
    private static partial Regex VersionPattern();

    private static async Task<bool> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        await response.Content.CopyToAsync(Stream.Null, ct);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<bool> BareInsertAsync(HttpClient client, Tab tab, CancellationToken ct)
    {
        using var response = await client.PostAsync(new Uri("/insert", UriKind.Relative), tab.NextForm(), ct);
        await response.Content.CopyToAsync(Stream.Null, ct);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>One open score-sheet page: its cells, its version, its token; each save changes one cell of its own.</summary>
    private sealed class Tab(HttpClient client, int seed)
    {
        private readonly Dictionary<string, string> _cells = Vendors.SelectMany(v => AllItems.Select(i => $"{v:N}-{i}")).ToDictionary(k => k, _ => "");
        private string _token = "";
        private string _version = "";
        private int _counter = seed * 7;
        private string _changed = "";

        public int Refused { get; private set; }

        public async Task OpenAsync()
        {
            var page = await client.GetStringAsync(new Uri($"/Cases/{CaseId}/Evaluation/Sheet", UriKind.Relative));
            _token = Token(page);
            _version = VersionPattern().Match(page) is { Success: true } m ? m.Groups[1].Value : "";
            // Start from what is stored, as the page shows it.
            foreach (var key in _cells.Keys.ToList())
            {
                var value = Regex.Match(page, $"name=\"Cells\\[{Regex.Escape(key)}\\]\"[^>]*value=\"([^\"]*)\"");
                if (value.Success) _cells[key] = WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        /// <summary>The form with one more cell changed: a tab edits its own vendor (seed), a 5段階 item, the next mark.</summary>
        public FormUrlEncodedContent NextForm()
        {
            var n = Interlocked.Increment(ref _counter);
            var vendor = Vendors[seed % Vendors.Length];
            _changed = $"{vendor:N}-{FiveLevelItems[n % FiveLevelItems.Length]}";
            _cells[_changed] = (1 + n / FiveLevelItems.Length % 5).ToString(CultureInfo.InvariantCulture);
            var fields = _cells.Select(c => new KeyValuePair<string, string>($"Cells[{c.Key}]", c.Value)).ToList();
            fields.Add(new("Version", _version));
            fields.Add(new("Changed", _changed));
            fields.Add(new("__RequestVerificationToken", _token));
            return new FormUrlEncodedContent(fields);
        }

        public async Task<bool> SaveAsync(CancellationToken ct)
        {
            using var response = await client.PostAsync(new Uri($"/Cases/{CaseId}/Evaluation/Sheet?handler=Autosave", UriKind.Relative), NextForm(), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Refused++;
                return false;
            }
            using var json = JsonDocument.Parse(body);
            _version = json.RootElement.GetProperty("version").GetInt64().ToString(CultureInfo.InvariantCulture);
            // As the page does: cells another tab saved meanwhile replace the shown values.
            foreach (var cell in json.RootElement.GetProperty("cells").EnumerateObject()) _cells[cell.Name["cell-".Length..]] = cell.Value.GetString() ?? "";
            return true;
        }
    }

    private sealed record Figures(int Count, int Errors, double PerSecond, double P50, double P99)
    {
        /// <summary>The app process's CPU time over the line (null for the bare insert, which runs in this process).</summary>
        public double? AppCpuMilliseconds { get; init; }
    }

    /// <summary><paramref name="connections"/> loops for <paramref name="duration"/> after a short warm-up; latency per request.</summary>
    private static async Task<Figures> DriveAsync(int connections, TimeSpan duration, Func<int, CancellationToken, Task<bool>> request, bool app = true)
    {
        using (var warm = new CancellationTokenSource(TimeSpan.FromMilliseconds(700)))
        {
            await Task.WhenAll(Enumerable.Range(0, connections).Select(async i =>
            {
                while (!warm.IsCancellationRequested) await request(i, CancellationToken.None);
            }));
        }
        var latencies = new List<double>[connections];
        var errors = 0;
        var cpuBefore = AppCpu();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async i =>
        {
            var mine = latencies[i] = [];
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await request(i, CancellationToken.None);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = AppCpu() - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Figures(all.Length, errors, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99)) { AppCpuMilliseconds = app ? cpu : null };
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static Process? _app;

    private static Figures Print(string name, int connections, Figures f, string target)
    {
        var cpu = f.AppCpuMilliseconds is { } ms ? (ms / Math.Max(1, f.Count)).ToString("0.00", CultureInfo.InvariantCulture) : "-";
        Console.WriteLine(Line($"{name,-44} {connections,4} {f.PerSecond,9:0.0} {f.P50,9:0.00} {f.P99,9:0.00} {f.Errors,8} {cpu,15}   {target}"));
        return f;
    }

    private static async Task<double> IdleCpuAsync()
    {
        var threadsBefore = ThreadTicks();
        var before = AppCpu();
        await Task.Delay(2000);
        var spent = (AppCpu() - before) / 2;
        // Which of the app's threads spent it (Linux: per-thread ticks from /proc), busiest first.
        var busiest = ThreadTicks().Select(t => (t.Key, Ticks: t.Value.Ticks - threadsBefore.GetValueOrDefault(t.Key).Ticks, t.Value.Name))
            .Where(t => t.Ticks > 0).OrderByDescending(t => t.Ticks).Take(4).ToList();
        if (busiest.Count > 0) Console.WriteLine("  busiest idle threads (ticks of 10 ms over 2 s): " + string.Join(", ", busiest.Select(t => $"{t.Name} {t.Ticks.ToString(CultureInfo.InvariantCulture)}")));
        return spent;
    }

    private static Dictionary<string, (long Ticks, string Name)> ThreadTicks()
    {
        var result = new Dictionary<string, (long, string)>();
        if (_app is null || !Directory.Exists($"/proc/{_app.Id}/task")) return result;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_app.Id}/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                result[Path.GetFileName(task)] = (ticks, File.ReadAllText(Path.Combine(task, "comm")).Trim());
            }
            catch (IOException)
            {
                // the thread ended meanwhile
            }
        }
        return result;
    }

    private static double AppCpu()
    {
        if (_app is null) return 0;
        _app.Refresh();
        return _app.TotalProcessorTime.TotalMilliseconds;
    }
}

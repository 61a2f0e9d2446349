using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Benchmarks;

/// <summary>
/// The two cold paths, each timed from exec in fresh processes, as a user meets them:
/// (a) the web app against its already initialised embedded cluster, exec → first 200 of the sign-in page;
/// (b) the CLI's render of the 2,000-row 調達仕様書 (validation included) beside docxtemplater's cold render of the same
/// data, run alternately so both see the same machine load; the ratio is the median of the paired runs.
/// <c>scripts/bench.sh cold</c> builds what it times and passes the commands in.
/// </summary>
public static class ColdBenchmark
{
    private const double AppTargetMs = 1000;
    private const double RatioTarget = 1.0;

    public static int Run(string[] args)
    {
        var runs = Option(args, "--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
        var work = Path.GetFullPath(Option(args, "--work") ?? Path.Combine("artifacts", "bench-cold"));
        Directory.CreateDirectory(work);
        var ok = true;
        Console.WriteLine($"cold paths, {runs} fresh processes each, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine();

        if (Option(args, "--app") is { } app)
        {
            var times = AppStarts(app, Option(args, "--app-dir") ?? Directory.GetCurrentDirectory(), work, runs);
            var median = Median(times);
            Console.WriteLine($"{"app exec → first 200 of /Account/SignIn, median",-58} {median,8:N0} ms   target ≤ {AppTargetMs:N0} ms   {(median <= AppTargetMs ? "ok" : "MISS")}");
            Console.WriteLine($"{"  runs",-58} {string.Join(" / ", times.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))} ms");
            ok &= median <= AppTargetMs;
        }

        if (Option(args, "--cli") is { } cli && Option(args, "--node-modules") is { } nodeModules)
        {
            var (ours, theirs, ratios) = Renders(cli, nodeModules, work, runs);
            var ratio = Median(ratios);
            Console.WriteLine($"{"CLI cold render, 2,000 rows, validated, median",-58} {Median(ours),8:N0} ms");
            Console.WriteLine($"{"docxtemplater cold render, same data, median",-58} {Median(theirs),8:N0} ms");
            Console.WriteLine($"{"CLI ÷ docxtemplater, median of paired runs",-58} {ratio,8:N2} ×   target ≤ {RatioTarget:N1} ×    {(ratio <= RatioTarget ? "ok" : "MISS")}");
            Console.WriteLine($"{"  CLI runs",-58} {string.Join(" / ", ours.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))} ms");
            Console.WriteLine($"{"  docxtemplater runs",-58} {string.Join(" / ", theirs.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))} ms");
            ok &= ratio <= RatioTarget;
        }
        return ok ? 0 : 1;
    }

    /// <summary>
    /// One untimed start initialises the cluster (initdb, schema, key ring); then each timed start runs to the first 200
    /// and is stopped with SIGTERM, as Ctrl+C would, so it stops its PostgreSQL and the next start finds no orphan.
    /// </summary>
    private static List<double> AppStarts(string command, string workingDirectory, string work, int runs)
    {
        // Under /tmp: as root the server runs as 'postgres', which must be able to enter the folder.
        var data = Path.Combine(Path.GetTempPath(), "procurement-bench-cold-" + Environment.UserName);
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var port = FreePort();
            var psi = Shell(command + " --urls http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture), workingDirectory);
            psi.Environment["Procurement__DataDirectory"] = data;
            psi.Environment["Procurement__Port"] = FreePort().ToString(CultureInfo.InvariantCulture);
            psi.Environment["Procurement__Pdf__ConvertInBackground"] = "false";
            psi.Environment["Logging__LogLevel__Default"] = "Warning";
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var url = $"http://127.0.0.1:{port}/Account/SignIn";
            var sw = Stopwatch.StartNew();
            using var process = Process.Start(psi)!;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"the app exited with {process.ExitCode} before answering ({command})");
                if (sw.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException("the app did not answer within 2 minutes");
                try
                {
                    using var response = http.GetAsync(url).GetAwaiter().GetResult();
                    if (response.StatusCode == HttpStatusCode.OK) break;
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
                }
                catch (HttpRequestException) { Thread.Sleep(5); }
            }
            var elapsed = sw.Elapsed.TotalMilliseconds;
            if (i > 0) times.Add(elapsed); // the first start initialised the cluster: not a cold start of an initialised one
            Terminate(process);
        }
        return times;
    }

    private static (List<double> Ours, List<double> Theirs, List<double> Ratios) Renders(string cli, string nodeModules, string work, int runs)
    {
        var catalog = TemplateCatalog.Load(TemplateCatalog.FindRoot());
        var dataPath = Path.Combine(work, "spec-2000.json");
        File.WriteAllText(dataPath, Workload.Data(catalog, rows: 2000).ToJsonString());
        var script = Path.GetFullPath(Path.Combine(TemplateCatalog.FindRoot(), "..", "tests", "Procurement.Benchmarks", "docxtemplater", "render.js"));
        var template = Path.Combine(work, "docxtemplater-spec.docx");
        Exec($"node \"{script}\" template \"{template}\"", nodeModules);

        var ours = new List<double>();
        var theirs = new List<double>();
        var ratios = new List<double>();
        // One untimed run of each first: the files they read come into the page cache, for both alike.
        for (var i = 0; i <= runs; i++)
        {
            var a = Exec($"{cli} render --template procurement-spec --data \"{dataPath}\" --out \"{Path.Combine(work, "cli.docx")}\"", nodeModules);
            var b = Exec($"node \"{script}\" render \"{template}\" \"{dataPath}\" \"{Path.Combine(work, "docxtemplater.docx")}\"", nodeModules);
            if (i == 0) continue;
            ours.Add(a);
            theirs.Add(b);
            ratios.Add(a / b);
        }
        return (ours, theirs, ratios);
    }

    /// <summary>Runs a command to its end and returns its wall time from exec; fails loudly on a non-zero exit.</summary>
    private static double Exec(string command, string nodeModules)
    {
        var psi = Shell(command, Directory.GetCurrentDirectory());
        psi.Environment["NODE_PATH"] = nodeModules;
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        sw.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} exited with {process.ExitCode}: {stderr.Result}");
        return sw.Elapsed.TotalMilliseconds;
    }

    // exec, so the timed process is the program itself and SIGTERM reaches it, not a shell around it.
    private static ProcessStartInfo Shell(string command, string workingDirectory) => new("/bin/sh", ["-c", "exec " + command])
    {
        WorkingDirectory = workingDirectory,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };

    private static void Terminate(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) kill.WaitForExit();
        if (!process.WaitForExit(60_000)) process.Kill(entireProcessTree: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "?"; }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

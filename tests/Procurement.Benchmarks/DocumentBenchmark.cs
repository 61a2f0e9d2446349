using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Benchmarks;

/// <summary>
/// Renders a 調達仕様書 with 2,000 requirement rows (≈ 80 pages) and prints, next to its targets:
/// the first render in this fresh process, the warm median, allocations per render, and the floor (writing the same
/// final parts into a zip package). `--bdn` runs the same render under BenchmarkDotNet instead.
/// </summary>
public static class DocumentBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Contains("--bdn"))
        {
            BenchmarkRunner.Run<RenderSpecificationBenchmark>();
            return 0;
        }
        if (args.Contains("--breakdown")) return Breakdown.Run();
        var sinceMain = Stopwatch.StartNew();

        var catalog = TemplateCatalog.Load(TemplateCatalog.FindRoot());
        var renderer = new DocumentRenderer(catalog);
        var data = Workload.Data(catalog, rows: 2000);
        var first = renderer.RenderJson("procurement-spec", data);
        var firstInProcess = sinceMain.Elapsed;
        if (args.Length == 2 && args[0] == "--write")
        {
            File.WriteAllBytes(args[1], first.Bytes); // to look at the benchmark's document (pages, layout)
            return 0;
        }
        if (args.Contains("--first-only"))
        {
            Console.WriteLine($"first render in process: {firstInProcess.TotalMilliseconds:N0} ms ({first.Bytes.Length:N0} bytes)");
            return 0;
        }

        var iterations = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 60;
        var parts = Workload.Parts(first.Bytes);
        // Past tiered JIT's promotion (tier 0 → instrumented → tier 1 with PGO) of everything a render touches: with
        // 40 rounds the first measured renders were still being promoted and the median read 3–4× the floor instead of
        // the steady ≈2× a long-running app sees; 150 rounds (≈ 3 s) reach the steady state on this 2-core machine.
        for (var i = 0; i < 150; i++)
        {
            renderer.RenderJson("procurement-spec", data);
            Workload.Zip(parts);
        }
        // Render and floor are measured back to back in each iteration: on a machine shared with other work the
        // per-iteration ratio is far steadier than either time alone.
        var times = new List<double>();
        var floor = new List<double>();
        var ratios = new List<double>();
        var allocations = new List<long>();
        for (var i = 0; i < iterations; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            var doc = renderer.RenderJson("procurement-spec", data);
            sw.Stop();
            allocations.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            var zipWatch = Stopwatch.StartNew();
            Workload.Zip(parts);
            zipWatch.Stop();
            times.Add(sw.Elapsed.TotalMilliseconds);
            floor.Add(zipWatch.Elapsed.TotalMilliseconds);
            ratios.Add(sw.Elapsed.TotalMilliseconds / zipWatch.Elapsed.TotalMilliseconds);
            if (doc.ContentHash != first.ContentHash) throw new InvalidOperationException("rendering is not deterministic");
        }

        var warm = Median(times);
        var zip = Median(floor);
        var ratio = Median(ratios);
        var rowsInDoc = first.Blocks.OfType<TableBlock>().Sum(t => t.Rows.Count);
        var uncompressed = parts.Sum(p => (long)p.Bytes.Length);
        Console.WriteLine($"調達仕様書, {rowsInDoc:N0} table rows, .docx {first.Bytes.Length / 1024.0:N0} KiB ({uncompressed / 1024.0:N0} KiB uncompressed), {iterations} warm iterations, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine($"{"measure",-44} {"value",12} {"target",14} {"",4}");
        Row("first render, fresh process (from Main)", firstInProcess.TotalMilliseconds, "≤ 1,500 ms", firstInProcess.TotalMilliseconds <= 1500);
        Row("warm render, median", warm, "≤ 150 ms", warm <= 150);
        Row("floor: same parts into a zip, median", zip, "", true);
        Console.WriteLine($"{"render ÷ floor, median of paired runs",-44} {ratio,10:N2} × {"≤ 3 ×",14} {(ratio <= 3 ? "ok" : "MISS"),4}");
        Console.WriteLine($"{"allocated per warm render, median",-44} {Median(allocations.Select(a => (double)a).ToList()) / 1024 / 1024,9:N1} MiB");
        Console.WriteLine($"{"warm render min / max",-44} {times.Min(),6:N1} / {times.Max():N1} ms");
        Console.WriteLine($"{"floor min / max",-44} {floor.Min(),6:N1} / {floor.Max():N1} ms");
        return warm <= 150 && ratio <= 3 && firstInProcess.TotalMilliseconds <= 1500 ? 0 : 1;

        static void Row(string name, double ms, string target, bool ok) =>
            Console.WriteLine($"{name,-44} {ms,9:N1} ms {target,14} {(target.Length == 0 ? "" : ok ? "ok" : "MISS"),4}");
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

public static class Workload
{
    private static readonly string[] Functions = ["転入届", "転出届", "転居届", "世帯変更", "住民票の写し", "記載事項証明", "異動履歴照会", "統計資料", "税額計算", "督促状",
        "口座振替", "還付充当", "減免申請", "納税証明", "外字登録", "宛名管理", "送付先設定", "バッチ処理", "帳票出力", "権限管理"];

    private static readonly string[] Subjects = ["画面から入力した届出の内容", "取り込んだ電子申請のデータ", "世帯員全員の異動情報", "前年度までの課税情報", "金融機関から受け取った収納データ",
        "マイナンバーカードから読み取った情報", "窓口で受け付けた申請の内容", "他システムから連携された宛名情報", "職員が一括で指定した対象者", "法改正に伴い変更された様式"];

    private static readonly string[] Actions = ["審査の上で登録し、異動履歴として保持できること", "一覧で確認し、誤りがあれば修正前の状態に戻せること", "帳票として出力し、PDFで保存できること",
        "条件を指定して検索し、結果をCSV形式で出力できること", "夜間バッチで一括処理し、処理結果を翌朝に確認できること", "操作者と操作日時をログとして記録できること",
        "標準仕様書に定める様式で出力できること", "他の構成団体のデータと混在しないよう団体ごとに管理できること"];

    private static readonly string[] Notes = ["", "（標準仕様書の実装必須機能）", "なお、大量処理時も応答時間の要件を満たすこと。", "法令改正時は受注者の負担で対応すること。", "出力件数の上限を設けないこと。"];

    /// <summary>
    /// The template's sample case with generated requirement rows spread over its target 業務. The text is varied
    /// like a real specification (not one sentence repeated), so the zip floor is not flattered by trivial compression.
    /// </summary>
    public static JsonObject Data(TemplateCatalog catalog, int rows)
    {
        var data = JsonNode.Parse(File.ReadAllText(catalog.Get("procurement-spec").SamplePath))!.AsObject();
        var businesses = data["procurement"]!["target_businesses"]!.AsArray().Select(b => b!["name"]!.GetValue<string>()).ToArray();
        var random = new Random(20261126);
        var requirements = new JsonArray();
        for (var i = 0; i < rows; i++)
        {
            var business = businesses[i % businesses.Length];
            var function = Functions[random.Next(Functions.Length)];
            requirements.Add(new JsonObject
            {
                ["business"] = business,
                ["no"] = $"{i % businesses.Length + 1:D2}-{i / businesses.Length + 1:D4}",
                ["category"] = random.Next(3) switch { 0 => "異動", 1 => "証明", _ => "照会" },
                ["function"] = function,
                ["detail"] = $"{function}について、{Subjects[random.Next(Subjects.Length)]}を{Actions[random.Next(Actions.Length)]}。{Notes[random.Next(Notes.Length)]}",
                ["level"] = random.Next(4) == 0 ? "推奨" : "必須",
            });
        }
        data["requirements"] = requirements;
        return data;
    }

    public static List<(string Name, byte[] Bytes)> Parts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return (e.FullName, m.ToArray());
        }).ToList();
    }

    /// <summary>The floor: only putting the final part bytes into a package, with the same compression.</summary>
    public static byte[] Zip(List<(string Name, byte[] Bytes)> parts)
    {
        using var buffer = new MemoryStream(64 * 1024);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in parts)
            {
                using var s = zip.CreateEntry(name, DocxWriter.Compression).Open();
                s.Write(bytes);
            }
        }
        return buffer.ToArray();
    }
}

[MemoryDiagnoser]
public class RenderSpecificationBenchmark
{
    private DocumentRenderer _renderer = null!;
    private JsonObject _data = null!;
    private List<(string Name, byte[] Bytes)> _parts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = TemplateCatalog.Load(TemplateCatalog.FindRoot());
        _renderer = new DocumentRenderer(catalog);
        _data = Workload.Data(catalog, 2000);
        _parts = Workload.Parts(_renderer.RenderJson("procurement-spec", _data).Bytes);
    }

    [Benchmark]
    public byte[] Render() => _renderer.RenderJson("procurement-spec", _data).Bytes;

    [Benchmark(Baseline = true)]
    public byte[] ZipFloor() => Workload.Zip(_parts);
}

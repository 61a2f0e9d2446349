using BenchmarkDotNet.Running;

namespace Procurement.Benchmarks;

internal static class BenchmarkProgram
{
    /// <summary>Benchmarks with a published target: run by name, print the figure beside the target, exit 1 when missed.</summary>
    private static readonly Dictionary<string, Func<string[], int>> Targets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["evaluation"] = EvaluationBenchmark.Run,
        ["documents"] = DocumentBenchmark.Run,
        ["scale"] = ScaleBenchmark.Run,
        ["cold"] = ColdBenchmark.Run,
        ["http"] = HttpBenchmark.Run,
    };

    // `dotnet run -c Release --project tests/Procurement.Benchmarks -- evaluation [--quick]` runs a named target;
    // anything else goes to BenchmarkDotNet's switcher (`scripts/bench.sh <name>`; without arguments it lists the benchmarks).
    public static int Main(string[] args)
    {
        if (args.Length > 0 && Targets.TryGetValue(args[0], out var run)) return run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}

using BenchmarkDotNet.Running;

namespace Procurement.Benchmarks;

internal static class BenchmarkProgram
{
    // `scripts/bench.sh <name>` runs one benchmark group; without arguments BenchmarkDotNet lists them.
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}

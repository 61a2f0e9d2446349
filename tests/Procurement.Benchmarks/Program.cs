namespace Procurement.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/Procurement.Benchmarks -- <name>`. Each benchmark lives in its own file
/// and adds one line here, so benchmarks of different features never edit each other.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, Func<string[], int>> Benchmarks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["evaluation"] = EvaluationBenchmark.Run,
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var run))
        {
            Console.Error.WriteLine($"usage: Procurement.Benchmarks <{string.Join("|", Benchmarks.Keys)}> [BenchmarkDotNet options]");
            return 2;
        }
        return run(args[1..]);
    }
}

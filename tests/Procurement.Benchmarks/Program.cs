using BenchmarkDotNet.Running;

// `scripts/bench.sh <name>` runs one benchmark group; without arguments BenchmarkDotNet lists them.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

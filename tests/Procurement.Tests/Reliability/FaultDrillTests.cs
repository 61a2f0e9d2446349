using Xunit.Abstractions;

namespace Procurement.Tests.Reliability;

/// <summary>
/// The short fault drill (scripts/fault.sh runs the same drill bigger and prints its figures): committee and Q&amp;A
/// writers, the embedded postmaster killed mid-run, the app heals itself, and no acknowledged write is lost or doubled.
/// </summary>
[Trait("Lane", "Slow")]
public sealed class FaultDrillTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "procurement-fault-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task Killing_the_embedded_postmaster_under_writes_loses_and_doubles_nothing_and_the_app_heals_itself()
    {
        var log = new StringWriter();
        var report = await FaultDrill.RunAsync(_dir, FaultDrillOptions.FromEnvironment(), log);
        output.WriteLine(log.ToString());
        output.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable("PROCUREMENT_FAULT_REPORT") is { Length: > 0 } file) await File.WriteAllTextAsync(file, report + "\n");

        Assert.True(report.Healthy, "health returned to 200 by itself");
        Assert.True(report.Acknowledged > 0);
        Assert.True(report.AcknowledgedAfterRecovery > 0, "writes succeed again after the restart");
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicated);
    }
}

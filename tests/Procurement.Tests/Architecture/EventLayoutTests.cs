using System.Text.RegularExpressions;
using Procurement.Infrastructure.Database;
using Procurement.Infrastructure.Events;

namespace Procurement.Tests.Architecture;

/// <summary>
/// The layout rule of docs/architecture.md ("Streams and their events"): every record a feature appends is declared in
/// that feature's one events file, <c>Features/&lt;Feature&gt;/…/&lt;Name&gt;Events.cs</c>, so a reader finds a stream's
/// vocabulary in one place per feature, and the namespace of the event is the feature that owns it.
/// </summary>
[Trait("Lane", "Fast")]
public sealed class EventLayoutTests
{
    private static readonly string Src = Path.Combine(RepositoryPaths.FindRoot(AppContext.BaseDirectory)!, "src", "Procurement.Web");

    [Fact]
    public void Every_event_is_declared_in_its_features_events_file()
    {
        var events = typeof(IAuditedEvent).Assembly.GetTypes()
            .Where(t => typeof(IAuditedEvent).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .ToList();
        var sources = Directory.GetFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: f, Text: File.ReadAllText(f)))
            .ToList();

        Assert.True(events.Count > 40, $"only {events.Count} event types found");
        var misplaced = new List<string>();
        foreach (var type in events)
        {
            var declaration = new Regex($@"\b(record|class)\s+{Regex.Escape(type.Name)}\b");
            var files = sources.Where(s => declaration.IsMatch(s.Text)).Select(s => s.File).ToList();
            if (files.Count != 1 || !files[0].EndsWith("Events.cs", StringComparison.Ordinal))
            {
                misplaced.Add($"{type.FullName}: {string.Join(", ", files.Select(f => Path.GetRelativePath(Src, f)))}");
                continue;
            }
            // The file sits in the folder of the namespace's feature (Features/Evaluation/… for Procurement.Features.Evaluation…).
            var feature = type.Namespace!.Split('.').ElementAtOrDefault(2);
            if (feature is null || !Path.GetRelativePath(Src, files[0]).StartsWith($"Features{Path.DirectorySeparatorChar}{feature}", StringComparison.Ordinal))
            {
                misplaced.Add($"{type.FullName}: {Path.GetRelativePath(Src, files[0])}");
            }
        }

        Assert.True(misplaced.Count == 0, "events outside their feature's events file:\n" + string.Join("\n", misplaced));
    }
}

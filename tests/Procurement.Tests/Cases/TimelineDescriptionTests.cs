using System.Collections;
using System.Text.RegularExpressions;
using Procurement.Features.Cases;
using Procurement.Infrastructure.Database;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;

namespace Procurement.Tests.Cases;

/// <summary>
/// Every event the app appends (every record of a <c>*Events.cs</c> file that is an event) has a history sentence from
/// the one describer, <see cref="CaseTimeline.Describe"/>, so no history shows a code name like 「DocumentGenerated」.
/// </summary>
[Trait("Lane", "Fast")]
public sealed partial class TimelineDescriptionTests
{
    private static readonly string Src = Path.Combine(RepositoryPaths.FindRoot(AppContext.BaseDirectory)!, "src", "Procurement.Web");

    /// <summary>The records declared in the events files that are events (they carry who and when).</summary>
    public static TheoryData<string> EventTypes()
    {
        var data = new TheoryData<string>();
        foreach (var name in EventTypeNames()) data.Add(name);
        return data;
    }

    private static List<string> EventTypeNames()
    {
        var declared = Directory.GetFiles(Src, "*Events.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RecordName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        var types = typeof(IAuditedEvent).Assembly.GetTypes()
            .Where(t => declared.Contains(t.Name) && typeof(IAuditedEvent).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.FullName!).Order(StringComparer.Ordinal);
        return [.. types];
    }

    [GeneratedRegex(@"\brecord\s+(\w+)\s*\(")]
    private static partial Regex RecordName();

    [Fact]
    public void The_events_files_declare_the_events_the_app_appends()
    {
        var count = EventTypeNames().Count;
        Assert.True(count > 60, $"only {count} event types found");
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_reads_as_a_sentence_not_its_type_name(string typeName)
    {
        var type = typeof(IAuditedEvent).Assembly.GetType(typeName)!;
        var sample = Sample(type, 0)!;

        var (what, _) = CaseTimeline.Describe(sample, new UiText());

        Assert.False(string.IsNullOrWhiteSpace(what));
        Assert.NotEqual(type.Name, what);
        Assert.DoesNotMatch("^[A-Z][A-Za-z]+$", what);
    }

    /// <summary>An instance with plausible values: texts, ids, dates, empty lists, the first value of an enum, nested records alike.</summary>
    private static object? Sample(Type type, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return Sample(inner, depth);
        if (type == typeof(string)) return "見本";
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(DateTimeOffset)) return DateTimeOffset.UnixEpoch;
        if (type == typeof(DateOnly)) return new DateOnly(2027, 4, 1);
        if (type == typeof(Actor)) return new Actor(Guid.NewGuid(), "高森 花子");
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type.IsPrimitive || type == typeof(decimal)) return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
        if (type.IsArray) return Array.CreateInstance(type.GetElementType()!, 0);
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var args = type.GetGenericArguments();
            var concrete = args.Length == 2 ? typeof(Dictionary<,>).MakeGenericType(args) : typeof(List<>).MakeGenericType(args);
            return type.IsAssignableFrom(concrete) ? Activator.CreateInstance(concrete) : Activator.CreateInstance(type);
        }
        if (depth > 4) return null;
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (ctor is null) return Activator.CreateInstance(type);
        return ctor.Invoke(ctor.GetParameters().Select(p => Sample(p.ParameterType, depth + 1)).ToArray());
    }
}

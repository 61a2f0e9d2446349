using System.Reflection;
using System.Text.Json;

namespace Procurement.Features.Workflows.Definitions;

/// <summary>
/// The event types a definition may name in <c>completedBy</c> / <c>reopenedBy</c>: every audited event the features
/// append (found by reflection, so the app, the CLI validator and the tests know the same names), except the
/// workflow's own events, which a step cannot wait for.
/// </summary>
public static class WorkflowRecordTypes
{
    // Enums compare by name ("Continue"), as Marten stores them.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static readonly Lazy<IReadOnlyDictionary<string, Type>> Types = new(() =>
        typeof(IAuditedEvent).Assembly.GetTypes()
            .Where(t => typeof(IAuditedEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Where(t => t.Namespace != typeof(WorkflowStarted).Namespace)
            .ToDictionary(t => t.Name, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, Type> All => Types.Value;

    public static bool IsKnown(string name) => All.ContainsKey(name);

    /// <summary>The event's public property of that JSON name (camelCase or as declared), or null.</summary>
    public static PropertyInfo? Property(Type type, string name) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="data"/> is the record <paramref name="record"/> names: same type name, every <c>where</c> value equal.</summary>
    public static bool Matches(StepRecord record, object data)
    {
        var type = data.GetType();
        if (type.Name != record.Event) return false;
        foreach (var (name, expected) in record.Where ?? [])
        {
            if (Property(type, name) is not { } property) return false;
            var actual = JsonSerializer.SerializeToElement(property.GetValue(data), property.PropertyType, Json);
            if (!SameValue(expected, actual)) return false;
        }
        return true;
    }

    private static bool SameValue(JsonElement expected, JsonElement actual) => (expected.ValueKind, actual.ValueKind) switch
    {
        (JsonValueKind.String, JsonValueKind.String) => expected.GetString() == actual.GetString(),
        (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) => expected.GetBoolean() == actual.GetBoolean(),
        (JsonValueKind.Number, JsonValueKind.Number) => expected.GetDecimal() == actual.GetDecimal(),
        _ => false,
    };
}

using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Procurement.Features.Wizards;

/// <summary>What the buttons of a wizard step ask for.</summary>
public static class WizardAction
{
    public const string Next = "next";
    public const string Back = "back";
    public const string Save = "save";
    public const string Submit = "submit";
    public const string Goto = "goto";
    public const string Discard = "discard";
}

public sealed record WizardStep(string Title, params string[] FieldPrefixes)
{
    public bool Owns(string propertyName) =>
        FieldPrefixes.Any(p => propertyName == p || propertyName.StartsWith(p + "[", StringComparison.Ordinal) || propertyName.StartsWith(p + ".", StringComparison.Ordinal));
}

public static class WizardState
{
    private const string InputKey = "input";

    public static T Read<T>(WizardDraft draft) where T : new() =>
        draft.Values.TryGetValue(InputKey, out var json) ? JsonSerializer.Deserialize<T>(json) ?? new T() : new T();

    public static void Write<T>(WizardDraft draft, T input) => draft.Values[InputKey] = JsonSerializer.Serialize(input);

    /// <summary>One text field of the saved input, without knowing the wizard's input type (the home page's list).</summary>
    public static string TextField(WizardDraft draft, string name)
    {
        if (!draft.Values.TryGetValue(InputKey, out var json)) return "";
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() ?? "" : "";
    }

    /// <summary>The first step that owns a field with an error in <paramref name="modelState"/> (keys <c>{prefix}.{field}</c>), or null.</summary>
    public static int? FirstStepWithError(ModelStateDictionary modelState, IReadOnlyList<WizardStep> steps, string prefix = "Input")
    {
        var fields = modelState.Where(kv => kv.Value!.Errors.Count > 0 && kv.Key.StartsWith(prefix + ".", StringComparison.Ordinal))
            .Select(kv => kv.Key[(prefix.Length + 1)..]).ToList();
        var first = steps.Select((step, i) => (step, i)).FirstOrDefault(x => fields.Any(x.step.Owns));
        return first.step is null ? null : first.i;
    }

    /// <summary>Puts each error next to its field (ids match asp-for names) and returns the first step with an error.</summary>
    public static int? AddErrors(ModelStateDictionary modelState, IReadOnlyList<WizardStep> steps, IEnumerable<ValidationFailure> failures, string prefix = "Input", int? onlyStep = null)
    {
        int? first = null;
        foreach (var f in failures)
        {
            var stepIndex = steps.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Owns(f.PropertyName)).i;
            if (onlyStep is not null && stepIndex != onlyStep) continue;
            modelState.AddModelError($"{prefix}.{f.PropertyName}", f.ErrorMessage);
            first = first is null ? stepIndex : Math.Min(first.Value, stepIndex);
        }
        return first;
    }
}

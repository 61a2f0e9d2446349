using System.Text.Json.Serialization;

namespace Procurement.Features.Workflows.Definitions;

/// <summary>Japanese and English text; Japanese is what users see by default.</summary>
public sealed record LocalizedText(string Ja, string En) : IReaderText
{
    public string For(string? language) => language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Ja;

    /// <summary>As an argument of a refusal: in the reader's language when it is shown.</summary>
    public string Say(UiText t) => UiText.IsEnglish ? En : Ja;

    public override string ToString() => Ja;
}

/// <summary>
/// One version of a workflow file under workflows/. Immutable once loaded: a case records id and
/// version, so it keeps following exactly this shape even after a newer version is added.
/// </summary>
public sealed class WorkflowDefinition
{
    [JsonPropertyName("$schema")] public string? Schema { get; init; }
    public string Id { get; init; } = "";
    public int Version { get; init; }
    public LocalizedText Title { get; init; } = new("", "");
    public LocalizedText? Description { get; init; }
    public string Start { get; init; } = "";

    /// <summary>Preselected for a new case: the ordinary procurement, not a special path chosen on purpose.</summary>
    public bool DefaultForNewCases { get; init; }
    public List<WorkflowStep> Steps { get; init; } = [];

    /// <summary>The file it came from (for messages); not part of the JSON.</summary>
    [JsonIgnore] public string FileName { get; set; } = "";

    public string Key => $"{Id} v{Version}";

    public WorkflowStep? FindStep(string stepId) => Steps.FirstOrDefault(s => s.Id == stepId);

    public WorkflowStep Step(string stepId) => FindStep(stepId)
        ?? throw new KeyNotFoundException($"手続「{Id}」第{Version}版にステップ「{stepId}」はありません。");

    /// <summary>Every step a step can lead to, whatever is chosen (used for reachability and send-back).</summary>
    public IEnumerable<string> Successors(WorkflowStep step) => step.Next.Concat(step.Fork).Concat(step.Choice.Select(c => c.To));

    public IEnumerable<WorkflowStep> Predecessors(string stepId) => Steps.Where(s => Successors(s).Contains(stepId));

    /// <summary>Steps reachable from a step, not including the step itself (definitions are acyclic).</summary>
    public IReadOnlySet<string> Downstream(string stepId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([stepId]);
        while (queue.Count > 0)
        {
            if (FindStep(queue.Dequeue()) is not { } step) continue;
            foreach (var next in Successors(step))
            {
                if (seen.Add(next)) queue.Enqueue(next);
            }
        }
        seen.Remove(stepId);
        return seen;
    }

    /// <summary>Steps whose deadline counts from the completion of the given step.</summary>
    public IEnumerable<WorkflowStep> StepsTimedFrom(string stepId) => Steps.Where(s => s.Deadline?.After == stepId);
}

public sealed class WorkflowStep
{
    public string Id { get; init; } = "";
    public string Phase { get; init; } = "";
    public LocalizedText Title { get; init; } = new("", "");
    public LocalizedText? Description { get; init; }
    public List<string> Roles { get; init; } = [];
    public string Page { get; init; } = "";
    public List<string> Documents { get; init; } = [];
    public List<string> Guards { get; init; } = [];
    public StepDeadline? Deadline { get; init; }
    public string? PlannedDuration { get; init; }
    public bool Optional { get; init; }
    public List<string> Next { get; init; } = [];
    public List<string> Fork { get; init; } = [];
    public List<StepChoice> Choice { get; init; } = [];
    public List<string> Join { get; init; } = [];
    public bool Final { get; init; }

    /// <summary>The records (events other features append) that show the step's work is done: the step completes itself.</summary>
    public List<StepRecord> CompletedBy { get; init; } = [];

    /// <summary>The records that undo that work (a contract draft reopened, a score sheet reopened): the step reopens.</summary>
    public List<StepRecord> ReopenedBy { get; init; } = [];

    public bool IsJoin => Join.Count > 0;
}

/// <summary>
/// A record that completes or reopens a step: the event type's name, optionally with property values the event must
/// have (<c>"where": { "templateId": "procurement-spec" }</c>) and, at a choice step, the branch the record stands for.
/// </summary>
public sealed record StepRecord(string Event, Dictionary<string, System.Text.Json.JsonElement>? Where = null, string? Choice = null);

/// <summary>Either "duration after another step's completion" or "the officer sets a date".</summary>
public sealed record StepDeadline(string? After = null, string? Duration = null, string? SetBy = null)
{
    public bool SetByOfficer => SetBy == "officer";
}

public sealed record StepChoice(string To, LocalizedText Label);

/// <summary>The seed's five phases (図15).</summary>
public static class WorkflowPhases
{
    public static readonly IReadOnlyList<(string Id, LocalizedText Title)> All =
    [
        ("Phase0", new("事前検討", "Preliminary study")),
        ("Phase1", new("計画立案", "Planning")),
        ("Phase2", new("仕様検討・システム選定", "Specification and selection")),
        ("Phase3", new("導入・移行", "Implementation and migration")),
        ("Phase4", new("運用", "Operation")),
    ];

    public static LocalizedText Title(string phase) =>
        All.FirstOrDefault(p => p.Id == phase).Title ?? new LocalizedText(phase, phase);

    public static int Order(string phase)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Id == phase) return i;
        }
        return All.Count;
    }
}

namespace Procurement.Features.Workflows.Definitions;

/// <summary>Every valid definition, loaded once at start-up. Cases look theirs up by id and version.</summary>
public sealed class WorkflowCatalog
{
    private readonly Dictionary<(string Id, int Version), WorkflowDefinition> _byKey;

    public WorkflowCatalog(IEnumerable<WorkflowDefinition> definitions)
    {
        All = definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version).ToList();
        _byKey = All.ToDictionary(d => (d.Id, d.Version));
    }

    public IReadOnlyList<WorkflowDefinition> All { get; }

    /// <summary>The newest version of each definition (what a new case starts with and what pickers list).</summary>
    public IReadOnlyList<WorkflowDefinition> Latest => All.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!).ToList();

    /// <summary>
    /// What the start form offers, in order: the newest version of the default definition first (so a new case never
    /// starts on a special path such as joining part-way by accident), the other newest versions, then older versions.
    /// </summary>
    public IReadOnlyList<WorkflowDefinition> StartChoices
    {
        get
        {
            var latest = Latest.OrderBy(d => d.DefaultForNewCases ? 0 : 1).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
            return [.. latest, .. All.Except(latest).OrderBy(d => d.Id, StringComparer.Ordinal).ThenByDescending(d => d.Version)];
        }
    }

    public WorkflowDefinition? Find(string id, int version) => _byKey.GetValueOrDefault((id, version));

    public WorkflowDefinition? FindLatest(string id) => All.Where(d => d.Id == id).MaxBy(d => d.Version);

    public WorkflowDefinition Get(string id, int version) => Find(id, version)
        ?? throw new KeyNotFoundException($"手続定義「{id}」第{version}版が見つかりません（workflows/ から削除されていませんか）。");

    public WorkflowDefinition For(CaseWorkflowView view) => Get(view.DefinitionId, view.DefinitionVersion);

    /// <summary>Loads and checks a folder; throws <see cref="WorkflowDefinitionException"/> listing every problem.</summary>
    public static WorkflowCatalog Load(string folder)
    {
        var result = WorkflowDefinitionLoader.LoadFolder(folder);
        if (!result.IsValid) throw new WorkflowDefinitionException(result.Problems);
        return new WorkflowCatalog(result.Definitions);
    }
}

using System.Text.Json;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Infrastructure.Database;

namespace Procurement.Tests.Workflows;

/// <summary>A step completed by a record names that record as users call it, never by its code name.</summary>
[Trait("Lane", "Fast")]
public sealed class RecordTitleTests
{
    [Fact]
    public void Every_record_named_in_the_workflow_definitions_has_a_title_in_both_languages()
    {
        var root = RepositoryPaths.FindRoot(AppContext.BaseDirectory)!;
        var loaded = WorkflowDefinitionLoader.LoadFolder(Path.Combine(root, "workflows"));
        Assert.True(loaded.IsValid);
        var named = loaded.Definitions.SelectMany(d => d.Steps).SelectMany(s => s.CompletedBy.Concat(s.ReopenedBy)).Select(r => r.Event).Distinct().ToList();
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(root, "src", "Procurement.Web", "Resources", "en.json")))!;

        Assert.True(named.Count >= 10);
        Assert.All(named, e => Assert.True(WorkflowText.RecordTitles.ContainsKey(e), $"no title for the record {e}"));
        Assert.All(WorkflowText.RecordTitles.Values, t => Assert.True(english.ContainsKey(t), $"no English entry for 「{t}」"));
        Assert.Equal("文書の作成", WorkflowText.RecordTitle("DocumentGenerated"));
    }
}

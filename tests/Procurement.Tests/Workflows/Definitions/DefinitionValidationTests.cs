using System.Text.Json;
using System.Text.Json.Nodes;
using Procurement.Cli;
using Procurement.Features.Workflows.Definitions;

namespace Procurement.Tests.Workflows.Definitions;

[Trait("Lane", "Fast")]
public sealed class DefinitionValidationTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static readonly string Schema = File.ReadAllText(Path.Combine(WorkflowFolders.Shipped, WorkflowDefinitionLoader.SchemaFileName));

    private static JsonObject Shipped(string id) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowFolders.Shipped, $"{id}.v1.json")))!.AsObject();

    private static JsonObject StepOf(JsonObject definition, string stepId) =>
        definition["steps"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["id"] == stepId);

    private static int IndexOf(JsonObject definition, string stepId) =>
        definition["steps"]!.AsArray().Select((s, i) => (Id: (string?)s!["id"], i)).Single(x => x.Id == stepId).i;

    private static WorkflowLoadResult Load(params JsonObject[] definitions) =>
        WorkflowDefinitionLoader.Load(Schema, definitions.Select((d, i) => ($"test{i}.json", d.ToJsonString())));

    private static WorkflowProblem SingleProblem(WorkflowLoadResult result)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void Every_shipped_definition_validates()
    {
        var result = WorkflowDefinitionLoader.LoadFolder(WorkflowFolders.Shipped);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Contains(result.Definitions, d => d.Id == "joint-cloud-procurement" && d.Version == 1);
        Assert.Contains(result.Definitions, d => d.Id == "join-existing-cloud" && d.Version == 1);
        Assert.All(result.Definitions, d => Assert.Equal("./workflow.schema.json", d.Schema));
    }

    [Fact]
    public void The_joint_procurement_covers_every_phase_and_runs_the_ordinance_beside_the_specification()
    {
        foreach (var d in WorkflowDefinitionLoader.LoadFolder(WorkflowFolders.Shipped).Definitions.Where(x => x.Id == "joint-cloud-procurement"))
        {
            CoversEveryPhase(d);
        }
    }

    private static void CoversEveryPhase(WorkflowDefinition d)
    {

        Assert.Equal(["Phase0", "Phase1", "Phase2", "Phase3", "Phase4"], d.Steps.Select(s => s.Phase).Distinct());
        Assert.Equal(["procurement-spec", "ordinance-revision"], d.Step("fit-gap").Fork);
        Assert.Equal(["ordinance-revision", "evaluation-criteria"], d.Step("public-notice").Join);
        foreach (var template in new[] { "rfi", "rfq", "procurement-spec", "evaluation-criteria", "committee-charter", "demo-guide", "evaluation-report", "contract", "sla", "privacy-clauses", "qa-list" })
        {
            Assert.Contains(d.Steps, s => s.Documents.Contains(template));
        }
    }

    [Fact]
    public void The_second_versions_name_the_records_that_complete_their_steps_and_keep_every_step_id()
    {
        var all = WorkflowDefinitionLoader.LoadFolder(WorkflowFolders.Shipped).Definitions;
        foreach (var id in new[] { "joint-cloud-procurement", "join-existing-cloud" })
        {
            var v1 = all.Single(d => d.Id == id && d.Version == 1);
            var v2 = all.Single(d => d.Id == id && d.Version == 2);
            Assert.Equal(v1.Steps.Select(s => (s.Id, s.Phase)), v2.Steps.Select(s => (s.Id, s.Phase))); // migration maps by identity
            Assert.All(v1.Steps, s => Assert.Empty(s.CompletedBy)); // running v1 cases behave as before
            Assert.Contains(v2.Steps, s => s.CompletedBy.Any(r => r.Event == "DraftApproved"));
        }
        var joint = all.Single(d => d.Id == "joint-cloud-procurement" && d.Version == 2);
        Assert.Equal("CostShareCalculated", Assert.Single(joint.Step("organisation-setup").CompletedBy).Event);
        Assert.Equal(["service-continuation", "switch-preparation"], joint.Step("continuation-decision").CompletedBy.Select(r => r.Choice));
    }

    [Fact]
    public void A_record_that_names_no_known_event_or_a_property_it_lacks_is_rejected()
    {
        var d = Shipped("joint-cloud-procurement");
        StepOf(d, "current-system-survey")["completedBy"] = new JsonArray(new JsonObject { ["event"] = "SurveyDone" });
        StepOf(d, "procurement-spec")["completedBy"] = new JsonArray(new JsonObject { ["event"] = "DocumentGenerated", ["where"] = new JsonObject { ["template"] = "procurement-spec" } });
        StepOf(d, "continuation-decision")["completedBy"] = new JsonArray(new JsonObject { ["event"] = "ContinuationDecided" });

        var problems = Load(d).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains($"$.steps[{IndexOf(d, "current-system-survey")}].completedBy[0].event: 不明な記録（イベント）「SurveyDone」", StringComparison.Ordinal)
            && p.Contains("CostShareCalculated", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains($"$.steps[{IndexOf(d, "procurement-spec")}].completedBy[0].where.template: 記録「DocumentGenerated」に項目「template」はありません", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains($"$.steps[{IndexOf(d, "continuation-decision")}].completedBy[0].choice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_where_condition_matches_the_events_value_by_its_json_name()
    {
        var record = new StepRecord("DocumentGenerated", new Dictionary<string, JsonElement> { ["templateId"] = JsonSerializer.SerializeToElement("rfi") });
        var by = Procurement.Infrastructure.Events.Actor.System;
        Procurement.Features.Documents.DocumentGenerated Generated(string template) =>
            new(Guid.NewGuid(), template, 1, template, "h", "t", "c", 1, Guid.NewGuid(), 1, by, DateTimeOffset.UnixEpoch);

        Assert.True(WorkflowRecordTypes.Matches(record, Generated("rfi")));
        Assert.False(WorkflowRecordTypes.Matches(record, Generated("rfq")));
        var renewal = new StepRecord("ContinuationDecided", new Dictionary<string, JsonElement> { ["choice"] = JsonSerializer.SerializeToElement("Switch") });
        Assert.True(WorkflowRecordTypes.Matches(renewal, new Procurement.Features.Renewal.ContinuationDecided(Guid.NewGuid(),
            Procurement.Features.Renewal.RenewalChoice.Switch, "", "", "", new DateOnly(2030, 3, 31), null, by, DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public void A_schema_error_names_the_file_and_the_json_path()
    {
        var d = Shipped("joint-cloud-procurement");
        StepOf(d, "current-system-survey")["phase"] = "Phase9";

        var problem = SingleProblem(Load(d));

        Assert.Equal("test0.json", problem.File);
        Assert.Equal($"$.steps[{IndexOf(d, "current-system-survey")}].phase", problem.JsonPath);
        Assert.Contains("スキーマ違反 (enum)", problem.Message);
    }

    [Fact]
    public void A_missing_required_property_and_a_misspelt_one_are_schema_errors()
    {
        var d = Shipped("join-existing-cloud");
        StepOf(d, "go-live").Remove("roles");
        StepOf(d, "go-live")["rolez"] = new JsonArray("ProcurementOfficer");
        var at = $"$.steps[{IndexOf(d, "go-live")}]";

        var result = Load(d);

        Assert.Contains(result.Problems, p => p.JsonPath == at && p.Message.Contains("required", StringComparison.Ordinal) && p.Message.Contains("roles", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.JsonPath == at + ".rolez" && p.Message.Contains("定義されていません", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_json_reports_line_and_column()
    {
        var result = WorkflowDefinitionLoader.Load(Schema, [("broken.json", "{\n  \"id\": \"x\",\n  oops\n}")]);

        var problem = SingleProblem(result);
        Assert.Equal("broken.json", problem.File);
        Assert.StartsWith("行 3", problem.JsonPath);
    }

    [Fact]
    public void An_unknown_guard_is_rejected()
    {
        var d = Shipped("joint-cloud-procurement");
        StepOf(d, "evaluation")["guards"] = new JsonArray("all-committee-submitted", "moon-is-full");

        var problem = SingleProblem(Load(d));

        Assert.Equal($"$.steps[{IndexOf(d, "evaluation")}].guards[1]", problem.JsonPath);
        Assert.Contains("不明なガード「moon-is-full」", problem.Message);
    }

    [Fact]
    public void An_unknown_role_is_rejected()
    {
        var d = Shipped("joint-cloud-procurement");
        StepOf(d, "evaluation")["roles"] = new JsonArray("Mayor");

        var problem = SingleProblem(Load(d));

        Assert.Equal($"$.steps[{IndexOf(d, "evaluation")}].roles[0]", problem.JsonPath);
        Assert.Contains("不明なロール「Mayor」", problem.Message);
    }

    [Fact]
    public void An_unknown_page_is_rejected()
    {
        var d = Shipped("joint-cloud-procurement");
        StepOf(d, "rfi-issuance")["page"] = "cases/nowhere";

        var problem = SingleProblem(Load(d));

        Assert.Equal($"$.steps[{IndexOf(d, "rfi-issuance")}].page", problem.JsonPath);
        Assert.Contains("不明な画面キー「cases/nowhere」", problem.Message);
    }

    [Fact]
    public void An_unknown_template_is_rejected()
    {
        var d = Shipped("joint-cloud-procurement");
        StepOf(d, "rfi-issuance")["documents"] = new JsonArray("rfi", "rfx");

        var problem = SingleProblem(Load(d));

        Assert.Equal($"$.steps[{IndexOf(d, "rfi-issuance")}].documents[1]", problem.JsonPath);
        Assert.Contains("不明な文書テンプレート「rfx」", problem.Message);
    }

    [Fact]
    public void A_transition_to_an_unknown_step_is_rejected()
    {
        var d = Shipped("joint-cloud-procurement");
        StepOf(d, "go-live")["next"] = new JsonArray("sla-evaluaton");

        var result = Load(d);

        Assert.Contains(result.Problems, p => p.JsonPath == $"$.steps[{IndexOf(d, "go-live")}].next[0]" && p.Message.Contains("遷移先ステップ「sla-evaluaton」は定義されていません", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreachable_step_is_rejected()
    {
        var d = Shipped("join-existing-cloud");
        var orphan = StepOf(d, "go-live").DeepClone().AsObject();
        orphan["id"] = "forgotten-step";
        d["steps"]!.AsArray().Add(orphan);

        var problem = SingleProblem(Load(d));

        Assert.Equal($"$.steps[{d["steps"]!.AsArray().Count - 1}]", problem.JsonPath);
        Assert.Contains("到達できません", problem.Message);
    }

    [Fact]
    public void A_dead_end_is_rejected()
    {
        var d = Shipped("join-existing-cloud");
        StepOf(d, "testing-training")["next"] = new JsonArray();

        var result = Load(d);

        Assert.Contains(result.Problems, p => p.JsonPath == $"$.steps[{IndexOf(d, "testing-training")}]" && p.Message.Contains("行き止まり", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fork_whose_tracks_never_join_is_rejected()
    {
        var d = Shipped("join-existing-cloud");
        StepOf(d, "contract-amendment").Remove("join");

        var problem = SingleProblem(Load(d));

        Assert.Equal($"$.steps[{IndexOf(d, "cost-share-revision")}].fork", problem.JsonPath);
        Assert.Contains("合流するステップ（join）がありません", problem.Message);
    }

    [Fact]
    public void A_join_must_wait_for_steps_that_lead_to_it()
    {
        var d = Shipped("join-existing-cloud");
        StepOf(d, "contract-amendment")["join"] = new JsonArray("spec-adjustment", "current-system-survey");

        var result = Load(d);

        Assert.Contains(result.Problems, p => p.JsonPath == $"$.steps[{IndexOf(d, "contract-amendment")}].join[1]" && p.Message.Contains("への遷移がありません", StringComparison.Ordinal));
    }

    [Fact]
    public void A_loop_is_rejected_because_going_back_is_a_send_back()
    {
        var d = Shipped("join-existing-cloud");
        StepOf(d, "testing-training")["next"] = new JsonArray("data-migration");

        var problem = SingleProblem(Load(d));

        Assert.Contains("循環", problem.Message);
    }

    [Fact]
    public void Duplicate_step_ids_and_duplicate_versions_are_rejected()
    {
        var d = Shipped("join-existing-cloud");
        StepOf(d, "go-live")["id"] = "testing-training";
        var duplicateSteps = Load(d);
        Assert.Contains(duplicateSteps.Problems, p => p.Message.Contains("ステップID「testing-training」が重複", StringComparison.Ordinal));

        var twice = Load(Shipped("join-existing-cloud"), Shipped("join-existing-cloud"));
        var problem = SingleProblem(twice);
        Assert.Equal(("test1.json", "$.version"), (problem.File, problem.JsonPath));
        Assert.Contains("test0.json にも定義されています", problem.Message);
    }

    [Fact]
    public void The_catalog_refuses_to_load_an_invalid_folder_with_a_message_naming_file_path_and_problem()
    {
        var d = Shipped("joint-cloud-procurement");
        StepOf(d, "evaluation")["guards"] = new JsonArray("moon-is-full");
        var folder = WorkflowFolders.CopyWith(("joint-cloud-procurement.v1.json", d.ToJsonString()));

        var ex = Assert.Throws<WorkflowDefinitionException>(() => WorkflowCatalog.Load(folder));

        Assert.Contains("joint-cloud-procurement.v1.json", ex.Message);
        Assert.Contains($"$.steps[{IndexOf(d, "evaluation")}].guards[0]", ex.Message);
        Assert.Contains("不明なガード「moon-is-full」", ex.Message);
    }

    [Fact]
    public async Task The_cli_prints_one_line_per_valid_definition_and_exits_zero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["workflows", "validate", WorkflowFolders.Shipped], CliApp.BuildConfiguration([]), output, error);

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        foreach (var key in new[] { "joint-cloud-procurement v1", "joint-cloud-procurement v2", "join-existing-cloud v1", "join-existing-cloud v2" })
        {
            Assert.Contains(lines, l => l.Contains(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_cli_lists_the_problems_and_exits_non_zero()
    {
        var d = Shipped("join-existing-cloud");
        StepOf(d, "go-live")["page"] = "cases/nowhere";
        var folder = WorkflowFolders.CopyWith(("join-existing-cloud.v1.json", d.ToJsonString()));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["workflows", "validate", folder], CliApp.BuildConfiguration([]), output, error);

        Assert.Equal(1, code);
        Assert.Contains($"join-existing-cloud.v1.json: $.steps[{IndexOf(d, "go-live")}].page: 不明な画面キー「cases/nowhere」", error.ToString());
        Assert.Contains("joint-cloud-procurement v1", output.ToString());
    }

    [Fact]
    public void A_broken_schema_file_is_reported_instead_of_crashing()
    {
        var folder = WorkflowFolders.CopyWith((WorkflowDefinitionLoader.SchemaFileName, "{ \"type\": "));

        var problem = SingleProblem(WorkflowDefinitionLoader.LoadFolder(folder));

        Assert.EndsWith(WorkflowDefinitionLoader.SchemaFileName, problem.File);
        Assert.Contains("スキーマファイルを読めません", problem.Message);
    }

    [Fact]
    public void The_example_in_the_authoring_guide_validates()
    {
        var guide = File.ReadAllText(Path.Combine(WorkflowFolders.Shipped, "..", "docs", "authoring-workflows.md"));
        var start = guide.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var example = guide[start..guide.IndexOf("```", start, StringComparison.Ordinal)];

        var result = WorkflowDefinitionLoader.Load(Schema, [("authoring-workflows.md", example)]);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal("small-example", Assert.Single(result.Definitions).Id);
    }

    [Theory]
    [InlineData("P30D", 2026, 5, 1)]
    [InlineData("P2M", 2026, 6, 1)]
    [InlineData("P1Y2W", 2027, 4, 15)]
    public void Calendar_durations_count_calendar_units(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), CalendarDuration.Parse(text).AddTo(new DateOnly(2026, 4, 1)));

    [Fact]
    public void A_new_case_is_offered_the_joint_procurement_first_not_the_part_way_joining()
    {
        var catalog = WorkflowCatalog.Load(WorkflowFolders.Shipped);

        var first = catalog.StartChoices[0];
        Assert.Equal(("joint-cloud-procurement", 2), (first.Id, first.Version));
        Assert.Single(catalog.Latest, d => d.DefaultForNewCases);
        Assert.Equal(catalog.All.Count, catalog.StartChoices.Count);
    }

    [Fact]
    public void Shipped_definitions_parse_with_the_documented_options() =>
        Assert.NotNull(JsonSerializer.Deserialize<WorkflowDefinition>(Shipped("join-existing-cloud").ToJsonString(), WebJson));
}

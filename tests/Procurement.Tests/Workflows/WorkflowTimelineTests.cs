using System.Globalization;
using System.Text.Json;
using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Guards;
using Procurement.Infrastructure.Database;

namespace Procurement.Tests.Workflows;

[Trait("Lane", "Fast")]
public sealed class WorkflowTimelineTests
{
    private static readonly WorkflowDefinition Definition = WorkflowCatalog.Load(WorkflowFolders.Shipped).FindLatest("joint-cloud-procurement")!;
    private static readonly Procurement.Infrastructure.Events.Actor By = Procurement.Infrastructure.Events.Actor.System;
    private static readonly Guid Case = Guid.NewGuid();

    [Fact]
    public void Workflow_events_read_as_japanese_sentences_on_the_case_timeline()
    {
        var at = DateTimeOffset.UnixEpoch;

        Assert.Equal("「業務標準化（フィット＆ギャップ分析）」を完了しました。次: 「調達仕様書の作成」、「条例・規則等の改正」。",
            WorkflowTimeline.Describe(new StepCompleted(Case, "fit-gap", null, null, false, ["procurement-spec", "ordinance-revision"], false, By, at), Definition));
        Assert.Equal("「公告（入札・プロポーザルの実施公告）」から「調達仕様書の作成」へ差し戻しました。理由: 外字要件の不足",
            WorkflowTimeline.Describe(new CaseSentBack(Case, "public-notice", "procurement-spec", "外字要件の不足", [], [], By, at), Definition));
        Assert.Contains("選択: 切替え。", WorkflowTimeline.Describe(new StepCompleted(Case, "continuation-decision", null, "switch-preparation", false, ["switch-preparation"], false, By, at), Definition));
        Assert.Equal("「提案書の受付」の期限を令和8年5月16日に設定しました。",
            WorkflowTimeline.Describe(new StepDeadlineSet(Case, "proposal-reception", new DateOnly(2026, 5, 16), null, By, at), Definition));
        Assert.Equal("確認: 費用負担割合が協議会で合意された。メモ: 第2回協議会",
            WorkflowTimeline.Describe(new CaseFactRecorded(Case, CaseFacts.CostShareAgreed, true, "第2回協議会", By, at), Definition));
        Assert.Null(WorkflowTimeline.Describe("not a workflow event", Definition));
    }

    [Fact]
    public void In_the_English_UI_the_timeline_names_steps_by_their_English_titles_and_keeps_reasons_as_typed()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var at = DateTimeOffset.UnixEpoch;
            var fitGap = Definition.FindStep("fit-gap")!.Title.En;
            var spec = Definition.FindStep("procurement-spec")!.Title.En;
            var completed = WorkflowTimeline.Describe(new StepCompleted(Case, "fit-gap", null, null, false, ["procurement-spec"], false, By, at), Definition)!;
            Assert.Equal($"Completed \"{fitGap}\". Next: \"{spec}\". ", completed);
            Assert.Equal($"Set the due date of \"{Definition.FindStep("proposal-reception")!.Title.En}\" to 2026-05-16.",
                WorkflowTimeline.Describe(new StepDeadlineSet(Case, "proposal-reception", new DateOnly(2026, 5, 16), null, By, at), Definition));
            Assert.Equal("Confirmed: The council agreed the cost shares. Note: 第2回協議会",
                WorkflowTimeline.Describe(new CaseFactRecorded(Case, CaseFacts.CostShareAgreed, true, "第2回協議会", By, at), Definition));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Every_guard_description_and_fact_title_has_an_English_entry()
    {
        var root = RepositoryPaths.FindRoot(AppContext.BaseDirectory)!;
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(root, "src", "Procurement.Web", "Resources", "en.json")))!;
        var texts = WorkflowGuards.All.Values.Select(g => g.Description).Concat(CaseFacts.Titles.Values).Distinct().ToList();

        Assert.True(texts.Count >= 9);
        Assert.All(texts, t => Assert.True(english.ContainsKey(t), $"no English entry for 「{t}」"));
    }
}

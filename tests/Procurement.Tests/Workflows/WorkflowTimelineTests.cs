using Procurement.Features.Workflows;
using Procurement.Features.Workflows.Definitions;

namespace Procurement.Tests.Workflows;

public sealed class WorkflowTimelineTests
{
    [Fact]
    public void Workflow_events_read_as_japanese_sentences_on_the_case_timeline()
    {
        var d = WorkflowCatalog.Load(WorkflowFolders.Shipped).FindLatest("joint-cloud-procurement")!;
        var by = Procurement.Infrastructure.Events.Actor.System;
        var at = DateTimeOffset.UnixEpoch;
        var id = Guid.NewGuid();

        Assert.Equal("「業務標準化（フィット＆ギャップ分析）」を完了しました。次: 「調達仕様書の作成」、「条例・規則等の改正」。",
            WorkflowTimeline.Describe(new StepCompleted(id, "fit-gap", null, null, false, ["procurement-spec", "ordinance-revision"], false, by, at), d));
        Assert.Equal("「公告（入札・プロポーザルの実施公告）」から「調達仕様書の作成」へ差し戻しました。理由: 外字要件の不足",
            WorkflowTimeline.Describe(new CaseSentBack(id, "public-notice", "procurement-spec", "外字要件の不足", [], [], by, at), d));
        Assert.Contains("選択: 切替え。", WorkflowTimeline.Describe(new StepCompleted(id, "continuation-decision", null, "switch-preparation", false, ["switch-preparation"], false, by, at), d));
        Assert.Equal("「提案書の受付」の期限を2026年5月16日に設定しました。",
            WorkflowTimeline.Describe(new StepDeadlineSet(id, "proposal-reception", new DateOnly(2026, 5, 16), null, by, at), d));
        Assert.Null(WorkflowTimeline.Describe("not a workflow event", d));
    }
}

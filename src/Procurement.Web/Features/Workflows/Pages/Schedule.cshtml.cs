using Microsoft.AspNetCore.Html;
using Procurement.Features.Workflows.Diagrams;

namespace Procurement.Features.Workflows.Pages;

/// <summary>The case schedule in the spirit of the seed's 図16: phases and steps on a time axis, today marked.</summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class CaseScheduleModel(IMediator mediator, UiText t) : PageModel
{
    public CaseWorkflowDetails Workflow { get; private set; } = null!;
    public ScheduleModel Schedule { get; private set; } = null!;
    public IHtmlContent Chart { get; private set; } = HtmlString.Empty;

    /// <summary>
    /// Steps before operation (Phase0–Phase3) still planned to end after the case's planned go-live: the documents state
    /// that date as 本稼働, so the officer must move one or the other.
    /// </summary>
    public IReadOnlyList<ScheduleStep> PastGoLive => Schedule.Steps
        .Where(s => s.Phase != "Phase4" && s.Status is not (ScheduleStatus.Completed or ScheduleStatus.Skipped) && s.End > Workflow.Case.PlannedGoLive)
        .OrderBy(s => s.End).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new CaseWorkflowQuery(id), ct) is not { } workflow) return NotFound();
        if (await mediator.Send(new CaseScheduleQuery(id), ct) is not { } schedule) return NotFound();
        Workflow = workflow;
        Schedule = schedule;
        var language = UiText.IsEnglish ? "en" : "ja";
        Chart = new HtmlString(ScheduleSvg.Render(schedule, language,
            new ScheduleSvg.Labels(t["今日"], t["完了"], t["進行中"], t["予定"], t["省略"], t["期限超過"],
                t["スケジュール（{0}〜{1}）: 全{2}ステップのうち完了{3}、進行中{4}、期限超過{5}。各ステップの日程は下の表「日程の一覧」にあります。"])));
        return Page();
    }
}

using Procurement.Features.Documents;
using Procurement.Features.Evaluation.Demonstrations;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// The demonstration schedule with an .ics download per slot and for the whole schedule, and the scenario every vendor
/// demonstrates (scored as the category デモンストレーション). Officers schedule, cancel and define the scenario; the
/// commands refuse anyone else. Group members only.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class DemonstrationsModel(EvaluationQueries queries, IMediator mediator, UiText t) : CasePageModel
{
    public sealed class ScheduleInput
    {
        public Guid SlotId { get; set; }
        public Guid VendorId { get; set; }
        /// <summary>yyyy-MM-dd; the times are Japan time.</summary>
        public string? Date { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
        public string? Place { get; set; }
        public string? AttendeeCap { get; set; }
        public string? Notes { get; set; }
    }

    public sealed class CancelInput
    {
        public Guid SlotId { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class ScenarioInput
    {
        /// <summary>One item a line: 項目名,配点[,必須].</summary>
        public string? Items { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public ScheduleInput Schedule { get; set; } = new();
    [BindProperty] public CancelInput Cancel { get; set; } = new();
    [BindProperty] public ScenarioInput Scenario { get; set; } = new();

    public EvaluationOverview Overview { get; private set; } = null!;

    public IReadOnlyList<CriteriaItem> ScenarioItems =>
        Overview.Criteria.FirstOrDefault(c => c.Id == EvaluationView.DemonstrationCategoryId)?.Items ?? [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Scenario.Items = string.Join("\n", ScenarioItems.Select(i =>
            $"{i.Name},{i.MaxPoints.ToString(CultureInfo.InvariantCulture)}{(i.Required ? ",必須" : "")}"));
        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(Guid id, Guid? slot, CancellationToken ct)
    {
        string ics;
        try
        {
            ics = await queries.GetDemonstrationCalendarAsync(id, slot, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound(); // a cancelled slot's old link
        }
        var name = slot is { } s ? $"demonstration-{s:N}.ics" : $"demonstrations-{id:N}.ics";
        return File(System.Text.Encoding.UTF8.GetBytes(ics), DemonstrationCalendar.ContentType, name);
    }

    public async Task<IActionResult> OnPostScheduleAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var date = DateOnly.TryParseExact(Schedule.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        if (date is null) ModelState.AddModelError("Schedule.Date", t["日付を「2026-12-01」の形式で入力してください。"]);
        var start = Time(Schedule.Start);
        if (start is null) ModelState.AddModelError("Schedule.Start", t["開始時刻を「13:30」の形式で入力してください。"]);
        var end = Time(Schedule.End);
        if (end is null) ModelState.AddModelError("Schedule.End", t["終了時刻を「14:30」の形式で入力してください。"]);
        if (!int.TryParse(Schedule.AttendeeCap?.Normalize(System.Text.NormalizationForm.FormKC).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var cap))
        {
            ModelState.AddModelError("Schedule.AttendeeCap", t["出席者の上限は1〜100人で入力してください。"]);
        }
        if (ModelState.ErrorCount > 0) return Page();
        return await SendAsync(id, nameof(Schedule), () => mediator.Send(new ScheduleDemonstration(id, Schedule.SlotId, Schedule.VendorId,
            At(date!.Value, start!.Value), At(date.Value, end!.Value), Schedule.Place ?? "", cap, Schedule.Notes), ct).AsTask(), t["デモンストレーションの予定を登録しました。"]);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return await SendAsync(id, nameof(Cancel), () => mediator.Send(new CancelDemonstration(id, Cancel.SlotId, Cancel.Reason ?? ""), ct).AsTask(),
            t["デモンストレーションの予定を取り消しました。"]);
    }

    public async Task<IActionResult> OnPostScenarioAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var items = new List<CriteriaItem>();
        var lines = (Scenario.Items ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        for (var n = 0; n < lines.Count; n++)
        {
            var parts = lines[n].Replace('、', ',').Replace('，', ',').Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || parts[0].Length == 0
                || !decimal.TryParse(parts[1].Normalize(System.Text.NormalizationForm.FormKC), NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
            {
                ModelState.AddModelError("Scenario.Items", t.Format("{0}行目: 「項目名,配点」の形式で入力してください（必須の項目は「項目名,配点,必須」）。", n + 1));
                continue;
            }
            items.Add(new CriteriaItem($"D-{n + 1}", parts[0], points, ScaleKind.FiveLevel, parts.Length > 2 && parts[2] == "必須"));
        }
        if (ModelState.ErrorCount > 0) return Page();
        return await SendAsync(id, nameof(Scenario), () => mediator.Send(new DefineDemonstrationScenario(id, items, Scenario.Reason), ct).AsTask(),
            t["デモンストレーションの項目を保存しました。"]);
    }

    private static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Normalize(System.Text.NormalizationForm.FormKC).Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>Demonstrations happen in Japan: the officer types Japan time.</summary>
    private static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, JapaneseDates.Tokyo.GetUtcOffset(local));
    }

    private async Task<IActionResult> SendAsync(Guid id, string form, Func<Task> send, string flash) =>
        await SendFormAsync(t, form, send, flash, $"/Cases/{id}/Evaluation/Demonstrations") ?? Page();

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Overview = await queries.GetOverviewAsync(id, ct);
    }
}

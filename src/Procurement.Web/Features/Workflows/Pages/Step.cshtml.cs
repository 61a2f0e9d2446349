using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Guards;
using Procurement.Features.Workflows.Runtime;

namespace Procurement.Features.Workflows.Pages;

/// <summary>
/// One step of a case: what it needs, who may act, what still blocks it; complete (or skip), send back,
/// set its deadline, confirm the facts its guards check. Every form carries the stream version the page
/// was built from, so a change made meanwhile by someone else is reported instead of overwritten.
/// Members of the case's group only; everyone else gets 404.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class StepModel(IMediator mediator, ICurrentUser user, IQuerySession session, UiText t) : PageModel
{
    public sealed class CompleteInput
    {
        public string? Note { get; set; }
        public string? Choice { get; set; }
    }

    public sealed class SendBackInput
    {
        public string? ToStep { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class DeadlineInput
    {
        public string? Due { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class FactInput
    {
        public string? Fact { get; set; }
        public bool Holds { get; set; } = true;
        public string? Note { get; set; }
    }

    /// <summary>A fact a guard of this step checks, and whether the user may confirm it.</summary>
    public sealed record FactOffer(string Fact, string Title, bool Holds, bool MayRecord);

    [BindProperty] public long Version { get; set; }
    [BindProperty] public CompleteInput Complete { get; set; } = new();
    [BindProperty] public SendBackInput SendBack { get; set; } = new();
    [BindProperty] public DeadlineInput Deadline { get; set; } = new();
    [BindProperty] public FactInput Fact { get; set; } = new();

    public StepDetails Details { get; private set; } = null!;
    public CaseWorkflowDetails Workflow { get; private set; } = null!;
    public IReadOnlyList<FactOffer> Facts { get; private set; } = [];
    /// <summary>This step's records, newest first, in the sentences of the case history.</summary>
    public IReadOnlyList<TimelineEntry> History { get; private set; } = [];
    public bool IsOfficer { get; private set; }
    public bool Stale { get; private set; }

    public bool Finished => Details.State is StepState.Completed or StepState.Skipped;

    public async Task<IActionResult> OnGetAsync(Guid id, string stepId, CancellationToken ct)
    {
        if (!await LoadAsync(id, stepId, ct)) return NotFound();
        Version = Details.Version;
        Deadline.Due = Details.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public Task<IActionResult> OnPostCompleteAsync(Guid id, string stepId, CancellationToken ct) =>
        SendAsync(id, stepId, nameof(Complete), () => mediator.Send(new CompleteStepCommand(id, stepId, Complete.Note, Blank(Complete.Choice), false, Version), ct).AsTask(),
            title => t.Format("「{0}」を完了しました。", title), toCase: true, ct);

    public Task<IActionResult> OnPostSkipAsync(Guid id, string stepId, CancellationToken ct) =>
        SendAsync(id, stepId, nameof(Complete), () => mediator.Send(new CompleteStepCommand(id, stepId, Complete.Note, null, true, Version), ct).AsTask(),
            title => t.Format("「{0}」を省略しました。", title), toCase: true, ct);

    public Task<IActionResult> OnPostSendBackAsync(Guid id, string stepId, CancellationToken ct) =>
        SendAsync(id, stepId, nameof(SendBack), () => mediator.Send(new SendBackCommand(id, stepId, SendBack.ToStep ?? "", SendBack.Reason ?? "", Version), ct).AsTask(),
            _ => t["差し戻しました。"], toCase: true, ct);

    public Task<IActionResult> OnPostDeadlineAsync(Guid id, string stepId, CancellationToken ct)
    {
        // An unreadable date goes on as "no date", so the command's own rule words the message.
        var due = DateOnly.TryParseExact(Deadline.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : default;
        return SendAsync(id, stepId, nameof(Deadline), () => mediator.Send(new SetDeadlineCommand(id, stepId, due, Deadline.Reason, Version), ct).AsTask(),
            _ => t["期限を設定しました。"], toCase: false, ct);
    }

    public Task<IActionResult> OnPostFactAsync(Guid id, string stepId, CancellationToken ct) =>
        SendAsync(id, stepId, nameof(Fact), () => mediator.Send(new RecordCaseFactCommand(id, Fact.Fact ?? "", Fact.Holds, Fact.Note, Version), ct).AsTask(),
            _ => Fact.Holds ? t["確認を記録しました。"] : t["確認を取り消しました。"], toCase: false, ct);

    private async Task<IActionResult> SendAsync(Guid id, string stepId, string form, Func<Task> send, Func<string, string> flash, bool toCase, CancellationToken ct)
    {
        if (!await LoadAsync(id, stepId, ct)) return NotFound();
        var (ok, stale) = await FormCommand.TryAsync(ModelState, t, form, send);
        if (ok)
        {
            TempData["Flash"] = flash(Details.Step.Title.For(UiText.IsEnglish ? "en" : "ja"));
            return Redirect(toCase ? $"/Cases/{id}" : WorkflowPages.StepUrl(id, stepId));
        }
        Stale = stale;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, string stepId, CancellationToken ct)
    {
        if (await mediator.Send(new StepDetailsQuery(id, stepId), ct) is not { } details) return false;
        if (await mediator.Send(new CaseWorkflowQuery(id), ct) is not { } workflow) return false;
        Details = details;
        Workflow = workflow;
        History = (await CaseTimeline.LoadAsync(session, id, t, new TimelineContext(workflow.Definition), e => WorkflowTimeline.StepOf(e) == stepId, ct))
            .Reverse().ToList();
        var actor = WorkflowActor.From(user);
        IsOfficer = actor.IsOfficer;
        Facts = details.Step.Guards
            .Select(WorkflowGuards.Get).OfType<IFactGuard>()
            .Select(g => g.Fact).Distinct()
            .Select(f => new FactOffer(f, CaseFacts.Titles[f], workflow.Workflow.FactHolds(f), actor.MayActAs(RecordCaseFact.AllowedRoles[f])))
            .ToList();
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

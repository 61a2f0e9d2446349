using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Vendors.QandA;

/// <summary>
/// 質問回答: the period, the question log and published answers. Officers see who asked; everyone
/// else in the group sees only published answers, like the vendors do.
/// </summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(IQuerySession session, IMediator mediator, DocumentRenderer renderer, TimeProvider clock, UiText t) : CasePageModel
{
    public sealed class PeriodInput
    {
        public string AnnouncedOn { get; set; } = "";
        public string ProposalDeadline { get; set; } = "";
    }

    public sealed class QuestionInput
    {
        public string VendorId { get; set; } = "";
        public string ReceivedOn { get; set; } = "";
        public string Text { get; set; } = "";
    }

    public sealed class AnswerInput
    {
        public Guid QuestionId { get; set; }
        public string Answer { get; set; } = "";
        public bool ChangesConditions { get; set; }
    }

    [BindProperty] public PeriodInput Period { get; set; } = new();
    [BindProperty] public QuestionInput Question { get; set; } = new();
    [BindProperty] public AnswerInput Answer { get; set; } = new();

    public CaseVendors Vendors { get; private set; } = null!;
    public bool IsOfficer => VendorPage.IsOfficer(User);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Vendors = await VendorPage.LoadAsync(session, id, ct);
    }

    private void FillPeriod()
    {
        if (Vendors.Period is { } p)
        {
            Period = new PeriodInput { AnnouncedOn = p.AnnouncedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ProposalDeadline = VendorPage.ToJstInput(p.ProposalDeadline) };
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        FillPeriod();
        Question.ReceivedOn = VendorRules.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostPeriodAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!IsOfficer) return Forbid();
        var command = new SetQaPeriodCommand(id, VendorPage.ParseDate(Period.AnnouncedOn), VendorPage.ParseJstDateTime(Period.ProposalDeadline));
        if (await VendorPage.TryAsync(this, "Period", () => mediator.Send(command, ct).AsTask()))
        {
            TempData["Flash"] = t["質問回答期間を保存しました。"];
            return Redirect($"/Cases/{id}/QandA");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostQuestionAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!IsOfficer) return Forbid();
        FillPeriod();
        var command = new LogQuestionCommand(id, Guid.TryParse(Question.VendorId, out var v) ? v : null, VendorPage.ParseDate(Question.ReceivedOn), Question.Text ?? "");
        if (await VendorPage.TryAsync(this, "Question", () => mediator.Send(command, ct).AsTask()))
        {
            TempData["Flash"] = t["質問を記録しました。"];
            return Redirect($"/Cases/{id}/QandA#log");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!IsOfficer) return Forbid();
        FillPeriod();
        var command = new PublishAnswerCommand(id, Answer.QuestionId, Answer.Answer ?? "", Answer.ChangesConditions);
        if (await VendorPage.TryAsync(this, "Answer", () => mediator.Send(command, ct).AsTask()))
        {
            TempData["Flash"] = Answer.ChangesConditions
                ? t["回答を公開しました。条件変更のため、提出済みの事業者に再確認が必要です（提案書の画面）。"]
                : t["回答を公開しました。"];
            return Redirect($"/Cases/{id}/QandA#log");
        }
        return Page();
    }

    /// <summary>The published list as Word (the qa-list template), for every vendor: numbers, questions and answers, never who asked.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var today = VendorRules.Today(clock);
        var document = await QaListDocument.RenderAsync(session, renderer, Case, Vendors, today, ct);
        return File(document.Bytes, DocumentFileNames.DocxContentType, $"質問回答書_{today:yyyyMMdd}.docx");
    }

    public string DeadlineText => Vendors.Period is { } p ? VendorPage.At(p.ProposalDeadline) : "";

    public static string Date(DateOnly d) => JapaneseDates.Format(d);
}

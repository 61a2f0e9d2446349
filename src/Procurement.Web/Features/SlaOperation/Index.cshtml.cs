using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Procurement.Features.Cases;
using Procurement.Features.Contracts;
using Procurement.Features.Sla;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

namespace Procurement.Features.SlaOperation;

/// <summary>サービスレベル評価 (Phase4): measurements per period, achievement per item and year, the agreed penalty, trend.</summary>
[RequestSizeLimit(RecordSlaMeasurementsValidator.MaxReportBytes + 256 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = RecordSlaMeasurementsValidator.MaxReportBytes + 256 * 1024)]
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(CaseAccess access, IQuerySession session, IMediator mediator, TimeProvider clock, UiText t) : PageModel
{
    public sealed class RowInput
    {
        public string ItemKey { get; set; } = "";
        public string Measured { get; set; } = "";
        public bool Met { get; set; }
        public string Note { get; set; } = "";
    }

    public sealed class MeasureInput
    {
        public string PeriodStart { get; set; } = "";
        public string Months { get; set; } = "1";
        public List<RowInput> Rows { get; set; } = [];
        public string AnnualPayment { get; set; } = "";
    }

    [BindProperty] public MeasureInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>The SLA version the page was loaded at; the measurement and payment forms post it back.</summary>
    [BindProperty] public long? Version { get; set; }
    public CaseSummary Case { get; private set; } = null!;
    public SlaDefinition? Sla { get; private set; }
    public SlaOperationView View { get; private set; } = new();
    public YearEvaluation? Evaluation { get; private set; }
    public bool CanRecord => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.FindCaseAsync(id, ct);
        if (found is null) return false;
        Case = found;
        Sla = SlaOperationRules.AgreedSla(await session.LoadAsync<ContractDossier>(ContractStreams.DossierId(id), ct));
        View = await session.LoadAsync<SlaOperationView>(id, ct) ?? new SlaOperationView { Id = id };
        Version ??= View.Version;
        Year ??= View.Periods.Count > 0 ? SlaEvaluation.FiscalYearOf(View.Periods.Max(p => p.PeriodStart)) : SlaEvaluation.FiscalYearOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (Sla is not null) Evaluation = SlaEvaluation.Evaluate(Sla, View.Periods, Year.Value, View.AnnualPayments.TryGetValue(Year.Value, out var pay) ? pay : null);
        if (Input.Rows.Count == 0 && Sla is not null) Input.Rows = Sla.Items.Select(i => new RowInput { ItemKey = SlaEvaluation.KeyOf(i), Met = true }).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.AnnualPayment = View.AnnualPayments.TryGetValue(Year!.Value, out var pay) ? pay.ToString(CultureInfo.InvariantCulture) : "";
        return Page();
    }

    public async Task<IActionResult> OnPostMeasureAsync(Guid id, IFormFile? report, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanRecord) return Forbid();
        DateOnly? start = DateOnly.TryParseExact(Input.PeriodStart + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        ReportUpload? upload = null;
        if (report is { Length: > 0 })
        {
            await using var buffer = new MemoryStream();
            await report.CopyToAsync(buffer, ct);
            upload = new ReportUpload(report.FileName, buffer.ToArray());
        }
        else if (report is { Length: 0 })
        {
            upload = new ReportUpload(report.FileName, []);
        }
        var indicators = Sla?.Items.ToDictionary(SlaEvaluation.KeyOf, i => i.Indicator) ?? [];
        var results = Input.Rows.Select(r => new ItemMeasurement(r.ItemKey ?? "", indicators.GetValueOrDefault(r.ItemKey ?? "") ?? "", r.Measured ?? "", r.Met, r.Note ?? "")).ToList();
        try
        {
            await mediator.Send(new RecordSlaMeasurementsCommand(id, start, int.TryParse(Input.Months, out var m) ? m : 0, results, upload, Version), ct);
            TempData["Flash"] = t["SLAの測定結果を登録しました。"];
            return Redirect($"/Cases/{id}/SlaEvaluation?year={SlaEvaluation.FiscalYearOf(start!.Value)}");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError(e.PropertyName == "Report" ? "report" : $"Input.{e.PropertyName.Replace("Results", "Rows", StringComparison.Ordinal)}", e.ErrorMessage);
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddModelError("", t[ex.Message]);
        }
        catch (StaleVersionException ex)
        {
            ModelState.AddModelError("", t[ex.Message]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPaymentAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanRecord) return Forbid();
        long? payment = long.TryParse((Input.AnnualPayment ?? "").Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
        try
        {
            await mediator.Send(new SetSlaAnnualPaymentCommand(id, Year!.Value, payment, Version), ct);
            TempData["Flash"] = t["年間支払額を設定しました。"];
            return Redirect($"/Cases/{id}/SlaEvaluation?year={Year}");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError("Input.AnnualPayment", e.ErrorMessage);
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddModelError("", t[ex.Message]);
        }
        catch (StaleVersionException ex)
        {
            ModelState.AddModelError("", t[ex.Message]);
        }
        return Page();
    }

    /// <summary>
    /// サービスレベル評価報告書 for the year as Word: generated through the document engine, so it is a stored,
    /// hash-checked version in the case history like every other document.
    /// </summary>
    public async Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanRecord) return Forbid();
        if (Sla is null || Evaluation is null) return NotFound();
        var e = Evaluation;
        static string Percent(decimal? p) => p is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "未測定";
        var info = new Documents.SlaEvaluationInfo(
            $"{Documents.JapaneseDates.EraYear(new DateOnly(e.FiscalYear, 4, 1))[..^1]}年度（{e.FiscalYear}年4月〜{e.FiscalYear + 1}年3月）",
            SlaCategories.PenaltyName(Sla.Penalty.Kind),
            Percent(e.AchievementPercent),
            e.AnnualPayment is { } pay ? Documents.JapaneseDates.Yen(pay) : "未設定",
            Sla.Penalty.Kind == PenaltyKind.AnnualAchievement
                ? (e.ModelAPenalty is { } pa ? Documents.JapaneseDates.Yen(pa) : "年間支払額または測定結果が未登録のため算定していない")
                : $"委託料の減額 {Documents.JapaneseDates.Yen(e.ModelBReduction)}",
            e.Items.Select(i => new Documents.SlaEvaluationItem(i.Indicator, i.Target, i.MeasuredMonths, i.MetMonths, Percent(i.Percent))).ToList(),
            e.Months.Select(m => new Documents.SlaEvaluationMonth(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Measured, m.Met, Percent(m.Percent))).ToList());
        try
        {
            var result = await mediator.Send(new Documents.GenerateDocument(id, "sla-report", new Documents.DocumentSections { SlaEvaluation = info }), ct);
            var file = await mediator.Send(new Documents.GetDocumentFile(id, result.Kind, result.Version), ct);
            if (file is null) return NotFound();
            return File(file.Bytes, file.ContentType, file.FileName);
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddModelError("", t[ex.Message]);
            return Page();
        }
    }

    /// <summary>The vendor's report as received; refused if the stored bytes no longer match the hash in the event.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var period = View.Periods.FirstOrDefault(p => p.ReportFileId == fileId);
        var file = await session.LoadAsync<SlaReportFile>(fileId, ct);
        if (period is null || file is null || file.CaseId != id) return NotFound();
        if (Convert.ToHexStringLower(SHA256.HashData(file.Content)) != period.ReportSha256) return StatusCode(StatusCodes.Status409Conflict, t["保存されたファイルが改ざんされている可能性があるため、ダウンロードを中止しました。"]);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Achievement per month of the year, as a bar chart.</summary>
    public string TrendSvg()
    {
        if (Evaluation is not { Months.Count: > 0 } e) return "";
        const int w = 720, h = 200, left = 40, bottom = 30, top = 20;
        var barWidth = (w - left - 20) / 12.0;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(t["月別のSLA達成率"])}\" class=\"chart\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{h - bottom}\" x2=\"{w - 10}\" y2=\"{h - bottom}\" stroke=\"#8a96a3\"/><text x=\"2\" y=\"{top + 4}\" font-size=\"11\">100%</text><text x=\"14\" y=\"{h - bottom}\" font-size=\"11\">0%</text>");
        foreach (var month in e.Months)
        {
            var index = (month.Month.Year * 12 + month.Month.Month - (Year!.Value * 12 + 4) + 12) % 12;
            var height = (double)month.Percent / 100 * (h - bottom - top);
            var x = left + index * barWidth + 4;
            var colour = month.Met == month.Measured ? "#1a7f37" : "#b42318";
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{h - bottom - height:0.#}\" width=\"{barWidth - 8:0.#}\" height=\"{height:0.#}\" fill=\"{colour}\"><title>{month.Month:yyyy-MM}: {month.Percent}%</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{h - 10}\" font-size=\"11\">{month.Month.Month}{WebUtility.HtmlEncode(t["月"])}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}

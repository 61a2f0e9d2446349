using System.Net;
using System.Security.Cryptography;
using System.Text;
using Procurement.Features.Contracts;
using Procurement.Features.Sla;

namespace Procurement.Features.SlaOperation;

/// <summary>サービスレベル評価 (Phase4): measurements per period, achievement per item and year, the agreed penalty, trend.</summary>
[RequestSizeLimit(RecordSlaMeasurementsValidator.MaxReportBytes + 256 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = RecordSlaMeasurementsValidator.MaxReportBytes + 256 * 1024)]
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(IQuerySession session, IMediator mediator, TimeProvider clock, PageDates dates, UiText t) : CasePageModel
{
    public sealed class RowInput
    {
        public string ItemKey { get; set; } = "";
        public string Within { get; set; } = "";
        public string Total { get; set; } = "";
        public string Value { get; set; } = "";
        public string Confirmed { get; set; } = "";
        public bool NotApplicable { get; set; }
        public string Override { get; set; } = "";
        public string OverrideReason { get; set; } = "";
        public string Note { get; set; } = "";
    }

    public sealed class MaintenanceInput
    {
        public string Start { get; set; } = "";
        public string End { get; set; } = "";
        public string AnnouncedOn { get; set; } = "";
        public string Description { get; set; } = "";
    }

    public sealed class OutageInput
    {
        public string Start { get; set; } = "";
        public string End { get; set; } = "";
        public string Service { get; set; } = "";
        public string Cause { get; set; } = "";
        public string Attributable { get; set; } = "";
    }

    public sealed class MeasureInput
    {
        public string PeriodStart { get; set; } = "";
        public string Months { get; set; } = "1";
        public List<MaintenanceInput> Maintenance { get; set; } = [];
        public List<OutageInput> Outages { get; set; } = [];
        public List<RowInput> Rows { get; set; } = [];
        public string AnnualPayment { get; set; } = "";
    }

    public const int BlankMaintenanceRows = 2;
    public const int BlankOutageRows = 3;

    [BindProperty] public MeasureInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>「yyyy-MM」: the month whose recorded inputs the form starts from (to correct or override them).</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    /// <summary>The SLA version the page was loaded at; the measurement and payment forms post it back.</summary>
    [BindProperty] public long? Version { get; set; }
    public SlaDefinition? Sla { get; private set; }
    public SlaOperationView View { get; private set; } = new();
    public YearEvaluation? Evaluation { get; private set; }
    public bool CanRecord => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Sla = SlaOperationRules.AgreedSla(await session.LoadAsync<ContractDossier>(ContractStreams.DossierId(id), ct));
        View = await session.LoadAsync<SlaOperationView>(id, ct) ?? new SlaOperationView { Id = id };
        Version ??= View.Version;
        Year ??= View.Periods.Count > 0 ? SlaEvaluation.FiscalYearOf(View.Periods.Max(p => p.PeriodStart)) : SlaEvaluation.FiscalYearOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (Sla is not null) Evaluation = SlaEvaluation.Evaluate(Sla, View.Periods, Year.Value, View.AnnualPayments.TryGetValue(Year.Value, out var pay) ? pay : null);
        if (Sla is not null && Input.Rows.Count == 0) Prefill(Sla);
        // Forms other than the payment's post no payment: the field keeps showing the year's.
        if (string.IsNullOrEmpty(Input.AnnualPayment) && View.AnnualPayments.TryGetValue(Year.Value, out var shown)) Input.AnnualPayment = shown.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.AnnualPayment = View.AnnualPayments.TryGetValue(Year!.Value, out var pay) ? pay.ToString(CultureInfo.InvariantCulture) : "";
        return Page();
    }

    /// <summary>
    /// The form starts from the month asked for (its latest record's inputs), so a correction or an override edits what
    /// was recorded; otherwise blank, one row per SLA item. Spare blank rows for maintenance and outages.
    /// </summary>
    private void Prefill(SlaDefinition sla)
    {
        var month = DateOnly.TryParseExact((Month ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : (DateOnly?)null;
        var recorded = month is { } mm ? View.Periods.Where(p => p.PeriodStart == mm).OrderBy(p => p.At).LastOrDefault() : null;
        var inputs = recorded?.Inputs.ToDictionary(i => i.ItemKey) ?? [];
        if (month is { } start) Input.PeriodStart = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (recorded is not null) Input.Months = recorded.Months.ToString(CultureInfo.InvariantCulture);
        Input.Rows = sla.Items.Select(i =>
        {
            var key = SlaEvaluation.KeyOf(i);
            var x = inputs.GetValueOrDefault(key);
            return new RowInput
            {
                ItemKey = key, Within = x?.Within?.ToString(CultureInfo.InvariantCulture) ?? "", Total = x?.Total?.ToString(CultureInfo.InvariantCulture) ?? "",
                Value = x?.Value is { } v ? SlaFormat.Number(v) : "", Confirmed = x?.Confirmed switch { true => "yes", false => "no", _ => "" },
                NotApplicable = x?.NotApplicable ?? false, Override = x?.Override ?? "", OverrideReason = x?.OverrideReason ?? "", Note = x?.Note ?? "",
            };
        }).ToList();
        Input.Maintenance = [.. (recorded?.Maintenance ?? []).Select(w => new MaintenanceInput
        {
            Start = Stamp(w.Start), End = Stamp(w.End), AnnouncedOn = w.AnnouncedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Description = w.Description,
        }), .. Enumerable.Range(0, BlankMaintenanceRows).Select(_ => new MaintenanceInput())];
        Input.Outages = [.. (recorded?.Outages ?? []).Select(o => new OutageInput
        {
            Start = Stamp(o.Start), End = Stamp(o.End), Service = o.Service, Cause = o.Cause, Attributable = o.Attributable ? "yes" : "no",
        }), .. Enumerable.Range(0, BlankOutageRows).Select(_ => new OutageInput())];
    }

    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static DateOnly? PeriodOf(string? text) =>
        DateOnly.TryParseExact((text ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static readonly IReadOnlyDictionary<string, string> FormFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["開始"] = "Start", ["終了"] = "End", ["終了（復旧）"] = "End", ["通知日"] = "AnnouncedOn", ["原因"] = "Cause", ["乙の責め"] = "Attributable",
        ["期限内の件数"] = "Within", ["全件数"] = "Total", ["値"] = "Value", ["確認"] = "Confirmed", ["判定変更の理由"] = "OverrideReason", ["備考"] = "Note",
    };

    /// <summary>The form's rows with their places: 「障害 2行目の「開始」」 and the input's key, so each message sits by its field.</summary>
    private SlaReportImport.Rows FormRows(SlaDefinition sla)
    {
        Func<string, FieldPlace> Place(string list, int i, string rowLabel) => column =>
            new FieldPlace(t.Format("{0}の「{1}」", rowLabel, t[column]), $"Input.{list}[{i.ToString(CultureInfo.InvariantCulture)}].{FormFields.GetValueOrDefault(column, "Start")}");
        var indicators = sla.Items.ToDictionary(SlaEvaluation.KeyOf, i => i.Indicator);
        return new SlaReportImport.Rows(
            Input.Maintenance.Select((m, i) => (new MaintenanceRow(m.Start ?? "", m.End ?? "", m.AnnouncedOn ?? "", m.Description ?? ""),
                Place("Maintenance", i, t.Format("計画停止 {0}行目", i + 1)))).ToList(),
            Input.Outages.Select((o, i) => (new OutageRow(o.Start ?? "", o.End ?? "", o.Service ?? "", o.Cause ?? "", o.Attributable ?? ""),
                Place("Outages", i, t.Format("障害 {0}行目", i + 1)))).ToList(),
            Input.Rows.Select((r, i) => (new ItemRow(r.ItemKey ?? "", r.Within ?? "", r.Total ?? "", r.Value ?? "", r.Confirmed ?? "", r.NotApplicable,
                r.Override ?? "", r.OverrideReason ?? "", r.Note ?? ""),
                Place("Rows", i, t.Format("{0}行目（{1}）", i + 1, indicators.GetValueOrDefault(r.ItemKey ?? "") ?? "")))).ToList());
    }

    public async Task<IActionResult> OnPostMeasureAsync(Guid id, IFormFile? report, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanRecord) return Forbid();
        if (Sla is null) return NotFound();
        var upload = await UploadAsync(report, ct);
        return await RecordAsync(id, FormRows(Sla), upload, t["画面入力"], ct);
    }

    /// <summary>The vendor's report table: read, checked row by row, and recorded with the file attached, all or nothing.</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? vendorReport, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanRecord) return Forbid();
        if (Sla is null) return NotFound();
        var upload = await UploadAsync(vendorReport, ct);
        if (upload is null || upload.Content.Length == 0)
        {
            ModelState.AddModelError("vendorReport", t["取り込む報告書ファイル（Excel・CSV）を選択してください。"]);
            return Page();
        }
        if (upload.Content.Length > RecordSlaMeasurementsValidator.MaxReportBytes)
        {
            ModelState.AddModelError("vendorReport", t.Format("報告書ファイルは{0}MBまでです。", RecordSlaMeasurementsValidator.MaxReportBytes / 1024 / 1024));
            return Page();
        }
        var (rows, errors) = SlaReportImport.Read(upload.Content, upload.FileName, Sla, t);
        if (rows is null)
        {
            foreach (var e in errors) ModelState.AddModelError("vendorReport", e);
            return Page();
        }
        return await RecordAsync(id, rows, upload, t["報告書の取込み"], ct, importing: true);
    }

    private async Task<IActionResult> RecordAsync(Guid id, SlaReportImport.Rows rows, ReportUpload? upload, string source, CancellationToken ct, bool importing = false)
    {
        var start = PeriodOf(Input.PeriodStart);
        var months = int.TryParse(Input.Months, out var m) ? m : 0;
        if (start is null) ModelState.AddModelError("Input.PeriodStart", t["対象月を入力してください。"]);
        if (months is not (1 or 3)) ModelState.AddModelError("Input.Months", t["期間は月次か四半期を選択してください。"]);
        if (start is null || months is not (1 or 3)) return Page();

        var (records, problems) = SlaPeriodInput.Read(Sla!, start.Value, months, rows.Maintenance, rows.Outages, rows.Items, t);
        if (records is null)
        {
            foreach (var p in problems) ModelState.AddModelError(importing ? "vendorReport" : p.Field, p.Message);
            return Page();
        }
        // An imported report's problems are shown next to the file input; a typed period's next to its fields.
        var (ok, _) = await FormCommand.TryAsync(ModelState, t,
            () => mediator.Send(new MeasureSlaPeriodCommand(id, start, months, records, upload, source, Version), ct).AsTask(),
            property => importing ? "vendorReport" : property == "Report" ? "report" : "Input." + property);
        if (!ok) return Page();
        TempData["Flash"] = t["SLAの測定結果を登録しました。"];
        return Redirect($"/Cases/{id}/SlaEvaluation?year={SlaEvaluation.FiscalYearOf(start.Value)}#period-{start.Value:yyyy-MM}");
    }

    private static async Task<ReportUpload?> UploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null) return null;
        if (file.Length == 0) return new ReportUpload(file.FileName, []);
        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new ReportUpload(file.FileName, buffer.ToArray());
    }

    /// <summary>The table the vendor fills in: the headings and one row per item that is not computed from records.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Sla is null) return NotFound();
        return File(SlaReportImport.TemplateCsv(Sla), "text/csv; charset=utf-8", "SLA月次報告_様式.csv");
    }

    public async Task<IActionResult> OnPostPaymentAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanRecord) return Forbid();
        long? payment = long.TryParse((Input.AnnualPayment ?? "").Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
        var (ok, _) = await FormCommand.TryAsync(ModelState, t,
            () => mediator.Send(new SetSlaAnnualPaymentCommand(id, Year!.Value, payment, Version), ct).AsTask(), _ => "Input.AnnualPayment");
        if (!ok) return Page();
        TempData["Flash"] = t["年間支払額を設定しました。"];
        return Redirect($"/Cases/{id}/SlaEvaluation?year={Year}");
    }

    /// <summary>
    /// サービスレベル評価報告書 for the year as Word: generated through the document engine, so it is a stored,
    /// hash-checked version in the case history like every other document.
    /// </summary>
    public async Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanRecord) return Forbid();
        if (Sla is null || Evaluation is null) return NotFound();
        var info = SlaReportContent.Build(Sla, Evaluation, dates.Style);
        Documents.GenerateDocumentResult? result = null;
        // The form has no fields of its own: whatever refuses the report is shown at the top of the page.
        var (ok, _) = await FormCommand.TryAsync(ModelState, t,
            async () => result = await mediator.Send(new Documents.GenerateDocument(id, "sla-report", new Documents.DocumentSections { SlaEvaluation = info }), ct),
            _ => "");
        if (!ok || result is null) return Page();
        var file = await mediator.Send(new Documents.GetDocumentFile(id, result.Kind, result.Version), ct);
        if (file is null) return NotFound();
        return File(file.Bytes, file.ContentType, file.FileName);
    }

    /// <summary>The vendor's report as received; refused if the stored bytes no longer match the hash in the event.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
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

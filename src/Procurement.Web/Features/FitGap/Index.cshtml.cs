using System.Net;
using System.Text;

namespace Procurement.Features.FitGap;

/// <summary>フィット&amp;ギャップ (業務標準化, Phase2): import the package's functions, decide each gap, watch the customisation rate.</summary>
[RequestSizeLimit(MaxUpload + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload + 64 * 1024)]
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(IQuerySession session, IMediator mediator, UiText t) : CasePageModel
{
    public const long MaxUpload = 5 * 1024 * 1024;

    public sealed class AssessInput
    {
        public string FunctionId { get; set; } = "";
        public string Fit { get; set; } = "";
        public string Decision { get; set; } = "";
        public string Reason { get; set; } = "";
        public string Owner { get; set; } = "";
        public string Regulation { get; set; } = "";
    }

    [BindProperty] public AssessInput Input { get; set; } = new();
    [BindProperty] public string PackageName { get; set; } = "";
    /// <summary>The sheet version the page was loaded at; both forms post it back.</summary>
    [BindProperty] public long? Version { get; set; }
    public FitGapView View { get; private set; } = new();
    public PackageFunction? Selected { get; private set; }
    public IReadOnlyList<string> ImportErrors { get; private set; } = [];
    public bool CanEdit => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin);

    private async Task LoadAsync(Guid id, string? functionId, CancellationToken ct)
    {
        View = await session.LoadAsync<FitGapView>(id, ct) ?? new FitGapView { Id = id };
        Version ??= View.Version;
        Selected = View.Functions.FirstOrDefault(f => f.Id == functionId);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string? functionId, CancellationToken ct)
    {
        await LoadAsync(id, functionId, ct);
        PackageName = View.PackageName;
        if (Selected is not null)
        {
            var a = View.Assessments.GetValueOrDefault(Selected.Id);
            Input = new AssessInput
            {
                FunctionId = Selected.Id, Fit = a?.Fit.ToString() ?? "", Decision = a?.Decision.ToString() ?? "",
                Reason = a?.Reason ?? "", Owner = a?.Owner ?? "", Regulation = a?.Regulation ?? "",
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        await LoadAsync(id, null, ct);
        if (!CanEdit) return Forbid();
        if (file is null || file.Length == 0 || file.Length > MaxUpload)
        {
            ImportErrors = [file is null || file.Length == 0 ? t["取り込むファイルを選択してください。"] : t.Format("ファイルが大きすぎます（{0}MBまで）。", MaxUpload / 1024 / 1024)];
            return Page();
        }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var parsed = FunctionListFile.Parse(stream, file.FileName, t);
        if (parsed.Errors.Count > 0)
        {
            ImportErrors = parsed.Errors;
            return Page();
        }
        var command = new ImportFunctionListCommand(id, PackageName ?? "", parsed.Functions, Version);
        if (!(await FormCommand.TryAsync(ModelState, t, "Import", () => mediator.Send(command, ct).AsTask())).Ok)
        {
            // The import form lists its problems together, beside the file it was given (the file's own rows are named in them).
            ImportErrors = [.. ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)];
            return Page();
        }
        TempData["Flash"] = t.Format("{0}件を取り込みました。", parsed.Functions.Count);
        return Redirect($"/Cases/{id}/FitGap");
    }

    public async Task<IActionResult> OnPostAssessAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, Input.FunctionId, ct);
        if (!CanEdit) return Forbid();
        Fit? fit = Enum.TryParse<Fit>(Input.Fit, out var f) && Enum.IsDefined(f) ? f : null;
        GapDecision? decision = Enum.TryParse<GapDecision>(Input.Decision, out var d) && Enum.IsDefined(d) ? d : null;
        var command = new AssessFunctionCommand(id, Input.FunctionId ?? "", fit, decision, Input.Reason ?? "", Input.Owner ?? "", Input.Regulation ?? "", Version);
        if (!(await FormCommand.TryAsync(ModelState, t, () => mediator.Send(command, ct).AsTask(), FormCommand.Input)).Ok) return Page();
        TempData["Flash"] = t["判定を記録しました。"];
        return Redirect($"/Cases/{id}/FitGap#row-{Uri.EscapeDataString(Input.FunctionId ?? "")}");
    }

    /// <summary>The customisation rate after each decision, as a small line chart.</summary>
    public string TrendSvg()
    {
        var points = View.Trend;
        if (points.Count < 2) return "";
        const int w = 600, h = 160, pad = 30;
        string P(int i) => string.Create(CultureInfo.InvariantCulture,
            $"{pad + (w - 2 * pad) * i / (double)(points.Count - 1):0.#},{h - pad - (h - 2 * pad) * (points[i].Assessed == 0 ? 0 : points[i].Customised / (double)points[i].Assessed):0.#}");
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(t["カスタマイズ率の推移"])}\" class=\"chart\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{pad}\" y1=\"{h - pad}\" x2=\"{w - pad}\" y2=\"{h - pad}\" stroke=\"#8a96a3\"/><line x1=\"{pad}\" y1=\"{pad}\" x2=\"{pad}\" y2=\"{h - pad}\" stroke=\"#8a96a3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"{pad + 4}\" font-size=\"11\">100%</text><text x=\"8\" y=\"{h - pad + 4}\" font-size=\"11\">0%</text>");
        svg.Append("<polyline fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2.5\" points=\"").AppendJoin(' ', Enumerable.Range(0, points.Count).Select(P)).Append("\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}

using Procurement.Features.Catalog;
using Procurement.Features.Groups;

namespace Procurement.Features.Survey;

/// <summary>現行システム概要調査: members' current systems, the group view, lease expiries against go-live, Excel in and out.</summary>
[RequestSizeLimit(IndexModel.MaxUpload + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = IndexModel.MaxUpload + 64 * 1024)]
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(IQuerySession session, IMediator mediator, UiText t) : CasePageModel
{
    public const long MaxUpload = 5 * 1024 * 1024;

    public sealed class RowInput
    {
        public string Municipality { get; set; } = "";
        public string Business { get; set; } = "";
        public string PackageName { get; set; } = "";
        public string Vendor { get; set; } = "";
        public string ContractForm { get; set; } = "";
        public string ContractStart { get; set; } = "";
        public string ContractExpiry { get; set; } = "";
        public string InitialCost { get; set; } = "";
        public string OperationCost { get; set; } = "";
        public string Staff { get; set; } = "";
        public string Network { get; set; } = "";
        public string Issues { get; set; } = "";
        public string PlannedChanges { get; set; } = "";
    }

    [BindProperty] public RowInput Input { get; set; } = new();
    /// <summary>The survey version the page was loaded at; every form posts it back.</summary>
    [BindProperty] public long? Version { get; set; }
    public GroupView Group { get; private set; } = null!;
    public CurrentSystemSurvey Survey { get; private set; } = new();
    public IReadOnlyList<string> ImportErrors { get; private set; } = [];
    public bool CanEdit => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Group = (await session.LoadAsync<GroupView>(Case.GroupId, ct))!;
        Survey = await session.LoadAsync<CurrentSystemSurvey>(id, ct) ?? new CurrentSystemSurvey { Id = id };
        Version ??= Survey.Version;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return File(SurveyWorkbook.Export(Survey.Systems), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "current-systems.xlsx");
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit) return Forbid();
        var system = Parse();
        if (system is null) return Page();
        return await SendAsync(new RecordCurrentSystemsCommand(id, [system], t["画面入力"], Version), id, t["現行システムを登録しました。"], ct);
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit) return Forbid();
        if (file is null || file.Length == 0)
        {
            ImportErrors = [t["取り込むExcelファイルを選択してください。"]];
            return Page();
        }
        if (file.Length > MaxUpload)
        {
            ImportErrors = [t.Format("ファイルが大きすぎます（{0}MBまで）。", MaxUpload / 1024 / 1024)];
            return Page();
        }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var result = SurveyWorkbook.Import(stream, Group.Members.Select(m => m.Name).ToList(), t);
        if (result.Errors.Count > 0)
        {
            ImportErrors = result.Errors;
            return Page();
        }
        var name = Path.GetFileName(file.FileName);
        return await SendAsync(new RecordCurrentSystemsCommand(id, result.Systems, t.Format("Excel取込（{0}）", name.Length > 100 ? name[..100] : name), Version),
            id, t.Format("{0}件を取り込みました。", result.Systems.Count), ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid entryId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit) return Forbid();
        return await SendAsync(new RemoveCurrentSystemCommand(id, entryId, Version), id, t["行を削除しました。"], ct);
    }

    private async Task<IActionResult> SendAsync<TResponse>(Mediator.ICommand<TResponse> command, Guid id, string done, CancellationToken ct)
    {
        if (!(await FormCommand.TryAsync(ModelState, t, () => mediator.Send(command, ct).AsTask(), FormCommand.Input)).Ok) return Page();
        TempData["Flash"] = done;
        return Redirect($"/Cases/{id}/Survey");
    }

    private CurrentSystem? Parse()
    {
        var members = Group.Members.Select(m => m.Name).ToHashSet();
        if (!members.Contains(Input.Municipality ?? "")) ModelState.AddModelError("Input.Municipality", t["構成団体を選択してください。"]);
        if (BusinessCatalog.Find(Input.Business ?? "") is null) ModelState.AddModelError("Input.Business", t["業務を選択してください。"]);
        var form = Enum.TryParse<ContractForm>(Input.ContractForm, out var f) && Enum.IsDefined(f) ? f : (ContractForm?)null;
        if (form is null) ModelState.AddModelError("Input.ContractForm", t["契約形態を選択してください。"]);
        DateOnly? Date(string? s, string field, string message)
        {
            if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            ModelState.AddModelError(field, message);
            return null;
        }
        var start = Date(Input.ContractStart, "Input.ContractStart", t["契約開始日を入力してください。"]);
        var expiry = Date(Input.ContractExpiry, "Input.ContractExpiry", t["契約満了日を入力してください。"]);
        if (start is not null && expiry is not null && expiry <= start) ModelState.AddModelError("Input.ContractExpiry", t["契約満了日は契約開始日より後にしてください。"]);
        long? Yen(string? s, string field)
        {
            var v = (s ?? "").Replace(",", "", StringComparison.Ordinal).Trim();
            if (v.Length == 0) return 0;
            if (long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) && y >= 0) return y;
            ModelState.AddModelError(field, t["0以上の整数（円）で入力してください。"]);
            return null;
        }
        var initial = Yen(Input.InitialCost, "Input.InitialCost");
        var operation = Yen(Input.OperationCost, "Input.OperationCost");
        var staff = 0m;
        if (!string.IsNullOrWhiteSpace(Input.Staff) && (!decimal.TryParse(Input.Staff, NumberStyles.Number, CultureInfo.InvariantCulture, out staff) || staff < 0))
            ModelState.AddModelError("Input.Staff", t["0以上の数で入力してください。"]);
        foreach (var (value, field) in new[] { (Input.PackageName, "PackageName"), (Input.Vendor, "Vendor"), (Input.Network, "Network"), (Input.Issues, "Issues"), (Input.PlannedChanges, "PlannedChanges") })
        {
            if ((value ?? "").Length > SurveyWorkbook.MaxText) ModelState.AddModelError($"Input.{field}", t.Format("{0}文字以内で入力してください。", SurveyWorkbook.MaxText));
        }
        if (!ModelState.IsValid) return null;
        return new CurrentSystem(Guid.NewGuid(), Input.Municipality!, Input.Business!, (Input.PackageName ?? "").Trim(), (Input.Vendor ?? "").Trim(), form!.Value,
            start!.Value, expiry!.Value, initial!.Value, operation!.Value, staff, (Input.Network ?? "").Trim(), (Input.Issues ?? "").Trim(), (Input.PlannedChanges ?? "").Trim());
    }
}

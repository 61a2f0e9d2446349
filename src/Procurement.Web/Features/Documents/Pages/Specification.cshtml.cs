using System.Text;
using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Catalog;

namespace Procurement.Features.Documents.Pages;

/// <summary>
/// 調達仕様書の数値: the figures the specification states for this case (shown prefilled with the defaults until saved)
/// and, per 標準化 target 業務, the 特定移行支援 override with its reason. Officers of the case's group only (other
/// groups: 404). What was typed stays on screen when something is refused.
/// </summary>
[Access(Roles.Officer, Roles.Admin, CaseRoute = "id")]
[Authorize(Policy = Policies.Officer)]
public sealed class SpecificationModel(IMediator mediator, UiText t) : CasePageModel
{
    public sealed class MigrationRow
    {
        public string Code { get; set; } = "";
        public bool OnPath { get; set; }
        public string Reason { get; set; } = "";
        public string TargetDate { get; set; } = "";
    }

    public sealed class FiguresInput
    {
        public long Revision { get; set; }
        public string Department { get; set; } = "";
        public string Terminals { get; set; } = "";
        public string ResponseSeconds { get; set; } = "";
        public string RtoHours { get; set; } = "";
        public string Rpo { get; set; } = "";
        public string BackupRetentionYears { get; set; } = "";
        public string MigrationRehearsals { get; set; } = "";
        public string TrainingSessions { get; set; } = "";
        public List<MigrationRow> Migrations { get; set; } = [];
    }

    [BindProperty] public FiguresInput Input { get; set; } = new();
    /// <summary>The saved figures; null while the specification uses the defaults.</summary>
    public SpecificationFigures? Saved { get; private set; }
    public static SpecificationFigures Defaults => SpecificationFigures.Defaults;

    /// <summary>The case's 標準化 target 業務: only they can be on the 特定移行支援 path.</summary>
    public IReadOnlyList<Business> StandardisedTargets => Case.TargetBusinesses.Select(BusinessCatalog.Find).OfType<Business>().Where(b => b.Standardised).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var f = Saved ?? Defaults;
        Input = new FiguresInput
        {
            Revision = Input.Revision,
            Department = f.Department,
            Terminals = Number(f.Terminals), ResponseSeconds = Number(f.ResponseSeconds), RtoHours = Number(f.RtoHours), Rpo = f.Rpo,
            BackupRetentionYears = Number(f.BackupRetentionYears), MigrationRehearsals = Number(f.MigrationRehearsals), TrainingSessions = Number(f.TrainingSessions),
            Migrations = [.. StandardisedTargets.Select(b => f.SpecificMigrations.FirstOrDefault(m => m.BusinessCode == b.Code) is { } m
                ? new MigrationRow { Code = b.Code, OnPath = true, Reason = m.Reason, TargetDate = m.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "" }
                : new MigrationRow { Code = b.Code })],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var migrations = new List<SpecificMigrationInput>();
        var rows = new List<int>();
        for (var i = 0; i < Input.Migrations.Count; i++)
        {
            var row = Input.Migrations[i];
            if (!row.OnPath) continue;
            DateOnly? date = null;
            if (!string.IsNullOrWhiteSpace(row.TargetDate))
            {
                if (DateOnly.TryParseExact(row.TargetDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
                else ModelState.AddModelError($"Input.Migrations[{i}].TargetDate", t.Format("{0}の標準準拠システムへの移行時期は日付で入力してください。", BusinessCatalog.Find(row.Code)?.Name ?? row.Code));
            }
            rows.Add(i);
            migrations.Add(new SpecificMigrationInput(row.Code ?? "", row.Reason ?? "", date));
        }
        var command = new SaveSpecificationFigures(id, Input.Revision, Input.Department ?? "", Int(Input.Terminals), Int(Input.ResponseSeconds), Int(Input.RtoHours),
            Input.Rpo ?? "", Int(Input.BackupRetentionYears), Int(Input.MigrationRehearsals), Int(Input.TrainingSessions), migrations);
        if (ModelState.ErrorCount == 0)
        {
            (var ok, Stale) = await FormCommand.TryAsync(ModelState, t, () => mediator.Send(command, ct).AsTask(), property => FieldKey(property, rows));
            if (ok)
            {
                TempData["Flash"] = t["調達仕様書の数値を保存しました。"];
                return Redirect($"/Cases/{id}/Documents/Specification");
            }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>SpecificMigrations[1].Reason → Input.Migrations[3].Reason (rows not on the path are not sent).</summary>
    private static string FieldKey(string property, List<int> rows)
    {
        const string prefix = "SpecificMigrations[";
        if (property.StartsWith(prefix, StringComparison.Ordinal))
        {
            var close = property.IndexOf(']', StringComparison.Ordinal);
            return int.TryParse(property[prefix.Length..close], NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i < rows.Count
                ? $"Input.Migrations[{rows[i].ToString(CultureInfo.InvariantCulture)}]{property[(close + 1)..]}"
                : "Input.Migrations";
        }
        return property is "ExpectedRevision" or "CaseId" ? "" : "Input." + property;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static int? Int(string? s) =>
        int.TryParse((s ?? "").Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await mediator.Send(new ListDocumentVersions(id), ct);
        Saved = view.Specification;
        if (HttpMethods.IsGet(Request.Method)) Input.Revision = view.SpecificationRevision;
    }
}

using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Groups;

namespace Procurement.Features.Contracts;

/// <summary>
/// Contract terms. Officers only: this page is where the contract price is set, and legal staff must not be able
/// to change prices (they have no write endpoint here; the policy refuses them).
/// </summary>
[Access(Roles.Officer, Roles.Admin, CaseRoute = "id")]
[Authorize(Policy = Policies.Officer)]
public sealed class TermsModel(ContractAccess access, Marten.IQuerySession session, IAwardSource awards, IMediator mediator, UiText t) : CasePageModel
{
    public sealed class TermsInput
    {
        public long Version { get; set; }
        public string Kou { get; set; } = "representative";
        public string OtsuName { get; set; } = "";
        public string OtsuAddress { get; set; } = "";
        public string OtsuRepresentative { get; set; } = "";
        public string Price { get; set; } = "";
        public string PeriodStart { get; set; } = "";
        public string PeriodEnd { get; set; } = "";
        public string Deliverables { get; set; } = "";
        public string InspectionDays { get; set; } = "";
        public string NonConformityMonths { get; set; } = "";
        public string SpecialProvisions { get; set; } = "";
    }

    [BindProperty] public TermsInput Input { get; set; } = new();
    public GroupView Group { get; private set; } = null!;
    public ContractDossier? Dossier { get; private set; }
    public Award? Award { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var terms = DossierDefaults.Terms(Dossier);
        Input = new TermsInput
        {
            Version = Dossier?.Version ?? 0,
            Kou = terms.KouIsRepresentative ? "representative" : "group",
            OtsuName = terms.OtsuName ?? "",
            OtsuAddress = terms.OtsuAddress ?? "",
            OtsuRepresentative = terms.OtsuRepresentative ?? "",
            Price = terms.Price?.ToString("#,0", CultureInfo.InvariantCulture) ?? "",
            PeriodStart = terms.PeriodStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            PeriodEnd = terms.PeriodEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            Deliverables = string.Join("\n", terms.Deliverables),
            InspectionDays = terms.InspectionDays.ToString(CultureInfo.InvariantCulture),
            NonConformityMonths = terms.NonConformityMonths.ToString(CultureInfo.InvariantCulture),
            SpecialProvisions = terms.SpecialProvisions ?? "",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var command = new SaveContractTermsCommand(id, Input.Version, Input.Kou != "group",
            Input.OtsuName, Input.OtsuAddress, Input.OtsuRepresentative, Input.Price, Input.PeriodStart, Input.PeriodEnd,
            (Input.Deliverables ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n'),
            Int(Input.InspectionDays), Int(Input.NonConformityMonths), Input.SpecialProvisions);
        if (!(await FormCommand.TryAsync(ModelState, t, () => mediator.Send(command, ct).AsTask(), FieldKey)).Ok) return Page();
        TempData["Flash"] = t["契約条件を保存しました。"];
        return Redirect($"/Cases/{id}/Contract");
    }

    private static string FieldKey(string property) => property switch
    {
        nameof(SaveContractTermsCommand.PriceText) => "Input.Price",
        nameof(SaveContractTermsCommand.PeriodStartText) => "Input.PeriodStart",
        nameof(SaveContractTermsCommand.PeriodEndText) => "Input.PeriodEnd",
        _ when property.StartsWith("Deliverables", StringComparison.Ordinal) => "Input.Deliverables",
        _ => "Input." + property,
    };

    private static int? Int(string? s) => int.TryParse((s ?? "").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Group = (await session.LoadAsync<GroupView>(Case.GroupId, ct))!;
        Dossier = await access.FindDossierAsync(id, ct);
        Award = await awards.GetAward(id, ct);
    }
}

using Microsoft.AspNetCore.Authorization;

namespace Procurement.Features.Vendors;

/// <summary>Registers a new vendor: it joins the group's directory and this case.</summary>
[Access(Roles.Officer, Roles.Admin, CaseRoute = "id")]
[Authorize(Policy = Policies.Officer)]
public sealed class RegisterModel(IMediator mediator, UiText t) : CasePageModel
{
    public sealed class VendorInput
    {
        public string CompanyName { get; set; } = "";
        public string CorporateNumber { get; set; } = "";
        public string Address { get; set; } = "";
        public string ContactPerson { get; set; } = "";
        public string Email { get; set; } = "";
    }

    [BindProperty] public VendorInput Input { get; set; } = new();

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Guid vendorId = default;
        var ok = await VendorPage.TryAsync(this, "Input", async () => vendorId = await mediator.Send(new RegisterVendorCommand(
            id, Input.CompanyName ?? "", Input.CorporateNumber ?? "", Input.Address ?? "", Input.ContactPerson ?? "", Input.Email ?? ""), ct));
        if (!ok) return Page();
        TempData["Flash"] = t.Format("{0} を登録しました。", Input.CompanyName!.Trim());
        return Redirect($"/Cases/{id}/Vendors/{vendorId}");
    }
}

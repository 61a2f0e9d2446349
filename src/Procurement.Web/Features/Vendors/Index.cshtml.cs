namespace Procurement.Features.Vendors;

/// <summary>The vendors of a case, adding one from the group's directory, and the RFI's questions. Any member of the group reads; officers write.</summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class IndexModel(IQuerySession session, IMediator mediator, UiText t) : CasePageModel
{
    public CaseVendors Vendors { get; private set; } = null!;
    public IReadOnlyList<VendorDirectoryEntry> Directory { get; private set; } = [];

    [BindProperty] public string? DirectoryVendorId { get; set; }
    [BindProperty] public string RfiQuestions { get; set; } = "";

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Vendors = await VendorPage.LoadAsync(session, id, ct);
        var groupId = Case.GroupId;
        var inCase = Vendors.Vendors.Select(v => v.VendorId).ToHashSet();
        Directory = (await session.Query<VendorDirectoryEntry>().Where(v => v.GroupId == groupId).OrderBy(v => v.CompanyName).ToListAsync(ct))
            .Where(v => !inCase.Contains(v.Id)).ToList();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RfiQuestions = string.Join("\n", Vendors.RfiQuestions);
        return Page();
    }

    public async Task<IActionResult> OnPostAddFromDirectoryAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!VendorPage.IsOfficer(User)) return Forbid();
        if (!Guid.TryParse(DirectoryVendorId, out var vendorId))
        {
            ModelState.AddModelError(nameof(DirectoryVendorId), t["事業者台帳から事業者を選択してください。"]);
            return Page();
        }
        if (await VendorPage.TryAsync(this, "", () => mediator.Send(new AddVendorFromDirectoryCommand(id, vendorId), ct).AsTask()))
        {
            TempData["Flash"] = t["事業者台帳から事業者を追加しました。"];
            return Redirect($"/Cases/{id}/Vendors");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRfiQuestionsAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!VendorPage.IsOfficer(User)) return Forbid();
        var lines = (RfiQuestions ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (await VendorPage.TryAsync(this, "", () => mediator.Send(new DefineRfiQuestionsCommand(id, lines), ct).AsTask()))
        {
            TempData["Flash"] = t["RFIの質問項目を保存しました。"];
            return Redirect($"/Cases/{id}/Vendors");
        }
        // The validator names the list "Questions"; the textarea is RfiQuestions.
        if (ModelState.TryGetValue("Questions", out var entry))
        {
            var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove("Questions");
            foreach (var m in messages) ModelState.AddModelError(nameof(RfiQuestions), m);
        }
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Documents;

namespace Procurement.Features.Groups;

/// <summary>
/// 文書の設定 of one group: how its generated documents write dates. Officers of the group only (other groups: 404).
/// Each choice shows today's date written that way, so the officer sees what the documents will say.
/// </summary>
[Access(Roles.Officer, Roles.Admin, GroupRoute = "id")]
[Authorize(Policy = Policies.Officer)]
public sealed class SettingsModel(IQuerySession session, CaseAccess access, IMediator mediator, TimeProvider clock, UiText t) : PageModel
{
    public sealed class SettingsInput
    {
        public long Version { get; set; }
        public string DateStyle { get; set; } = "";
    }

    [BindProperty] public SettingsInput Input { get; set; } = new();
    public GroupView Group { get; private set; } = null!;
    public bool Stale { get; private set; }
    /// <summary>The group's records, newest first, in the sentences of every other history.</summary>
    public IReadOnlyList<TimelineEntry> History { get; private set; } = [];

    /// <summary>Today in Tokyo, written in <paramref name="style"/>: the example next to each choice.</summary>
    public string Example(DateStyle style) =>
        JapaneseDates.Format(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), JapaneseDates.Tokyo).DateTime), style, english: false);

    public static string StyleName(DateStyle style) => style switch
    {
        DateStyle.WarekiWithWestern => "和暦（西暦）",
        _ => "和暦のみ",
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new SettingsInput { Version = Group.Version, DateStyle = Group.DateStyle.ToString() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        DateStyle? style = Enum.TryParse<DateStyle>(Input.DateStyle, out var s) && Enum.IsDefined(s) ? s : null;
        (var ok, Stale) = await FormCommand.TryAsync(ModelState, t,
            () => mediator.Send(new ChangeGroupDocumentSettingsCommand(id, Input.Version, style), ct).AsTask(), FormCommand.Input);
        if (ok)
        {
            TempData["Flash"] = t["文書の設定を保存しました。"];
            return Redirect($"/Groups/{id}/Settings");
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await access.IsGroupMemberAsync(id, ct)) return false;
        Group = (await session.LoadAsync<GroupView>(id, ct))!;
        History = (await CaseTimeline.LoadAsync(session, id, t, ct: ct)).Reverse().ToList();
        return true;
    }
}

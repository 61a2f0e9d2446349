using Microsoft.AspNetCore.Authorization;
using MiniExcelLibs;
using Procurement.Features.Groups;

namespace Procurement.Features.CostSharing;

/// <summary>費用分担の算定: preview, record as an event, export to Excel.</summary>
[Access(Access.Internal, CaseRoute = "id")]
public sealed class CalculateModel(IQuerySession session, IMediator mediator, UiText t) : CasePageModel
{
    public sealed class MemberRow
    {
        public string Name { get; set; } = "";
        public string Population { get; set; } = "";
        public string Usage { get; set; } = "";
        public string JoinedOn { get; set; } = "";
        public string LeftOn { get; set; } = "";
    }

    public sealed class YearRow
    {
        public string FiscalYear { get; set; } = "";
        public string Total { get; set; } = "";
    }

    public sealed class ShareInput
    {
        public string Title { get; set; } = "";
        public string EqualRatio { get; set; } = "20";
        public string PopulationRatio { get; set; } = "80";
        public string DiminishingRatio { get; set; } = "0";
        public string UsageRatio { get; set; } = "0";
        public string Remainder { get; set; } = nameof(RemainderRule.LargestRemainder);
        public string Leaving { get; set; } = nameof(LeavingRule.FullYear);
        public string Representative { get; set; } = "";
        public List<MemberRow> Members { get; set; } = [];
        public List<YearRow> Years { get; set; } = [];
    }

    [BindProperty] public ShareInput Input { get; set; } = new();
    /// <summary>The plan version the page was loaded at (0: nothing recorded yet).</summary>
    [BindProperty] public long? Version { get; set; }
    public GroupView Group { get; private set; } = null!;
    public IReadOnlyList<YearShares>? Preview { get; private set; }
    public CostSharePlan? Plan { get; private set; }
    public bool CanRecord => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Group = (await session.LoadAsync<GroupView>(Case.GroupId, ct))!;
        Plan = await session.LoadAsync<CostSharePlan>(id, ct);
        Version ??= Plan?.Version ?? 0;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var firstYear = Case.PlannedGoLive.Month >= 4 ? Case.PlannedGoLive.Year : Case.PlannedGoLive.Year - 1;
        Input = new ShareInput
        {
            Title = t["導入計画（案）の費用分担"],
            Representative = Group.Representative,
            Members = Group.Members.Select(m => new MemberRow { Name = m.Name, Population = m.Population.ToString(CultureInfo.InvariantCulture) }).ToList(),
            Years = Enumerable.Range(firstYear, 5).Select(y => new YearRow { FiscalYear = y.ToString(CultureInfo.InvariantCulture) }).ToList(),
        };
        if (Plan?.Latest is { } latest)
        {
            // Start from what was recorded last: a revision usually changes one figure, not all of them.
            string Ratio(ShareBasis b) => (latest.Components.FirstOrDefault(c => c.Basis == b)?.Ratio ?? 0).ToString(CultureInfo.InvariantCulture);
            Input = new ShareInput
            {
                Title = latest.Title,
                EqualRatio = Ratio(ShareBasis.Equal),
                PopulationRatio = Ratio(ShareBasis.Population),
                DiminishingRatio = Ratio(ShareBasis.DiminishingPopulation),
                UsageRatio = Ratio(ShareBasis.Usage),
                Remainder = latest.Remainder.ToString(),
                Leaving = latest.Leaving.ToString(),
                Representative = latest.Representative,
                Members = latest.Members.Select(m => new MemberRow
                {
                    Name = m.Name,
                    Population = m.Population.ToString(CultureInfo.InvariantCulture),
                    Usage = m.Usage == 0 ? "" : m.Usage.ToString(CultureInfo.InvariantCulture),
                    JoinedOn = m.JoinedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    LeftOn = m.LeftOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                }).ToList(),
                Years = latest.Years.Select(y => new YearRow { FiscalYear = y.FiscalYear.ToString(CultureInfo.InvariantCulture), Total = y.Total.ToString(CultureInfo.InvariantCulture) }).ToList(),
            };
        }
        Input.Members.Add(new MemberRow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string action, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanRecord) return Forbid();
        if (EditRows(action))
        {
            // Adding or removing a row is not a calculation: the page comes back with everything typed kept, and no messages.
            ModelState.Clear();
            return Page();
        }
        var (command, parsed) = ToCommand(id, preview: action != "record");
        if (!parsed) return Page();
        var (ok, _) = await FormCommand.TryAsync(ModelState, t, async () => Preview = await mediator.Send(command, ct), FormCommand.Input);
        if (ok && action == "record")
        {
            TempData["Flash"] = t["費用分担の算定結果を記録しました。"];
            return Redirect($"/Cases/{id}/CostShare");
        }
        return Page();
    }

    /// <summary>The latest recorded calculation as .xlsx: one row per member, one column per fiscal year.</summary>
    public async Task<IActionResult> OnGetExcelAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Plan?.Latest is not { } latest) return NotFound();
        var rows = latest.Members.Select(m =>
        {
            var row = new Dictionary<string, object> { [t["団体名"]] = m.Name, [t["住民基本台帳人口"]] = m.Population };
            foreach (var y in latest.Years) row[$"{y.FiscalYear}{t["年度"]}"] = y.Shares.FirstOrDefault(s => s.Name == m.Name)?.Amount ?? 0L;
            return row;
        }).ToList();
        var total = new Dictionary<string, object> { [t["団体名"]] = t["合計"], [t["住民基本台帳人口"]] = latest.Members.Sum(m => m.Population) };
        foreach (var y in latest.Years) total[$"{y.FiscalYear}{t["年度"]}"] = y.Total;
        rows.Add(total);
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, cancellationToken: ct);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "cost-share.xlsx");
    }

    /// <summary>The row buttons ("add-member", "remove-member:2", "add-year", "remove-year:0"), done on the server so the form works without script.</summary>
    private bool EditRows(string? action)
    {
        switch (action)
        {
            case "add-member":
                Input.Members.Add(new MemberRow());
                return true;
            case "add-year":
                var last = Input.Years.Select(y => int.TryParse(y.FiscalYear, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fy) ? fy : 0).DefaultIfEmpty(0).Max();
                Input.Years.Add(new YearRow { FiscalYear = last > 0 ? (last + 1).ToString(CultureInfo.InvariantCulture) : "" });
                return true;
        }
        var (kind, index) = RowAction(action);
        switch (kind)
        {
            case "remove-member" when index < Input.Members.Count:
                Input.Members.RemoveAt(index);
                return true;
            case "remove-year" when index < Input.Years.Count:
                Input.Years.RemoveAt(index);
                return true;
            case "remove-member" or "remove-year":
                return true; // a row already gone (the page was posted twice): nothing to remove
            default:
                return false;
        }
    }

    private static (string? Kind, int Index) RowAction(string? action)
    {
        var colon = action?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon < 0) return (null, 0);
        return int.TryParse(action![(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? (action[..colon], i) : (null, 0);
    }

    private (RecordCostShareCommand Command, bool Parsed) ToCommand(Guid id, bool preview)
    {
        decimal Ratio(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value)) return 0;
            if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var r)) return r;
            ModelState.AddModelError($"Input.{field}", t["配分比率は数で入力してください。"]);
            return 0;
        }
        DateOnly? Date(string? value, string field, Func<string, string> row)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            ModelState.AddModelError(field, row(t["日付（例: 2028-10-01）で入力してください。"]));
            return null;
        }

        var components = new List<ShareComponent>
        {
            new(ShareBasis.Equal, Ratio(Input.EqualRatio, nameof(ShareInput.EqualRatio))),
            new(ShareBasis.Population, Ratio(Input.PopulationRatio, nameof(ShareInput.PopulationRatio))),
            new(ShareBasis.DiminishingPopulation, Ratio(Input.DiminishingRatio, nameof(ShareInput.DiminishingRatio))),
            new(ShareBasis.Usage, Ratio(Input.UsageRatio, nameof(ShareInput.UsageRatio))),
        };
        var members = new List<CostShareMember>();
        Input.Members = Input.Members.Where(m => !string.IsNullOrWhiteSpace(m.Name) || !string.IsNullOrWhiteSpace(m.Population)).ToList();
        for (var i = 0; i < Input.Members.Count; i++)
        {
            var m = Input.Members[i];
            string Row(string message) => CostShareRows.Member(t, i, m.Name, message);
            if (!long.TryParse((m.Population ?? "").Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var population))
                ModelState.AddModelError($"Input.Members[{i}].Population", Row(t["人口は1以上の整数で入力してください。"]));
            var usage = 0m;
            if (!string.IsNullOrWhiteSpace(m.Usage) && !decimal.TryParse(m.Usage, NumberStyles.Number, CultureInfo.InvariantCulture, out usage))
                ModelState.AddModelError($"Input.Members[{i}].Usage", Row(t["利用量は0以上の数で入力してください。"]));
            members.Add(new CostShareMember(m.Name ?? "", population, usage,
                Date(m.JoinedOn, $"Input.Members[{i}].JoinedOn", Row), Date(m.LeftOn, $"Input.Members[{i}].LeftOn", Row)));
        }
        var years = new List<(int, long)>();
        Input.Years = Input.Years.Where(y => !string.IsNullOrWhiteSpace(y.FiscalYear) || !string.IsNullOrWhiteSpace(y.Total)).ToList();
        for (var i = 0; i < Input.Years.Count; i++)
        {
            var y = Input.Years[i];
            var okYear = int.TryParse(y.FiscalYear, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fy);
            var okTotal = long.TryParse((y.Total ?? "").Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total);
            if (!okYear) ModelState.AddModelError($"Input.Years[{i}].FiscalYear", CostShareRows.Year(t, i, 0, t["年度は西暦4桁で入力してください。"]));
            if (!okTotal) ModelState.AddModelError($"Input.Years[{i}].Total", CostShareRows.Year(t, i, okYear ? fy : 0, t["総額は円単位の整数で入力してください。"]));
            years.Add((fy, total));
        }
        var remainder = Enum.TryParse<RemainderRule>(Input.Remainder, out var r) && Enum.IsDefined(r) ? r : RemainderRule.LargestRemainder;
        var leaving = Enum.TryParse<LeavingRule>(Input.Leaving, out var l) && Enum.IsDefined(l) ? l : LeavingRule.FullYear;
        var command = new RecordCostShareCommand(id, Input.Title ?? "", components, remainder, leaving, members, Input.Representative ?? "", years, preview, Version);
        return (command, ModelState.IsValid);
    }
}

using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Contracts;
using Procurement.Features.Wizards;

namespace Procurement.Features.Sla;

/// <summary>
/// The SLA builder, one step per screen: preset, items, penalty model, responsibility boundary. Each step saves the
/// whole SLA (so leaving half-way loses nothing and steps can be revisited); an invalid step stores nothing and
/// keeps what was typed.
/// </summary>
[Access(Roles.Officer, Roles.Admin, CaseRoute = "id")]
[Authorize(Policy = Policies.Officer)]
public sealed class BuilderModel(ContractAccess access, IMediator mediator, UiText t) : PageModel
{
    public static readonly IReadOnlyList<WizardStep> Steps =
    [
        new("基にする水準・サービス提供時間", "Preset"),
        new("SLA項目", "Items"),
        new("違約金", "Penalty"),
        new("責任分界", "Exclusions"),
    ];

    public const int BlankRows = 3;

    public static string DayName(DayOfWeek d) => d switch
    {
        DayOfWeek.Monday => "月曜日",
        DayOfWeek.Tuesday => "火曜日",
        DayOfWeek.Wednesday => "水曜日",
        DayOfWeek.Thursday => "木曜日",
        DayOfWeek.Friday => "金曜日",
        DayOfWeek.Saturday => "土曜日",
        _ => "日曜日",
    };

    public sealed class ItemRow
    {
        public string Category { get; set; } = "";
        public string Indicator { get; set; } = "";
        public string Target { get; set; } = "";
        public string Measurement { get; set; } = "";
        public string Formula { get; set; } = "";
        public string Metric { get; set; } = nameof(SlaMetric.Confirmation);
        public string Agreed { get; set; } = "";
        public string Comparison { get; set; } = nameof(SlaComparison.AtLeast);
        public string Unit { get; set; } = "";
        public string Weight { get; set; } = "1";
        public bool Remove { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Indicator) && string.IsNullOrWhiteSpace(Target)
            && string.IsNullOrWhiteSpace(Measurement) && string.IsNullOrWhiteSpace(Formula);
    }

    public sealed class BuilderInput
    {
        public long Version { get; set; }
        public string Preset { get; set; } = "";
        public List<ItemRow> Items { get; set; } = [];
        public string PenaltyKind { get; set; } = "";
        public string PointsPerMiss { get; set; } = "";
        public string PointsPerRepeatedMiss { get; set; } = "";
        public string ThresholdPoints { get; set; } = "";
        public string FeeReductionPercent { get; set; } = "";
        public string PointExpiryMonths { get; set; } = "";
        public string CapPercent { get; set; } = "";
        public string LiquidatedDamages { get; set; } = "true";
        public string ReportCycleMonths { get; set; } = "3";
        public string Exclusions { get; set; } = "";
        /// <summary>Service days (DayOfWeek names), hours as typed (HH:MM) and the closed days left out.</summary>
        public List<string> CalendarDays { get; set; } = [];
        public string CalendarStart { get; set; } = "0:00";
        public string CalendarEnd { get; set; } = "24:00";
        public bool ExcludeYearEnd { get; set; }
        public bool ExcludeHolidays { get; set; }
    }

    [BindProperty] public BuilderInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int Step { get; set; }
    public CaseSummary Case { get; private set; } = null!;
    public ContractDossier? Dossier { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Step = Math.Clamp(Step, 0, Steps.Count - 1);
        Input = FromDefinition(DossierDefaults.Sla(Dossier), Dossier?.Version ?? 0);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Step = Math.Clamp(Step, 0, Steps.Count - 1);
        var current = DossierDefaults.Sla(Dossier);
        if (Step == 0 && action == "apply" && Enum.TryParse<SlaPreset>(Input.Preset, out var chosen))
        {
            // Replaces the items only: penalty model and boundary are independent of the service class.
            var preset = SlaPresets.Create(chosen);
            current = current with { Preset = chosen, Items = preset.Items };
        }

        var (command, rowIndex) = Build(id, current);
        if (!(await FormCommand.TryAsync(ModelState, t, () => mediator.Send(command, ct).AsTask(), property => FieldKey(property, rowIndex))).Ok) return Page();

        var next = action switch
        {
            "back" => Step - 1,
            "next" or "apply" => action == "apply" ? 1 : Step + 1,
            _ => Step,
        };
        if (action == "finish" || next >= Steps.Count)
        {
            TempData["Flash"] = t["SLAを保存しました。"];
            return Redirect($"/Cases/{id}/Contract");
        }
        TempData["Flash"] = t["保存しました。"];
        return Redirect($"/Cases/{id}/Contract/Sla?step={Math.Max(0, next)}");
    }

    /// <summary>The saved SLA with this step's fields replaced by what was posted; blank item rows are ignored.</summary>
    private (SaveSlaCommand Command, List<int> RowIndex) Build(Guid id, SlaDefinition current)
    {
        SlaPreset? preset = Step == 0 ? (Enum.TryParse<SlaPreset>(Input.Preset, out var p) && Enum.IsDefined(p) ? p : null) : current.Preset;
        var rowIndex = new List<int>();
        List<SlaItemInput> items;
        if (Step == 1)
        {
            items = [];
            for (var i = 0; i < Input.Items.Count; i++)
            {
                var row = Input.Items[i];
                if (row.Remove || row.IsBlank) continue;
                rowIndex.Add(i);
                items.Add(new SlaItemInput(Enum.TryParse<SlaCategory>(row.Category, out var c) && Enum.IsDefined(c) ? c : null,
                    row.Indicator ?? "", row.Target ?? "", row.Measurement ?? "", row.Formula ?? "")
                {
                    Metric = Enum.TryParse<SlaMetric>(row.Metric, out var m) && Enum.IsDefined(m) ? m : SlaMetric.Confirmation,
                    Agreed = Dec(row.Agreed),
                    Comparison = Enum.TryParse<SlaComparison>(row.Comparison, out var cmp) && Enum.IsDefined(cmp) ? cmp : SlaComparison.AtLeast,
                    Unit = row.Unit ?? "",
                    Weight = Int(row.Weight),
                });
            }
        }
        else
        {
            items = current.Items.Select(i => new SlaItemInput(i.Category, i.Indicator, i.Target, i.Measurement, i.Formula)
            {
                Metric = i.Metric, Agreed = i.Agreed, Comparison = i.Comparison, Unit = i.Unit, Weight = i.Weight,
            }).ToList();
        }
        var pen = current.Penalty;
        var penalty = Step == 2
            ? new PenaltyInput(Enum.TryParse<PenaltyKind>(Input.PenaltyKind, out var k) && Enum.IsDefined(k) ? k : null,
                Int(Input.PointsPerMiss), Int(Input.PointsPerRepeatedMiss), Int(Input.ThresholdPoints), Dec(Input.FeeReductionPercent), Int(Input.PointExpiryMonths))
            {
                CapPercent = Dec(Input.CapPercent), LiquidatedDamages = Input.LiquidatedDamages != "false", ReportCycleMonths = Int(Input.ReportCycleMonths),
            }
            : new PenaltyInput(pen.Kind, pen.PointsPerMiss, pen.PointsPerRepeatedMiss, pen.ThresholdPoints, pen.FeeReductionPercent, pen.PointExpiryMonths)
            {
                CapPercent = pen.CapPercent, LiquidatedDamages = pen.LiquidatedDamages, ReportCycleMonths = current.ReportCycleMonths,
            };
        var exclusions = Step == 3
            ? (Input.Exclusions ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n').ToList()
            : current.Exclusions.ToList();
        var calendar = Step == 0
            ? new ServiceCalendarInput(
                (Input.CalendarDays ?? []).Select(d => Enum.TryParse<DayOfWeek>(d, out var day) && Enum.IsDefined(day) ? day : (DayOfWeek?)null).OfType<DayOfWeek>().ToList(),
                ServiceCalendarInput.ParseTime(Input.CalendarStart), ServiceCalendarInput.ParseTime(Input.CalendarEnd), Input.ExcludeYearEnd, Input.ExcludeHolidays)
            : ServiceCalendarInput.From(current.Calendar);
        return (new SaveSlaCommand(id, Input.Version, preset, items, penalty, exclusions) { Calendar = calendar }, rowIndex);
    }

    /// <summary>Error keys match the input ids: Items[2].Target → Input.Items[5].Target when blank rows were skipped.</summary>
    private static string FieldKey(string property, List<int> rowIndex)
    {
        if (property.StartsWith("Items[", StringComparison.Ordinal))
        {
            var close = property.IndexOf(']', StringComparison.Ordinal);
            if (int.TryParse(property[6..close], NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i < rowIndex.Count)
            {
                return $"Input.Items[{rowIndex[i].ToString(CultureInfo.InvariantCulture)}]{property[(close + 1)..]}";
            }
            return "Input.Items";
        }
        if (property.StartsWith("Penalty.Kind", StringComparison.Ordinal)) return "Input.PenaltyKind";
        if (property.StartsWith("Penalty.ReportCycleMonths", StringComparison.Ordinal)) return "Input.ReportCycleMonths";
        if (property.StartsWith("Penalty.", StringComparison.Ordinal)) return "Input." + property["Penalty.".Length..];
        if (property.StartsWith("Exclusions", StringComparison.Ordinal)) return "Input.Exclusions";
        if (property.StartsWith("Calendar.Days", StringComparison.Ordinal)) return "Input.CalendarDays";
        if (property.StartsWith("Calendar.StartMinute", StringComparison.Ordinal)) return "Input.CalendarStart";
        if (property.StartsWith("Calendar.EndMinute", StringComparison.Ordinal)) return "Input.CalendarEnd";
        return "Input." + property;
    }

    private static int? Int(string? s) => int.TryParse((s ?? "").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static decimal? Dec(string? s) => decimal.TryParse((s ?? "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static BuilderInput FromDefinition(SlaDefinition sla, long version) => new()
    {
        Version = version,
        Preset = sla.Preset.ToString(),
        Items = [.. sla.Items.Select(i => new ItemRow
        {
            Category = i.Category.ToString(), Indicator = i.Indicator, Target = i.Target, Measurement = i.Measurement, Formula = i.Formula,
            Metric = i.Metric.ToString(), Agreed = i.Agreed is { } a ? SlaFormat.Number(a) : "", Comparison = i.Comparison.ToString(), Unit = i.Unit,
            Weight = i.Weight.ToString(CultureInfo.InvariantCulture),
        }), .. Enumerable.Range(0, BlankRows).Select(_ => new ItemRow())],
        PenaltyKind = sla.Penalty.Kind.ToString(),
        PointsPerMiss = sla.Penalty.PointsPerMiss.ToString(CultureInfo.InvariantCulture),
        PointsPerRepeatedMiss = sla.Penalty.PointsPerRepeatedMiss.ToString(CultureInfo.InvariantCulture),
        ThresholdPoints = sla.Penalty.ThresholdPoints.ToString(CultureInfo.InvariantCulture),
        FeeReductionPercent = sla.Penalty.FeeReductionPercent.ToString("0.##", CultureInfo.InvariantCulture),
        PointExpiryMonths = sla.Penalty.PointExpiryMonths.ToString(CultureInfo.InvariantCulture),
        CapPercent = SlaFormat.Number(sla.Penalty.CapPercent),
        LiquidatedDamages = sla.Penalty.LiquidatedDamages ? "true" : "false",
        ReportCycleMonths = sla.ReportCycleMonths.ToString(CultureInfo.InvariantCulture),
        Exclusions = string.Join("\n", sla.Exclusions),
        CalendarDays = [.. sla.Calendar.Days.Select(d => d.ToString())],
        CalendarStart = SlaFormat.Minutes(sla.Calendar.StartMinute),
        CalendarEnd = SlaFormat.Minutes(sla.Calendar.EndMinute),
        ExcludeYearEnd = sla.Calendar.ExcludeYearEnd,
        ExcludeHolidays = sla.Calendar.ExcludeHolidays,
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.FindCaseAsync(id, ct);
        if (found is null) return false;
        Case = found;
        Dossier = await access.FindDossierAsync(id, ct);
        return true;
    }
}

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Documents.Pages;

/// <summary>
/// 条項の設定 of one document kind of a case: the clauses its template contains, each parameter the clause allows with
/// the current value and the default, mandatory clauses marked 必須 (never removable), optional ones removable.
/// Officers of the case's group only (other groups: 404). What was typed stays on screen when something is refused.
/// </summary>
[Access(Roles.Officer, Roles.Admin, CaseRoute = "id")]
[Authorize(Policy = Policies.Officer)]
public sealed class ClausesModel(IMediator mediator, TemplateCatalog catalog, IValidator<SaveClauseSettings> validator, UiText t) : CasePageModel
{
    /// <summary>Keyed <c>clause.parameter</c>, as typed.</summary>
    [BindProperty] public Dictionary<string, string> Values { get; set; } = [];
    /// <summary>Ids of the clauses the officer leaves out of the document.</summary>
    [BindProperty] public List<string> Excluded { get; set; } = [];
    [BindProperty] public long Revision { get; set; }

    public KindClauses Kind { get; private set; } = null!;
    public DocumentClauseSettings? Saved { get; private set; }

    public static string Key(ClauseDefinition clause, ClauseParameter p) => $"{clause.Id}.{p.Name}";

    public static string FieldId(string key) => "Values_" + key.Replace(".", "_", StringComparison.Ordinal) + "_";

    public static string Display(JsonElement? value) => value switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } v => v.GetString() ?? "",
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { } v => v.GetRawText(),
    };

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, CancellationToken ct)
    {
        if (!await LoadAsync(id, kind, ct)) return NotFound();
        Revision = Saved?.Revision ?? 0;
        var settings = Saved?.Settings ?? [];
        foreach (var clause in Kind.Clauses)
        {
            var setting = settings.GetValueOrDefault(clause.Id) ?? ClauseSetting.Default;
            if (!setting.Included) Excluded.Add(clause.Id);
            foreach (var p in clause.Parameters)
            {
                Values[Key(clause, p)] = Display(setting.Parameters.TryGetValue(p.Name, out var v) ? v : p.Default);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string kind, CancellationToken ct)
    {
        if (!await LoadAsync(id, kind, ct)) return NotFound();
        var (command, parseErrors) = ToCommand(id);
        foreach (var (field, message) in parseErrors) ModelState.AddModelError(field, message);
        var validation = await validator.ValidateAsync(command, ct);
        foreach (var e in validation.Errors.Where(e => parseErrors.All(p => p.Field != e.PropertyName))) ModelState.AddModelError(e.PropertyName, e.ErrorMessage);
        if (ModelState.ErrorCount == 0)
        {
            (var ok, Stale) = await FormCommand.TryAsync(ModelState, t, () => mediator.Send(command, ct).AsTask(), property => property);
            if (ok)
            {
                TempData["Flash"] = t.Format("{0}の条項の設定を保存しました。", Kind.DisplayTitle);
                return Redirect($"/Cases/{id}/Documents");
            }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>
    /// What was typed as clause settings. Text that is not a number for an integer parameter (or a blank text) is
    /// reported here, naming the clause and parameter; everything else is checked by the clause rules.
    /// </summary>
    private (SaveClauseSettings Command, List<(string Field, string Message)> Errors) ToCommand(Guid caseId)
    {
        var errors = new List<(string, string)>();
        var settings = new Dictionary<string, ClauseSetting>(StringComparer.Ordinal);
        // An empty posted value binds as a null entry; it names no clause.
        var excluded = (Excluded ?? []).Where(id => !string.IsNullOrEmpty(id)).ToHashSet(StringComparer.Ordinal);
        foreach (var clause in Kind.Clauses)
        {
            var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var p in clause.Parameters)
            {
                var key = Key(clause, p);
                var typed = (Values.GetValueOrDefault(key) ?? "").Normalize(NormalizationForm.FormKC).Trim();
                var field = SaveClauseSettingsDecision.Field(clause.Id, p.Name);
                switch (p.Type)
                {
                    case "integer" when int.TryParse(typed.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                        parameters[p.Name] = JsonSerializer.SerializeToElement(n);
                        break;
                    case "integer":
                        errors.Add((field, t.Format("「{0}」の{1}: 整数で入力してください。", clause.DisplayTitle, p.DisplayLabel)));
                        break;
                    case "boolean":
                        parameters[p.Name] = JsonSerializer.SerializeToElement(typed == "true");
                        break;
                    case var _ when typed.Length == 0:
                        errors.Add((field, t.Format("「{0}」の{1}: 入力してください。", clause.DisplayTitle, p.DisplayLabel)));
                        break;
                    default:
                        parameters[p.Name] = JsonSerializer.SerializeToElement(typed);
                        break;
                }
            }
            settings[clause.Id] = new ClauseSetting(!excluded.Contains(clause.Id), parameters);
        }
        // A clause id posted that this document does not contain is refused by the validator, never dropped silently.
        foreach (var id in excluded.Where(id => Kind.Clauses.All(c => c.Id != id))) settings[id] = ClauseSetting.Default with { Included = false };
        return (new SaveClauseSettings(caseId, Kind.Kind, Revision, settings), errors);
    }

    private async Task<bool> LoadAsync(Guid id, string kind, CancellationToken ct)
    {
        // The case itself is the base page's; a kind the catalogue does not know is a 404 too.
        if (KindClauses.Of(catalog, kind) is not { } clauses) return false;
        Kind = clauses;
        Saved = (await mediator.Send(new ListDocumentVersions(id), ct)).SettingsFor(kind);
        return true;
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Documents;

/// <summary>
/// An officer saves the clause settings of one document kind of a case: the complete set, replacing the previous one.
/// <paramref name="ExpectedRevision"/> is the settings' revision the form was loaded at (0 when none were saved).
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record SaveClauseSettings(
    Guid CaseId, string Kind, long ExpectedRevision, IReadOnlyDictionary<string, ClauseSetting> Settings) : ICommand<long>, ICaseRequest;

/// <summary>The clauses a kind's templates contain, in the order they appear, and which of them are mandatory.</summary>
public sealed partial record KindClauses(string Kind, string Title, IReadOnlyList<ClauseDefinition> Clauses, IReadOnlyList<string> Required)
{
    /// <summary>The document's name on the page, in the reader's language.</summary>
    public string DisplayTitle { get; init; } = Title;

    public bool IsRequired(string clauseId) => Required.Contains(clauseId);

    public static KindClauses? Of(TemplateCatalog catalog, string kind)
    {
        var templates = catalog.All.Where(t => t.Kind == kind).ToList();
        if (templates.Count == 0) return null;
        var required = templates.SelectMany(t => catalog.Clauses.RequiredFor(kind, t.Metadata.RequiredClauses)).Distinct(StringComparer.Ordinal).ToList();
        var ids = templates.SelectMany(ClauseIdsIn).Concat(required).Distinct(StringComparer.Ordinal);
        var clauses = ids.Select(catalog.Clauses.Find).OfType<ClauseDefinition>().ToList();
        return new KindClauses(kind, templates[0].Title, clauses, required) { DisplayTitle = templates[0].DisplayTitle };
    }

    /// <summary>Read from the template's text: a shared clause include or a <c>.clause id</c> line.</summary>
    private static IEnumerable<string> ClauseIdsIn(DocumentTemplate template) =>
        ClauseReference().Matches(File.ReadAllText(template.MainPath)).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);

    [GeneratedRegex(@"_shared/clauses/([a-z0-9_]+)|^\s*\.clause\s+([a-z0-9_]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseReference();
}

public sealed class SaveClauseSettingsValidator : AbstractValidator<SaveClauseSettings>
{
    public SaveClauseSettingsValidator(TemplateCatalog catalog, UiText t)
    {
        RuleFor(c => c.CaseId).NotEmpty().WithMessage(t["案件を指定してください。"]);
        RuleFor(c => c.Kind).Must(k => KindClauses.Of(catalog, k ?? "") is not null).WithMessage(c => t.Format("文書の種類「{0}」はありません。", c.Kind));
        RuleFor(c => c).Custom((c, ctx) =>
        {
            if (KindClauses.Of(catalog, c.Kind ?? "") is not { } kind) return;
            foreach (var id in c.Settings.Keys.Where(id => kind.Clauses.All(x => x.Id != id)))
            {
                ctx.AddFailure(SaveClauseSettingsDecision.Field(id, null), t.Format("条項「{0}」はこの文書にありません。", id));
            }
            foreach (var p in catalog.Clauses.SettingProblems(kind.Kind, c.Settings, kind.Required).Where(p => kind.Clauses.Any(x => x.Id == p.ClauseId)))
            {
                ctx.AddFailure(SaveClauseSettingsDecision.Field(p.ClauseId, p.Parameter), p.Message);
            }
        });
    }
}

public static class SaveClauseSettingsDecision
{
    /// <summary>The form field a problem belongs to: <c>Values[clause.parameter]</c>, or <c>Excluded[clause]</c> for the clause itself.</summary>
    public static string Field(string clauseId, string? parameter) => parameter is null ? $"Excluded[{clauseId}]" : $"Values[{clauseId}.{parameter}]";

    /// <summary>
    /// Keeps only what differs from clause-rules.json (a left-out clause, a value other than the default); settings
    /// equal to what is stored already add nothing to the history.
    /// </summary>
    public static Decision Decide(
        KindClauses kind, DocumentClauseSettings? current, SaveClauseSettings c, Guid caseId, Actor by, DateTimeOffset at)
    {
        var settings = Normalise(kind, c.Settings);
        var before = current?.Settings ?? [];
        return SameSettings(before, settings) ? Decision.Nothing : Decision.Append(new ClauseSettingsSaved(caseId, kind.Kind, kind.Title, settings, by, at));
    }

    public static Dictionary<string, ClauseSetting> Normalise(KindClauses kind, IReadOnlyDictionary<string, ClauseSetting> settings)
    {
        var result = new Dictionary<string, ClauseSetting>(StringComparer.Ordinal);
        foreach (var clause in kind.Clauses)
        {
            if (!settings.TryGetValue(clause.Id, out var s)) continue;
            var changed = s.Parameters
                .Where(p => clause.Parameters.FirstOrDefault(d => d.Name == p.Key)?.Default is not { } d || !SameValue(d, p.Value))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            if (s.Included && changed.Count == 0) continue;
            result[clause.Id] = new ClauseSetting(s.Included, changed);
        }
        return result;
    }

    private static bool SameSettings(Dictionary<string, ClauseSetting> a, Dictionary<string, ClauseSetting> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var o) && o.Included == kv.Value.Included
            && o.Parameters.Count == kv.Value.Parameters.Count
            && kv.Value.Parameters.All(p => o.Parameters.TryGetValue(p.Key, out var v) && SameValue(v, p.Value)));

    // By value: the same text may be escaped differently (\u6A19 vs 標) depending on where the element came from.
    private static bool SameValue(JsonElement a, JsonElement b) => JsonElement.DeepEquals(a, b);
}

public sealed class SaveClauseSettingsHandler(
    IDocumentSession session, TemplateCatalog catalog, ICurrentUser user, TimeProvider clock, UiText t)
    : ICommandHandler<SaveClauseSettings, long>
{
    public async ValueTask<long> Handle(SaveClauseSettings command, CancellationToken cancellationToken)
    {
        var (c, ct) = (command, cancellationToken);
        var kind = KindClauses.Of(catalog, c.Kind) ?? throw new DomainRuleException(t.Format("文書の種類「{0}」はありません。", c.Kind));
        // The settings of one document kind are the record this form replaces: their own revision decides staleness,
        // checked under the stream's lock, because generating documents and every other feature move the case stream
        // without touching these settings.
        long revision = 0;
        var saved = false;
        await session.WriteAsync<CaseDocumentsView>(c.CaseId, view =>
        {
            var current = view?.SettingsFor(kind.Kind);
            revision = current?.Revision ?? 0;
            if (revision != c.ExpectedRevision) throw new StaleVersionException();
            var decision = SaveClauseSettingsDecision.Decide(kind, current, c, c.CaseId, user.Actor, clock.GetUtcNow());
            saved = decision.Events.Count > 0;
            return decision;
        }, ct);
        return saved ? revision + 1 : revision;
    }
}

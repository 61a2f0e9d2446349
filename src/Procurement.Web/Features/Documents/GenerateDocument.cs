using Procurement.Features.Documents.Rendering;
using Procurement.Features.Groups;

namespace Procurement.Features.Documents;

/// <summary>
/// Generate a new version of one of a case's documents from a template. <paramref name="Sections"/> are what the caller
/// knows beyond the case (pages of other features); registered <see cref="IDocumentSectionSource"/>s fill in the rest.
/// <paramref name="ClauseSettings"/> are the officer's clause parameters (see <see cref="ClauseLibrary.Edit"/>); null uses
/// the settings saved for the kind (<see cref="SaveClauseSettings"/>). <paramref name="DateStyle"/>: null uses the group's.
/// <paramref name="WorkingDraft"/>: the officer asks for a working draft although inputs are missing (marked and listed
/// in the document; without it a document with gaps is refused with the list of what to enter).
/// Officers of the case's group only (the access rule), whoever calls.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record GenerateDocument(
    Guid CaseId, string TemplateId, DocumentSections? Sections = null,
    IReadOnlyDictionary<string, ClauseSetting>? ClauseSettings = null, DateStyle? DateStyle = null, bool WorkingDraft = false) : ICommand<GenerateDocumentResult>, ICaseRequest;

/// <summary>The version that now holds this content: new, or the existing one when nothing changed.</summary>
public sealed record GenerateDocumentResult(string Kind, int Version, Guid FileId, string ContentHash, bool Created, IReadOnlyList<string> ValidationErrors);

public sealed class GenerateDocumentValidator : AbstractValidator<GenerateDocument>
{
    private static readonly UiText T = new();

    public GenerateDocumentValidator(TemplateCatalog catalog)
    {
        RuleFor(c => c.CaseId).NotEmpty().WithMessage("案件を指定してください。");
        RuleFor(c => c.TemplateId).NotEmpty().WithMessage("文書の種類を選んでください。")
            .Must(id => catalog.Find(id) is not null).WithMessage(c => T.Format("文書テンプレート「{0}」はありません。", c.TemplateId));
        RuleFor(c => c).Custom((c, ctx) =>
        {
            var template = catalog.Find(c.TemplateId);
            if (template is null) return;
            foreach (var problem in catalog.Clauses.CheckSettings(template.Kind, c.ClauseSettings)) ctx.AddFailure(nameof(c.ClauseSettings), problem);
        });
    }
}

/// <summary>
/// What the decision needs: the render, the versions so far, the case version it was built from, and the hash the
/// same data gives when rendered with the latest version's 版数 (the 版数 is printed in the header, so the new
/// render's own hash always differs).
/// </summary>
public sealed record GenerateDocumentState(
    RenderedDocument Rendered, IReadOnlyList<string> ValidationErrors, DocumentSeries? Existing, long CaseVersion, string? HashAtLatestEdition = null,
    bool WorkingDraft = false);

/// <summary>
/// A document that needs inputs the case does not hold yet: each with the page where it is entered. The page lists them
/// with links, which a refusal's text cannot carry, so the handler turns that one refusal into this typed one.
/// </summary>
public sealed class MissingInputsException(IReadOnlyList<MissingInput> inputs, string message) : DomainRuleException(message)
{
    public IReadOnlyList<MissingInput> Inputs { get; } = inputs;
}

public static class GenerateDocumentDecision
{
    /// <summary>The refusal of a document with gaps (its first reason; one more per missing input).</summary>
    public const string MissingInputs = "次の事項が入力されていないため、文書を生成できません。入力するか、作業用の案として生成してください。";

    /// <summary>
    /// Refuses a document missing a mandatory clause or failing OpenXML validation, one reason a line; a render identical
    /// to the latest version (same template, same bytes) is that version (nothing appended), not a new one, so history
    /// only shows real changes.
    /// </summary>
    public static Decision Decide(GenerateDocumentState s, Guid caseId, Guid fileId, Actor by, DateTimeOffset at)
    {
        if (!s.Rendered.IsComplete)
        {
            return Decision.Refuse([Reason.Of("次の必須条項が含まれていないため、文書を生成できません。"),
                .. s.Rendered.MissingClauses.Select(p => Reason.Of("・{0}", Reason.Verbatim(p.Message)))]);
        }
        // A document states only what the case knows: with gaps it is generated only as a marked working draft.
        if (s.Rendered.HasGaps && !s.WorkingDraft)
        {
            return Decision.Refuse([Reason.Of(MissingInputs), .. s.Rendered.Gaps.Select(g => Reason.Of("・{0}", Reason.Of(g.Label)))]);
        }
        if (s.ValidationErrors.Count > 0)
        {
            return Decision.Refuse([Reason.Of("生成した文書がWordの形式検査に合格しなかったため、保存しませんでした。"),
                .. s.ValidationErrors.Take(5).Select(Reason.Verbatim)]);
        }
        if (s.Existing?.Latest is { } latest && (latest.ContentHash == s.Rendered.ContentHash || latest.ContentHash == s.HashAtLatestEdition))
        {
            return Decision.Nothing;
        }
        var version = (s.Existing?.Latest?.Version ?? 0) + 1;
        return Decision.Append(new DocumentGenerated(
            caseId, s.Rendered.Kind, version, s.Rendered.TemplateId, s.Rendered.TemplateHash, s.Rendered.Title, s.Rendered.ContentHash,
            s.CaseVersion, fileId, s.Rendered.Bytes.LongLength, by, at, s.Rendered.HasGaps ? s.Rendered.Gaps.Select(g => g.Label).ToList() : null));
    }
}

public sealed class GenerateDocumentHandler(
    IDocumentSession session, DocumentRenderer renderer, IDocumentFileStore files, ICurrentUser user, TimeProvider clock,
    IEnumerable<IDocumentSectionSource> sources, IEnumerable<IDossierDocuments> dossiers, PdfBackgroundConversion pdfs)
    : ICommandHandler<GenerateDocument, GenerateDocumentResult>
{
    private static readonly UiText T = new();

    public async ValueTask<GenerateDocumentResult> Handle(GenerateDocument command, CancellationToken cancellationToken)
    {
        var (c, ct) = (command, cancellationToken);
        var summary = await session.LoadAsync<CaseSummary>(c.CaseId, ct) ?? throw new DomainRuleException("案件が見つかりません。");
        // The stream's own version, not a read model's: it is what the expected-version append is checked against.
        var caseVersion = (await session.Events.FetchStreamStateAsync(c.CaseId, ct))?.Version ?? 0;
        var group = await session.LoadAsync<GroupView>(summary.GroupId, ct) ?? throw new DomainRuleException("案件のグループが見つかりません。");
        var documents = await session.LoadAsync<CaseDocumentsView>(c.CaseId, ct);
        var template = renderer.Catalog.Get(c.TemplateId);
        // One series per kind: the dossier's drafts are numbered, reviewed and approved there, so a second copy here would contradict them.
        if (dossiers.Any(d => d.Kinds.Contains(template.Kind)))
        {
            throw new DomainRuleException(T.Format("{0}は「契約書・SLAの草案」のページで作成します。文書のページでは生成できません。", template.Title));
        }
        var existing = documents?.Find(template.Kind);

        var sections = c.Sections ?? new DocumentSections();
        foreach (var source in sources) sections = await source.ContributeAsync(c.CaseId, sections, ct);

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, JapaneseDates.Tokyo).DateTime);
        var nextEdition = (existing?.Latest?.Version ?? 0) + 1;
        var info = new DocumentInfo { Title = template.TitleFor(summary.Procedure), Kind = template.Kind, Edition = nextEdition, Date = DocumentModel.Iso(today) };
        var model = DocumentModel.FromCase(summary, group, info, new Settings { DateStyle = c.DateStyle ?? group.DateStyle }, sections);
        var clauseSettings = c.ClauseSettings ?? documents?.SettingsFor(template.Kind)?.Settings;
        // Saved settings were checked when saved; clause-rules.json may have changed since.
        if (c.ClauseSettings is null && renderer.Catalog.Clauses.CheckSettings(template.Kind, clauseSettings) is { Count: > 0 } stale)
        {
            throw new DomainRuleException(T["保存された条項の設定が現在の条項ルールに合いません。条項の設定を見直してください。"] + "\n" + string.Join("\n", stale));
        }

        string? hashAtLatest = null;
        if (existing?.Latest is { } latest)
        {
            var probe = renderer.Render(c.TemplateId, model with { Document = info with { Edition = latest.Version } }, clauseSettings, ct: ct);
            hashAtLatest = probe.ContentHash;
        }
        var rendered = renderer.Render(c.TemplateId, model, clauseSettings, ct: ct);
        var unchanged = hashAtLatest is not null && hashAtLatest == existing?.Latest?.ContentHash;
        var validation = unchanged ? [] : DocumentRenderer.Validate(rendered.Bytes);
        var fileId = Guid.NewGuid();
        var decision = GenerateDocumentDecision.Decide(new(rendered, validation, existing, caseVersion, hashAtLatest, c.WorkingDraft), c.CaseId, fileId, user.Actor, now);
        if (decision.Refusal == GenerateDocumentDecision.MissingInputs) throw new MissingInputsException(rendered.Gaps, decision.RefusalText(T));
        if (EventStreamWriter.Accept(decision).SingleOrDefault() is not DocumentGenerated generated)
        {
            var same = existing!.Latest!;
            return new(template.Kind, same.Version, same.FileId, same.ContentHash, Created: false, validation);
        }
        files.Add(session, new StoredFile
        {
            Id = fileId,
            CaseId = c.CaseId,
            FileName = DocumentFileNames.Docx(generated.Title, generated.Version),
            ContentType = DocumentFileNames.DocxContentType,
            Sha256 = rendered.ContentHash,
            Length = rendered.Bytes.LongLength,
            Bytes = rendered.Bytes,
            CreatedAt = now,
        });
        // Expected version: two officers generating at once cannot both become version N.
        // The document is rendered from the whole case at caseVersion (and says so): any change since is stale.
        session.Events.Append(c.CaseId, caseVersion + 1, generated);
        await session.SaveAsync(ct);
        pdfs.Enqueue(c.CaseId, rendered.Bytes);
        return new(template.Kind, generated.Version, fileId, rendered.ContentHash, Created: true, validation);
    }
}

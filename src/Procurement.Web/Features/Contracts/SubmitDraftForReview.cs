using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Groups;

namespace Procurement.Features.Contracts;

/// <summary>The officer hands the working copy to legal staff: it becomes a numbered, frozen version with stored files.</summary>
/// <summary>
/// <paramref name="Note"/> goes to legal staff with the version; it is required to resubmit a sent-back version unchanged
/// (the officer found nothing to change and says why).
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record SubmitDraftForReviewCommand(Guid CaseId, long ExpectedVersion, string? Note = null) : ICommand<int>, ICaseRequest;

public sealed class SubmitDraftForReviewValidator : AbstractValidator<SubmitDraftForReviewCommand>
{
    public SubmitDraftForReviewValidator(UiText t)
    {
        RuleFor(c => c.Note).Optional(t, t["審査担当への連絡"], 2000);
    }
}

/// <summary>Generation refused: these mandatory clauses are absent or still say 未確定.</summary>
public sealed class MissingClausesException(IReadOnlyList<string> missing) : Exception(string.Join("、", missing))
{
    public IReadOnlyList<string> Missing { get; } = missing;
}

public static class DraftInputsFactory
{
    /// <summary>乙 and the price come from the award when there is one; otherwise from the officer's provisional entry.</summary>
    public static DraftInputs Build(CaseSummary @case, GroupView group, ContractDossier? dossier, Award? award, int version, DateOnly today)
    {
        var terms = DossierDefaults.Terms(dossier);
        // The group's legal form decides 甲, never a checkbox: a 協議会 without legal personality cannot sign.
        var kou = ContractParties.Kou(group) ?? "";
        var members = ContractParties.For(group.Form) == ContractSigning.EachMember
            ? group.Members.Select(m => new MemberWeight(m.Name, m.Population, ContractParties.Signer(group.Form, m.Name))).ToList()
            : null;
        return new DraftInputs(
            version, today, @case.Title, group.Name, group.Representative, [.. @case.TargetBusinesses],
            kou,
            award?.VendorName ?? terms.OtsuName,
            award?.VendorAddress ?? terms.OtsuAddress,
            award?.VendorRepresentative ?? terms.OtsuRepresentative,
            award?.ContractPrice ?? terms.Price,
            award is not null,
            terms,
            DossierDefaults.Sla(dossier),
            group.DateStyle,
            kou.Length == 0 ? null : ContractParties.Signer(group.Form, kou),
            members);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), JapaneseDates.Tokyo).DateTime);
}

public static class SubmitDraftDecision
{
    /// <summary>Whether the working copy may be submitted now: <see cref="Decision.Nothing"/>, or the refusal.</summary>
    public static Decision CheckSubmittable(ContractDossier? dossier, string? note)
    {
        if (dossier is null || dossier.Sla is null) return Decision.Refuse("先にSLAを作成してください。");
        if (dossier.Terms is null) return Decision.Refuse("先に契約条件を入力してください。");
        if (!dossier.WorkingCopyIsSubmitted) return Decision.Nothing;
        return dossier.Status switch
        {
            DraftStatus.InReview => Decision.Refuse("この版は既に審査中です。"),
            DraftStatus.Approved => Decision.Refuse("この版は承認済みです。変更すると次の版になります。"),
            _ when string.IsNullOrWhiteSpace(note) => Decision.Refuse("差し戻された版を変更せずに再提出するときは、審査担当への連絡に理由を記入してください。"),
            _ => Decision.Nothing,
        };
    }

    /// <summary>
    /// The version number a submittable working copy gets: its own, or the next one when a sent-back version is resubmitted
    /// unchanged (with a note saying why nothing needed changing).
    /// </summary>
    public static int VersionFor(ContractDossier dossier) => dossier.WorkingCopyIsSubmitted ? dossier.WorkingVersion + 1 : dossier.WorkingVersion;

    /// <summary>The submission, preceded by the start of its version when it is the next one.</summary>
    public static Decision Decide(ContractDossier dossier, DraftSubmittedForReview submitted, Actor by, DateTimeOffset at) =>
        submitted.Version == dossier.WorkingVersion
            ? Decision.Append(submitted)
            : Decision.Append(new DraftVersionStarted(dossier.Id, submitted.Version, by, at), submitted);

    /// <summary>
    /// Renders the three drafts with the Documents engine, checks the mandatory clauses and validates every DOCX;
    /// throws before anything is stored.
    /// </summary>
    public static IReadOnlyList<RenderedDraft> Render(
        DraftRenderer drafts, DocumentModel model, Func<string, IReadOnlyDictionary<string, ClauseSetting>?> settingsFor, UiText t)
    {
        var rendered = drafts.RenderAll(model, settingsFor);
        var missing = drafts.Missing(rendered);
        if (missing.Count > 0) throw new MissingClausesException(missing);
        foreach (var draft in rendered)
        {
            var errors = DocumentRenderer.Validate(draft.Document.Bytes);
            if (errors.Count > 0)
            {
                throw new DomainRuleException(t.Format("{0}がWordの形式検査に合格しなかったため、提出できませんでした。", t[draft.Title]) + "\n" + string.Join("\n", errors.Take(5)));
            }
        }
        return rendered;
    }
}

public sealed class SubmitDraftForReviewHandler(
    IDocumentSession session, ContractAccess access, IAwardSource awards, DraftRenderer drafts, ICurrentUser user, TimeProvider clock, UiText t,
    Documents.PdfBackgroundConversion pdfs)
    : ICommandHandler<SubmitDraftForReviewCommand, int>
{
    public async ValueTask<int> Handle(SubmitDraftForReviewCommand command, CancellationToken cancellationToken)
    {
        var @case = await access.FindCaseAsync(command.CaseId, cancellationToken) ?? throw new DomainRuleException(t["案件が見つかりません。"]);
        var dossier = await access.FindDossierAsync(command.CaseId, cancellationToken);
        if ((dossier?.Version ?? 0) != command.ExpectedVersion) throw new StaleVersionException();
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        EventStreamWriter.Accept(SubmitDraftDecision.CheckSubmittable(dossier, note));
        var version = SubmitDraftDecision.VersionFor(dossier!);

        var group = (await session.LoadAsync<GroupView>(@case.GroupId, cancellationToken))!;
        var award = await awards.GetAward(@case.Id, cancellationToken);
        var inputs = DraftInputsFactory.Build(@case, group, dossier, award, version, DraftInputsFactory.Today(clock));
        var documents = await session.LoadAsync<CaseDocumentsView>(@case.Id, cancellationToken);
        var rendered = SubmitDraftDecision.Render(drafts, DraftModel.Build(inputs, @case, group), kind => documents?.SettingsFor(kind)?.Settings, t);

        // Legal staff review the clauses once per kind: the members' contracts share every article but 甲 and the amount.
        var reviewed = rendered.GroupBy(r => r.Kind).Select(g => g.First()).ToList();
        var stored = rendered.Select(r => new StoredDraftDocument
        {
            Kind = r.Kind,
            Title = r.Title,
            FileName = DraftKinds.FileName(r.Kind, version, r.Member),
            Member = r.Member,
            Docx = r.Document.Bytes,
            Sha256 = r.Document.ContentHash,
            Text = r.Text,
        }).ToList();
        // The bound set (契約書 + 別紙 SLA + 別記 特記事項) from the same blocks, checked as each draft was.
        var assembled = ContractBundle.Assemble(rendered, version, inputs.DraftDate);
        foreach (var bundle in assembled)
        {
            var errors = DocumentRenderer.Validate(bundle.Docx);
            if (errors.Count > 0)
            {
                throw new DomainRuleException(t.Format("{0}がWordの形式検査に合格しなかったため、提出できませんでした。", t["契約書一式"]) + "\n" + string.Join("\n", errors.Take(5)));
            }
        }
        session.Store(new ContractVersionFiles
        {
            Assembled = assembled.Select(a => new StoredAssembledContract { Member = a.Member, FileName = a.FileName, Sha256 = a.Sha256, Docx = a.Docx }).ToList(),
            Id = ContractVersionFiles.IdFor(dossier!.Id, version),
            DossierId = dossier.Id,
            Version = version,
            Documents = stored,
            Clauses = reviewed.SelectMany(r => r.Clauses.Select(c => new StoredClause
            {
                Kind = r.Kind, ClauseId = c.ClauseId, Heading = c.Heading, Text = c.Text,
            })).ToList(),
        });
        var clauses = reviewed.SelectMany(r => r.Clauses.Select(c => new ClauseRef(r.Kind, c.ClauseId, c.Heading))).ToList();
        var now = clock.GetUtcNow();
        var submitted = new DraftSubmittedForReview(dossier.Id, version, inputs,
            stored.Select(s => new DraftFileRef(s.Kind, s.FileName, s.Sha256, s.Member)).ToList(), clauses, user.Actor, now, note);
        var events = EventStreamWriter.Accept(SubmitDraftDecision.Decide(dossier, submitted, user.Actor, now));
        // The files and the event commit together: a version is never announced without its files, nor stored without its event.
        await DossierRules.AppendAsync(session, dossier.Id, command.ExpectedVersion, events, cancellationToken);
        foreach (var file in stored) pdfs.Enqueue(@case.Id, file.Docx);
        return version;
    }
}

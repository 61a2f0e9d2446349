using Marten;
using Mediator;
using Procurement.Features.Cases;
using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Groups;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

namespace Procurement.Features.Contracts;

/// <summary>The officer hands the working copy to legal staff: it becomes a numbered, frozen version with stored files.</summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record SubmitDraftForReviewCommand(Guid CaseId, long ExpectedVersion) : ICommand<int>, ICaseRequest;

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
        return new DraftInputs(
            version, today, @case.Title, group.Name, group.Representative, [.. @case.TargetBusinesses],
            terms.KouIsRepresentative && !string.IsNullOrWhiteSpace(group.Representative) ? group.Representative : group.Name,
            award?.VendorName ?? terms.OtsuName,
            award?.VendorAddress ?? terms.OtsuAddress,
            award?.VendorRepresentative ?? terms.OtsuRepresentative,
            award?.ContractPrice ?? terms.Price,
            award is not null,
            terms,
            DossierDefaults.Sla(dossier),
            group.DateStyle);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), JapaneseDates.Tokyo).DateTime);
}

public static class SubmitDraftDecision
{
    public static void EnsureSubmittable(ContractDossier? dossier, UiText t)
    {
        if (dossier is null || dossier.Sla is null) throw new DomainRuleException(t["先にSLAを作成してください。"]);
        if (dossier.Terms is null) throw new DomainRuleException(t["先に契約条件を入力してください。"]);
        if (dossier.WorkingCopyIsSubmitted)
        {
            throw new DomainRuleException(dossier.Status switch
            {
                DraftStatus.InReview => t["この版は既に審査中です。"],
                DraftStatus.Approved => t["この版は承認済みです。変更すると次の版になります。"],
                _ => t["差し戻された版は変更してから提出してください。"],
            });
        }
    }

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
    IDocumentSession session, ContractAccess access, IAwardSource awards, DraftRenderer drafts, ICurrentUser user, TimeProvider clock, UiText t)
    : ICommandHandler<SubmitDraftForReviewCommand, int>
{
    public async ValueTask<int> Handle(SubmitDraftForReviewCommand command, CancellationToken cancellationToken)
    {
        var @case = await access.FindCaseAsync(command.CaseId, cancellationToken) ?? throw new DomainRuleException(t["案件が見つかりません。"]);
        var dossier = await access.FindDossierAsync(command.CaseId, cancellationToken);
        if ((dossier?.Version ?? 0) != command.ExpectedVersion) throw new StaleVersionException();
        SubmitDraftDecision.EnsureSubmittable(dossier, t);

        var group = (await session.LoadAsync<GroupView>(@case.GroupId, cancellationToken))!;
        var award = await awards.GetAward(@case.Id, cancellationToken);
        var version = dossier!.WorkingVersion;
        var inputs = DraftInputsFactory.Build(@case, group, dossier, award, version, DraftInputsFactory.Today(clock));
        var documents = await session.LoadAsync<CaseDocumentsView>(@case.Id, cancellationToken);
        var rendered = SubmitDraftDecision.Render(drafts, DraftModel.Build(inputs, @case, group), kind => documents?.SettingsFor(kind)?.Settings, t);

        var stored = rendered.Select(r => new StoredDraftDocument
        {
            Kind = r.Kind,
            Title = r.Title,
            FileName = DraftKinds.FileName(r.Kind, version),
            Docx = r.Document.Bytes,
            Sha256 = r.Document.ContentHash,
            Text = r.Text,
        }).ToList();
        session.Store(new ContractVersionFiles
        {
            Id = ContractVersionFiles.IdFor(dossier.Id, version),
            DossierId = dossier.Id,
            Version = version,
            Documents = stored,
            Clauses = rendered.SelectMany(r => r.Clauses.Select(c => new StoredClause
            {
                Kind = r.Kind, ClauseId = c.ClauseId, Heading = c.Heading, Text = c.Text,
            })).ToList(),
        });
        var clauses = rendered.SelectMany(r => r.Clauses.Select(c => new ClauseRef(r.Kind, c.ClauseId, c.Heading))).ToList();
        var submitted = new DraftSubmittedForReview(dossier.Id, version, inputs,
            stored.Select(s => new DraftFileRef(s.Kind, s.FileName, s.Sha256)).ToList(), clauses, user.Actor, clock.GetUtcNow());
        // The files and the event commit together: a version is never announced without its files, nor stored without its event.
        await DossierRules.AppendAsync(session, dossier.Id, command.ExpectedVersion, [submitted], cancellationToken);
        return version;
    }
}

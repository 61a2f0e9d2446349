using Procurement.Infrastructure.Database;
using Procurement.Features.Evaluation.Demonstrations;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using static Procurement.Features.Evaluation.EvaluationText;

namespace Procurement.Features.Evaluation;

public sealed record MemberStatus(Guid MemberId, string Name, bool IsChair, bool Declared, IReadOnlyList<Guid> ConflictedVendorIds,
    ScoreSheetStatus? SheetStatus, DateTimeOffset? SubmittedAt, bool NeedsReconfirmation, string? Position = null);

public sealed record BidView(Guid VendorId, string VendorName, decimal Amount);

public sealed record PriceEnvelopeView(decimal? ReservePrice, string? Basis, IReadOnlyList<BidView> Bids);

/// <summary>What every evaluation page needs, already cut to what the current user may see.</summary>
public sealed record EvaluationOverview(
    Guid CaseId, IReadOnlyList<CriteriaCategory> Criteria, EvaluationSettings Settings, int CriteriaRevision, bool CriteriaFrozen,
    IReadOnlyList<CriteriaChange> CriteriaChanges, IReadOnlyList<EvaluatedVendor> Vendors, IReadOnlyList<MemberStatus> Members,
    bool TechnicalClosed, DateTimeOffset? TechnicalClosedAt, IReadOnlyList<DemonstrationSlot> Demonstrations,
    bool IAmOfficer, bool IAmMember, bool IAmChair, bool IHaveDeclared, bool INeedToReconfirm,
    PriceEnvelopeView? Prices, long Version)
{
    /// <summary>When the chair finalised the result; null while it is provisional.</summary>
    public DateTimeOffset? ResultsFinalisedAt { get; init; }
}

/// <summary>The member's own sheet: only vendors they may score.</summary>
public sealed record MyScoreSheet(Guid CaseId, Guid MemberId, ScoreSheetStatus Status, IReadOnlyList<CriteriaCategory> Criteria,
    IReadOnlyList<EvaluatedVendor> Vendors, IReadOnlyList<ScoreCell> Cells, string? LastReopenReason, long Version)
{
    /// <summary>The member's private notes, key "{vendorId:N}|{itemId}" (<see cref="ScoreSheetView.Key"/>).</summary>
    public IReadOnlyDictionary<string, string> Notes { get; init; } = new Dictionary<string, string>();
}

/// <summary>The 受注候補者 of a final result (null while provisional, or when every ranked vendor declined) and the declines so far.</summary>
public sealed record CandidateSelection(RankingEntry? Candidate, IReadOnlyList<DeclineEntry> Declines);

/// <summary>What is a sentence template with its arguments, rendered in the reader's language by the page.</summary>
public sealed record EvaluationHistoryEntry(DateTimeOffset At, string By, EngineText What);

public sealed record CommitteeCandidate(Guid UserId, string Name);

/// <summary>A vendor of the case (vendors feature) not yet on the evaluation; its id is the one its proposals carry.</summary>
public sealed record VendorCandidate(Guid VendorId, string Name, bool ProposalSubmitted);

/// <summary>
/// What the officer needs to set an evaluation up: who may still be seated (group users with the committee role),
/// which of the case's vendors are not yet evaluated, and when and by whom the proposals were opened.
/// </summary>
public sealed record CommitteeSetup(EvaluationOverview Overview, IReadOnlyList<CommitteeCandidate> Candidates, IReadOnlyList<VendorCandidate> VendorCandidates,
    DateTimeOffset? ProposalsOpenedAt, string? ProposalsOpenedBy);

public enum ScoreHistoryKind
{
    Scored,
    Imported,
    Submitted,
    Reopened,
    /// <summary>The chair's consensus for an item the member scored (it replaces the member's mark in the result).</summary>
    Consensus,
    /// <summary>The committee's decision on a △ the member gave.</summary>
    PartialFit,
}

/// <summary>One change in a member's score history. Mark and OldMark are marks in the item's scale (null = empty).</summary>
public sealed record ScoreHistoryEntry(DateTimeOffset At, string By, string What, Guid? VendorId, string? ItemId, decimal? Mark, string? Comment, string? Detail)
{
    public ScoreHistoryKind Kind { get; init; }
    public decimal? OldMark { get; init; }
    public string? VendorName { get; init; }
    public CriteriaItem? Item { get; init; }
}

public sealed record MemberScoreHistory(Guid MemberId, string MemberName, IReadOnlyList<ScoreHistoryEntry> Entries);

/// <summary>
/// The read side of the evaluation with the visibility rules built in, so a page cannot forget one:
/// a member sees only their own sheet until the chair closes technical scoring; prices stay sealed for everyone
/// but officers until then; results (which reveal everyone's scores) exist only after the close.
/// </summary>
public sealed class EvaluationQueries(IQuerySession session, ICurrentUser user, CaseAccess access, TimeProvider clock)
{
    public async Task<EvaluationOverview> GetOverviewAsync(Guid caseId, CancellationToken ct = default)
    {
        await EvaluationGate.RequireCaseAsync(access, caseId, ct);
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        // Statuses only: the small status documents, never the sheets' cells (the hub of a 30-member committee stays light).
        var sheets = await ScoreSheetStatuses.LoadAsync(session, caseId, view.Members.Select(m => m.MemberId), ct);
        var members = view.Members.Select(m =>
        {
            var sheet = sheets.GetValueOrDefault(m.MemberId);
            var declaration = view.DeclarationOf(m.MemberId);
            return new MemberStatus(m.MemberId, m.Name, view.ChairId == m.MemberId, declaration is not null, declaration?.ConflictedVendorIds ?? [],
                sheet?.Status, sheet?.SubmittedAt, view.PendingReconfirmation.Contains(m.MemberId), m.Position);
        }).ToList();
        return new EvaluationOverview(caseId, view.ScoredCriteria, view.Settings, view.CriteriaRevision, view.CriteriaFrozen, view.CriteriaChanges,
            view.Vendors, members, view.TechnicalClosed, view.TechnicalClosedAt, view.Demonstrations,
            user.IsInRole(Roles.Officer), view.IsMember(user.Id), view.ChairId == user.Id, view.DeclarationOf(user.Id) is not null,
            view.PendingReconfirmation.Contains(user.Id), CanSeePrices(view) ? Prices(view) : null, view.Version) { ResultsFinalisedAt = view.ResultsFinalisedAt };
    }

    /// <summary>Officers only: the candidates follow the same rules as AppointCommitteeMember, so the page offers nobody it would refuse.</summary>
    public async Task<CommitteeSetup> GetCommitteeSetupAsync(Guid caseId, CancellationToken ct = default)
    {
        var summary = await access.FindCaseAsync(caseId, ct) ?? throw new DomainRuleException("案件が見つからないか、閲覧する権限がありません。");
        EvaluationGate.RequireOfficer(user);
        var overview = await GetOverviewAsync(caseId, ct);
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);

        var group = await session.LoadAsync<Groups.GroupView>(summary.GroupId, ct);
        var accounts = group is null ? [] : await session.LoadManyAsync<Users.UserAccount>(ct, group.UserIds);
        var candidates = accounts
            .Where(a => a.IsActive && a.Roles.Contains(Roles.Committee) && !a.Roles.Contains(Roles.Legal) && !view.IsMember(a.Id))
            .OrderBy(a => a.DisplayName, StringComparer.Ordinal)
            .Select(a => new CommitteeCandidate(a.Id, a.DisplayName)).ToList();

        var caseVendors = await session.LoadAsync<Vendors.CaseVendors>(caseId, ct);
        var vendors = (caseVendors?.Vendors ?? [])
            .Where(v => view.Vendors.All(e => e.VendorId != v.VendorId))
            .Select(v => new VendorCandidate(v.VendorId, v.CompanyName, caseVendors!.CurrentProposals.Any(p => p.VendorId == v.VendorId))).ToList();

        string? openedBy = null;
        if (view.CriteriaFrozen)
        {
            var events = await session.Events.FetchStreamAsync(EvaluationStreams.Evaluation(caseId), token: ct);
            openedBy = events.Select(e => e.Data).OfType<ProposalsOpened>().LastOrDefault()?.By.Name;
        }
        return new CommitteeSetup(overview, candidates, vendors, view.ProposalsOpenedAt, openedBy);
    }

    /// <summary>Opens the score page; refused until the member has declared conflicts of interest.</summary>
    public async Task<MyScoreSheet> GetMySheetAsync(Guid caseId, CancellationToken ct = default)
    {
        await EvaluationGate.RequireCaseAsync(access, caseId, ct);
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        EvaluationGate.RequireMember(user, view);
        EvaluationGate.RequireDeclared(view, user.Id);
        var sheet = await session.LoadOnceAsync<ScoreSheetView>(EvaluationStreams.ScoreSheet(caseId, user.Id), ct) ?? new ScoreSheetView { CaseId = caseId, MemberId = user.Id };
        var vendors = view.Vendors.Where(v => !view.IsConflicted(user.Id, v.VendorId)).ToList();
        return new MyScoreSheet(caseId, user.Id, sheet.Status, view.ScoredCriteria, vendors,
            sheet.Cells.Values.Where(c => vendors.Any(v => v.VendorId == c.VendorId)).ToList(), sheet.LastReopenReason, sheet.Version) { Notes = sheet.Notes };
    }

    /// <summary>
    /// For the vendors' proposal pages: a member may open a vendor's proposal only after declaring and only when not
    /// conflicted with that vendor; officers always may.
    /// </summary>
    public async Task<bool> CanOpenProposalAsync(Guid caseId, Guid vendorId, CancellationToken ct = default)
    {
        if (await access.FindCaseAsync(caseId, ct) is null) return false;
        if (user.IsInRole(Roles.Officer)) return true;
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        return view.IsMember(user.Id) && view.DeclarationOf(user.Id) is not null && !view.IsConflicted(user.Id, vendorId);
    }

    /// <summary>Another member's sheet: only after technical scoring closes (one's own sheet always).</summary>
    public async Task<ScoreSheetView> GetSheetAsync(Guid caseId, Guid memberId, CancellationToken ct = default)
    {
        var view = await RequireSheetVisibleAsync(caseId, memberId, ct);
        var sheet = await session.LoadAsync<ScoreSheetView>(EvaluationStreams.ScoreSheet(caseId, memberId), ct)
            ?? new ScoreSheetView { CaseId = view.CaseId, MemberId = memberId };
        // Private notes are for their author only, also after the close.
        if (memberId != user.Id) sheet.Notes = [];
        return sheet;
    }

    /// <summary>Every change of a member's scores, who made it and when (the results page links here).</summary>
    public async Task<IReadOnlyList<ScoreHistoryEntry>> GetScoreHistoryAsync(Guid caseId, Guid memberId, CancellationToken ct = default)
    {
        var view = await RequireSheetVisibleAsync(caseId, memberId, ct);
        return await ScoreHistoryAsync(view, memberId, ct);
    }

    /// <summary>
    /// The history page's rule, stricter than <see cref="GetScoreHistoryAsync"/>: only once results are visible (after
    /// the close), and only to officers, the chair, and the member for their own sheet.
    /// </summary>
    public async Task<MemberScoreHistory> GetMemberScoreHistoryAsync(Guid caseId, Guid memberId, CancellationToken ct = default)
    {
        await EvaluationGate.RequireCaseAsync(access, caseId, ct);
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        EvaluationGate.RequireClosed(view, T["採点の履歴の閲覧"]);
        var seat = view.Members.FirstOrDefault(m => m.MemberId == memberId) ?? throw new DomainRuleException("この案件の選定委員ではありません。");
        var allowed = user.IsInRole(Roles.Officer) || (view.ChairId == user.Id && !user.IsInRole(Roles.Legal)) || memberId == user.Id;
        if (!allowed) throw new DomainRuleException("この委員の採点の履歴を閲覧する権限がありません。");
        return new MemberScoreHistory(memberId, seat.Name, await ScoreHistoryAsync(view, memberId, ct));
    }

    /// <summary>
    /// Replays the member's sheet stream (so each change knows the value it replaced) and adds the case-level decisions
    /// that change how their marks count: consensus on a vendor they scored, and △ decisions on their △ answers.
    /// </summary>
    private async Task<IReadOnlyList<ScoreHistoryEntry>> ScoreHistoryAsync(EvaluationView view, Guid memberId, CancellationToken ct)
    {
        var items = view.ScoredCriteria.SelectMany(c => c.Items).ToDictionary(i => i.Id, StringComparer.Ordinal);
        string? Vendor(Guid id) => view.Vendors.FirstOrDefault(v => v.VendorId == id)?.Name;
        var marks = new Dictionary<(Guid, string), decimal?>();
        var history = new List<ScoreHistoryEntry>();
        foreach (var e in await session.Events.FetchStreamAsync(EvaluationStreams.ScoreSheet(view.CaseId, memberId), token: ct))
        {
            switch (e.Data)
            {
                case ScoreDraftSaved saved:
                    var imported = saved.Source == "Excel";
                    foreach (var ch in saved.Changes)
                    {
                        var old = marks.GetValueOrDefault((ch.VendorId, ch.ItemId));
                        marks[(ch.VendorId, ch.ItemId)] = ch.Mark;
                        history.Add(new ScoreHistoryEntry(saved.At, saved.By.Name, imported ? "Excel取込" : "採点", ch.VendorId, ch.ItemId, ch.Mark, ch.Comment, null)
                        {
                            Kind = imported ? ScoreHistoryKind.Imported : ScoreHistoryKind.Scored, OldMark = old, VendorName = Vendor(ch.VendorId), Item = items.GetValueOrDefault(ch.ItemId),
                        });
                    }
                    break;
                case ScoreSheetSubmitted submitted:
                    history.Add(new ScoreHistoryEntry(submitted.At, submitted.By.Name, "提出", null, null, null, null, null) { Kind = ScoreHistoryKind.Submitted });
                    break;
                case ScoreSheetReopened reopened:
                    history.Add(new ScoreHistoryEntry(reopened.At, reopened.By.Name, "差し戻し", null, null, null, null, reopened.Reason) { Kind = ScoreHistoryKind.Reopened });
                    break;
            }
        }
        if (!view.TechnicalClosed) return history; // consensus and △ decisions exist only after the close

        var consensus = new Dictionary<(Guid, string), decimal?>();
        foreach (var e in await session.Events.FetchStreamAsync(EvaluationStreams.Evaluation(view.CaseId), token: ct))
        {
            switch (e.Data)
            {
                case ConsensusScoreSet x when !view.IsConflicted(memberId, x.VendorId):
                    var previous = consensus.GetValueOrDefault((x.VendorId, x.ItemId));
                    consensus[(x.VendorId, x.ItemId)] = x.Mark;
                    history.Add(new ScoreHistoryEntry(x.At, x.By.Name, "合議", x.VendorId, x.ItemId, x.Mark, null, x.Reason)
                    {
                        Kind = ScoreHistoryKind.Consensus, OldMark = previous, VendorName = Vendor(x.VendorId), Item = items.GetValueOrDefault(x.ItemId),
                    });
                    break;
                case PartialFitDecided x when marks.GetValueOrDefault((x.VendorId, x.ItemId)) == Marks.Partial:
                    history.Add(new ScoreHistoryEntry(x.At, x.By.Name, "△の判断", x.VendorId, x.ItemId, x.TreatAsFit ? Marks.Fit : Marks.NotFit, null, x.Reason)
                    {
                        Kind = ScoreHistoryKind.PartialFit, OldMark = Marks.Partial, VendorName = Vendor(x.VendorId), Item = items.GetValueOrDefault(x.ItemId),
                    });
                    break;
            }
        }
        return history.OrderBy(h => h.At).ToList();
    }

    /// <summary>
    /// The case-level decisions in order (criteria, seats, declarations, close, prices, consensus, △ decisions, lots,
    /// demonstrations) with who and when. Officers see it at any time; others after the close, because it holds prices.
    /// </summary>
    public async Task<IReadOnlyList<EvaluationHistoryEntry>> GetEvaluationHistoryAsync(Guid caseId, CancellationToken ct = default)
    {
        await EvaluationGate.RequireCaseAsync(access, caseId, ct);
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        if (!CanSeePrices(view)) throw new DomainRuleException("評価の経過は技術審査の締切後に閲覧できます。");
        var events = await session.Events.FetchStreamAsync(EvaluationStreams.Evaluation(caseId), token: ct);
        return EvaluationHistory.Describe(events.Select(e => e.Data).ToList(), view);
    }

    /// <summary>
    /// The names the evaluation's history sentences need (vendors and members by the name they were added with), under
    /// the rule of <see cref="GetEvaluationHistoryAsync"/>: for a history read a page at a time, where the page's events
    /// alone do not carry them. One statement for the naming events, however long the stream.
    /// </summary>
    public async Task<EvaluationNames> GetHistoryNamesAsync(Guid caseId, CancellationToken ct = default)
    {
        await EvaluationGate.RequireCaseAsync(access, caseId, ct);
        // The stored view as it is: the rule and the names need nothing of the earlier reserve-price records, whose
        // look-up searches the case stream (it would make a long case's log slower with every record).
        var id = EvaluationStreams.Evaluation(caseId);
        var view = await session.LoadAsync<EvaluationView>(id, ct) ?? new EvaluationView { CaseId = caseId, Id = id };
        if (!CanSeePrices(view)) throw new DomainRuleException("評価の経過は技術審査の締切後に閲覧できます。");
        var naming = await session.Events.QueryAllRawEvents()
            // Marten's stored names of EvaluationVendorAdded and CommitteeMemberAppointed (snake case of the type).
            .Where(e => e.StreamId == id && (e.EventTypeName == "evaluation_vendor_added" || e.EventTypeName == "committee_member_appointed"))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return EvaluationNames.From(naming.Select(e => e.Data).ToList(), view);
    }

    public async Task<PriceEnvelopeView> GetPricesAsync(Guid caseId, CancellationToken ct = default)
    {
        await EvaluationGate.RequireCaseAsync(access, caseId, ct);
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        if (!CanSeePrices(view)) throw new DomainRuleException("価格は技術審査の締切後に開封されます。");
        return Prices(view);
    }

    public async Task<EvaluationResult> GetResultAsync(Guid caseId, CancellationToken ct = default) =>
        (await GetResultWithSelectionAsync(caseId, ct)).Result;

    /// <summary>The result and who it selects: the 受注候補者 moves down the ranking with each recorded decline.</summary>
    public async Task<(EvaluationResult Result, CandidateSelection Selection)> GetResultWithSelectionAsync(Guid caseId, CancellationToken ct = default)
    {
        await EvaluationGate.RequireCaseAsync(access, caseId, ct);
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        EvaluationGate.RequireClosed(view, T["審査結果の表示"]);
        // Reused while no stream of the evaluation changed (the same computation, keyed by the stored versions).
        var result = await EvaluationResultCache.GetAsync(session, view, ct);
        return (result, new CandidateSelection(view.Candidate(result), view.Declines));
    }

    /// <summary>The whole evaluation as a JSON evaluation sheet (docs/evaluation-sheet.md), for `procurement evaluate` and audits.</summary>
    public async Task<string> ExportEvaluationSheetAsync(Guid caseId, CancellationToken ct = default)
    {
        var summary = await access.FindCaseAsync(caseId, ct) ?? throw new DomainRuleException("案件が見つからないか、閲覧する権限がありません。");
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        EvaluationGate.RequireClosed(view, T["評価シートの出力"]);
        return Sheets.EvaluationSheet.Write(EvaluationInputs.Build(view, await SheetsAsync(caseId, ct), includePrices: true), summary.Title);
    }

    public async Task<byte[]> ExportMySheetAsync(Guid caseId, CancellationToken ct = default)
    {
        await EvaluationGate.RequireCaseAsync(access, caseId, ct);
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        EvaluationGate.RequireMember(user, view);
        EvaluationGate.RequireDeclared(view, user.Id);
        var sheet = await session.LoadOnceAsync<ScoreSheetView>(EvaluationStreams.ScoreSheet(caseId, user.Id), ct) ?? new ScoreSheetView { CaseId = caseId, MemberId = user.Id };
        return ScoreSheetExcel.Export(view, sheet, user.Id);
    }

    /// <summary>.ics for one slot, or the whole schedule when slotId is null.</summary>
    public async Task<string> GetDemonstrationCalendarAsync(Guid caseId, Guid? slotId, CancellationToken ct = default)
    {
        var summary = await access.FindCaseAsync(caseId, ct) ?? throw new DomainRuleException("案件が見つからないか、閲覧する権限がありません。");
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        return slotId is { } id
            ? DemonstrationCalendar.ForSlot(view, summary.Title, id, clock.GetUtcNow())
            : DemonstrationCalendar.ForSchedule(view, summary.Title, clock.GetUtcNow());
    }

    private async Task<EvaluationView> RequireSheetVisibleAsync(Guid caseId, Guid memberId, CancellationToken ct)
    {
        await EvaluationGate.RequireCaseAsync(access, caseId, ct);
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        if (memberId == user.Id && view.IsMember(user.Id)) return view;
        if (!view.TechnicalClosed) throw new DomainRuleException("技術審査が締め切られるまで、他の委員の採点は閲覧できません。");
        if (!(user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Legal) || view.IsMember(user.Id))) throw new DomainRuleException("採点を閲覧する権限がありません。");
        return view;
    }

    private bool CanSeePrices(EvaluationView view) => user.IsInRole(Roles.Officer) || view.TechnicalClosed;

    private static PriceEnvelopeView Prices(EvaluationView view) => new(view.ReservePrice, view.ReservePriceBasis,
        view.Vendors.Where(v => view.Bids.ContainsKey(v.VendorId)).Select(v => new BidView(v.VendorId, v.Name, view.Bids[v.VendorId])).ToList());

    private async Task<IReadOnlyList<ScoreSheetView>> SheetsAsync(Guid caseId, CancellationToken ct) =>
        await session.Query<ScoreSheetView>().Where(s => s.CaseId == caseId).ToListAsync(ct);
}

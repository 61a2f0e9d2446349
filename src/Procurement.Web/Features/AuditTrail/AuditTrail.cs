using System.Text;
using Procurement.Features.Contracts;
using Procurement.Features.Documents;
using Procurement.Features.Evaluation;
using Procurement.Features.Workflows;

namespace Procurement.Features.AuditTrail;

/// <summary>Which record a line comes from: the case stream, the evaluation stream or the contract dossier stream.</summary>
public enum AuditSource { Case, Evaluation, Contract }

/// <param name="Version">The event's version in its stream; none for the evaluation, whose lines come from its history query.</param>
public sealed record AuditEntry(DateTimeOffset At, string Who, AuditSource Source, long? Version, string What, string? Detail);

/// <param name="EvaluationWithheld">Why the evaluation's lines are not listed for this reader; null when they are.</param>
/// <param name="ContractWithheld">True when the reader may not see the contract drafts yet (committee members before the award).</param>
/// <param name="Streams">The streams the reader may see, of the kind asked for (all kinds when none).</param>
public sealed record AuditScope(CaseSummary Case, IReadOnlyList<Guid> Streams, TimelineContext Context, string? EvaluationWithheld, bool ContractWithheld)
{
    /// <summary>A history line as a line of the log: which record it comes from; the evaluation's lines carry no version.</summary>
    public AuditEntry Entry(TimelineEntry e)
    {
        var source = e.StreamId == Case.Id ? AuditSource.Case
            : e.StreamId == EvaluationStreams.Evaluation(Case.Id) ? AuditSource.Evaluation
            : AuditSource.Contract;
        return new AuditEntry(e.At, e.Who, source, source == AuditSource.Evaluation ? null : e.Version, e.What, e.Detail);
    }
}

/// <param name="Entries">The lines of <paramref name="Page"/>, newest first.</param>
public sealed record AuditTrailView(CaseSummary Case, IReadOnlyList<AuditEntry> Entries, TimelinePage Page, string? EvaluationWithheld, bool ContractWithheld);

/// <summary>
/// 監査ログ: every record of one case, gathered from the streams the reader may see, so an auditor does not have to
/// visit the case, evaluation and contract histories one by one. Score sheets are not listed: each member's changes
/// have their own history page, opened after the close. <see cref="Source"/> narrows it to one kind of record.
/// </summary>
[Access(Access.Internal)]
public sealed record GetAuditScope(Guid CaseId, AuditSource? Source = null) : IQuery<AuditScope?>, ICaseRequest;

/// <summary>One page of the 監査ログ, newest first (<see cref="TimelinePaging.DefaultSize"/> lines; 1 is the newest page).</summary>
[Access(Access.Internal)]
public sealed record GetAuditTrail(Guid CaseId, AuditSource? Source = null, int Page = 1) : IQuery<AuditTrailView?>, ICaseRequest;

public sealed class GetAuditScopeHandler(CaseAccess access, IMediator mediator, EvaluationQueries evaluation, ContractAccess contracts, UiText t)
    : IQueryHandler<GetAuditScope, AuditScope?>
{
    public async ValueTask<AuditScope?> Handle(GetAuditScope query, CancellationToken ct)
    {
        var @case = await access.FindCaseAsync(query.CaseId, ct);
        if (@case is null) return null;

        var definition = (await mediator.Send(new CaseWorkflowQuery(query.CaseId), ct))?.Definition;
        var streams = new List<Guid>();
        if (query.Source is null or AuditSource.Case) streams.Add(query.CaseId);

        // The evaluation's sentences name vendors and members the events refer to by id: the names come along once.
        string? evaluationWithheld = null;
        var names = EvaluationNames.None;
        try
        {
            names = await evaluation.GetHistoryNamesAsync(query.CaseId, ct);
            if (query.Source is null or AuditSource.Evaluation) streams.Add(EvaluationStreams.Evaluation(query.CaseId));
        }
        catch (DomainRuleException refused)
        {
            evaluationWithheld = t[refused.Message];
        }

        var contractWithheld = !await contracts.CanReadDraftsAsync(query.CaseId, ct);
        if (!contractWithheld && query.Source is null or AuditSource.Contract) streams.Add(ContractStreams.DossierId(query.CaseId));
        return new AuditScope(@case, streams, new TimelineContext(definition, names), evaluationWithheld, contractWithheld);
    }
}

public sealed class GetAuditTrailHandler(IQuerySession session, IMediator mediator, UiText t) : IQueryHandler<GetAuditTrail, AuditTrailView?>
{
    public async ValueTask<AuditTrailView?> Handle(GetAuditTrail query, CancellationToken ct)
    {
        if (await mediator.Send(new GetAuditScope(query.CaseId, query.Source), ct) is not { } scope) return null;
        var page = await CaseTimeline.LoadAsync(session, scope.Streams, TimelinePaging.Page(query.Page), t, scope.Context, ct);
        return new AuditTrailView(scope.Case, page.Entries.Select(scope.Entry).ToList(), page, scope.EvaluationWithheld, scope.ContractWithheld);
    }
}

/// <summary>The trail as CSV for Excel: UTF-8 with a BOM, CRLF, every cell quoted, and formula-like cells defused.</summary>
public static class AuditTrailCsv
{
    /// <summary>
    /// Writes the lines, oldest first, as they are read: a row goes out before the next is read, so a log of any length
    /// costs a buffer's worth of memory.
    /// </summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditEntry> entries, UiText t, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Row([t["日時"], t["記録の種類"], t["版"], t["操作者"], t["操作"], t["内容"]]));
        await foreach (var e in entries.WithCancellation(ct))
        {
            await writer.WriteAsync(Row([
                TimeZoneInfo.ConvertTime(e.At, JapaneseDates.Tokyo).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                SourceName(e.Source, t),
                e.Version?.ToString(CultureInfo.InvariantCulture) ?? "",
                WhoName(e.Who, t),
                e.What,
                e.Detail ?? "",
            ]));
        }
        await writer.FlushAsync(ct);
    }

    public static string SourceName(AuditSource source, UiText t) => source switch
    {
        AuditSource.Evaluation => t["提案評価"],
        AuditSource.Contract => t["契約書・SLA"],
        _ => t["案件"],
    };

    public static string WhoName(string who, UiText t) => string.IsNullOrEmpty(who) || who == Actor.System.Name ? t["システム"] : who;

    private static string Row(IEnumerable<string> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    /// <summary>
    /// A cell Excel would run as a formula (=, +, -, @, or a leading tab or CR) gets a leading apostrophe: user text in
    /// the log must stay text (CSV injection).
    /// </summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

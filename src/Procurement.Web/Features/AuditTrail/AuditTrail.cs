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
public sealed record AuditTrailView(CaseSummary Case, IReadOnlyList<AuditEntry> Entries, string? EvaluationWithheld, bool ContractWithheld);

/// <summary>
/// 監査ログ: every record of one case in time order, gathered from the streams the reader may see, so an auditor
/// does not have to visit the case, evaluation and contract histories one by one. Score sheets are not listed: each
/// member's changes have their own history page, opened after the close.
/// </summary>
[Access(Access.Internal)]
public sealed record GetAuditTrail(Guid CaseId) : IQuery<AuditTrailView?>, ICaseRequest;

public sealed class GetAuditTrailHandler(
    IQuerySession session, CaseAccess access, IMediator mediator, EvaluationQueries evaluation, ContractAccess contracts, UiText t)
    : IQueryHandler<GetAuditTrail, AuditTrailView?>
{
    public async ValueTask<AuditTrailView?> Handle(GetAuditTrail query, CancellationToken ct)
    {
        var @case = await access.FindCaseAsync(query.CaseId, ct);
        if (@case is null) return null;

        var definition = (await mediator.Send(new CaseWorkflowQuery(query.CaseId), ct))?.Definition;
        var entries = (await CaseTimeline.LoadAsync(session, query.CaseId, t, new TimelineContext(definition), ct: ct))
            .Select(e => new AuditEntry(e.At, e.Who, AuditSource.Case, e.Version, e.What, e.Detail)).ToList();

        string? evaluationWithheld = null;
        try
        {
            entries.AddRange((await evaluation.GetEvaluationHistoryAsync(query.CaseId, ct))
                .Select(h => new AuditEntry(h.At, h.By, AuditSource.Evaluation, null, t.Format(h.What.Template, [.. h.What.Args]), null)));
        }
        catch (DomainRuleException refused)
        {
            evaluationWithheld = t[refused.Message];
        }

        var contractWithheld = !await contracts.CanReadDraftsAsync(query.CaseId, ct);
        if (!contractWithheld)
        {
            entries.AddRange((await CaseTimeline.LoadAsync(session, ContractStreams.DossierId(query.CaseId), t, ct: ct))
                .Select(e => new AuditEntry(e.At, e.Who, AuditSource.Contract, e.Version, e.What, e.Detail)));
        }

        var ordered = entries.OrderBy(e => e.At).ThenBy(e => e.Source).ThenBy(e => e.Version).ToList();
        return new AuditTrailView(@case, ordered, evaluationWithheld, contractWithheld);
    }
}

/// <summary>The trail as CSV for Excel: UTF-8 with a BOM, CRLF, every cell quoted, and formula-like cells defused.</summary>
public static class AuditTrailCsv
{
    public static byte[] Write(AuditTrailView trail, UiText t)
    {
        var csv = new StringBuilder();
        Row(csv, [t["日時"], t["記録の種類"], t["版"], t["操作者"], t["操作"], t["内容"]]);
        foreach (var e in trail.Entries)
        {
            Row(csv, [
                TimeZoneInfo.ConvertTime(e.At, JapaneseDates.Tokyo).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                SourceName(e.Source, t),
                e.Version?.ToString(CultureInfo.InvariantCulture) ?? "",
                WhoName(e.Who, t),
                e.What,
                e.Detail ?? "",
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string SourceName(AuditSource source, UiText t) => source switch
    {
        AuditSource.Evaluation => t["提案評価"],
        AuditSource.Contract => t["契約書・SLA"],
        _ => t["案件"],
    };

    public static string WhoName(string who, UiText t) => string.IsNullOrEmpty(who) || who == Actor.System.Name ? t["システム"] : who;

    private static void Row(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

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

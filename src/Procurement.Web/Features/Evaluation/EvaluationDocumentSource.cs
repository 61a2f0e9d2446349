using Procurement.Features.Documents;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;
using ScoringResult = Procurement.Features.Evaluation.Scoring.EvaluationResult;

namespace Procurement.Features.Evaluation;

/// <summary>
/// What generated documents learn from the evaluation: the criteria and method (落札者決定基準), the committee
/// (設置要綱), the demonstrations (実施要領) and, once the chair has closed technical scoring, the results with their
/// breakdown (審査結果報告書). Before the close no score sheet is even read, so no member's score can reach a document.
/// Sections a page passed in explicitly are kept.
/// </summary>
public sealed class EvaluationDocumentSource(IQuerySession session) : IDocumentSectionSource
{
    public async ValueTask<DocumentSections> ContributeAsync(Guid caseId, DocumentSections current, CancellationToken ct)
    {
        var view = await EvaluationGate.LoadAsync(session, caseId, ct);
        ScoringResult? result = null;
        if (view.TechnicalClosed)
        {
            var sheets = await session.Query<ScoreSheetView>().Where(s => s.CaseId == caseId).ToListAsync(ct);
            result = EvaluationResults.Compute(view, sheets);
        }
        // The case's procedure names the price and the selected party in the formula and the reasons.
        var procedure = (await session.LoadAsync<Cases.CaseSummary>(caseId, ct))?.Procedure ?? Cases.ProcurementProcedures.Default;
        return current with
        {
            Evaluation = current.Evaluation ?? Evaluation(view, result, Cases.ProcurementProcedures.Terms(procedure)),
            Committee = current.Committee ?? Committee(view),
            Demo = current.Demo ?? Demo(view),
        };
    }

    public static CommitteeInfo? Committee(EvaluationView view)
    {
        if (view.Members.Count == 0) return null;
        var chair = view.Members.FirstOrDefault(m => m.MemberId == view.ChairId);
        // The chair first, as committee lists are printed; a seat without a 職 leaves it empty (the template drops an all-empty column).
        var members = view.Members.OrderBy(m => m.MemberId == view.ChairId ? 0 : 1)
            .Select(m => new CommitteeMember(m.Name, m.Position ?? "", m.MemberId == view.ChairId ? "委員長" : "委員")).ToList();
        return new CommitteeInfo(chair?.Name, members);
    }

    public static DemoInfo? Demo(EvaluationView view)
    {
        if (view.DemonstrationScenario.Count == 0 && view.Demonstrations.Count == 0) return null;
        string Vendor(Guid id) => view.Vendors.FirstOrDefault(v => v.VendorId == id)?.Name ?? "";
        var slots = view.Demonstrations.Select(s =>
        {
            var (start, end) = (Tokyo(s.Start), Tokyo(s.End));
            return new DemoSlot(Vendor(s.VendorId), DocumentModel.Iso(DateOnly.FromDateTime(start)),
                $"{start:HH:mm}～{end:HH:mm}", s.Place);
        }).ToList();
        int? cap = view.Demonstrations.Count == 0 ? null : view.Demonstrations.Max(s => s.AttendeeCap);
        int? minutes = view.Demonstrations.Count == 0 ? null : (int)view.Demonstrations.Max(s => (s.End - s.Start).TotalMinutes);
        return new DemoInfo(view.DemonstrationScenario.Select(i => i.Name).ToList(), slots, cap, minutes);
    }

    public static EvaluationInfo? Evaluation(EvaluationView view, ScoringResult? result, Cases.ProcedureTerms? terms = null)
    {
        if (view.Criteria.Count == 0) return null;
        terms ??= Cases.ProcurementProcedures.Terms(Cases.ProcurementProcedures.Default);
        var (price, ceiling) = (terms.SubmittedPrice, terms.PriceCeiling);
        var settings = view.Settings;
        var rounding = settings.RoundingOrExact;
        var criteria = view.ScoredCriteria;
        var itemMax = criteria.SelectMany(c => c.Items).Sum(i => i.MaxPoints);
        // The same full marks and price allocation the engine uses, so the document's 配点 matches the computed points.
        var fullMarks = settings.Aggregation == Aggregation.Sum ? itemMax * view.Members.Count : itemMax;
        decimal? allocation = settings.PriceMethod is PriceMethod.None or PriceMethod.Division
            ? null
            : settings.PriceAllocation ?? fullMarks * settings.PriceWeight / settings.TechnicalWeight;

        var info = new EvaluationInfo
        {
            Method = settings.PriceMethod switch
            {
                PriceMethod.Additive => "総合評価（加算方式）",
                PriceMethod.LowestPriceRatio => "総合評価（加算方式・最低価格比）",
                PriceMethod.Division => "総合評価（除算方式）",
                _ => "技術評価（価格評価なし）",
            },
            TechnicalPoints = (long)decimal.Round(fullMarks, MidpointRounding.AwayFromZero),
            PricePoints = allocation is { } a ? (long)decimal.Round(a, MidpointRounding.AwayFromZero) : 0,
            PassLine = settings.PassLineRatio is { } ratio ? $"技術点の{Ratio(ratio)}（{Show(fullMarks * ratio)}点）" : null,
            PriceFormula = settings.PriceMethod switch
            {
                PriceMethod.Additive => $"価格点 ＝ {Show(allocation!.Value)}点 ×（1 － {price} ÷ {ceiling}）{RoundingText(rounding.PricePoints)}",
                PriceMethod.LowestPriceRatio => $"価格点 ＝ {Show(allocation!.Value)}点 × 最低{price} ÷ {price}{RoundingText(rounding.PricePoints)}",
                PriceMethod.Division => $"評価値 ＝ 技術点 ÷ {price}{(settings.DivisionMultiplier == 1 ? "" : " × " + Show(settings.DivisionMultiplier))}{RoundingText(rounding.PricePoints)}",
                _ => null,
            },
            Aggregation = settings.Aggregation switch
            {
                Aggregation.Sum => "各委員の採点の合計",
                Aggregation.RankVote => "各委員の採点による順位の投票（第1位の数の多い者を上位とし、同数のときは第2位の数、以下同様）",
                _ => "各委員の採点の平均" + RoundingText(rounding.Average),
            },
            Criteria = criteria.SelectMany(c => c.Items.Select(i => new Criterion(c.Name, i.Name, (long)decimal.Round(i.MaxPoints, MidpointRounding.AwayFromZero), Scale(i.Scale), i.Required))).ToList(),
        };
        return result is null ? info : WithResults(info, view, result, terms.SelectedParty);
    }

    private static EvaluationInfo WithResults(EvaluationInfo info, EvaluationView view, ScoringResult r, string selected)
    {
        string Vendor(Guid id) => view.Vendors.FirstOrDefault(v => v.VendorId == id)?.Name ?? "";
        string VendorOf(string id) => r.Vendors.FirstOrDefault(v => v.VendorId == id)?.VendorName ?? "";
        var items = view.ScoredCriteria.SelectMany(c => c.Items.Select(i => (Item: i, Category: c.Name))).ToList();
        string ItemName(string id) => items.FirstOrDefault(i => i.Item.Id == id).Item?.Name ?? id;
        string Mark(string itemId, decimal mark) => items.FirstOrDefault(i => i.Item.Id == itemId).Item is { } item ? Marks.Format(item.Scale, mark) : Show(mark);

        var lotFor = r.Ties.Where(t => t.Resolution == TieResolution.Lot).SelectMany(t => t.VendorIds).ToHashSet();
        var unresolved = r.Ties.Where(t => t.Resolution == TieResolution.Unresolved).SelectMany(t => t.VendorIds).ToHashSet();
        var results = r.Ranking.Select(e => new Documents.EvaluationResult(e.Rank, e.VendorName, (double)e.Technical, (double)(e.PricePoints ?? 0), (double)e.Total,
            Note(e, lotFor, unresolved))).ToList();

        var breakdown = r.Vendors.Select(v => new VendorBreakdown(v.VendorName, v.Disqualified, (double)v.Technical, (double?)v.PricePoints,
            (double)v.Total, v.Bid is { } bid ? (long)decimal.Floor(bid) : null,
            v.Categories.Select(c => new CategoryScore(c.CategoryName, (double)c.MaxPoints, (double)c.Average)).ToList(),
            v.Criteria.Select(c => new CriterionScore(items.FirstOrDefault(i => i.Item.Id == c.ItemId).Category ?? "", c.ItemName, (double)c.MaxPoints, (double)c.Average,
                c.ConsensusMark is { } mark ? $"合議により{Mark(c.ItemId, mark)}" : c.PartialFitDecision is null ? null : "△を" + c.PartialFitDecision.Split('：')[0])).ToList())).ToList();

        var memberTotals = view.Members.OrderBy(m => m.MemberId == view.ChairId ? 0 : 1).Select(m =>
        {
            var id = EvaluationInputs.Id(m.MemberId);
            return new MemberTotals(m.Name, m.MemberId == view.ChairId, r.Vendors.Select(v =>
            {
                var row = v.Members.First(x => x.MemberId == id);
                return new MemberVendorTotal(v.VendorName, row.Excluded ? null : (double?)row.Total, row.Excluded, row.OwnRank);
            }).ToList());
        }).ToList();

        var consensus = view.Consensus.Select(c => new ConsensusInfo("合議", Vendor(c.VendorId), ItemName(c.ItemId), Mark(c.ItemId, c.Mark), c.Reason, c.By))
            .Concat(view.PartialFitDecisions.Select(d => new ConsensusInfo("△の判断", Vendor(d.VendorId), ItemName(d.ItemId), d.TreatAsFit ? "○として扱う" : "×として扱う", d.Reason, d.By)))
            .ToList();

        var candidate = view.Candidate(r);
        var winner = candidate?.VendorName;
        // The result is decided by the last of: the close, a lot, a consensus score, a △ decision or a decline recorded after it.
        var decidedAt = new[] { view.TechnicalClosedAt }
            .Concat(view.Lots.Select(l => (DateTimeOffset?)l.At))
            .Concat(view.Consensus.Select(c => (DateTimeOffset?)c.At))
            .Concat(view.PartialFitDecisions.Select(d => (DateTimeOffset?)d.At))
            .Concat(view.Declines.Select(d => (DateTimeOffset?)d.At))
            .Max();

        var declined = string.Join("及び", view.Declines.Select(d => d.VendorName));
        var remarks = candidate is null ? null
            : view.Declines.Count > 0 ? $"第1順位の{declined}が辞退したため（交渉不成立を含む。）、次順位の{winner}を{selected}として選定した。"
            : r.Aggregation == Aggregation.RankVote ? $"{winner}を第1位とした委員の割合が最も高かったため、{selected}として選定した。"
            : $"{winner}の{(r.PriceMethod == PriceMethod.Division ? "評価値" : "総合評価点")}（{Show(candidate.Total)}）が最も高かったため、{selected}として選定した。";

        return info with
        {
            Results = results,
            Award = winner,
            Remarks = remarks,
            DecidedOn = winner is null || decidedAt is null ? null : DocumentModel.Iso(DateOnly.FromDateTime(Tokyo(decidedAt.Value))),
            Final = r.IsFinal,
            Pending = r.Blockers,
            Breakdown = breakdown,
            MemberTotals = memberTotals,
            Disqualifications = r.Disqualifications.Select(d => new DisqualificationInfo(d.VendorName, EngineDocumentTexts.Of(d.ReasonText, d.Reason))).ToList(),
            Exclusions = r.Exclusions.Select(x => new ExclusionInfo(x.MemberName, x.VendorName)).ToList(),
            Ties = r.Ties.Select(t => new TieInfo(string.Join("・", t.VendorIds.Select(VendorOf)),
                t.Resolution switch { TieResolution.TechnicalScore => "技術点", TieResolution.Lot => "くじ", _ => "未解消" },
                EngineDocumentTexts.Of(t.DescriptionText, t.Description), t.Lot?.DrawnBy, t.Lot?.At is { } at ? DocumentModel.Iso(DateOnly.FromDateTime(Tokyo(at))) : null)).ToList(),
            Consensus = consensus,
            Declines = view.Declines.Select(d => new DeclineInfo(d.VendorName, d.Reason, DocumentModel.Iso(DateOnly.FromDateTime(Tokyo(d.At))))).ToList(),
        };
    }

    private static string? Note(RankingEntry e, HashSet<string> lot, HashSet<string> unresolved)
    {
        var notes = new List<string>();
        if (lot.Contains(e.VendorId)) notes.Add("くじにより順位を決定");
        if (unresolved.Contains(e.VendorId)) notes.Add("同点（くじ未実施）");
        if (e.PlacementCounts is { } counts) notes.Add("順位票 " + string.Join("・", counts.Select((n, i) => $"{i + 1}位{n}")));
        return notes.Count == 0 ? null : string.Join("、", notes);
    }

    private static string Scale(ScaleKind scale) => scale switch
    {
        ScaleKind.FiveLevel => "5段階評価",
        ScaleKind.FitGap => "○△×（機能適合）",
        ScaleKind.PassFail => "適合／不適合",
        _ => "点数による評価",
    };

    /// <summary>0.6 → 6割, 0.65 → 65%.</summary>
    private static string Ratio(decimal ratio) => decimal.IsInteger(ratio * 10) ? $"{Show(ratio * 10)}割" : $"{Show(ratio * 100)}%";

    private static string RoundingText(RoundingRule rule)
    {
        var how = rule.Mode switch { RoundingMode.Truncate => "切捨て", RoundingMode.HalfUp => "四捨五入", RoundingMode.Up => "切上げ", _ => null };
        if (how is null) return "";
        return rule.Decimals == 0 ? $"（小数点以下{how}）" : $"（小数点以下第{rule.Decimals + 1}位{how}）";
    }

    private static string Show(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static DateTime Tokyo(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, JapaneseDates.Tokyo).DateTime;
}

using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Features.Evaluation.Scoring;

namespace Procurement.Features.Evaluation;

/// <summary>Turns the stored evaluation and sheets into the engine's input: ids as "N" strings, only current items, conflicts as exclusions.</summary>
public static class EvaluationInputs
{
    public static string Id(Guid id) => id.ToString("N");

    public static EvaluationInput Build(EvaluationView view, IReadOnlyList<ScoreSheetView> sheets, bool includePrices)
    {
        var criteria = view.ScoredCriteria;
        var itemIds = criteria.SelectMany(c => c.Items).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var vendorIds = view.Vendors.Select(v => v.VendorId).ToHashSet();
        var memberIds = view.Members.Select(m => m.MemberId).ToHashSet();

        var scores = new List<MemberScore>();
        foreach (var sheet in sheets.Where(s => memberIds.Contains(s.MemberId)))
        {
            foreach (var cell in sheet.Cells.Values)
            {
                // A cell for an item removed by a later criteria change, or for a vendor the member is conflicted with, does not count.
                if (cell.Mark is not { } mark || !itemIds.Contains(cell.ItemId) || !vendorIds.Contains(cell.VendorId) || view.IsConflicted(sheet.MemberId, cell.VendorId)) continue;
                scores.Add(new MemberScore(Id(sheet.MemberId), Id(cell.VendorId), cell.ItemId, mark));
            }
        }

        var exclusions = view.Declarations
            .Where(d => memberIds.Contains(d.MemberId))
            .SelectMany(d => d.ConflictedVendorIds.Where(vendorIds.Contains).Select(v => new ConflictExclusion(Id(d.MemberId), Id(v))))
            .ToList();

        return new EvaluationInput(
            criteria,
            view.Settings,
            view.Members.Select(m => new CommitteeMemberRef(Id(m.MemberId), m.Name)).ToList(),
            view.Vendors.Select(v => new VendorRef(Id(v.VendorId), v.Name)).ToList(),
            scores,
            exclusions,
            view.Consensus.Where(c => itemIds.Contains(c.ItemId) && vendorIds.Contains(c.VendorId))
                .Select(c => new ConsensusScore(Id(c.VendorId), c.ItemId, c.Mark, c.Reason, c.By)).ToList(),
            view.PartialFitDecisions.Where(d => itemIds.Contains(d.ItemId) && vendorIds.Contains(d.VendorId))
                .Select(d => new PartialFitDecision(Id(d.VendorId), d.ItemId, d.TreatAsFit, d.Reason, d.By)).ToList(),
            includePrices ? new PriceEnvelope(view.ReservePrice, view.Bids.Where(b => vendorIds.Contains(b.Key)).ToDictionary(b => Id(b.Key), b => b.Value)) : null,
            view.Lots.Where(l => l.VendorOrder.All(vendorIds.Contains))
                .Select(l => new LotRecord(l.VendorOrder.Select(Id).ToList(), l.DrawnBy, l.At, l.Note)).ToList());
    }
}

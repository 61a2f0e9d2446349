namespace Procurement.Features.Evaluation.Scoring;

/// <summary>The price part of each vendor, and the total it ranks on.</summary>
internal sealed class PricedVendors(int vendorCount, decimal[] technical)
{
    public decimal? Allocation { get; set; }
    public decimal? Lowest { get; set; }
    public decimal?[] Bids { get; } = new decimal?[vendorCount];
    public decimal?[] Points { get; } = new decimal?[vendorCount];
    public decimal?[] EvaluationValue { get; } = new decimal?[vendorCount];
    public decimal[] Totals { get; } = (decimal[])technical.Clone();

    /// <summary>The vendor has a price part (always, without a price envelope).</summary>
    public bool[] Priced { get; } = new bool[vendorCount];
}

/// <summary>
/// Stage 4: the price envelope, read only after the technical part, so the lowest price is taken among vendors still
/// in the running. A bid that is not positive or above the 予定価格 (when one is given) disqualifies; then 価格点
/// (加算方式, 最低価格比) or the 除算方式 評価値, with price rounding.
/// </summary>
internal static class PricePoints
{
    public static PricedVendors Apply(ScoringGrid grid, decimal[] technical, Findings findings)
    {
        var input = grid.Input;
        var settings = grid.Settings;
        var rounding = grid.Rounding;
        var vendorCount = grid.VendorCount;
        var priced = new PricedVendors(vendorCount, technical);
        if (settings.PriceMethod == PriceMethod.None)
        {
            Array.Fill(priced.Priced, true);
            return priced;
        }

        // Only 加算方式 computes with the 予定価格; the other methods rank without one, and a 予定価格 given only invalidates the bids above it.
        var reserve = input.Prices?.ReservePrice;
        var needsReserve = settings.PriceMethod == PriceMethod.Additive;
        if (reserve is null && needsReserve) findings.Block(EngineText.Of(EngineTexts.ReservePriceMissing));
        if (settings.PriceMethod != PriceMethod.Division)
        {
            priced.Allocation = settings.PriceAllocation ?? grid.FullMarks * settings.PriceWeight / settings.TechnicalWeight;
        }
        for (var v = 0; v < vendorCount; v++)
        {
            var vendor = input.Vendors[v];
            if (input.Prices?.Bids.TryGetValue(vendor.Id, out var bid) != true)
            {
                if (!findings.Disqualified[v]) findings.Block(EngineText.Of(EngineTexts.BidMissing, vendor.Name));
                continue;
            }
            priced.Bids[v] = bid;
            if (bid <= 0)
            {
                findings.Disqualify(v, DisqualificationKind.InvalidBid, EngineText.Of(EngineTexts.InvalidBid, Yen(bid)));
            }
            else if (reserve is { } r && bid > r)
            {
                findings.Disqualify(v, DisqualificationKind.BidAboveReservePrice, EngineText.Of(EngineTexts.BidAboveReservePrice, Yen(bid), Yen(r)));
            }
            else if (reserve is not null || !needsReserve)
            {
                priced.Priced[v] = true;
            }
        }
        for (var v = 0; v < vendorCount; v++)
        {
            if (priced.Priced[v] && !findings.Disqualified[v] && (priced.Lowest is null || priced.Bids[v] < priced.Lowest)) priced.Lowest = priced.Bids[v];
        }
        for (var v = 0; v < vendorCount; v++)
        {
            if (!priced.Priced[v] || findings.Disqualified[v]) continue;
            var bid = priced.Bids[v]!.Value;
            switch (settings.PriceMethod)
            {
                case PriceMethod.Additive:
                    priced.Points[v] = rounding.PricePoints.Apply(priced.Allocation!.Value * (1 - bid / input.Prices!.ReservePrice!.Value));
                    priced.Totals[v] = technical[v] + priced.Points[v]!.Value;
                    break;
                case PriceMethod.LowestPriceRatio:
                    priced.Points[v] = rounding.PricePoints.Apply(priced.Allocation!.Value * priced.Lowest!.Value / bid);
                    priced.Totals[v] = technical[v] + priced.Points[v]!.Value;
                    break;
                case PriceMethod.Division:
                    priced.EvaluationValue[v] = DivisionValue(grid, technical[v], bid);
                    priced.Totals[v] = priced.EvaluationValue[v]!.Value;
                    break;
            }
        }
        return priced;
    }

    /// <summary>除算方式: 評価値 = 技術点 ÷ 入札価格 × multiplier, rounded as the price points are.</summary>
    public static decimal DivisionValue(ScoringGrid grid, decimal technical, decimal bid) =>
        grid.Rounding.PricePoints.Apply(technical / bid * grid.Settings.DivisionMultiplier);

    private static string Yen(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}

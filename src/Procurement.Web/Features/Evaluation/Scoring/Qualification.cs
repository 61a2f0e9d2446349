namespace Procurement.Features.Evaluation.Scoring;

/// <summary>
/// Stage 2: what puts a vendor out before the price is read: a counting member's mark below the floor, a 必須 item
/// failed (unless the chair's consensus passes it), a 技術点 below the pass line.
/// </summary>
internal static class Qualification
{
    public static void CheckFloorsAndRequired(ScoringGrid grid, int v, VendorMarks marks, Findings findings)
    {
        var input = grid.Input;
        var itemCount = grid.ItemCount;
        var requiredFailedBy = new int[itemCount];
        Array.Fill(requiredFailedBy, -1);
        var floor = grid.Settings.Floor;

        for (var m = 0; m < grid.MemberCount; m++)
        {
            if (grid.IsExcluded(m, v)) continue;
            for (var i = 0; i < itemCount; i++)
            {
                if (marks.Effective[m * itemCount + i] is not { } mark) continue;
                var item = grid.Items[i].Item;
                var points = marks.Rows[m][i].Points;
                if (item.Required && mark == 0 && requiredFailedBy[i] < 0) requiredFailedBy[i] = m;
                if (floor is not null && !item.Required && BelowFloor(floor, item, mark, points))
                {
                    // Said in the unit the threshold is in: a grade against a grade, points against points.
                    findings.Disqualify(v, DisqualificationKind.BelowFloor, floor.Unit == FloorUnit.Grade
                        ? EngineText.Of(EngineTexts.BelowFloorGrade, input.Members[m].Name, item.Name, Show(mark), Show(floor.Threshold))
                        : EngineText.Of(EngineTexts.BelowFloorPoints, input.Members[m].Name, item.Name, Show(points), Show(floor.Threshold)));
                }
            }
        }

        for (var i = 0; i < itemCount; i++)
        {
            if (requiredFailedBy[i] < 0) continue;
            var name = grid.Items[i].Item.Name;
            findings.Disqualify(v, DisqualificationKind.RequiredItemFailed, grid.Consensus[v * itemCount + i] is null
                ? EngineText.Of(EngineTexts.RequiredFailedByMember, name, input.Members[requiredFailedBy[i]].Name)
                : EngineText.Of(EngineTexts.RequiredFailedByConsensus, name));
        }
    }

    public static void CheckPassLine(ScoringGrid grid, int v, decimal technical, int counting, Findings findings)
    {
        if (grid.Settings.PassLineRatio is not { } ratio || counting == 0) return;
        var line = grid.FullMarks * ratio;
        if (technical < line)
        {
            findings.Disqualify(v, DisqualificationKind.BelowPassLine, EngineText.Of(EngineTexts.BelowPassLine, Show(technical), Show(line), Show(ratio * 100)));
        }
    }

    private static bool BelowFloor(FloorRule floor, CriteriaItem item, decimal mark, decimal points) => floor.Unit switch
    {
        FloorUnit.Grade => item.Scale == ScaleKind.FiveLevel && mark < floor.Threshold,
        _ => item.Scale is ScaleKind.FiveLevel or ScaleKind.Number && points < floor.Threshold,
    };

    internal static string Show(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}

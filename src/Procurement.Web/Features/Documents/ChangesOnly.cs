namespace Procurement.Features.Documents;

/// <summary>
/// The rows of a diff to show in the changes-only view: each changed row with a little unchanged context around it,
/// and one gap row for every run of unchanged rows left out, so an 80-page document's three changes fit one screen.
/// </summary>
public static class ChangesOnly
{
    /// <summary>A row to show (<paramref name="Index"/>), or a gap of <paramref name="Skipped"/> unchanged rows.</summary>
    public readonly record struct Row(int Index, int Skipped)
    {
        public bool IsGap => Skipped > 0;
    }

    public static IReadOnlyList<Row> Rows(int count, Func<int, bool> changed, int context = 2)
    {
        var keep = new bool[count];
        for (var i = 0; i < count; i++)
        {
            if (!changed(i)) continue;
            for (var j = Math.Max(0, i - context); j <= Math.Min(count - 1, i + context); j++) keep[j] = true;
        }

        var rows = new List<Row>();
        var skipped = 0;
        for (var i = 0; i < count; i++)
        {
            if (!keep[i]) { skipped++; continue; }
            if (skipped > 0) rows.Add(new Row(-1, skipped));
            skipped = 0;
            rows.Add(new Row(i, 0));
        }
        if (skipped > 0) rows.Add(new Row(-1, skipped));
        return rows;
    }

    /// <summary>Every row, for the full view.</summary>
    public static IReadOnlyList<Row> All(int count) => Enumerable.Range(0, count).Select(i => new Row(i, 0)).ToList();
}

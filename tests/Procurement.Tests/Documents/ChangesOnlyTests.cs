using Procurement.Features.Documents;

namespace Procurement.Tests.Documents;

[Trait("Lane", "Fast")]
public sealed class ChangesOnlyTests
{
    [Fact]
    public void Changed_rows_keep_two_rows_of_context_and_the_rest_folds_into_counted_gaps()
    {
        // 20 rows, changes at 5 and 15: show 3–7 and 13–17, fold 0–2 (3), 8–12 (5) and 18–19 (2).
        var rows = ChangesOnly.Rows(20, i => i is 5 or 15);

        Assert.Equal(
            ["gap 3", "3", "4", "5", "6", "7", "gap 5", "13", "14", "15", "16", "17", "gap 2"],
            rows.Select(r => r.IsGap ? $"gap {r.Skipped}" : r.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Close_changes_share_their_context_and_no_change_folds_everything()
    {
        Assert.Equal([0, 1, 2, 3, 4, 5], ChangesOnly.Rows(6, i => i is 1 or 4).Select(r => r.Index));
        var none = Assert.Single(ChangesOnly.Rows(9, _ => false));
        Assert.Equal(9, none.Skipped);
        Assert.Empty(ChangesOnly.Rows(0, _ => true));
    }
}

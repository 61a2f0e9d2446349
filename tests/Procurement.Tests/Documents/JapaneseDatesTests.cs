using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

[Trait("Lane", "Fast")]
public sealed class JapaneseDatesTests
{
    [Theory]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 12, 31, "令和元年12月31日")]
    [InlineData(2020, 1, 1, "令和2年1月1日")]
    [InlineData(2026, 11, 26, "令和8年11月26日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    public void Wareki_only(int y, int m, int d, string expected) =>
        Assert.Equal(expected, JapaneseDates.Format(new DateOnly(y, m, d), DateStyle.WarekiOnly, english: false));

    [Theory]
    [InlineData(2019, 5, 1, "令和元年（2019年）5月1日")]
    [InlineData(2026, 11, 26, "令和8年（2026年）11月26日")]
    public void Wareki_with_the_western_year_in_brackets(int y, int m, int d, string expected) =>
        Assert.Equal(expected, JapaneseDates.Format(new DateOnly(y, m, d), DateStyle.WarekiWithWestern, english: false));

    [Theory]
    [InlineData(2019, 4, 1, "令和元年度")]   // began under 平成, named 令和元年度
    [InlineData(2020, 3, 31, "令和元年度")]
    [InlineData(2019, 3, 31, "平成30年度")]
    [InlineData(2026, 11, 26, "令和8年度")]
    [InlineData(1988, 4, 1, "昭和63年度")]
    public void Fiscal_year(int y, int m, int d, string expected) =>
        Assert.Equal(expected, JapaneseDates.FiscalYear(new DateOnly(y, m, d)));

    [Fact]
    public void Yen_has_three_digit_commas() => Assert.Equal("480,000,000円", JapaneseDates.Yen(480_000_000));

    [Theory]
    [InlineData("wareki_only", "令和元年5月1日")]
    [InlineData("wareki_with_western", "令和元年（2019年）5月1日")]
    public void Templates_use_the_group_date_style(string style, string expected)
    {
        var data = DocumentTestSupport.Sample("qa-list");
        data["settings"]!["date_style"] = style;
        data["document"]!["date"] = "2019-05-01";
        var text = DocxText.Extract(DocumentTestSupport.Renderer.RenderJson("qa-list", data).Bytes);
        Assert.Contains("（右）" + expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_in_documents_have_commas_and_missing_dates_say_undecided()
    {
        var data = DocumentTestSupport.Sample("procurement-spec");
        data["procurement"]!["contract_end"] = null;
        var text = DocxText.Extract(DocumentTestSupport.Renderer.RenderJson("procurement-spec", data).Bytes);
        Assert.Contains("480,000,000円", text, StringComparison.Ordinal);
        Assert.Contains("契約締結日から〔未確定事項", text, StringComparison.Ordinal);
    }
}

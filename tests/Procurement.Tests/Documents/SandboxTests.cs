using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>Templates see only their JSON model: no .NET members, bounded loops, recursion and time, exact error positions.</summary>
[Trait("Lane", "Fast")]
public sealed class SandboxTests
{
    private static TemplateException Fails(string template, SandboxLimits? limits = null)
    {
        var catalog = DocumentTestSupport.CatalogWith(("probe", "qa-list", template));
        return Assert.Throws<TemplateException>(() => new DocumentRenderer(catalog).RenderJson("probe", DocumentTestSupport.Sample("qa-list"), limits: limits));
    }

    private static string Renders(string template)
    {
        var catalog = DocumentTestSupport.CatalogWith(("probe", "qa-list", template));
        return DocxText.Extract(new DocumentRenderer(catalog).RenderJson("probe", DocumentTestSupport.Sample("qa-list")).Bytes);
    }

    [Theory]
    [InlineData("{{ group.name.GetType }}")]
    [InlineData("{{ group.name.Length }}")]
    [InlineData("{{ group.members.Count }}")]
    [InlineData("{{ group.GetType().Assembly }}")]
    [InlineData("{{ date.now }}")]
    [InlineData("{{ timespan.from_days 1 }}")]
    public void No_dotnet_member_or_clock_is_reachable(string expression)
    {
        var ex = Fails("本文 " + expression);
        Assert.Equal("probe/document.sbn", ex.Errors[0].File);
    }

    [Fact]
    public void A_typo_in_a_variable_is_an_error_with_file_line_and_column()
    {
        var ex = Fails(".title 表題\n本文\n  {{ group.nmae }}");
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("probe/document.sbn", 3), (error.File, error.Line));
        Assert.Equal(12, error.Column); // 1-based column of "nmae"
        Assert.Contains("nmae", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parse_error_is_reported_with_its_position()
    {
        var ex = Fails("一行目\n{{ if true }}\n閉じていない");
        Assert.Equal("probe/document.sbn", ex.Errors[0].File);
        Assert.True(ex.Errors[0].Line >= 2);
    }

    [Fact]
    public void Loops_are_limited()
    {
        var ex = Fails("{{ for i in 1..1000 }}x{{ end }}", SandboxLimits.Default with { LoopLimit = 100 });
        Assert.Contains("limit", ex.Errors[0].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Recursion_is_limited()
    {
        var ex = Fails("{{ func f(x); ret f(x); end; f(1) }}");
        Assert.Contains("recursive", ex.Errors[0].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_template_that_never_ends_is_stopped_by_the_timeout()
    {
        var started = DateTime.UtcNow;
        var ex = Fails("{{ while true; x = 1; end }}", SandboxLimits.Default with { LoopLimit = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(300) });
        Assert.Contains("制限時間", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("{{ include '../../etc/passwd' }}")]
    [InlineData("{{ include '/etc/passwd' }}")]
    public void Includes_cannot_leave_the_templates_folder(string include)
    {
        var ex = Fails(include);
        Assert.Contains("document-templates", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_markup_is_reported()
    {
        var ex = Fails(".titel 表題");
        Assert.Contains("不明な指示「.titel」", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_are_text_even_when_a_template_builds_markup_from_strings()
    {
        var text = Renders("{{ \"# \" + group.name }}");
        Assert.Contains("# 南信州町村自治体クラウド協議会", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_are_numbered_gaps_through_the_helpers()
    {
        var text = Renders("{{ nobody = null; amount = null }}担当は{{ tbd nobody }}です。金額は{{ yen amount }}、期日は{{ wareki amount }}。");
        Assert.Contains("担当は〔未確定事項1〕です。金額は〔未確定事項2〕、期日は〔未確定事項2〕。", text, StringComparison.Ordinal);
    }
}

using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Diagrams;
using Procurement.Features.Workflows.Pages;

namespace Procurement.Tests.Workflows.Pages;

/// <summary>The pages inline SVG as markup, so every label must arrive escaped, whatever a definition's titles contain.</summary>
[Trait("Lane", "Fast")]
public sealed class InlineSvgTests
{
    private const string Hostile = "<script>alert(\"x\")</script> & \\N \"q\"";

    private static WorkflowDefinition Definition() => new()
    {
        Id = "hostile",
        Version = 1,
        Title = new(Hostile, Hostile),
        Start = "a",
        Steps =
        [
            new WorkflowStep { Id = "a", Phase = "Phase0", Title = new(Hostile, Hostile), Roles = ["ProcurementOfficer"], Page = "cases/step", Next = ["b"] },
            new WorkflowStep { Id = "b", Phase = "Phase1", Title = new("<img src=x onerror=alert(1)>", "b"), Roles = ["ProcurementOfficer"], Page = "cases/step", Final = true },
        ],
    };

    [Fact]
    public async Task Graphviz_output_of_hostile_titles_is_escaped_text()
    {
        if (!File.Exists("/usr/bin/dot")) return; // scripts/prereqs.sh installs graphviz
        var result = await new GraphvizRenderer().RenderSvgAsync(WorkflowDiagrams.DefinitionDot(Definition()));

        var inline = DiagramSvg.Inline(result.Svg)!.ToString()!;
        Assert.StartsWith("<svg", inline, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", inline, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", inline, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", inline, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_with_script_is_never_inlined()
    {
        Assert.Null(DiagramSvg.Inline("<?xml version=\"1.0\"?><svg><script>alert(1)</script></svg>"));
        Assert.Null(DiagramSvg.Inline("not svg"));
        Assert.Equal("<svg><g/></svg>", DiagramSvg.Inline("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg><g/></svg>")!.ToString());
    }

    [Fact]
    public void The_schedule_svg_escapes_titles_and_marks_today()
    {
        var today = new DateOnly(2026, 11, 26);
        var schedule = CaseSchedule.ForDefinition(Definition(), today, today);

        var svg = ScheduleSvg.Render(schedule, "ja", new ScheduleSvg.Labels("今日", "完了", "進行中", "予定", "省略", "期限超過"));

        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("今日 2026-11-26", svg, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(svg, "stroke-dasharray")); // both steps planned
    }

    [Fact]
    public void The_schedule_svg_has_a_text_alternative_naming_its_span_and_counts()
    {
        var today = new DateOnly(2026, 11, 26);
        var schedule = CaseSchedule.ForDefinition(Definition(), today, today);

        var svg = System.Xml.Linq.XElement.Parse(ScheduleSvg.Render(schedule, "ja", new ScheduleSvg.Labels("今日", "完了", "進行中", "予定", "省略", "期限超過")));

        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        var title = svg.Element(ns + "title");
        Assert.NotNull(title);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal((string?)title.Attribute("id"), (string?)svg.Attribute("aria-labelledby"));
        Assert.Contains("2 steps (0 done, 0 in progress, 0 overdue)", title.Value, StringComparison.Ordinal);
    }
}

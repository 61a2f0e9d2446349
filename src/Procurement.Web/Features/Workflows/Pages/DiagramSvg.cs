using Microsoft.AspNetCore.Html;

namespace Procurement.Features.Workflows.Pages;

/// <summary>
/// Inlines Graphviz output in a page. The SVG comes from DOT that WorkflowDiagrams builds from our own
/// definitions, with every label DOT-escaped there and XML-escaped by Graphviz; the XML prolog and
/// DOCTYPE are dropped (not allowed inside HTML), and anything that is not a plain SVG document is refused.
/// </summary>
public static class DiagramSvg
{
    public static IHtmlContent? Inline(string? svg)
    {
        if (svg is null) return null;
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0) return null;
        var body = svg[start..];
        if (body.Contains("<script", StringComparison.OrdinalIgnoreCase) || body.Contains("<foreignObject", StringComparison.OrdinalIgnoreCase)) return null;
        return new HtmlString(body);
    }
}

using System.Text;
using Procurement.Features.Workflows.Definitions;

namespace Procurement.Features.Workflows.Diagrams;

/// <summary>
/// Graphviz DOT for a definition (phases as clusters, parallel tracks and joins drawn as such) and for a
/// case (completed steps marked, current ones highlighted). Render with <see cref="GraphvizRenderer"/>.
/// </summary>
public static class WorkflowDiagrams
{
    public static string DefinitionDot(WorkflowDefinition definition, string language = "ja") => Dot(definition, null, language);

    public static string CaseDot(WorkflowDefinition definition, CaseWorkflowView view, string language = "ja") => Dot(definition, view, language);

    private static string Dot(WorkflowDefinition d, CaseWorkflowView? view, string language)
    {
        var en = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"digraph \"{Escape(d.Id)}\" {{");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  label=\"{Escape(d.Title.For(language))}{(en ? $" (v{d.Version})" : $"（v{d.Version}）")}\"; labelloc=t; fontsize=18;");
        sb.AppendLine("  graph [rankdir=TB, fontname=\"Noto Sans CJK JP\", nodesep=0.4, ranksep=0.45];");
        sb.AppendLine("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#555555\", fontname=\"Noto Sans CJK JP\", fontsize=11];");
        sb.AppendLine("  edge [color=\"#555555\", fontname=\"Noto Sans CJK JP\", fontsize=9];");
        if (view is not null)
        {
            var (done, current, skipped, notYet, open) = en
                ? ("done", "current", "skipped", "not yet", "open, later work recorded")
                : ("完了", "進行中", "省略", "未着手", "未完了（後続の作業が記録済み）");
            sb.AppendLine(CultureInfo.InvariantCulture, $"  legend [shape=plaintext, style=\"\", label=<<table border=\"0\" cellspacing=\"4\" cellpadding=\"4\"><tr>" +
                $"<td bgcolor=\"#c6f6d5\">✔ {done}</td><td bgcolor=\"#fefcbf\" border=\"2\" color=\"#c05621\">{current}</td>" +
                $"<td bgcolor=\"#e4e7eb\">{skipped}</td><td border=\"1\">{notYet}</td><td bgcolor=\"#fed7d7\">! {open}</td></tr></table>>];");
        }

        // Steps still open although later work was recorded are drawn apart from the current ones.
        HashSet<string> flagged = view is null ? [] : Runtime.RecordedWork.LaterWorkExists(d, view).ToHashSet(StringComparer.Ordinal);
        foreach (var phase in d.Steps.GroupBy(s => s.Phase).OrderBy(g => WorkflowPhases.Order(g.Key)))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  subgraph \"cluster_{Escape(phase.Key)}\" {{");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    label=\"{Escape(phase.Key)} {Escape(WorkflowPhases.Title(phase.Key).For(language))}\"; style=\"rounded,dashed\"; color=\"#9aa5b1\"; fontsize=12;");
            foreach (var step in phase)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    \"{Escape(step.Id)}\" [{NodeAttributes(step, view, language, flagged.Contains(step.Id))}];");
            }
            sb.AppendLine("  }");
        }

        foreach (var step in d.Steps)
        {
            foreach (var next in step.Next) sb.AppendLine(CultureInfo.InvariantCulture, $"  \"{Escape(step.Id)}\" -> \"{Escape(next)}\"{EdgeStyle(step.Id, next, view, null)};");
            foreach (var next in step.Fork) sb.AppendLine(CultureInfo.InvariantCulture, $"  \"{Escape(step.Id)}\" -> \"{Escape(next)}\"{EdgeStyle(step.Id, next, view, en ? "parallel" : "並行")};");
            foreach (var choice in step.Choice)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  \"{Escape(step.Id)}\" -> \"{Escape(choice.To)}\"{EdgeStyle(step.Id, choice.To, view, choice.Label.For(language))};");
            }
        }
        sb.AppendLine("}");
        return sb.ToString();
    }

    private static string NodeAttributes(WorkflowStep step, CaseWorkflowView? view, string language, bool flagged)
    {
        var label = new StringBuilder(Escape(step.Title.For(language)));
        if (step.Optional) label.Append(language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "\\n(optional)" : "\\n（任意）");
        if (step.IsJoin) label.Append(language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "\\n[join]" : "\\n［合流］");
        var due = view?.DueFor(step.Id);
        if (due is { } d && view is not null && !view.IsCompleted(step.Id)) label.Append(CultureInfo.InvariantCulture, $"\\n{d:yyyy-MM-dd}");

        var attributes = new List<string> { $"label=\"{label}\"", $"tooltip=\"{Escape(step.Id)}\"" };
        if (step.Optional) attributes.Add("style=\"rounded,filled,dashed\"");
        if (step.Final) attributes.Add("peripheries=2");
        if (view is null) return string.Join(", ", attributes);

        if (view.Completed.FirstOrDefault(c => c.StepId == step.Id) is { } done)
        {
            attributes[0] = $"label=\"✔ {label}\"";
            attributes.Add(done.Skipped ? "fillcolor=\"#e4e7eb\", fontcolor=\"#616e7c\"" : "fillcolor=\"#c6f6d5\", color=\"#2f855a\"");
        }
        else if (flagged)
        {
            attributes[0] = $"label=\"! {label}\"";
            attributes.Add("fillcolor=\"#fed7d7\", color=\"#c53030\", style=\"rounded,filled,dashed\"");
        }
        else if (view.IsActive(step.Id))
        {
            attributes.Add("fillcolor=\"#fefcbf\", color=\"#c05621\", penwidth=3");
        }
        else
        {
            attributes.Add("fontcolor=\"#52606d\"");
        }
        return string.Join(", ", attributes);
    }

    private static string EdgeStyle(string from, string to, CaseWorkflowView? view, string? label)
    {
        var attributes = new List<string>();
        if (label is not null) attributes.Add($"label=\"{Escape(label)}\"");
        if (view is not null && view.IsCompleted(from) && (view.IsCompleted(to) || view.IsActive(to)))
        {
            attributes.Add("color=\"#2f855a\", penwidth=2");
        }
        return attributes.Count == 0 ? "" : $" [{string.Join(", ", attributes)}]";
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

using Procurement.Features.Workflows.Definitions;
using Procurement.Infrastructure.Localization;

namespace Procurement.Features.Workflows;

/// <summary>
/// Workflow sentences in the reader's language, decided while handling the request: refusals of the use cases, guard
/// reasons and the case-timeline lines, with step titles and role names as the reader sees them on the page.
/// Guard descriptions stay Japanese keys, translated where they are shown. A field named T, so the UI text checks
/// (scripts/ui-text-keys.py, the English completeness test) see the templates.
/// </summary>
internal static class WorkflowText
{
    public static readonly UiText T = new();

    public static string Title(WorkflowStep step) => step.Title.For(UiText.IsEnglish ? "en" : "ja");

    public static string Label(LocalizedText text) => text.For(UiText.IsEnglish ? "en" : "ja");

    public static string RoleList(IEnumerable<string> roles) => string.Join(T.Comma, roles.Select(r => T[Infrastructure.Auth.Roles.DisplayName(r)]));
}

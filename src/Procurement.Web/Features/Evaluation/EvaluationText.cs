namespace Procurement.Features.Evaluation;

/// <summary>
/// Refusals with names or numbers in them, decided in the reader's language while the request is handled (a fixed
/// refusal stays a Japanese key that the page translates). A field named T, so the UI text checks see the templates.
/// </summary>
internal static class EvaluationText
{
    public static readonly UiText T = new();
}

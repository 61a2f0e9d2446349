namespace Procurement.Features.Evaluation;

/// <summary>
/// Sentences with names or numbers that the queries make in the reader's language while the request is handled (a fixed
/// refusal stays a Japanese key that the page translates). Decisions do not use it: they refuse with a key and its
/// arguments (<see cref="Decision"/>). A field named T, so the UI text checks see the templates.
/// </summary>
internal static class EvaluationText
{
    public static readonly UiText T = new();
}

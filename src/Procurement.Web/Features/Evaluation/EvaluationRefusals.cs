namespace Procurement.Features.Evaluation;

/// <summary>
/// The refusals every evaluation decision shares, about the state of the evaluation (open, closed, finalised), as
/// <see cref="Decision"/>s: <c>if (EvaluationRefusals.IfClosed(state) is { } refused) return refused;</c>.
/// Who the user is (officer, chair, member) is not decided here: the handler checks it with <see cref="EvaluationGate"/>
/// before it decides.
/// </summary>
public static class EvaluationRefusals
{
    /// <summary>After technical scoring closed, nothing that scoring rests on changes.</summary>
    public static Decision? IfClosed(EvaluationView view) => view.TechnicalClosed ? Decision.Refuse("技術審査は締め切られています。") : null;

    /// <summary>After the chair finalised the result, the decisions it rests on stay as they are.</summary>
    public static Decision? IfFinalised(EvaluationView view) =>
        view.ResultsFinalisedAt is not null ? Decision.Refuse("審査結果は確定済みのため、変更できません。") : null;

    /// <param name="what">The action (a Japanese UI text key), named in the refusal.</param>
    public static Decision? IfNotClosedYet(EvaluationView view, string what) =>
        view.TechnicalClosed ? null : Decision.Refuse("{0}は技術審査の締切後に行えます。", Reason.Of(what));
}

using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

namespace Procurement.Features.Evaluation.Pages;

/// <summary>
/// How the evaluation pages turn a command's refusal into page messages, like the case edit page:
/// bad input next to its field (<c>{form}.{Property}</c>), a rule refusal next to the form that was sent
/// (key <c>{form}</c>), a stale page at the top with a reload link.
/// </summary>
public static class EvaluationForm
{
    public static async Task<(bool Ok, bool Stale)> TryAsync(ModelStateDictionary modelState, UiText t, string form, Func<Task> send)
    {
        try
        {
            await send();
            return (true, false);
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) modelState.AddModelError($"{form}.{e.PropertyName}", e.ErrorMessage);
        }
        catch (StaleVersionException ex)
        {
            modelState.AddModelError("", t[ex.Message]);
            return (false, true);
        }
        catch (DomainRuleException ex)
        {
            modelState.AddModelError(form, ex.Message);
        }
        return (false, false);
    }

    public static string Status(UiText t, MemberStatus m) => m.SheetStatus switch
    {
        ScoreSheets.ScoreSheetStatus.Submitted => t["提出済み"],
        ScoreSheets.ScoreSheetStatus.Draft => t["作成中"],
        _ => t["未着手"],
    };
}

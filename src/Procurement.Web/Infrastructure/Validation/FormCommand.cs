using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Procurement.Infrastructure.Validation;

/// <summary>
/// How a page with several forms turns a command's refusal into messages, the same way the case edit page
/// does: bad input next to its field (<c>{form}.{Property}</c>), a rule refusal next to the form that was sent
/// (key <c>{form}</c>), a stale page at the top with a reload link.
/// </summary>
public static class FormCommand
{
    /// <returns>Ok when the command went through; Stale when the page was out of date.</returns>
    public static Task<(bool Ok, bool Stale)> TryAsync(ModelStateDictionary modelState, UiText t, string form, Func<Task> send) =>
        TryAsync(modelState, t, send, property => $"{form}.{property}", form);

    /// <summary>
    /// The same for a page with one form whose fields are not all named after the command's properties:
    /// <paramref name="fieldKey"/> names the field a bad property is shown next to, and a rule refusal goes under
    /// <paramref name="ruleKey"/> (by default at the top of the page).
    /// </summary>
    public static async Task<(bool Ok, bool Stale)> TryAsync(ModelStateDictionary modelState, UiText t, Func<Task> send, Func<string, string> fieldKey, string ruleKey = "")
    {
        try
        {
            await send();
            return (true, false);
        }
        catch (ValidationException ex)
        {
            // Messages are Japanese keys, or already English where the validator translated them (then t[] returns them as they are).
            foreach (var e in ex.Errors) modelState.AddModelError(fieldKey(e.PropertyName), t[e.ErrorMessage]);
        }
        catch (StaleVersionException ex)
        {
            modelState.AddModelError("", t[ex.Message]);
            return (false, true);
        }
        catch (DomainRuleException ex)
        {
            // A refusal with several reasons has one a line: each is its own message.
            foreach (var reason in ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                modelState.AddModelError(ruleKey, t[reason]);
        }
        return (false, false);
    }

    /// <summary>The usual field key of a single-form page: <c>Input.{Property}</c>.</summary>
    public static string Input(string property) => "Input." + property;
}

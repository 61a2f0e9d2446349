using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Procurement.Infrastructure.Validation;

/// <summary>
/// Irreversible actions (submitting a score sheet, closing technical scoring, finalising results, approving a contract
/// version, recording a decline) are sent with a required checkbox that names the consequence. The server checks it,
/// so the confirmation holds without JavaScript and for any client that posts the form.
/// </summary>
public static class Confirmation
{
    /// <summary>The checkbox's form field name and the model-state key of its message.</summary>
    public static string Field(string form) => $"{form}Confirmed";

    /// <returns>True when confirmed; otherwise the message goes next to the checkbox and nothing is sent.</returns>
    public static bool Require(ModelStateDictionary modelState, string form, bool confirmed, string message)
    {
        if (confirmed) return true;
        modelState.AddModelError(Field(form), message);
        return false;
    }
}

namespace Procurement.Infrastructure.Uploads;

/// <summary>
/// Why an uploaded file was refused, as a Japanese template and its arguments: the page says it in the reader's
/// language (<see cref="Say"/>), code outside a request keeps the Japanese (<see cref="ToString"/>).
/// </summary>
public sealed record UploadRefusal(string Template, params object[] Args)
{
    public string Say(UiText t) => t.Format(Template, Args);

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Template, Args);
}

namespace Procurement.Features.Vendors;

/// <summary>Field rules shared by the vendor commands.</summary>
public static class VendorRules
{
    public const long MaxAmount = 1_000_000_000_000; // 1兆円: beyond any municipal system

    public static IRuleBuilderOptions<T, string> CorporateNumberRule<T>(this IRuleBuilder<T, string> rule, UiText t) =>
        rule.Must(CorporateNumber.IsValid).WithMessage(t["法人番号は13桁の数字で、先頭のチェックデジットが正しいものを入力してください。"]);

    public static IRuleBuilderOptions<T, string> Required<T>(this IRuleBuilder<T, string> rule, UiText t, string label, int max) =>
        rule.NotEmpty().WithMessage(t.Format("{0}を入力してください。", t[label]))
            .MaximumLength(max).WithMessage(t.Format("{0}は{1}文字以内で入力してください。", t[label], max));

    public static IRuleBuilderOptions<T, long?> Amount<T>(this IRuleBuilder<T, long?> rule, UiText t, string label) =>
        rule.NotNull().WithMessage(t.Format("{0}を円単位の整数で入力してください。", t[label]))
            .Must(a => a is null || (a >= 0 && a <= MaxAmount)).WithMessage(t.Format("{0}は0円以上1兆円以下で入力してください。", t[label]));

    /// <summary>Today in Japan: the municipalities' calendar, whatever the server's time zone.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Documents.JapaneseDates.Tokyo).DateTime);

    /// <summary>Text that ends up in Word documents: XML 1.0 forbids most control characters and lone surrogates.</summary>
    public static string Clean(string? s)
    {
        var source = (s ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var sb = new System.Text.StringBuilder(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1])) { sb.Append(c).Append(source[++i]); continue; }
            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (char.IsControl(c) && c is not '\n' and not '\t')) continue;
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }
}

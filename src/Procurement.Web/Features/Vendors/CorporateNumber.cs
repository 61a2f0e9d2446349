using System.Text;

namespace Procurement.Features.Vendors;

/// <summary>
/// 法人番号 (国税庁): 13 digits whose first digit is a check digit over the other 12
/// (法人番号の指定等に関する省令 第2条). Officers copy it from letters and web pages, so full-width
/// digits, spaces and hyphens are accepted and normalised away before checking.
/// </summary>
public static class CorporateNumber
{
    public static string Normalize(string? input)
    {
        var sb = new StringBuilder();
        foreach (var ch in input ?? "")
        {
            if (ch is >= '０' and <= '９') sb.Append((char)('0' + (ch - '０')));
            else if (ch is ' ' or '　' or '-' or '－' or 'ー') continue;
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>9 − (Σ Pn × Qn mod 9), Pn = n-th digit of the 12-digit base counted from the right, Qn = 1 (odd n) or 2 (even n).</summary>
    public static int CheckDigit(string base12)
    {
        if (base12.Length != 12 || !base12.All(char.IsAsciiDigit)) throw new ArgumentException("12 digits expected", nameof(base12));
        var sum = 0;
        for (var n = 1; n <= 12; n++)
        {
            var p = base12[12 - n] - '0';
            sum += p * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - (sum % 9);
    }

    public static bool IsValid(string? input)
    {
        var s = Normalize(input);
        return s.Length == 13 && s.All(char.IsAsciiDigit) && s[0] - '0' == CheckDigit(s[1..]);
    }
}

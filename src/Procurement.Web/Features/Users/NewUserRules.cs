namespace Procurement.Features.Users;

/// <summary>Rules for a new account, shared by the admin page, the first-run page and the CLI.</summary>
public static class NewUserRules
{
    public const int MaxLength = 100;

    public static string? Check(string userName, string displayName, string password)
    {
        if (string.IsNullOrWhiteSpace(userName)) return "ユーザー名を入力してください。";
        if (userName.Length > 50 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            return "ユーザー名は半角英数字と . _ - で50文字以内にしてください。";
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > MaxLength) return "氏名を100文字以内で入力してください。";
        if (password.Length < PasswordService.MinimumLength) return $"パスワードは{PasswordService.MinimumLength}文字以上にしてください。";
        return null;
    }
}

using Microsoft.AspNetCore.Identity;
using Procurement.Features.Users;

namespace Procurement.Infrastructure.Auth;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher, without the rest of Identity.</summary>
public sealed class PasswordService
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public const int MinimumLength = 10;

    public string Hash(UserAccount user, string password) => Hasher.HashPassword(user, password);

    public bool Verify(UserAccount user, string password) =>
        !string.IsNullOrEmpty(user.PasswordHash) &&
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}

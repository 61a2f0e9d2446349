using Microsoft.AspNetCore.Identity;
using Procurement.Features.Users;

namespace Procurement.Infrastructure.Auth;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher, without the rest of Identity.</summary>
public sealed class PasswordService
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>
    /// What a password is checked against when there is no account (or no usable hash): made by the same hasher,
    /// so an unknown name costs the same PBKDF2 work as a real one and timing does not tell them apart.
    /// </summary>
    internal static readonly string DummyHash = Hasher.HashPassword(new UserAccount(), Convert.ToBase64String(Guid.NewGuid().ToByteArray()));

    public const int MinimumLength = 10;
    public const int MaximumLength = 200;

    public string Hash(UserAccount user, string password) => Hasher.HashPassword(user, password);

    /// <summary>True when <paramref name="user"/> exists, has a hash and <paramref name="password"/> matches it; the same work either way.</summary>
    public bool Verify(UserAccount? user, string password)
    {
        if (user is null || string.IsNullOrEmpty(user.PasswordHash))
        {
            _ = Hasher.VerifyHashedPassword(new UserAccount(), DummyHash, password);
            return false;
        }
        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
    }
}

using Procurement.Features.Account;
using Procurement.Features.Users;
using Procurement.Infrastructure.Auth;

namespace Procurement.Tests.Account;

/// <summary>The pure parts of signing in: the lockout rule and the hashing work for unknown names.</summary>
public sealed class SignInRulesTests
{
    [Theory]
    [InlineData(1, true, true, SignInOutcome.Success)]
    [InlineData(5, true, true, SignInOutcome.Success)]
    [InlineData(6, true, true, SignInOutcome.LockedOut)]
    [InlineData(41, true, true, SignInOutcome.LockedOut)]
    [InlineData(4, true, false, SignInOutcome.WrongCredentials)]
    [InlineData(5, true, false, SignInOutcome.NowLockedOut)]
    [InlineData(4, false, true, SignInOutcome.WrongCredentials)]
    [InlineData(5, false, true, SignInOutcome.NowLockedOut)]
    [InlineData(6, false, false, SignInOutcome.LockedOut)]
    public void The_attempts_number_decides_whether_the_account_exists_or_not(int attempt, bool accountCanSignIn, bool matches, SignInOutcome expected)
    {
        Assert.Equal(expected, SignInDecision.Decide(attempt, accountCanSignIn, matches));
    }

    [Fact]
    public void The_hash_checked_for_unknown_names_has_the_same_algorithm_and_iteration_count_as_a_real_one()
    {
        var real = Convert.FromBase64String(new PasswordService().Hash(new UserAccount(), "some-password-2026"));
        var dummy = Convert.FromBase64String(PasswordService.DummyHash);

        // Identity's v3 format: a marker byte, then the PRF, the iteration count and the salt length (4 bytes each).
        Assert.Equal(real.AsSpan(0, 13).ToArray(), dummy.AsSpan(0, 13).ToArray());
        Assert.Equal(real.Length, dummy.Length);
    }

    [Fact]
    public void No_account_and_an_account_without_a_hash_never_match()
    {
        var passwords = new PasswordService();

        Assert.False(passwords.Verify(null, "anything-at-all"));
        Assert.False(passwords.Verify(new UserAccount { PasswordHash = "" }, "anything-at-all"));
    }
}
